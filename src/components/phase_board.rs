//! The phase board: one column per phase plus the unphased initiatives; cards move between
//! columns by drag and drop or by the arrow keys.

use leptos::prelude::*;

use super::focus_later;
use super::initiative_card::{card_badges, card_label, watch_initiative};
use crate::model::{InitiativeId, PhaseId};
use crate::state::{Confirmation, use_planner};

/// Drag-and-drop payload type for an initiative id.
const DRAG_TYPE: &str = "application/x-stackplan-initiative";

fn board_card_id(id: &InitiativeId) -> String {
    format!("phase-card-{}", id.as_str())
}

#[component]
pub fn PhaseBoard() -> impl IntoView {
    let planner = use_planner();
    let phase_ids = Memo::new(move |_| {
        planner.roadmap.with(|roadmap| {
            roadmap
                .phases
                .iter()
                .map(|phase| phase.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let add_phase = move |_| {
        let mut added = None;
        planner.edit(|roadmap| added = Some(roadmap.add_phase(None)));
        if let Some(added) = added {
            focus_later(format!("phase-name-{}", added.as_str()));
        }
    };
    view! {
        <section class="panel phases" role="region" aria-label="Phases">
            <div class="panel-head">
                <h2>"Phases"</h2>
                <span class="hint">"Drag cards between phases, or focus one and press ← / →"</span>
                <button type="button" class="secondary" on:click=add_phase>
                    "Add phase"
                </button>
            </div>
            <div class="phase-columns">
                <PhaseColumn phase=None/>
                <For each=move || phase_ids.get() key=|id| id.clone() let:id>
                    <PhaseColumn phase=Some(id)/>
                </For>
            </div>
        </section>
    }
}

/// One column; `None` is the column of unphased initiatives.
#[component]
fn PhaseColumn(phase: Option<PhaseId>) -> impl IntoView {
    let planner = use_planner();
    let roadmap = planner.roadmap;
    let name = {
        let phase = phase.clone();
        Memo::new(move |_| match &phase {
            Some(id) => roadmap.with(|roadmap| {
                roadmap
                    .phase(id)
                    .map(|phase| phase.name.clone())
                    .unwrap_or_default()
            }),
            None => "Unphased".to_string(),
        })
    };
    // Phase names may be blank while being edited; the column still needs a name.
    let label = move || {
        let name = name.get();
        if name.trim().is_empty() {
            "Untitled phase".to_string()
        } else {
            name
        }
    };
    let members = {
        let phase = phase.clone();
        Memo::new(move |_| {
            roadmap.with(|roadmap| {
                roadmap
                    .initiatives_in(phase.as_ref())
                    .map(|initiative| initiative.id.clone())
                    .collect::<Vec<_>>()
            })
        })
    };
    let load = {
        let phase = phase.clone();
        Memo::new(move |_| {
            phase
                .as_ref()
                .map(|id| roadmap.with(|roadmap| roadmap.phase_load(id)))
        })
    };
    let drop_target = RwSignal::new(false);
    let on_drop = {
        let phase = phase.clone();
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
    };

    let header = phase.clone().map(|id| {
        let rename = {
            let id = id.clone();
            move |event| {
                let value = event_target_value(&event);
                let key = format!("phase-name:{}", id.as_str());
                planner.edit_typing(key, |roadmap| {
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
        let set_capacity = {
            let id = id.clone();
            move |event| {
                let text = event_target_value(&event);
                let capacity = text.trim().replace(',', ".").parse::<f64>().ok().filter(|c| c.is_finite() && *c > 0.0);
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
            }
        };
        let delete = {
            let id = id.clone();
            move |_| planner.confirmation.set(Some(Confirmation::DeletePhase(id.clone())))
        };
        let capacity_text = {
            let id = id.clone();
            move || {
                roadmap.with(|roadmap| {
                    roadmap.phase(&id).and_then(|phase| phase.capacity).map(|c| c.to_string()).unwrap_or_default()
                })
            }
        };
        view! {
            <div class="phase-head">
                <input
                    type="text"
                    class="phase-name"
                    id=format!("phase-name-{}", id.as_str())
                    aria-label=move || format!("Name of {}", label())
                    prop:value=move || name.get()
                    on:input=rename
                />
                <div class="phase-actions">
                    <button type="button" class="icon" aria-label=move || format!("Move {} earlier", label()) title="Move earlier" on:click=move_by(-1)>
                        "←"
                    </button>
                    <button type="button" class="icon" aria-label=move || format!("Move {} later", label()) title="Move later" on:click=move_by(1)>
                        "→"
                    </button>
                    <button type="button" class="icon danger-icon" aria-label=move || format!("Delete {}", label()) title="Delete phase" on:click=delete>
                        "✕"
                    </button>
                </div>
            </div>
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
                <label class="capacity">
                    <span>"Capacity"</span>
                    <input
                        type="text"
                        inputmode="decimal"
                        placeholder="none"
                        aria-label=move || format!("Capacity of {}", label())
                        prop:value=capacity_text
                        on:change=set_capacity
                    />
                </label>
            </div>
            <p class="capacity-warning" role="status" hidden=move || !load.get().is_some_and(|load| load.is_over_capacity())>
                {move || {
                    load.get()
                        .and_then(|load| load.capacity.map(|capacity| load.effort - capacity))
                        .map(|over| format!("⚠ Over capacity by {over:.1}: less is more."))
                }}
            </p>
        }
    });

    let empty_text = if phase.is_some() {
        "Drop initiatives here"
    } else {
        "Every initiative has a phase"
    };
    view! {
        <div
            class="phase-column"
            class=("is-unphased", phase.is_none())
            class=("is-drop-target", move || drop_target.get())
            role="group"
            aria-label=label
            on:dragover=move |event: web_sys::DragEvent| {
                event.prevent_default();
                drop_target.set(true);
            }
            on:dragleave=move |_| drop_target.set(false)
            on:drop=on_drop
        >
            {match header {
                Some(header) => header.into_any(),
                None => {
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
                        .into_any()
                }
            }}
            <ul class="phase-cards">
                <For each=move || members.get() key=|id| id.clone() let:id>
                    <li>
                        <BoardCard id=id/>
                    </li>
                </For>
            </ul>
            <p class="empty-note" hidden=move || !members.with(Vec::is_empty)>{empty_text}</p>
        </div>
    }
}

/// An initiative inside a phase column.
#[component]
fn BoardCard(id: InitiativeId) -> impl IntoView {
    let planner = use_planner();
    let initiative = watch_initiative(planner, id.clone());
    let split = Memo::new(move |_| planner.roadmap.with(|roadmap| roadmap.quadrant_split));
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
            let offset = match event.key().as_str() {
                "ArrowLeft" => -1,
                "ArrowRight" => 1,
                _ => return,
            };
            event.prevent_default();
            planner.edit(|roadmap| {
                roadmap.shift_phase(&id, offset);
            });
            // The card is rebuilt in its new column; keep the keyboard on it.
            focus_later(board_card_id(&id));
        }
    };
    let on_click = {
        let id = id.clone();
        move |_| planner.select(Some(id.clone()))
    };
    view! {
        <button
            type="button"
            class="board-card"
            class=("is-selected", selected)
            id=board_card_id(&id)
            draggable="true"
            aria-label=move || initiative.with(|found| found.as_ref().map(|found| card_label(found, &split.get())))
            on:dragstart=on_dragstart
            on:keydown=on_keydown
            on:click=on_click
        >
            {move || {
                initiative
                    .get()
                    .map(|initiative| {
                        let split = split.get();
                        view! {
                            <span class="card-title">{initiative.display_title().to_string()}</span>
                            <span class="board-card-meta">
                                <span class="score">{format!("E {} · I {}", initiative.effort, initiative.impact)}</span>
                                {card_badges(&initiative, &split)}
                            </span>
                        }
                    })
            }}
        </button>
    }
}
