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

/// At most one initiative chosen for something (the dragged one, the open chip),
/// asked about per initiative: a change wakes only the views of the initiatives it concerns.
#[derive(Clone, Copy)]
pub(crate) struct KeyedChoice {
    chosen: StoredValue<Option<InitiativeId>>,
    triggers: KeyedTriggers,
}

impl KeyedChoice {
    pub(crate) fn new() -> KeyedChoice {
        KeyedChoice {
            chosen: StoredValue::new(None),
            triggers: KeyedTriggers::new(),
        }
    }

    /// Whether `id` is the chosen one; wakes only when that changes.
    pub(crate) fn is(&self, id: &InitiativeId) -> bool {
        self.triggers.track(id);
        self.chosen.with_value(|chosen| chosen.as_ref() == Some(id))
    }

    /// The chosen one, without subscribing.
    pub(crate) fn get_untracked(&self) -> Option<InitiativeId> {
        self.chosen.get_value()
    }

    /// Chooses `id` (or none), waking the views of the one it replaces and of `id`; choosing
    /// the chosen one again wakes none (a drag sets it on every step).
    pub(crate) fn set(&self, id: Option<InitiativeId>) {
        if self.chosen.with_value(|chosen| *chosen == id) {
            return;
        }
        let previous = self
            .chosen
            .try_update_value(|chosen| std::mem::replace(chosen, id.clone()))
            .flatten();
        for changed in [previous, id].iter().flatten() {
            self.triggers.notify(changed);
        }
    }
}
