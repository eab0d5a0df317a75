//! The phase board: one column per phase plus the unphased initiatives; cards move between
//! columns by drag and drop or by the arrow keys.

use leptos::prelude::*;

use super::initiative_mark::{card_badges, cell_or_placeholder};
use super::phase_dates::PhaseDates;
use super::phase_suggestion::{SuggestPhasesButton, SuggestedPhasesDialog};
use super::quick_dates::QuickDates;
use super::{DomId, focus_later};
use std::collections::HashMap;

use crate::model::{InitiativeId, Phase, PhaseId, PhaseLoad, Roadmap, card_label};
use crate::state::{Confirmation, EditKey, use_planner};

/// How many cards a column shows before "Show all": long columns stay quick to draw (the
/// window is a third of the time to open 1,000 initiatives at 40), and 12 fill a column on a laptop.
const COLUMN_WINDOW: usize = 12;

/// Drag-and-drop payload type for an initiative id.
const DRAG_TYPE: &str = "application/x-stackplan-initiative";

#[component]
pub fn PhaseBoard() -> impl IntoView {
    let planner = use_planner();
    let phase_ids = Memo::new(move |_| {
        planner.with_phases(|phases| phases.iter().map(|phase| phase.id.clone()).collect::<Vec<_>>())
    });
    // Every column's load in one pass, when scores, membership or capacities change.
    let loads = Memo::new(move |_| {
        planner.track_membership();
        planner.track_scores();
        planner.with_phases(|_| ());
        planner.with_roadmap(Roadmap::phase_loads)
    });
    let add_phase = move |_| {
        let mut added = None;
        planner.edit(|roadmap| added = Some(roadmap.add_phase(None)));
        if let Some(added) = added {
            focus_later(DomId::PhaseName(&added));
        }
    };
    let suggestion = RwSignal::new(None);
    view! {
        <section class="panel phases" role="region" aria-label="Phases">
            <div class="panel-head">
                <h2>"Phases"</h2>
                <span class="hint">"Drag cards between phases, or focus one and press ← / →"</span>
                <QuickDates/>
                <SuggestPhasesButton open=suggestion/>
                <button type="button" class="secondary" on:click=add_phase>
                    "Add phase"
                </button>
            </div>
            <SuggestedPhasesDialog open=suggestion/>
            <div class="phase-columns">
                <PhaseColumn phase=None loads/>
                <For each=move || phase_ids.get() key=|id| id.clone() let:id>
                    <PhaseColumn phase=Some(id) loads/>
                </For>
            </div>
        </section>
    }
}

/// One column; `None` is the column of unphased initiatives.
#[component]
fn PhaseColumn(phase: Option<PhaseId>, loads: Memo<HashMap<PhaseId, PhaseLoad>>) -> impl IntoView {
    let planner = use_planner();
    let this_phase = {
        let phase = phase.clone();
        Memo::new(move |_| {
            let id = phase.as_ref()?;
            planner.with_phases(|phases| phases.iter().find(|found| &found.id == id).cloned())
        })
    };
    let name = {
        let unphased = phase.is_none();
        Memo::new(move |_| {
            if unphased {
                "Unphased".to_string()
            } else {
                this_phase.with(|phase| phase.as_ref().map(|phase| phase.name.clone()).unwrap_or_default())
            }
        })
    };
    // Phase names may be blank while being edited; the column still needs a name.
    let label = Signal::derive(move || {
        let name = name.get();
        if name.trim().is_empty() {
            "Untitled phase".to_string()
        } else {
            name
        }
    });
    let members = column_members(phase.clone());
    let drop_target = RwSignal::new(false);
    let on_drop = drop_card(phase.clone(), drop_target);
    let (head, empty_text) = match phase.clone() {
        Some(id) => (
            view! {
                <PhaseHead id=id.clone() name label/>
                <PhaseDates id=id.clone() this_phase label/>
                <PhaseCapacity id this_phase loads label/>
            }
            .into_any(),
            "Drop initiatives here",
        ),
        None => (
            view! { <UnphasedHead members/> }.into_any(),
            "Every initiative has a phase",
        ),
    };
    view! {
        <div
            class="phase-column"
            class=("is-unphased", phase.is_none())
            class=("is-drop-target", move || drop_target.get())
            role="group"
            aria-label=move || label.get()
            on:dragover=move |event: web_sys::DragEvent| {
                event.prevent_default();
                drop_target.set(true);
            }
            on:dragleave=move |_| drop_target.set(false)
            on:drop=on_drop
        >
            {head}
            <ColumnCards members empty_text/>
        </div>
    }
}

