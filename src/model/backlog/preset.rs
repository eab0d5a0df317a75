//! The exports Stackplan knows by their header rows, and the column names each uses for
//! each field.

use serde::{Deserialize, Serialize};

use super::field::Field;

/// The tool an export comes from, recognised from its header row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Preset {
    Stackplan,
    Jira,
    JiraProductDiscovery,
    Linear,
    Trello,
    Asana,
    GitLab,
    Aha,
    Productboard,
    Airfocus,
    /// Any other table: columns are proposed from common names alone.
    Spreadsheet,
}

/// How a preset is told from a header: at least one of `needs` and `min` of `marks`.
struct Signature {
    preset: Preset,
    needs: &'static [&'static str],
    marks: &'static [&'static str],
    min: usize,
}

/// Header names (lowercased) that tell each export apart, most specific first. Jira Product
/// Discovery is told from Jira afterwards, by its own fields.
const SIGNATURES: [Signature; 9] = [
    Signature {
        preset: Preset::Stackplan,
        needs: &["catalog_path", "quadrant", "quick_win"],
        marks: &crate::model::csv::COLUMNS,
        min: 8,
    },
    Signature {
        preset: Preset::Jira,
        needs: &["issue key", "issue id"],
        marks: &[
            "issue key",
            "issue id",
            "summary",
            "issue type",
            "status",
            "priority",
            "sprint",
            "reporter",
            "project key",
            "resolution",
            "custom field (story point estimate)",
            "custom field (story points)",
        ],
        min: 3,
    },
    Signature {
        preset: Preset::Linear,
        needs: &["cycle", "estimate"],
        marks: &[
            "id",
            "title",
            "description",
            "priority",
            "estimate",
            "labels",
            "due date",
            "project",
            "cycle",
            "status",
            "assignee",
            "team",
            "creator",
            "project milestone",
        ],
        min: 5,
    },
    Signature {
        preset: Preset::Trello,
        needs: &["card name", "card id", "list name"],
        marks: &[
            "card id",
            "card name",
            "card description",
            "card url",
            "list name",
            "list id",
            "board name",
            "labels",
            "members",
            "due date",
        ],
        min: 2,
    },
    Signature {
        preset: Preset::Asana,
        needs: &["task id", "section/column"],
        marks: &[
            "task id",
            "name",
            "notes",
            "assignee",
            "assignee email",
            "due date",
            "start date",
            "section/column",
            "tags",
            "projects",
            "parent task",
            "completed at",
        ],
        min: 3,
    },
    Signature {
        preset: Preset::GitLab,
        needs: &["weight", "milestone", "author username", "confidential"],
        marks: &[
            "issue id",
            "iid",
            "url",
            "title",
            "state",
            "description",
            "author",
            "author username",
            "assignee",
            "assignee username",
            "confidential",
            "locked",
            "due date",
            "milestone",
            "weight",
            "labels",
            "time estimate",
        ],
        min: 4,
    },
    Signature {
        preset: Preset::Aha,
        needs: &["feature name", "feature reference #"],
        marks: &[
            "feature reference #",
            "feature name",
            "feature description",
            "feature status",
            "release name",
            "feature tags",
            "feature assigned to",
            "feature score",
            "feature due date",
        ],
        min: 2,
    },
    Signature {
        preset: Preset::Productboard,
        needs: &["entity_name", "status_name", "owner_email"],
        marks: &[
            "entity_name",
            "entity_type",
            "status_name",
            "owner_email",
            "description",
            "parent_name",
        ],
        min: 2,
    },
    Signature {
        preset: Preset::Airfocus,
        needs: &["value", "priority score"],
        marks: &[
            "name",
            "description",
            "status",
            "assignee",
            "assignees",
            "labels",
            "value",
            "effort",
            "priority score",
            "priority",
        ],
        min: 4,
    },
];

/// Jira Product Discovery's own fields: an export with any of them is a JPD export.
const DISCOVERY_FIELDS: [&str; 4] = [
    "custom field (goal)",
    "custom field (goals)",
    "custom field (roadmap)",
    "custom field (insights)",
];

