//! The initiative list as CSV, for spreadsheet users.

use super::{
    FrameworkInput, Initiative, RankedInitiative, Roadmap, ScoreRange, framework_inputs, number,
    rank_initiatives,
};

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

/// Columns after [`COLUMNS`] while a framework other than effort vs impact is active: its name,
/// each initiative's score and rank (blank while inputs are missing), the formula with its
/// numbers (or what it needs) and the inputs, ranges as low–likely–high.
pub(crate) const FRAMEWORK_COLUMNS: [&str; 5] = ["framework", "score", "rank", "formula", "inputs"];

/// Columns after [`COLUMNS`] while any initiative's effort or impact has a range: each range's
/// ends, blank where a score is a single point.
pub(crate) const RANGE_COLUMNS: [&str; 4] = ["effort_low", "effort_high", "impact_low", "impact_high"];

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
/// Under effort vs impact the columns are [`COLUMNS`], as they always were; [`RANGE_COLUMNS`]
/// follow while any score has a range, and [`FRAMEWORK_COLUMNS`] under another framework.
pub fn to_csv(roadmap: &Roadmap) -> String {
    let mut rows: Vec<Vec<String>> = roadmap
        .initiatives
        .iter()
        .map(|initiative| initiative_row(roadmap, initiative))
        .collect();
    let mut columns: Vec<String> = COLUMNS.map(String::from).to_vec();
    if roadmap
        .initiatives
        .iter()
        .any(|initiative| initiative.is_ranged())
    {
        columns.extend(RANGE_COLUMNS.map(String::from));
        for (row, initiative) in rows.iter_mut().zip(roadmap.initiatives.iter()) {
            let ends = |range: Option<ScoreRange>| {
                range.map_or_else(
                    || [String::new(), String::new()],
                    |range| [range.low, range.high].map(|end| end.to_string()),
                )
            };
            row.extend(ends(initiative.effort_range));
            row.extend(ends(initiative.impact_range));
        }
    }
    if !roadmap.framework.is_default() {
        columns.extend(FRAMEWORK_COLUMNS.map(String::from));
        for line in rank_initiatives(roadmap) {
            rows[line.index].extend(framework_cells(roadmap, &roadmap.initiatives[line.index], line));
        }
    }
    write_table(&columns, &rows)
}

/// One initiative's cells under the active framework, in the order of `FRAMEWORK_COLUMNS`.
/// The score is a plain decimal ("1066.67"), which spreadsheets read as a number whatever
/// their locale; a missing input leaves score and rank blank, never 0.
fn framework_cells(roadmap: &Roadmap, initiative: &Initiative, line: RankedInitiative) -> [String; 5] {
    let inputs: Vec<String> = framework_inputs(roadmap, initiative)
        .iter()
        .filter_map(FrameworkInput::text)
        .collect();
    let (score, formula) = match line.score {
        Ok(score) => (number(score.value).replace(',', ""), score.formula),
        Err(missing) => (String::new(), missing.to_string()),
    };
    [
        roadmap.framework.label().to_string(),
        score,
        line.rank.map(|rank| rank.to_string()).unwrap_or_default(),
        formula,
        inputs.join("; "),
    ]
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
    use crate::model::{Confidence, Estimate, Framework, RiceImpact, RiceInputs, Score, ScoreRange, Urgency};

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
    fn under_effort_vs_impact_the_columns_are_as_they_always_were() {
        let mut roadmap = Roadmap::default();
        let id = roadmap.add_initiative("Data lake");
        roadmap.update_initiative(&id, |initiative| {
            initiative.rice.reach = Some(Estimate::point(2000.0));
        });
        let header = COLUMNS.join(",") + "\r\n";
        assert!(to_csv(&roadmap).starts_with(&header));
        assert_eq!(
            to_csv(&roadmap)
                .lines()
                .next()
                .map(|line| line.split(',').count()),
            Some(17)
        );
    }

    #[test]
    fn ranges_add_their_ends_after_the_columns_blank_where_a_score_is_a_point() {
        let mut roadmap = Roadmap::default();
        let lake = roadmap.add_initiative("Data lake");
        roadmap.add_initiative("Data catalog");
        roadmap.update_initiative(&lake, |initiative| {
            initiative.impact_range =
                ScoreRange::around(initiative.impact, Score::clamped(3.0), Score::clamped(8.5));
        });
        let csv = to_csv(&roadmap);
        let lines: Vec<&str> = csv.lines().collect();
        assert!(
            lines[0].ends_with(",description,effort_low,effort_high,impact_low,impact_high"),
            "{csv}"
        );
        assert!(lines[1].ends_with(",,,3.0,8.5"), "{csv}");
        assert!(lines[2].ends_with(",,,,"), "{csv}");
    }

    #[test]
    fn a_framework_adds_its_name_score_rank_formula_and_inputs() {
        let mut roadmap = Roadmap {
            framework: Framework::Rice,
            ..Roadmap::default()
        };
        let lake = roadmap.add_initiative("Data lake");
        let catalog = roadmap.add_initiative("Data catalog");
        let mesh = roadmap.add_initiative("Data mesh");
        roadmap.update_initiative(&lake, |initiative| {
            initiative.rice = RiceInputs {
                reach: Estimate::new(1500.0, 2000.0, 3000.0).ok(),
                impact: Some(RiceImpact::High),
                confidence: Some(Confidence::High),
                effort: Some(Estimate::point(3.0)),
            };
        });
        roadmap.update_initiative(&catalog, |initiative| {
            initiative.rice = RiceInputs {
                reach: Some(Estimate::point(100_000.0)),
                impact: Some(RiceImpact::Massive),
                confidence: Some(Confidence::Full),
                effort: Some(Estimate::point(2.0)),
            };
        });
        roadmap.update_initiative(&mesh, |initiative| initiative.rice.impact = Some(RiceImpact::Low));
        let csv = to_csv(&roadmap);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert!(
            lines[0].ends_with(",tags,catalog_path,description,framework,score,rank,formula,inputs"),
            "{}",
            lines[0]
        );
        // The range's PERT mean is 2,083.33; the inputs show the range itself.
        assert!(
            lines[1].ends_with(
                ",RICE,1111.11,2,\"RICE = 2,083.33 × 2 × 80% ÷ 3 = 1,111.11\",\"Reach 1,500–2,000–3,000; RICE impact 2; Confidence 80%; Effort (person-months) 3\""
            ),
            "{}",
            lines[1]
        );
        assert!(
            lines[2].ends_with(",RICE,150000,1,\"RICE = 100,000 × 3 × 100% ÷ 2 = 150,000\",\"Reach 100,000; RICE impact 3; Confidence 100%; Effort (person-months) 2\""),
            "{}",
            lines[2]
        );
        // Missing inputs: no score, no rank, and what it needs.
        assert!(
            lines[3]
                .ends_with(",RICE,,,\"needs Reach, Confidence and Effort (person-months)\",RICE impact 0.5"),
            "{}",
            lines[3]
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
