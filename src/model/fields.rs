//! The inspector's fields in the planner's words: which field an edit or an error belongs
//! to, how typed text becomes a value, and the texts cards and dialogs read out.

use std::collections::HashSet;
use std::fmt;

use super::{
    Estimate, Initiative, InitiativeId, QuadrantSplit, QuickWinStatus, Roadmap, Score, ScoreRange, Urgency,
    number,
};

/// A field of an initiative that the user edits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum InitiativeField {
    Title,
    Description,
    Effort,
    Impact,
    Due,
    Owner,
    Budget,
}

impl InitiativeField {
    /// The field's name as the inspector labels it.
    pub fn label(self) -> &'static str {
        match self {
            InitiativeField::Title => "Title",
            InitiativeField::Description => "Description",
            InitiativeField::Effort => "Effort",
            InitiativeField::Impact => "Impact",
            InitiativeField::Due => "Due date",
            InitiativeField::Owner => "Owner",
            InitiativeField::Budget => "Budget",
        }
    }
}

/// Why typed text is not a value for its field; shown next to the field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldError {
    ScoreNotANumber(InitiativeField),
    ScoreOutOfRange(InitiativeField),
    /// A range's ends that are not scores, or leave the field's score (the second) outside.
    RangeInvalid(InitiativeField, Score),
    BudgetInvalid,
    DueDateInvalid,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldError::ScoreNotANumber(field) => {
                write!(f, "{} must be a number from 1 to 10.", field.label())
            }
            FieldError::ScoreOutOfRange(field) => write!(f, "{} must be between 1 and 10.", field.label()),
            FieldError::RangeInvalid(field, score) => write!(
                f,
                "{} low and high must be from 1 to 10, low at most {score} and high at least {score}.",
                field.label()
            ),
            FieldError::BudgetInvalid => f.write_str("Budget must be an amount of zero or more, like 25000."),
            FieldError::DueDateInvalid => f.write_str("Due date must be a real day, like 2027-03-31."),
        }
    }
}

impl std::error::Error for FieldError {}

/// A typed score ("6", "6.5", "6,5"), rounded to one decimal place.
pub fn parse_score(text: &str, field: InitiativeField) -> Result<Score, FieldError> {
    let number: f64 = text
        .trim()
        .replace(',', ".")
        .parse()
        .map_err(|_| FieldError::ScoreNotANumber(field))?;
    Score::rounded(number).map_err(|_| FieldError::ScoreOutOfRange(field))
}

/// A score's range typed as its two ends around `score`: both blank for none, one blank for
/// the score itself at that end.
pub fn parse_score_range(
    low: &str,
    high: &str,
    score: Score,
    field: InitiativeField,
) -> Result<Option<ScoreRange>, FieldError> {
    let end = |text: &str| {
        if text.trim().is_empty() {
            Ok(score)
        } else {
            parse_score(text, field).map_err(|_| FieldError::RangeInvalid(field, score))
        }
    };
    let (low, high) = (end(low)?, end(high)?);
    if low > score || high < score {
        return Err(FieldError::RangeInvalid(field, score));
    }
    Ok(ScoreRange::around(score, low, high))
}

/// A typed budget: blank for none, else an amount of zero or more ("25,000" and "25 000" too).
pub fn parse_budget(text: &str) -> Result<Option<f64>, FieldError> {
    let text = text.trim().replace([',', '_', ' '], "");
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<f64>() {
        Ok(budget) if budget.is_finite() && budget >= 0.0 => Ok(Some(budget)),
        _ => Err(FieldError::BudgetInvalid),
    }
}

/// Where a framework input's values may lie: `least` to `most`, `least` itself excluded where
/// it is `open` (RICE effort must be above 0).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct InputBounds {
    pub least: f64,
    pub most: f64,
    pub open: bool,
}

impl InputBounds {
    fn holds(self, value: f64) -> bool {
        value <= self.most
            && if self.open {
                value > self.least
            } else {
                value >= self.least
            }
    }

    /// "from 1 to 10", "above 0", "0 or more".
    fn words(self) -> String {
        match (self.open, self.most.is_finite()) {
            (true, true) => format!("above {} and at most {}", number(self.least), number(self.most)),
            (true, false) => format!("above {}", number(self.least)),
            (false, true) => format!("from {} to {}", number(self.least), number(self.most)),
            (false, false) => format!("{} or more", number(self.least)),
        }
    }
}