/// The ids of the column's initiatives. Re-runs only when initiatives change phase or come
/// and go, not on every edit.
fn column_members(phase: Option<PhaseId>) -> Memo<Vec<InitiativeId>> {
    let planner = use_planner();
    Memo::new(move |_| {
        planner.track_membership();
        planner.with_roadmap(|roadmap| {
            roadmap
                .initiatives_in(phase.as_ref())
                .map(|initiative| initiative.id.clone())
                .collect::<Vec<_>>()
        })
    })
}

/// Moves the dropped card into the column's phase.
fn drop_card(phase: Option<PhaseId>, drop_target: RwSignal<bool>) -> impl Fn(web_sys::DragEvent) + 'static {
    let planner = use_planner();
    move |event: web_sys::DragEvent| {
        event.prevent_default();
        drop_target.set(false);
        let Some(id) = event
            .data_transfer()
            .and_then(|transfer| transfer.get_data(DRAG_TYPE).ok())
            .filter(|id| !id.is_empty())
        else {
            return;
        };
        let id = InitiativeId(id);
        planner.edit(|roadmap| {
            roadmap.assign_phase(&id, phase.clone());
        });
    }
}

/// A phase's name, and its buttons to move it earlier or later or to delete it.
#[component]
fn PhaseHead(id: PhaseId, name: Memo<String>, label: Signal<String>) -> impl IntoView {
    let planner = use_planner();
    let rename = {
        let id = id.clone();
        move |event| {
            let value = event_target_value(&event);
            planner.edit_typing(EditKey::PhaseName(id.clone()), |roadmap| {
                roadmap.update_phase(&id, |phase| phase.name = value);
            });
        }
    };
    let move_by = {
        let id = id.clone();
        move |offset: isize| {
            let id = id.clone();
            move |_| {
                planner.edit(|roadmap| {
                    roadmap.move_phase(&id, offset);
                })
            }
        }
    };
    let delete = {
        let id = id.clone();
        move |_| planner.ask(Confirmation::DeletePhase(id.clone()))
    };
    view! {
        <div class="phase-head">
            <input
                type="text"
                class="phase-name"
                id=DomId::PhaseName(&id).to_string()
                aria-label=move || format!("Name of {}", label.get())
                prop:value=move || name.get()
                on:input=rename
            />
            <div class="phase-actions">
                <button type="button" class="icon" aria-label=move || format!("Move {} earlier", label.get()) title="Move earlier" on:click=move_by(-1)>
                    "←"
                </button>
                <button type="button" class="icon" aria-label=move || format!("Move {} later", label.get()) title="Move later" on:click=move_by(1)>
                    "→"
                </button>
                <button type="button" class="icon danger-icon" aria-label=move || format!("Delete {}", label.get()) title="Delete phase" on:click=delete>
                    "✕"
                </button>
            </div>
        </div>
    }
}

/// A phase's effort against its capacity, the capacity field, and a warning when over it.
#[component]
fn PhaseCapacity(
    id: PhaseId,
    this_phase: Memo<Option<Phase>>,
    loads: Memo<HashMap<PhaseId, PhaseLoad>>,
    label: Signal<String>,
) -> impl IntoView {
    let load = {
        let id = id.clone();
        Memo::new(move |_| loads.with(|loads| loads.get(&id).copied()))
    };
    view! {
        <div class="phase-load" class=("is-over", move || load.get().is_some_and(|load| load.is_over_capacity()))>
            <span>
                {move || {
                    load.get()
                        .map(|load| match load.capacity {
                            Some(capacity) => format!("{:.1} of {capacity} effort points", load.effort),
                            None => format!("{:.1} effort points", load.effort),
                        })
                }}
            </span>
            <CapacityField id this_phase label/>
        </div>
        <p class="capacity-warning" role="status" hidden=move || !load.get().is_some_and(|load| load.is_over_capacity())>
            {move || {
                load.get()
                    .and_then(|load| load.capacity.map(|capacity| load.effort - capacity))
                    .map(|over| format!("⚠ Over capacity by {over:.1}: less is more."))
            }}
        </p>
    }
}

/// The phase's capacity in effort points; blank for none, anything else but a positive
/// number is refused with a notice.
#[component]
fn CapacityField(id: PhaseId, this_phase: Memo<Option<Phase>>, label: Signal<String>) -> impl IntoView {
    let planner = use_planner();
    let set_capacity = move |event| {
        let text = event_target_value(&event);
        let capacity = text
            .trim()
            .replace(',', ".")
            .parse::<f64>()
            .ok()
            .filter(|c| c.is_finite() && *c > 0.0);
        if text.trim().is_empty() || capacity.is_some() {
            planner.edit(|roadmap| {
                roadmap.update_phase(&id, |phase| phase.capacity = capacity);
            });
        } else {
            planner.tell(
                crate::state::Tone::Error,
                "A phase's capacity must be a positive number of effort points, like 20.",
            );
        }
    };
    let capacity_text = move || {
        this_phase.with(|phase| {
            phase
                .as_ref()
                .and_then(|phase| phase.capacity)
                .map(|c| c.to_string())
                .unwrap_or_default()
        })
    };
    view! {
        <label class="capacity">
            <span>"Capacity"</span>
            <input
                type="text"
                inputmode="decimal"
                placeholder="none"
                aria-label=move || format!("Capacity of {}", label.get())
                prop:value=capacity_text
                on:change=set_capacity
            />
        </label>
    }
}

