//! The element ids one view sets and another focuses or points at, in one typed place: a
//! renamed id cannot leave a `focus_later` or an `aria-labelledby` behind.

use std::fmt;

use crate::model::{InitiativeId, PhaseId};

/// An element id on the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DomId<'a> {
    /// The Inspector's Title box, where a new initiative's name is typed.
    InspectorTitle,
    InspectorDescription,
    InspectorOwner,
    /// A phase's name box on the phase board.
    PhaseName(&'a PhaseId),
    /// An initiative's mark on the board.
    Mark(&'a InitiativeId),
    /// The cluster chip whose first (most important) member is this initiative.
    Chip(&'a InitiativeId),
    /// An initiative's card on the phase board.
    PhaseCard(&'a InitiativeId),
    /// An outline entry in the catalog tree.
    CatalogItem(usize),
    ConfirmTitle,
    ConfirmText,
    /// The suggested answer of a confirmation, focused when it opens.
    ConfirmAction,
    SuggestionTitle,
    SuggestionSummary,
    SuggestionDiscard,
    SuggestionAccept,
    MapColumnsTitle,
    MapColumnsSummary,
    /// The Title column select, focused when **Map columns** opens.
    MapColumnsFirst,
    /// **Set dates…** in the Phases header, focused again when its pop-over closes.
    QuickDatesToggle,
    /// The pop-over **Set dates…** opens.
    QuickDatesBody,
}

impl DomId<'_> {
    /// The initiative whose mark has this element id: a delegated event on the board finds the
    /// mark it reached by its id.
    pub(crate) fn initiative_of_mark(element_id: &str) -> Option<InitiativeId> {
        element_id
            .strip_prefix("mark-")
            .filter(|id| !id.is_empty())
            .map(|id| InitiativeId(id.to_string()))
    }
}

impl fmt::Display for DomId<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DomId::InspectorTitle => f.write_str("inspector-title"),
            DomId::InspectorDescription => f.write_str("inspector-description"),
            DomId::InspectorOwner => f.write_str("inspector-owner"),
            DomId::PhaseName(id) => write!(f, "phase-name-{}", id.as_str()),
            DomId::Mark(id) => write!(f, "mark-{}", id.as_str()),
            DomId::Chip(id) => write!(f, "cluster-{}", id.as_str()),
            DomId::PhaseCard(id) => write!(f, "phase-card-{}", id.as_str()),
            DomId::CatalogItem(entry) => write!(f, "catalog-item-{entry}"),
            DomId::ConfirmTitle => f.write_str("confirm-title"),
            DomId::ConfirmText => f.write_str("confirm-text"),
            DomId::ConfirmAction => f.write_str("confirm-action"),
            DomId::SuggestionTitle => f.write_str("suggestion-title"),
            DomId::SuggestionSummary => f.write_str("suggestion-summary"),
            DomId::SuggestionDiscard => f.write_str("suggestion-discard"),
            DomId::SuggestionAccept => f.write_str("suggestion-accept"),
            DomId::MapColumnsTitle => f.write_str("map-columns-title"),
            DomId::MapColumnsSummary => f.write_str("map-columns-summary"),
            DomId::MapColumnsFirst => f.write_str("map-columns-first"),
            DomId::QuickDatesToggle => f.write_str("quick-dates-toggle"),
            DomId::QuickDatesBody => f.write_str("quick-dates-body"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_keep_the_names_the_stylesheet_tests_and_benchmark_find() {
        let initiative = InitiativeId("i7".into());
        let phase = PhaseId("p2".into());
        assert_eq!(DomId::Mark(&initiative).to_string(), "mark-i7");
        assert_eq!(DomId::Chip(&initiative).to_string(), "cluster-i7");
        assert_eq!(DomId::PhaseCard(&initiative).to_string(), "phase-card-i7");
        assert_eq!(DomId::PhaseName(&phase).to_string(), "phase-name-p2");
        assert_eq!(DomId::CatalogItem(3).to_string(), "catalog-item-3");
        assert_eq!(DomId::InspectorTitle.to_string(), "inspector-title");
    }

    #[test]
    fn a_mark_id_leads_back_to_its_initiative_and_no_other_id_does() {
        let initiative = InitiativeId("i-7-b".into());
        let mark = DomId::Mark(&initiative).to_string();
        assert_eq!(DomId::initiative_of_mark(&mark), Some(initiative.clone()));
        assert_eq!(
            DomId::initiative_of_mark(&DomId::Chip(&initiative).to_string()),
            None
        );
        assert_eq!(
            DomId::initiative_of_mark(&DomId::PhaseCard(&initiative).to_string()),
            None
        );
        assert_eq!(DomId::initiative_of_mark("mark-"), None);
    }
}