/// Why the typed likely value and range ends of a framework input cannot be taken.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum EstimateInputError {
    #[error("{name} must be a number {bounds}.")]
    NotANumber { name: String, bounds: String },
    #[error("{name} must be {bounds}.")]
    OutOfBounds { name: String, bounds: String },
    #[error("{name} needs a likely value before its range.")]
    RangeWithoutValue { name: String },
    #[error("{name} low must not be above {name}, and {name} high not below it.")]
    OutOfOrder { name: String },
}

/// The likely value and the optional range ends typed for the input `name`: `None` when all
/// are blank; a point when the ends are blank (either end alone stands for itself).
pub fn parse_estimate(
    name: &str,
    [likely, low, high]: [&str; 3],
    bounds: InputBounds,
) -> Result<Option<Estimate>, EstimateInputError> {
    let read = |text: &str| -> Result<Option<f64>, EstimateInputError> {
        let text = text.trim().replace([',', '_', ' '], "");
        if text.is_empty() {
            return Ok(None);
        }
        let value: f64 = text.parse().map_err(|_| EstimateInputError::NotANumber {
            name: name.to_string(),
            bounds: bounds.words(),
        })?;
        if !value.is_finite() || !bounds.holds(value) {
            return Err(EstimateInputError::OutOfBounds {
                name: name.to_string(),
                bounds: bounds.words(),
            });
        }
        Ok(Some(value))
    };
    let (likely, low, high) = (read(likely)?, read(low)?, read(high)?);
    let Some(likely) = likely else {
        return match (low, high) {
            (None, None) => Ok(None),
            _ => Err(EstimateInputError::RangeWithoutValue {
                name: name.to_string(),
            }),
        };
    };
    Estimate::new(low.unwrap_or(likely), likely, high.unwrap_or(likely))
        .map(Some)
        .map_err(|_| EstimateInputError::OutOfOrder {
            name: name.to_string(),
        })
}

/// Text read by screen readers for a card: title first (the UI contract), then where it stands.
pub fn card_label(initiative: &Initiative, split: &QuadrantSplit) -> String {
    let mut label = format!(
        "{}, effort {}, impact {}, {}",
        initiative.display_title(),
        initiative.effort_text(),
        initiative.impact_text(),
        initiative.quadrant(split).label()
    );
    if initiative.urgency != Urgency::None {
        label.push_str(&format!(", urgency {}", initiative.urgency.label()));
    }
    if let Some(due) = initiative.due {
        label.push_str(&format!(", due {due}"));
    }
    match initiative.quick_win_status(split) {
        QuickWinStatus::Marked => label.push_str(", quick win"),
        QuickWinStatus::Inconsistent => label.push_str(", marked quick win but not in Quick wins"),
        QuickWinStatus::Suggested | QuickWinStatus::NotQuickWin => {}
    }
    label
}

/// The most characters a title shows beside its mark on the board and the chart; longer
/// titles end in "…" (the mark's name and the tables keep them whole).
pub const LABEL_CHARACTERS: usize = 28;

/// A title as a label beside its mark: whole up to `LABEL_CHARACTERS`, else cut at a word
/// where one ends late enough, and ended with "…".
pub fn short_label(title: &str) -> String {
    if title.chars().count() <= LABEL_CHARACTERS {
        return title.to_string();
    }
    let cut: String = title.chars().take(LABEL_CHARACTERS - 1).collect();
    let at_word = cut
        .rfind(' ')
        .filter(|&space| cut[..space].chars().count() >= LABEL_CHARACTERS * 2 / 3)
        .map_or(cut.as_str(), |space| &cut[..space]);
    format!("{}…", at_word.trim_end())
}

/// "3 initiatives, 1 phase, 0 marked as quick wins": what an import would bring.
pub fn import_summary(roadmap: &Roadmap) -> String {
    let count = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let quick_wins = roadmap
        .initiatives
        .iter()
        .filter(|initiative| initiative.quick_win)
        .count();
    format!(
        "{}, {}, {} marked as {}",
        count(roadmap.initiatives.len(), "initiative", "initiatives"),
        count(roadmap.phases.len(), "phase", "phases"),
        quick_wins,
        if quick_wins == 1 {
            "a quick win"
        } else {
            "quick wins"
        }
    )
}