impl Preset {
    pub const ALL: [Preset; 11] = [
        Preset::Stackplan,
        Preset::Jira,
        Preset::JiraProductDiscovery,
        Preset::Linear,
        Preset::Trello,
        Preset::Asana,
        Preset::GitLab,
        Preset::Aha,
        Preset::Productboard,
        Preset::Airfocus,
        Preset::Spreadsheet,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Preset::Stackplan => "Stackplan CSV",
            Preset::Jira => "Jira",
            Preset::JiraProductDiscovery => "Jira Product Discovery",
            Preset::Linear => "Linear",
            Preset::Trello => "Trello",
            Preset::Asana => "Asana",
            Preset::GitLab => "GitLab",
            Preset::Aha => "Aha!",
            Preset::Productboard => "Productboard",
            Preset::Airfocus => "airfocus",
            Preset::Spreadsheet => "Spreadsheet",
        }
    }

    /// The export a header row comes from: the known export whose signature matches most of
    /// the names (ties go to the more specific one), else a plain spreadsheet. A Jira export
    /// with Product Discovery's fields ("Custom field (Goal)", …), or with Impact and Effort
    /// but neither sprints nor story points, is a Jira Product Discovery export.
    pub fn recognise(columns: &[String]) -> Preset {
        let names: Vec<String> = columns
            .iter()
            .map(|name| base_name(name).to_lowercase())
            .collect();
        let has = |name: &str| names.iter().any(|known| known == name);
        let mut best: Option<(Preset, usize)> = None;
        for signature in &SIGNATURES {
            if !signature.needs.iter().any(|name| has(name)) {
                continue;
            }
            let count = signature.marks.iter().filter(|name| has(name)).count();
            if count >= signature.min && best.is_none_or(|(_, most)| count > most) {
                best = Some((signature.preset, count));
            }
        }
        match best {
            Some((Preset::Jira, _)) if is_discovery(&has) => Preset::JiraProductDiscovery,
            Some((preset, _)) => preset,
            None => Preset::Spreadsheet,
        }
    }

    /// The column names this export uses for a field, preferred first (lowercased).
    pub(super) fn names(self, field: Field) -> &'static [&'static str] {
        match self {
            Preset::Stackplan => stackplan_names(field),
            Preset::Jira | Preset::JiraProductDiscovery => jira_names(self, field),
            Preset::Linear => linear_names(field),
            Preset::Trello => trello_names(field),
            Preset::Asana => asana_names(field),
            Preset::GitLab => gitlab_names(field),
            Preset::Aha => aha_names(field),
            Preset::Productboard => productboard_names(field),
            Preset::Airfocus => airfocus_names(field),
            Preset::Spreadsheet => &[],
        }
    }
}

fn is_discovery(has: &impl Fn(&str) -> bool) -> bool {
    let rated = has("custom field (impact)") || has("custom field (effort)");
    let delivery =
        has("sprint") || has("custom field (story point estimate)") || has("custom field (story points)");
    DISCOVERY_FIELDS.iter().any(|name| has(name)) || (rated && !delivery)
}

/// A column's name without the number `Table` gives a repeated name: "Labels (2)" → "Labels".
pub(super) fn base_name(name: &str) -> &str {
    repeat_of(name).map_or(name, |(base, _)| base)
}

/// "Labels (2)" → ("Labels", 2): the name a repeated column repeats, and its number.
pub(super) fn repeat_of(name: &str) -> Option<(&str, usize)> {
    let inner = name.strip_suffix(')')?;
    let open = inner.rfind(" (")?;
    let number: usize = inner[open + 2..].parse().ok().filter(|&number| number >= 2)?;
    Some((&inner[..open], number))
}

fn stackplan_names(field: Field) -> &'static [&'static str] {
    match field {
        Field::Title => &["title"],
        Field::Key => &["id"],
        Field::Description => &["description"],
        Field::Effort => &["effort"],
        Field::Impact => &["impact"],
        Field::EffortLow => &["effort_low"],
        Field::EffortHigh => &["effort_high"],
        Field::ImpactLow => &["impact_low"],
        Field::ImpactHigh => &["impact_high"],
        Field::Urgency => &["urgency"],
        Field::Due => &["due"],
        Field::Phase => &["phase"],
        Field::Owner => &["owner"],
        Field::Stakeholders => &["stakeholders"],
        Field::Tags => &["tags"],
        Field::QuickWin => &["quick_win"],
        Field::Goals => &["goals"],
        Field::Budget => &["budget"],
        Field::Dependencies => &["dependencies"],
    }
}

fn jira_names(preset: Preset, field: Field) -> &'static [&'static str] {
    let discovery = preset == Preset::JiraProductDiscovery;
    match field {
        Field::Title => &["summary"],
        Field::Key => &["issue key", "issue id"],
        Field::Description => &["description"],
        Field::Effort if discovery => &["custom field (effort)"],
        Field::Effort => &[
            "custom field (story point estimate)",
            "custom field (story points)",
            "custom field (effort)",
        ],
        Field::Impact => &["custom field (impact)"],
        Field::Urgency => &["priority"],
        Field::Due => &["due date", "custom field (target end)"],
        Field::Phase => &["status"],
        Field::Owner => &["assignee"],
        Field::Tags => &["labels"],
        Field::Goals => &["custom field (goal)", "custom field (goals)"],
        // "Inward issue link (Blocks)" lists the issues that block this one.
        Field::Dependencies => &["inward issue link (blocks)"],
        Field::Stakeholders
        | Field::QuickWin
        | Field::Budget
        | Field::EffortLow
        | Field::EffortHigh
        | Field::ImpactLow
        | Field::ImpactHigh => &[],
    }
}

