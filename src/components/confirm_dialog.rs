//! Questions asked before something happens: a modal `alertdialog`.

use leptos::prelude::*;

use super::modal::{Modal, ModalText};
use crate::autosave::{Autosave, use_autosave};
use crate::model::{Roadmap, import_summary};
use crate::state::{Confirmation, Planner, use_planner};

/// One answer: its button text, whether it is the suggested one, and what it does.
struct Answer {
    label: &'static str,
    primary: bool,
    act: Callback<()>,
}

fn answer(label: &'static str, primary: bool, act: impl Fn() + Send + Sync + 'static) -> Answer {
    Answer {
        label,
        primary,
        act: Callback::new(move |()| act()),
    }
}

/// Title, text and answers for a question; answers close the dialog first.
fn question(
    planner: Planner,
    autosave: Autosave,
    confirmation: Confirmation,
) -> (String, String, Vec<Answer>) {
    let cancel = move || planner.close_question();
    match confirmation {
        Confirmation::DuplicateCatalogItem { entry } => {
            let heading = planner
                .catalog()
                .with_untracked(|outline| outline.entries.get(entry).map(|found| found.heading.clone()))
                .unwrap_or_default();
            (
                "Already on the roadmap".to_string(),
                format!("“{heading}” is already an initiative. Add it a second time?"),
                vec![
                    answer("Cancel", false, cancel),
                    answer("Add again", true, move || {
                        cancel();
                        planner.add_catalog_entry(entry, true);
                    }),
                ],
            )
        }
        Confirmation::DeletePhase(id) => {
            let (name, count) = planner.with_roadmap(|roadmap| {
                (
                    roadmap
                        .phase(&id)
                        .map(|phase| phase.name.clone())
                        .unwrap_or_default(),
                    roadmap.initiatives_in(Some(&id)).count(),
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
                vec![
                    answer("Cancel", false, cancel),
                    answer("Delete phase", true, move || {
                        cancel();
                        planner.edit(|roadmap| {
                            roadmap.remove_phase(&id);
                        });
                    }),
                ],
            )
        }
        Confirmation::DeleteRoadmap => {
            let name = planner.with_roadmap(|roadmap| roadmap.display_name().to_string());
            (
                format!("Delete “{name}”?"),
                "It is removed from this browser for good and cannot be undone. Export it first to keep a copy."
                    .to_string(),
                vec![
                    answer("Cancel", false, cancel),
                    answer("Delete roadmap", true, move || {
                        cancel();
                        autosave.delete_open_roadmap();
                    }),
                ],
            )
        }
        Confirmation::Import { roadmap, source } => {
            let current = planner.with_roadmap(|roadmap| roadmap.display_name().to_string());
            let title = format!("Import “{}”?", roadmap.display_name());
            let text = format!(
                "{source} holds the roadmap “{}”: {}. Open it as a new roadmap beside “{current}”, or replace “{current}” with it (Undo brings it back).",
                roadmap.display_name(),
                import_summary(&roadmap)
            );
            let replacement = roadmap.clone();
            let mut answers = vec![
                answer("Cancel", false, cancel),
                answer("Replace current roadmap", !autosave.keeps_roadmaps(), move || {
                    cancel();
                    planner.replace_roadmap(Roadmap::clone(&replacement));
                }),
            ];
            if autosave.keeps_roadmaps() {
                answers.push(answer("Open as new roadmap", true, move || {
                    cancel();
                    autosave.open_as_new(Roadmap::clone(&roadmap));
                }));
            }
            (title, text, answers)
        }
        Confirmation::Conflict => (
            "Changed in another tab".to_string(),
            autosave.conflict_message(),
            vec![
                answer("Keep this tab's version", false, move || {
                    cancel();
                    autosave.resolve_conflict(true);
                }),
                answer("Use the other tab's version", true, move || {
                    cancel();
                    autosave.resolve_conflict(false);
                }),
            ],
        ),
    }
}

#[component]
pub fn ConfirmDialog() -> impl IntoView {
    let planner = use_planner();
    let autosave = use_autosave();
    move || {
        let confirmation = planner.confirmation()?;
        // A conflict must be answered; everything else can be dismissed.
        let dismiss = (confirmation != Confirmation::Conflict)
            .then(|| Callback::new(move |()| planner.close_question()));
        let (title, text, answers) = question(planner, autosave, confirmation);
        let buttons = answers
            .into_iter()
            .map(|answer| {
                let act = answer.act;
                view! {
                    <button
                        type="button"
                        class=if answer.primary { "primary" } else { "" }
                        id=answer.primary.then_some("confirm-action")
                        on:click=move |_| act.run(())
                    >
                        {answer.label}
                    </button>
                }
            })
            .collect_view();
        let shell = ModalText {
            role: "alertdialog",
            title_id: "confirm-title",
            text_id: "confirm-text",
            first_focus: "confirm-action",
        };
        Some(view! {
            <Modal text=shell dismiss>
                <h2 id="confirm-title">{title}</h2>
                <p id="confirm-text">{text}</p>
                <div class="dialog-actions">{buttons}</div>
            </Modal>
        })
    }
}