/// (id, title) pairs for the dependency editor.
pub type Choices = Vec<(InitiativeId, String)>;

/// What one initiative depends on, and what it could depend on without a cycle.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DependencyChoices {
    pub listed: Choices,
    /// What it cannot depend on: itself, what it depends on already and what depends on it
    /// (a cycle). Kept instead of the list of what it can depend on: with 10,000 initiatives
    /// that list cost a pass over the roadmap on every selection, where the picker shows 50.
    excluded: HashSet<InitiativeId>,
    /// How many initiatives of the roadmap it could depend on.
    addable: usize,
}

impl DependencyChoices {
    /// The addable initiatives whose title contains `query` (any case), at most `limit` of
    /// them, and how many match in all: a list of 10,000 options would not read as a choice.
    /// `roadmap` is the one the choices were made from. Without a query it reads only as far
    /// as the first `limit`.
    pub fn matching(&self, roadmap: &Roadmap, query: &str, limit: usize) -> (Choices, usize) {
        let query = query.trim().to_lowercase();
        let mut matches = roadmap
            .initiatives
            .iter()
            .filter(|other| !self.excluded.contains(&other.id))
            .filter(|other| query.is_empty() || other.display_title().to_lowercase().contains(&query));
        let shown: Choices = matches
            .by_ref()
            .take(limit)
            .map(|other| (other.id.clone(), other.display_title().to_string()))
            .collect();
        let total = if query.is_empty() {
            self.addable
        } else {
            shown.len() + matches.count()
        };
        (shown, total)
    }
}

