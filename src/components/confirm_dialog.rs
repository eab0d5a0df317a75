//! Questions asked before something happens: a modal `alertdialog`.

use leptos::prelude::*;

use super::focus_later;
use crate::state::{Confirmation, use_planner};

#[component]
pub fn ConfirmDialog() -> impl IntoView {
    let planner = use_planner();
    let cancel = move || planner.confirmation.set(None);
    move || {
        let confirmation = planner.confirmation.get()?;
        let (title, text, action) = match &confirmation {
            Confirmation::DuplicateCatalogItem { entry } => {
                let heading = planner
                    .catalog
                    .with_untracked(|outline| outline.entries.get(*entry).map(|found| found.heading.clone()))
                    .unwrap_or_default();
                (
                    "Already on the roadmap".to_string(),
                    format!("“{heading}” is already an initiative. Add it a second time?"),
                    "Add again",
                )
            }
            Confirmation::DeletePhase(id) => {
                let (name, count) = planner.roadmap.with_untracked(|roadmap| {
                    (
                        roadmap
                            .phase(id)
                            .map(|phase| phase.name.clone())
                            .unwrap_or_default(),
                        roadmap.initiatives_in(Some(id)).count(),
                    )
                });
                let members = match count {
                    0 => "It holds no initiatives.".to_string(),
                    1 => "Its initiative becomes unphased; nothing is deleted.".to_string(),
                    count => format!("Its {count} initiatives become unphased; none is deleted."),
                };
                (
                    format!("Delete {name}?"),
                    format!("{members} You can undo this."),
                    "Delete phase",
                )
            }
        };
        let confirm = move |_| {
            planner.confirmation.set(None);
            match &confirmation {
                Confirmation::DuplicateCatalogItem { entry } => planner.add_catalog_entry(*entry, true),
                Confirmation::DeletePhase(id) => planner.edit(|roadmap| {
                    roadmap.remove_phase(id);
                }),
            }
        };
        focus_later("confirm-action".to_string());
        Some(view! {
            <div class="backdrop" on:click=move |_| cancel()>
                <div
                    class="dialog"
                    role="alertdialog"
                    aria-modal="true"
                    aria-labelledby="confirm-title"
                    aria-describedby="confirm-text"
                    on:click=|event| event.stop_propagation()
                    on:keydown=move |event| {
                        if event.key() == "Escape" {
                            cancel();
                        }
                    }
                >
                    <h2 id="confirm-title">{title}</h2>
                    <p id="confirm-text">{text}</p>
                    <div class="dialog-actions">
                        <button type="button" on:click=move |_| cancel()>
                            "Cancel"
                        </button>
                        <button type="button" class="primary" id="confirm-action" on:click=confirm>
                            {action}
                        </button>
                    </div>
                </div>
            </div>
        })
    }
}
