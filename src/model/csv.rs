//! The initiative list as CSV, for spreadsheet users.

use super::Roadmap;

const COLUMNS: [&str; 17] = [
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

/// One row per initiative, RFC 4180 quoting, CRLF line ends; list fields are joined with "; ".
pub fn to_csv(roadmap: &Roadmap) -> String {
    let mut csv = COLUMNS.join(",");
    csv.push_str("\r\n");
    for initiative in &roadmap.initiatives {
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
        let row = [
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
        ];
        let cells: Vec<String> = row.iter().map(|cell| cell_text(cell)).collect();
        csv.push_str(&cells.join(","));
        csv.push_str("\r\n");
    }
    csv
}

/// Quotes a cell when needed, and defuses text a spreadsheet would run as a formula.
fn cell_text(cell: &str) -> String {
    let defused = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && cell.parse::<f64>().is_err() {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    if defused.contains([',', '"', '\n', '\r']) {
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
            "i2,\"BI, dashboards\",2.0,8.5,Quick wins,no,high,,Phase 1,,,,,Data lake,bi; exec,,\"Say \"\"hello\"\"\nsecond line\""
        );
    }

    #[test]
    fn formulas_are_defused_but_negative_numbers_kept() {
        assert_eq!(cell_text("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(cell_text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell_text("-5"), "-5");
        assert_eq!(cell_text("plain"), "plain");
    }
}