/// The unphased column's title and how many initiatives it holds.
#[component]
fn UnphasedHead(members: Memo<Vec<InitiativeId>>) -> impl IntoView {
    view! {
        <div class="phase-head">
            <h3 class="phase-title">"Unphased"</h3>
        </div>
        <div class="phase-load">
            {move || match members.with(Vec::len) {
                1 => "1 initiative".to_string(),
                count => format!("{count} initiatives"),
            }}
        </div>
    }
}

/// The column's cards, a note when it has none, and "Show all" when it is long.
#[component]
fn ColumnCards(members: Memo<Vec<InitiativeId>>, empty_text: &'static str) -> impl IntoView {
    let planner = use_planner();
    let show_all = RwSignal::new(false);
    // The first cards of a long column, plus the selected one wherever it is, so a card
    // moved here by keyboard stays in view.
    let shown = Memo::new(move |_| {
        let selected = planner.selected();
        members.with(|members| {
            if show_all.get() || members.len() <= COLUMN_WINDOW {
                return members.clone();
            }
            let mut shown: Vec<InitiativeId> = members[..COLUMN_WINDOW].to_vec();
            if let Some(selected) = selected.filter(|selected| members[COLUMN_WINDOW..].contains(selected)) {
                shown.push(selected);
            }
            shown
        })
    });
    view! {
        <ul class="phase-cards">
            <For each=move || shown.get() key=|id| id.clone() let:id>
                <li>
                    <BoardCard id=id/>
                </li>
            </For>
        </ul>
        <p class="empty-note" hidden=move || !members.with(Vec::is_empty)>{empty_text}</p>
        <ShowAllButton members show_all/>
    }
}

/// Lists every card of a long column, or only its first ones again.
#[component]
fn ShowAllButton(members: Memo<Vec<InitiativeId>>, show_all: RwSignal<bool>) -> impl IntoView {
    view! {
        <button
            type="button"
            class="link show-all"
            hidden=move || members.with(Vec::len) <= COLUMN_WINDOW
            aria-expanded=move || show_all.get().to_string()
            on:click=move |_| show_all.update(|all| *all = !*all)
        >
            {move || {
                let count = members.with(Vec::len);
                if show_all.get() {
                    format!("Show the first {COLUMN_WINDOW}")
                } else {
                    format!("Show all {count}")
                }
            }}
        </button>
    }
}

/// An initiative inside a phase column.
#[component]
fn BoardCard(id: InitiativeId) -> impl IntoView {
    let planner = use_planner();
    let cell = cell_or_placeholder(planner, &id);
    let selected = {
        let id = id.clone();
        move || planner.is_selected(&id)
    };
    let on_dragstart = {
        let id = id.clone();
        move |event: web_sys::DragEvent| {
            if let Some(transfer) = event.data_transfer() {
                let _ = transfer.set_data(DRAG_TYPE, id.as_str());
                let _ = transfer.set_data("text/plain", id.as_str());
                transfer.set_effect_allowed("move");
            }
        }
    };
    let on_keydown = {
        let id = id.clone();
        move |event: web_sys::KeyboardEvent| {
            let Some(offset) = super::phase_step(&event) else {
                return;
            };
            event.prevent_default();
            // Selected, the card stays in view in its new column however long that is.
            planner.select(Some(id.clone()));
            planner.edit(|roadmap| {
                roadmap.shift_phase(&id, offset);
            });
            // The card is rebuilt in its new column; keep the keyboard on it.
            focus_later(DomId::PhaseCard(&id));
        }
    };
    let on_click = {
        let id = id.clone();
        move |_| planner.select(Some(id.clone()))
    };
    let label = {
        let cell = cell.clone();
        move || {
            let split = planner.split();
            cell.with(|initiative| card_label(initiative, &split))
        }
    };
    let content = move || {
        let split = planner.split();
        cell.with(|initiative| {
            view! {
                <span class="card-title">{initiative.display_title().to_string()}</span>
                <span class="board-card-meta">
                    <span class="score">{format!("E {} · I {}", initiative.effort, initiative.impact)}</span>
                    {card_badges(initiative, &split)}
                </span>
            }
        })
    };
    view! {
        <button
            type="button"
            class="board-card"
            class=("is-selected", selected)
            id=DomId::PhaseCard(&id).to_string()
            draggable="true"
            aria-label=label
            on:dragstart=on_dragstart
            on:keydown=on_keydown
            on:click=on_click
        >
            {content}
        </button>
    }
}