fn linear_names(field: Field) -> &'static [&'static str] {
    match field {
        Field::Title => &["title"],
        Field::Key => &["id"],
        Field::Description => &["description"],
        Field::Effort => &["estimate"],
        Field::Urgency => &["priority"],
        Field::Due => &["due date"],
        Field::Phase => &["status"],
        Field::Owner => &["assignee"],
        Field::Tags => &["labels"],
        _ => &[],
    }
}

fn trello_names(field: Field) -> &'static [&'static str] {
    match field {
        Field::Title => &["card name"],
        Field::Key => &["card id"],
        Field::Description => &["card description"],
        Field::Due => &["due date"],
        Field::Phase => &["list name"],
        Field::Owner => &["members"],
        Field::Tags => &["labels"],
        _ => &[],
    }
}

fn asana_names(field: Field) -> &'static [&'static str] {
    match field {
        Field::Title => &["name"],
        Field::Key => &["task id"],
        Field::Description => &["notes"],
        Field::Urgency => &["priority"],
        Field::Due => &["due date"],
        Field::Phase => &["section/column"],
        Field::Owner => &["assignee", "assignee email"],
        Field::Tags => &["tags"],
        Field::Dependencies => &["blocked by (dependencies)"],
        _ => &[],
    }
}

fn gitlab_names(field: Field) -> &'static [&'static str] {
    match field {
        Field::Title => &["title"],
        Field::Key => &["issue id", "iid"],
        Field::Description => &["description"],
        Field::Effort => &["weight"],
        Field::Due => &["due date"],
        Field::Phase => &["milestone"],
        Field::Owner => &["assignee", "assignee username"],
        Field::Tags => &["labels"],
        _ => &[],
    }
}

fn aha_names(field: Field) -> &'static [&'static str] {
    match field {
        Field::Title => &["feature name"],
        Field::Key => &["feature reference #"],
        Field::Description => &["feature description"],
        Field::Impact => &["feature score"],
        Field::Effort => &["feature effort", "feature estimate"],
        Field::Due => &["feature due date"],
        Field::Phase => &["release name", "feature status"],
        Field::Owner => &["feature assigned to"],
        Field::Tags => &["feature tags"],
        Field::Goals => &["feature goals", "feature initiative"],
        _ => &[],
    }
}

fn productboard_names(field: Field) -> &'static [&'static str] {
    match field {
        Field::Title => &["entity_name"],
        Field::Key => &["pb_id", "entity_id", "id"],
        Field::Description => &["description"],
        Field::Phase => &["status_name", "release_name"],
        Field::Owner => &["owner_email", "owner_name"],
        Field::Tags => &["tags"],
        _ => &[],
    }
}

fn airfocus_names(field: Field) -> &'static [&'static str] {
    match field {
        Field::Title => &["name"],
        Field::Key => &["key", "id"],
        Field::Description => &["description"],
        Field::Impact => &["value"],
        Field::Effort => &["effort"],
        Field::Urgency => &["priority"],
        Field::Phase => &["status"],
        Field::Owner => &["assignee", "assignees"],
        Field::Tags => &["labels"],
        _ => &[],
    }
}