/// The dependency editor's lists for `id`.
pub fn dependency_choices(roadmap: &Roadmap, id: &InitiativeId) -> DependencyChoices {
    let Some(initiative) = roadmap.initiative(id) else {
        return DependencyChoices::default();
    };
    let mut excluded = roadmap.dependants_of(id);
    excluded.insert(id.clone());
    let listed = initiative
        .dependencies
        .iter()
        .map(|on| {
            let found = roadmap.initiative(on);
            // A dependency on an initiative no longer in the roadmap excludes none of it.
            if found.is_some() {
                excluded.insert(on.clone());
            }
            (
                on.clone(),
                found.map_or("", Initiative::display_title).to_string(),
            )
        })
        .collect();
    // Everything excluded is in the roadmap: itself, what it depends on that is found, and
    // what depends on it (found by walking the roadmap).
    let addable = roadmap.initiatives.len().saturating_sub(excluded.len());
    DependencyChoices {
        listed,
        excluded,
        addable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DueDate;

    #[test]
    fn scores_accept_commas_and_round_to_one_decimal() {
        assert_eq!(
            parse_score(" 6,25 ", InitiativeField::Effort),
            Ok(Score::clamped(6.3))
        );
        assert_eq!(parse_score("10", InitiativeField::Impact), Ok(Score::MAX));
    }

    #[test]
    fn a_score_range_is_typed_as_its_ends_a_blank_end_being_the_score() {
        let (at, field) = (Score::clamped, InitiativeField::Impact);
        assert_eq!(parse_score_range("", " ", at(5.0), field), Ok(None));
        assert_eq!(
            parse_score_range("3", "7,5", at(5.0), field),
            Ok(ScoreRange::around(at(5.0), at(3.0), at(7.5)))
        );
        assert_eq!(
            parse_score_range("", "8", at(5.0), field),
            Ok(ScoreRange::around(at(5.0), at(5.0), at(8.0)))
        );
        assert_eq!(parse_score_range("5", "5", at(5.0), field), Ok(None));
        for (low, high) in [("6", "8"), ("2", "4"), ("0", "8"), ("x", "8"), ("3", "11")] {
            let refused = parse_score_range(low, high, at(5.0), field);
            assert_eq!(
                refused,
                Err(FieldError::RangeInvalid(field, at(5.0))),
                "{low}–{high}"
            );
        }
        assert_eq!(
            FieldError::RangeInvalid(field, at(5.0)).to_string(),
            "Impact low and high must be from 1 to 10, low at most 5.0 and high at least 5.0."
        );
    }

    #[test]
    fn scores_refuse_words_and_numbers_outside_the_scale() {
        assert_eq!(
            parse_score("high", InitiativeField::Effort),
            Err(FieldError::ScoreNotANumber(InitiativeField::Effort))
        );
        assert_eq!(
            parse_score("12", InitiativeField::Impact),
            Err(FieldError::ScoreOutOfRange(InitiativeField::Impact))
        );
        assert_eq!(
            parse_score("12", InitiativeField::Impact)
                .map_err(|error| error.to_string())
                .unwrap_err(),
            "Impact must be between 1 and 10."
        );
        assert_eq!(
            FieldError::ScoreNotANumber(InitiativeField::Effort).to_string(),
            "Effort must be a number from 1 to 10."
        );
    }

    #[test]
    fn budgets_are_blank_or_an_amount_of_zero_or_more() {
        assert_eq!(parse_budget("  "), Ok(None));
        assert_eq!(parse_budget("25,000"), Ok(Some(25_000.0)));
        assert_eq!(parse_budget("1 250.5"), Ok(Some(1_250.5)));
        assert_eq!(parse_budget("0"), Ok(Some(0.0)));
        for bad in ["-5", "lots", "inf", "NaN"] {
            assert_eq!(parse_budget(bad), Err(FieldError::BudgetInvalid), "{bad}");
        }
        assert_eq!(
            FieldError::BudgetInvalid.to_string(),
            "Budget must be an amount of zero or more, like 25000."
        );
    }

    #[test]
    fn card_labels_start_with_the_title_and_say_every_cue() {
        let split = QuadrantSplit::default();
        let mut initiative = Initiative::new(InitiativeId("i1".into()), "Data lake");
        initiative.effort = Score::clamped(2.0);
        initiative.impact = Score::clamped(9.0);
        assert_eq!(
            card_label(&initiative, &split),
            "Data lake, effort 2.0, impact 9.0, Quick wins"
        );
        initiative.urgency = Urgency::High;
        initiative.due = "2027-03-01".parse::<DueDate>().ok();
        initiative.quick_win = true;
        assert_eq!(
            card_label(&initiative, &split),
            "Data lake, effort 2.0, impact 9.0, Quick wins, urgency High, due 2027-03-01, quick win"
        );
        initiative.effort = Score::clamped(9.0);
        assert!(card_label(&initiative, &split).ends_with(", marked quick win but not in Quick wins"));
    }

    #[test]
    fn import_summaries_count_in_singular_and_plural() {
        let mut roadmap = Roadmap::new("Plan");
        assert_eq!(
            import_summary(&roadmap),
            "0 initiatives, 3 phases, 0 marked as quick wins"
        );
        let id = roadmap.add_initiative("a");
        roadmap.update_initiative(&id, |initiative| initiative.quick_win = true);
        roadmap.phases.truncate(1);
        assert_eq!(
            import_summary(&roadmap),
            "1 initiative, 1 phase, 1 marked as a quick win"
        );
    }

    #[test]
    fn dependency_matches_are_limited_and_counted() {
        let mut roadmap = Roadmap::new("Plan");
        let [warehouse, lake, lakehouse, _] = ["Warehouse", "Data lake", "Lakehouse", "Feature store"]
            .map(|title| roadmap.add_initiative(title));
        let choices = dependency_choices(&roadmap, &warehouse);
        assert_eq!(
            choices.matching(&roadmap, " LAKE", 1),
            (vec![(lake, "Data lake".to_string())], 2)
        );
        let (shown, total) = choices.matching(&roadmap, "", 10);
        assert_eq!((shown.len(), total), (3, 3));
        assert_eq!(shown[1], (lakehouse, "Lakehouse".to_string()));
        assert_eq!(choices.matching(&roadmap, "nothing like it", 10), (Vec::new(), 0));
    }

    #[test]
    fn dependency_totals_without_a_query_count_what_the_list_leaves_out() {
        let mut roadmap = Roadmap::new("Plan");
        let [lake, warehouse, dashboards, ..] = [
            "Lake",
            "Warehouse",
            "Dashboards",
            "Catalog",
            "Lineage",
            "Glossary",
        ]
        .map(|title| roadmap.add_initiative(title));
        roadmap.set_dependency(&warehouse, &lake, true);
        roadmap.set_dependency(&dashboards, &warehouse, true);
        // A dependency left behind by an initiative since removed.
        roadmap.update_initiative(&warehouse, |initiative| {
            initiative.dependencies.push(InitiativeId("gone".into()));
        });
        let choices = dependency_choices(&roadmap, &warehouse);
        // Six less itself, Lake (a dependency) and Dashboards (a dependant): Catalog, Lineage
        // and Glossary, of which the list shows two.
        let (shown, total) = choices.matching(&roadmap, "", 2);
        assert_eq!((shown.len(), total), (2, 3));
        assert_eq!(choices.matching(&roadmap, "", 10).0.len(), total);
        assert_eq!(choices.listed.len(), 2);
    }

    #[test]
    fn dependency_choices_leave_out_self_current_ones_and_cycles() {
        let mut roadmap = Roadmap::new("Plan");
        let [lake, warehouse, dashboards, catalog] =
            ["Lake", "Warehouse", "Dashboards", "Catalog"].map(|title| roadmap.add_initiative(title));
        roadmap.set_dependency(&warehouse, &lake, true);
        roadmap.set_dependency(&dashboards, &warehouse, true);
        let choices = dependency_choices(&roadmap, &warehouse);
        assert_eq!(choices.listed, vec![(lake.clone(), "Lake".to_string())]);
        // Dashboards depends on Warehouse, so Warehouse cannot depend on it.
        assert_eq!(
            choices.matching(&roadmap, "", 10).0,
            vec![(catalog.clone(), "Catalog".to_string())]
        );
        let of_lake = dependency_choices(&roadmap, &lake);
        assert!(of_lake.listed.is_empty());
        assert_eq!(
            of_lake.matching(&roadmap, "", 10).0,
            vec![(catalog, "Catalog".to_string())]
        );
        assert_eq!(
            dependency_choices(&roadmap, &InitiativeId("gone".into())),
            DependencyChoices::default()
        );
    }

    #[test]
    fn short_titles_stay_whole_and_long_ones_end_at_a_word() {
        assert_eq!(short_label("Data Lake"), "Data Lake");
        let exactly = "x".repeat(LABEL_CHARACTERS);
        assert_eq!(short_label(&exactly), exactly);
        assert_eq!(
            short_label("Customer data platform for every regional sales team"),
            "Customer data platform for…"
        );
        let unbroken = "y".repeat(40);
        let cut = short_label(&unbroken);
        assert_eq!(cut.chars().count(), LABEL_CHARACTERS);
        assert!(cut.ends_with('…'));
    }
    #[test]
    fn an_estimate_is_blank_a_point_or_a_range_within_its_bounds() {
        let scale = InputBounds {
            least: 1.0,
            most: 10.0,
            open: false,
        };
        assert_eq!(parse_estimate("Ease", ["", "", ""], scale), Ok(None));
        assert_eq!(
            parse_estimate("Ease", ["7", "", ""], scale),
            Ok(Some(Estimate::point(7.0)))
        );
        assert_eq!(
            parse_estimate("Ease", ["7", "5", "9.5"], scale),
            Ok(Some(Estimate {
                low: 5.0,
                likely: 7.0,
                high: 9.5
            }))
        );
        assert_eq!(
            parse_estimate("Ease", ["7", "", "9"], scale),
            Ok(Some(Estimate {
                low: 7.0,
                likely: 7.0,
                high: 9.0
            }))
        );
        let refused =
            |typed: [&str; 3]| parse_estimate("Ease", typed, scale).map_err(|error| error.to_string());
        assert_eq!(
            refused(["11", "", ""]),
            Err("Ease must be from 1 to 10.".to_string())
        );
        assert_eq!(
            refused(["seven", "", ""]),
            Err("Ease must be a number from 1 to 10.".to_string())
        );
        assert_eq!(
            refused(["", "3", ""]),
            Err("Ease needs a likely value before its range.".to_string())
        );
        assert_eq!(
            refused(["5", "6", ""]),
            Err("Ease low must not be above Ease, and Ease high not below it.".to_string())
        );
        let effort = InputBounds {
            least: 0.0,
            most: f64::INFINITY,
            open: true,
        };
        assert_eq!(
            parse_estimate("Effort (person-months)", ["0", "", ""], effort)
                .map_err(|error| error.to_string()),
            Err("Effort (person-months) must be above 0.".to_string())
        );
        let reach = InputBounds {
            least: 0.0,
            most: f64::INFINITY,
            open: false,
        };
        assert_eq!(
            parse_estimate("Reach", ["2,000", "", ""], reach),
            Ok(Some(Estimate::point(2000.0)))
        );
    }
}
