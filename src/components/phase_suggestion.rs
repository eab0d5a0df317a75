//! "Suggest phases": the auto-phasing suggestion, previewed move by move with its reasons,
//! then accepted as one undoable step or discarded.

use leptos::prelude::*;

use super::DomId;
use super::modal::{Modal, ModalText};
use crate::model::{DescribedMove, PhaseSuggestion, suggest_phases};
use crate::state::{Tone, use_planner};

/// How many moves the dialog lists before "Show all": a 10,000-initiative plan stays quick.
const LIST_WINDOW: usize = 200;

/// The button that opens the preview.
#[component]
pub fn SuggestPhasesButton(open: RwSignal<Option<PhaseSuggestion>>) -> impl IntoView {
    let planner = use_planner();
    let has_phases = move || planner.with_phases(|phases| !phases.is_empty());
    view! {
        <button
            type="button"
            class="secondary"
            disabled=move || !has_phases()
            title=move || if has_phases() { "" } else { "Add a phase first" }
            on:click=move |_| {
                open.set(Some(planner.with_roadmap(suggest_phases)));
            }
        >
            "Suggest phases"
        </button>
    }
}

/// The modal preview; nothing changes until Accept.
#[component]
pub fn SuggestedPhasesDialog(open: RwSignal<Option<PhaseSuggestion>>) -> impl IntoView {
    let planner = use_planner();
    let discard = move || open.set(None);
    move || {
        let suggestion = open.get()?;
        let rows = planner.with_roadmap(|roadmap| suggestion.described(roadmap));
        let moves = suggestion.moves.len();
        let summary = summary_of(&suggestion);
        let shortfall = suggestion.shortfall();
        let accept = move |_| {
            planner.edit(|roadmap| suggestion.apply(roadmap));
            discard();
            let moved = if moves == 1 {
                "1 initiative".to_string()
            } else {
                format!("{moves} initiatives")
            };
            planner.tell(
                Tone::Info,
                format!("Moved {moved} to the suggested phases. Undo puts them back."),
            );
        };
        let shell = ModalText {
            role: "dialog",
            title_id: DomId::SuggestionTitle,
            text_id: DomId::SuggestionSummary,
            first_focus: if moves == 0 {
                DomId::SuggestionDiscard
            } else {
                DomId::SuggestionAccept
            },
        };
        Some(view! {
            <Modal text=shell class="suggestion" dismiss=Some(Callback::new(move |()| discard()))>
                <h2 id=DomId::SuggestionTitle.to_string()>"Suggested phases"</h2>
                <p id=DomId::SuggestionSummary.to_string()>
                    {summary}
                    " Rules: dependencies first, then urgency and due dates, then quick wins, then impact for effort, within each phase's capacity."
                </p>
                {shortfall.map(|text| view! { <p class="note warn">{text}</p> })}
                {(!rows.is_empty()).then(|| view! { <MoveList rows/> })}
                <div class="dialog-actions">
                    <button type="button" id=DomId::SuggestionDiscard.to_string() on:click=move |_| discard()>
                        "Discard"
                    </button>
                    <button type="button" class="primary" id=DomId::SuggestionAccept.to_string() disabled=moves == 0 on:click=accept>
                        "Accept"
                    </button>
                </div>
            </Modal>
        })
    }
}

/// What the suggestion changes, in one sentence.
fn summary_of(suggestion: &PhaseSuggestion) -> String {
    match (suggestion.moves.len(), suggestion.left_out.len()) {
        (0, 0) => "Every initiative already sits where the rules put it.".to_string(),
        (0, _) => "No initiative changes phase.".to_string(),
        (1, _) => "1 initiative changes phase.".to_string(),
        (moves, _) => format!("{moves} initiatives change phase."),
    }
}

/// Every move with its reason; the first `LIST_WINDOW` until "Show all".
#[component]
fn MoveList(rows: Vec<DescribedMove>) -> impl IntoView {
    let show_all = RwSignal::new(false);
    let total = rows.len();
    view! {
        <div class="suggestion-list">
            <table>
                <thead>
                    <tr>
                        <th scope="col">"Initiative"</th>
                        <th scope="col">"From"</th>
                        <th scope="col">"To"</th>
                        <th scope="col">"Why"</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let shown = if show_all.get() { total } else { total.min(LIST_WINDOW) };
                        rows[..shown].iter().map(move_row).collect_view()
                    }}
                </tbody>
            </table>
            {move || {
                (total > LIST_WINDOW && !show_all.get())
                    .then(|| {
                        view! {
                            <button type="button" class="link" on:click=move |_| show_all.set(true)>
                                {format!("Show all {total}")}
                            </button>
                        }
                    })
            }}
        </div>
    }
}

fn move_row(row: &DescribedMove) -> impl IntoView + use<> {
    view! {
        <tr>
            <th scope="row">{row.title.clone()}</th>
            <td>{row.from.clone()}</td>
            <td>{row.to.clone()}</td>
            <td>{row.reason.clone()}</td>
        </tr>
    }
}