/// Common names for each field in any table, preferred first (lowercased), in
/// [`Field::ALL`] order. A Jira-style "Custom field (X)" column also answers to X.
const GENERIC_NAMES: [(Field, &[&str]); 19] = [
    (
        Field::Title,
        &[
            "title",
            "name",
            "summary",
            "card name",
            "feature name",
            "entity_name",
            "task name",
            "task",
            "initiative",
            "feature",
            "item",
            "subject",
        ],
    ),
    (
        Field::Key,
        &[
            "key",
            "id",
            "issue key",
            "issue id",
            "task id",
            "card id",
            "ref",
            "reference",
            "#",
        ],
    ),
    (
        Field::Description,
        &[
            "description",
            "notes",
            "details",
            "body",
            "card description",
            "summary",
        ],
    ),
    (
        Field::Effort,
        &[
            "effort",
            "story points",
            "story point estimate",
            "estimate",
            "size",
            "weight",
            "cost",
            "complexity",
            "points",
        ],
    ),
    (
        Field::Impact,
        &["impact", "value", "business value", "benefit", "score", "reach"],
    ),
    (
        Field::EffortLow,
        &[
            "effort low",
            "effort_low",
            "effort min",
            "effort minimum",
            "effort optimistic",
        ],
    ),
    (
        Field::EffortHigh,
        &[
            "effort high",
            "effort_high",
            "effort max",
            "effort maximum",
            "effort pessimistic",
        ],
    ),
    (
        Field::ImpactLow,
        &["impact low", "impact_low", "impact min", "impact minimum"],
    ),
    (
        Field::ImpactHigh,
        &["impact high", "impact_high", "impact max", "impact maximum"],
    ),
    (Field::Urgency, &["urgency", "priority", "severity"]),
    (
        Field::Due,
        &[
            "due",
            "due date",
            "deadline",
            "target date",
            "end date",
            "due on",
            "target end",
        ],
    ),
    (
        Field::Phase,
        &[
            "phase",
            "stage",
            "release",
            "milestone",
            "sprint",
            "iteration",
            "quarter",
            "horizon",
            "status",
            "list name",
            "section/column",
            "column",
        ],
    ),
    (
        Field::Owner,
        &["owner", "assignee", "assigned to", "responsible", "lead", "dri"],
    ),
    (
        Field::Stakeholders,
        &[
            "stakeholders",
            "stakeholder",
            "watchers",
            "followers",
            "collaborators",
        ],
    ),
    (
        Field::Tags,
        &[
            "tags",
            "labels",
            "tag",
            "label",
            "categories",
            "category",
            "components",
            "component",
        ],
    ),
    (
        Field::QuickWin,
        &["quick win", "quick_win", "quickwin", "quick wins"],
    ),
    (
        Field::Goals,
        &[
            "goals",
            "goal",
            "objectives",
            "objective",
            "okr",
            "okrs",
            "themes",
            "theme",
        ],
    ),
    (
        Field::Budget,
        &["budget", "cost estimate", "amount", "price", "investment"],
    ),
    (
        Field::Dependencies,
        &[
            "dependencies",
            "depends on",
            "dependency",
            "blocked by",
            "predecessors",
            "inward issue link (blocks)",
            "blocked by (dependencies)",
        ],
    ),
];

/// Common names for a field in any table, preferred first (lowercased).
pub(super) fn generic_names(field: Field) -> &'static [&'static str] {
    GENERIC_NAMES[field.index()].1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| name.to_string()).collect()
    }

    #[test]
    fn repeated_names_are_read_back_to_their_base() {
        assert_eq!(repeat_of("Labels (2)"), Some(("Labels", 2)));
        assert_eq!(repeat_of("Custom field (Impact)"), None);
        assert_eq!(repeat_of("Labels (1)"), None);
        assert_eq!(base_name("Sprint (3)"), "Sprint");
        assert_eq!(base_name("Backend (v2)"), "Backend (v2)");
    }

    #[test]
    fn a_plain_table_is_a_spreadsheet() {
        let columns = header(&[
            "Title", "Effort", "Impact", "Owner", "Phase", "Tags", "Budget", "Goals",
        ]);
        assert_eq!(Preset::recognise(&columns), Preset::Spreadsheet);
        assert_eq!(Preset::recognise(&[]), Preset::Spreadsheet);
    }

    #[test]
    fn jira_with_discovery_fields_is_product_discovery() {
        let jira = header(&[
            "Summary",
            "Issue key",
            "Issue id",
            "Status",
            "Sprint",
            "Custom field (Impact)",
        ]);
        assert_eq!(Preset::recognise(&jira), Preset::Jira);
        let rated = header(&[
            "Summary",
            "Issue key",
            "Issue id",
            "Status",
            "Custom field (Impact)",
        ]);
        assert_eq!(Preset::recognise(&rated), Preset::JiraProductDiscovery);
        let goals = header(&[
            "Summary",
            "Issue key",
            "Issue id",
            "Sprint",
            "Custom field (Goal)",
        ]);
        assert_eq!(Preset::recognise(&goals), Preset::JiraProductDiscovery);
    }

    #[test]
    fn generic_names_are_listed_in_field_order() {
        for (index, (field, _)) in GENERIC_NAMES.iter().enumerate() {
            assert_eq!(field.index(), index);
        }
    }

    #[test]
    fn every_preset_has_a_label_and_every_field_a_generic_name() {
        for preset in Preset::ALL {
            assert!(!preset.label().is_empty());
        }
        for field in Field::ALL {
            assert!(!generic_names(field).is_empty(), "{field:?}");
        }
    }
}
