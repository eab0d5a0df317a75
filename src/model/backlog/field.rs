//! The initiative fields a backlog column can fill.

use serde::{Deserialize, Serialize};

/// A Stackplan field a column can fill. The mapping dialog names its selects
/// "<label> column" ("Title column", "Due date column").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Title,
    /// The row's id in the tool it comes from ("Issue key", "ID"): dependencies that name
    /// keys are resolved through it.
    Key,
    Description,
    Effort,
    Impact,
    /// A range's ends around Effort and Impact, read on the same scale as the score.
    EffortLow,
    EffortHigh,
    ImpactLow,
    ImpactHigh,
    Urgency,
    Due,
    Phase,
    Owner,
    Stakeholders,
    Tags,
    QuickWin,
    Goals,
    Budget,
    Dependencies,
}

impl Field {
    /// Every field, in the order the mapping dialog lists them.
    pub const ALL: [Field; 19] = [
        Field::Title,
        Field::Key,
        Field::Description,
        Field::Effort,
        Field::Impact,
        Field::EffortLow,
        Field::EffortHigh,
        Field::ImpactLow,
        Field::ImpactHigh,
        Field::Urgency,
        Field::Due,
        Field::Phase,
        Field::Owner,
        Field::Stakeholders,
        Field::Tags,
        Field::QuickWin,
        Field::Goals,
        Field::Budget,
        Field::Dependencies,
    ];

    /// The field's name as the dialog and the warnings write it.
    pub fn label(self) -> &'static str {
        match self {
            Field::Title => "Title",
            Field::Key => "Key",
            Field::Description => "Description",
            Field::Effort => "Effort",
            Field::Impact => "Impact",
            Field::EffortLow => "Effort low",
            Field::EffortHigh => "Effort high",
            Field::ImpactLow => "Impact low",
            Field::ImpactHigh => "Impact high",
            Field::Urgency => "Urgency",
            Field::Due => "Due date",
            Field::Phase => "Phase",
            Field::Owner => "Owner",
            Field::Stakeholders => "Stakeholders",
            Field::Tags => "Tags",
            Field::QuickWin => "Quick win",
            Field::Goals => "Goals",
            Field::Budget => "Budget",
            Field::Dependencies => "Dependencies",
        }
    }

    /// Where the field sits in [`Field::ALL`]: the mapping keeps one column slot per field.
    pub(super) fn index(self) -> usize {
        self as usize
    }

    /// The score a field reads on the scale of (Effort's range ends on Effort's), if any.
    pub fn scored_as(self) -> Option<Field> {
        match self {
            Field::Effort | Field::EffortLow | Field::EffortHigh => Some(Field::Effort),
            Field::Impact | Field::ImpactLow | Field::ImpactHigh => Some(Field::Impact),
            _ => None,
        }
    }

    /// Whether a cell holds several entries (split by the list separator, repeats joined).
    pub fn is_list(self) -> bool {
        matches!(
            self,
            Field::Stakeholders | Field::Tags | Field::Goals | Field::Dependencies
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_sits_at_its_own_index() {
        for (index, field) in Field::ALL.into_iter().enumerate() {
            assert_eq!(field.index(), index);
        }
    }

    #[test]
    fn labels_are_the_names_the_dialog_shows() {
        let labels = Field::ALL.map(Field::label);
        assert_eq!(
            labels,
            [
                "Title",
                "Key",
                "Description",
                "Effort",
                "Impact",
                "Effort low",
                "Effort high",
                "Impact low",
                "Impact high",
                "Urgency",
                "Due date",
                "Phase",
                "Owner",
                "Stakeholders",
                "Tags",
                "Quick win",
                "Goals",
                "Budget",
                "Dependencies"
            ]
        );
    }

    #[test]
    fn fields_serialize_as_snake_case_keys() {
        assert_eq!(
            serde_json::to_string(&Field::QuickWin).ok().as_deref(),
            Some("\"quick_win\"")
        );
    }
}
