//! Questions asked before something happens: a modal `alertdialog`.

use leptos::prelude::*;

use super::DomId;
use super::modal::{Modal, ModalText};
use crate::autosave::{Autosave, use_autosave};
use crate::model::{PhaseId, Roadmap, import_summary};
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

/// The answer that does nothing: the dialog closes, as it does for every answer.
fn cancel() -> Answer {
    answer("Cancel", false, || {})
}

/// What the dialog shows: a title, a sentence, and the answers.
struct Question {
    title: String,
    text: String,
    answers: Vec<Answer>,
}

fn question(planner: Planner, autosave: Autosave, confirmation: Confirmation) -> Question {
    match confirmation {
        Confirmation::DuplicateCatalogItem { entry } => duplicate_catalog_item(planner, entry),
        Confirmation::DeletePhase(id) => delete_phase(planner, id),
        Confirmation::DeleteRoadmap => delete_roadmap(planner, autosave),
        Confirmation::Import { roadmap, source } => import(planner, autosave, roadmap, &source),
        Confirmation::Conflict => conflict(autosave),
    }
}

fn duplicate_catalog_item(planner: Planner, entry: usize) -> Question {
    let heading = planner
        .catalog()
        .with_untracked(|outline| outline.entries.get(entry).map(|found| found.heading.clone()))
        .unwrap_or_default();
    Question {
        title: "Already on the roadmap".to_string(),
        text: format!("“{heading}” is already an initiative. Add it a second time?"),
        answers: vec![
            cancel(),
            answer("Add again", true, move || {
                planner.add_catalog_entry(entry, true);
            }),
        ],
    }
}

fn delete_phase(planner: Planner, id: PhaseId) -> Question {
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
    Question {
        title: format!("Delete {name}?"),
        text: format!("{members} You can undo this."),
        answers: vec![
            cancel(),
            answer("Delete phase", true, move || {
                planner.edit(|roadmap| {
                    roadmap.remove_phase(&id);
                });
            }),
        ],
    }
}

fn delete_roadmap(planner: Planner, autosave: Autosave) -> Question {
    let name = planner.with_roadmap(|roadmap| roadmap.display_name().to_string());
    Question {
        title: format!("Delete “{name}”?"),
        text:
            "It is removed from this browser for good and cannot be undone. Export it first to keep a copy."
                .to_string(),
        answers: vec![
            cancel(),
            answer("Delete roadmap", true, move || {
                autosave.delete_open_roadmap();
            }),
        ],
    }
}

/// The import preview: what the file holds, opened beside the current roadmap or in its place.
fn import(planner: Planner, autosave: Autosave, roadmap: Box<Roadmap>, source: &str) -> Question {
    let current = planner.with_roadmap(|roadmap| roadmap.display_name().to_string());
    let title = format!("Import “{}”?", roadmap.display_name());
    let text = format!(
        "{source} holds the roadmap “{}”: {}. Open it as a new roadmap beside “{current}”, or replace “{current}” with it (Undo brings it back).",
        roadmap.display_name(),
        import_summary(&roadmap)
    );
    let replacement = roadmap.clone();
    let mut answers = vec![
        cancel(),
        answer("Replace current roadmap", !autosave.keeps_roadmaps(), move || {
            planner.replace_roadmap(Roadmap::clone(&replacement));
        }),
    ];
    if autosave.keeps_roadmaps() {
        answers.push(answer("Open as new roadmap", true, move || {
            autosave.open_as_new(Roadmap::clone(&roadmap));
        }));
    }
    Question { title, text, answers }
}

/// Another tab saved this roadmap too: the user picks which version stays (no dismissing).
fn conflict(autosave: Autosave) -> Question {
    Question {
        title: "Changed in another tab".to_string(),
        text: autosave.conflict_message(),
        answers: vec![
            answer("Keep this tab's version", false, move || {
                autosave.resolve_conflict(true);
            }),
            answer("Use the other tab's version", true, move || {
                autosave.resolve_conflict(false);
            }),
        ],
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
        let Question { title, text, answers } = question(planner, autosave, confirmation);
        let buttons = answers
            .into_iter()
            .map(|answer| {
                let act = answer.act;
                view! {
                    <button
                        type="button"
                        class=if answer.primary { "primary" } else { "" }
                        id=answer.primary.then(|| DomId::ConfirmAction.to_string())
                        on:click=move |_| {
                            // Every answer closes the dialog first, then does what it says.
                            planner.close_question();
                            act.run(());
                        }
                    >
                        {answer.label}
                    </button>
                }
            })
            .collect_view();
        let shell = ModalText {
            role: "alertdialog",
            title_id: DomId::ConfirmTitle,
            text_id: DomId::ConfirmText,
            first_focus: DomId::ConfirmAction,
        };
        Some(view! {
            <Modal text=shell dismiss>
                <h2 id=DomId::ConfirmTitle.to_string()>{title}</h2>
                <p id=DomId::ConfirmText.to_string()>{text}</p>
                <div class="dialog-actions">{buttons}</div>
            </Modal>
        })
    }
}
