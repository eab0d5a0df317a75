//! The initiative list as CSV, for spreadsheet users.

use super::{Initiative, Roadmap};

/// Stackplan's CSV columns, in order; the backlog import recognises its own export by them.
pub(crate) const COLUMNS: [&str; 17] = [
    "id",
    "title",
    "effort",
    "impact",
    "quadrant",
    "quick_win",
    "urgency",
    "due",
    "phase",
    "owner",
    "stakeholders",
    "goals",
    "budget",
    "dependencies",
    "tags",
    "catalog_path",
    "description",
];

/// What a spreadsheet runs as a formula when a cell starts with it (and the tab and carriage
/// return that some of them skip before looking).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether a cell starts the way a defused formula does: quotes, then a formula's start
/// ("'=SUM(A1)", "''-5"). Readers take one quote off such a cell and writers put one on, so
/// that text written and read back is the same text.
pub(crate) fn looks_defused(cell: &str) -> bool {
    cell.starts_with('\'') && cell.trim_start_matches('\'').starts_with(FORMULA_STARTS)
}

/// One row per initiative, RFC 4180 quoting, CRLF line ends; list fields are joined with "; ".
pub fn to_csv(roadmap: &Roadmap) -> String {
    let columns = COLUMNS.map(String::from);
    let rows: Vec<Vec<String>> = roadmap
        .initiatives
        .iter()
        .map(|initiative| initiative_row(roadmap, initiative))
        .collect();
    write_table(&columns, &rows)
}

/// A header row and rows of cells as CSV: RFC 4180 quoting, CRLF line ends, formulas defused.
/// The backlog reader reads it back to the very same cells.
pub fn write_table(columns: &[String], rows: &[Vec<String>]) -> String {
    let mut csv = String::new();
    for row in std::iter::once(columns).chain(rows.iter().map(Vec::as_slice)) {
        for (index, cell) in row.iter().enumerate() {
            if index > 0 {
                csv.push(',');
            }
            csv.push_str(&cell_text(cell));
        }
        csv.push_str("\r\n");
    }
    csv
}

/// One initiative's cells, in the order of `COLUMNS`.
fn initiative_row(roadmap: &Roadmap, initiative: &Initiative) -> Vec<String> {
    let phase = initiative
        .phase
        .as_ref()
        .and_then(|id| roadmap.phase(id))
        .map(|phase| phase.name.clone())
        .unwrap_or_default();
    let dependencies: Vec<&str> = initiative
        .dependencies
        .iter()
        .filter_map(|id| roadmap.initiative(id).map(|dependency| dependency.title.as_str()))
        .collect();
    vec![
        initiative.id.as_str().to_string(),
        initiative.title.clone(),
        initiative.effort.to_string(),
        initiative.impact.to_string(),
        initiative.quadrant(&roadmap.quadrant_split).label().to_string(),
        if initiative.quick_win { "yes" } else { "no" }.to_string(),
        initiative.urgency.as_str().to_string(),
        initiative.due.map(|due| due.to_string()).unwrap_or_default(),
        phase,
        initiative.owner.clone(),
        initiative.stakeholders.join("; "),
        initiative.goals.join("; "),
        initiative
            .budget
            .map(|budget| budget.to_string())
            .unwrap_or_default(),
        dependencies.join("; "),
        initiative.tags.join("; "),
        initiative
            .origin
            .as_ref()
            .map(|origin| origin.path.join(" > "))
            .unwrap_or_default(),
        initiative.description.clone(),
    ]
}

/// Quotes a cell when needed, and defuses text a spreadsheet would run as a formula. A cell that
/// already looks defused (`'=…`, `''=…`) gets another `'`, since readers take one off.
/// Semicolons and tabs are quoted too, so that no reader guesses either as the delimiter, and so
/// is a leading byte order mark, which readers drop at the start of a file.
fn cell_text(cell: &str) -> String {
    let formula = cell.starts_with(FORMULA_STARTS) && cell.parse::<f64>().is_err();
    let defused = if formula || looks_defused(cell) {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    if defused.contains([',', ';', '\t', '"', '\n', '\r']) || defused.starts_with('\u{feff}') {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Score, Urgency};

    #[test]
    fn csv_has_a_header_and_one_row_per_initiative() {
        let mut roadmap = Roadmap::default();
        let phase = roadmap.phases[0].id.clone();
        let base = roadmap.add_initiative("Data lake");
        let id = roadmap.add_initiative("BI, dashboards");
        roadmap.update_initiative(&id, |initiative| {
            initiative.effort = Score::clamped(2.0);
            initiative.impact = Score::clamped(8.5);
            initiative.urgency = Urgency::High;
            initiative.tags = vec!["bi".into(), "exec".into()];
            initiative.description = "Say \"hello\"\nsecond line".into();
        });
        roadmap.assign_phase(&id, Some(phase));
        roadmap.set_dependency(&id, &base, true);
        let csv = to_csv(&roadmap);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert!(lines[0].starts_with("id,title,effort,impact,quadrant"));
        assert_eq!(
            lines[2],
            "i2,\"BI, dashboards\",2.0,8.5,Quick wins,no,high,,Phase 1,,,,,Data lake,\"bi; exec\",,\"Say \"\"hello\"\"\nsecond line\""
        );
    }

    #[test]
    fn formulas_are_defused_but_negative_numbers_kept() {
        assert_eq!(cell_text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell_text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell_text("-5"), "-5");
        assert_eq!(cell_text("plain"), "plain");
    }

    #[test]
    fn text_that_looks_defused_is_defused_again_so_it_reads_back_as_is() {
        assert_eq!(cell_text("'=1+1"), "''=1+1");
        assert_eq!(cell_text("'-5"), "''-5");
        assert_eq!(cell_text("''=x"), "'''=x");
        assert_eq!(cell_text("'90s"), "'90s");
    }

    #[test]
    fn semicolons_tabs_and_a_leading_byte_order_mark_are_quoted() {
        assert_eq!(cell_text("a; b"), "\"a; b\"");
        assert_eq!(cell_text("a\tb"), "\"a\tb\"");
        assert_eq!(cell_text("\u{feff}x"), "\"\u{feff}x\"");
    }

    #[test]
    fn a_table_is_written_header_first_with_crlf_line_ends() {
        let columns = ["Title", "Notes"].map(String::from);
        let rows = vec![vec!["A".to_string(), "x, y".to_string()], vec!["B".to_string()]];
        assert_eq!(write_table(&columns, &rows), "Title,Notes\r\nA,\"x, y\"\r\nB\r\n");
    }
}
