//! Keyed triggers: one per initiative, so a change to one initiative wakes only its views.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::model::InitiativeId;

/// One trigger per initiative a view asked about: a keyed selector, so a change that concerns
/// one initiative wakes only the views that asked about that one.
#[derive(Clone, Copy)]
pub(crate) struct KeyedTriggers(StoredValue<HashMap<InitiativeId, ArcTrigger>>);

impl KeyedTriggers {
    pub(crate) fn new() -> KeyedTriggers {
        KeyedTriggers(StoredValue::new(HashMap::new()))
    }

    pub(crate) fn track(&self, id: &InitiativeId) {
        let known = self
            .0
            .with_value(|triggers| triggers.get(id).map(ArcTrigger::track));
        if known.is_none() {
            let trigger = ArcTrigger::new();
            trigger.track();
            self.0
                .update_value(|triggers| drop(triggers.insert(id.clone(), trigger)));
        }
    }

    pub(crate) fn notify(&self, id: &InitiativeId) {
        self.0.with_value(|triggers| {
            if let Some(trigger) = triggers.get(id) {
                trigger.notify();
            }
        });
    }
}
