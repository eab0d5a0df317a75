//! The inspector: every field of the selected initiative, editable.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::model::{
    DueDate, Initiative, InitiativeId, OUTLINE_GOALS, QuickWinStatus, Roadmap, Score, Urgency, split_list,
};
use crate::state::use_planner;

/// A field's value could not be taken; the message says why, next to the field.
type FieldErrors = HashMap<(InitiativeId, &'static str), String>;

fn parse_score(text: &str, name: &str) -> Result<Score, String> {
    let number: f64 = text
        .trim()
        .replace(',', ".")
        .parse()
        .map_err(|_| format!("{name} must be a number from 1 to 10."))?;
    Score::rounded(number).map_err(|_| format!("{name} must be between 1 and 10."))
}

fn parse_budget(text: &str) -> Result<Option<f64>, String> {
    let text = text.trim().replace([',', '_', ' '], "");
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<f64>() {
        Ok(budget) if budget.is_finite() && budget >= 0.0 => Ok(Some(budget)),
        _ => Err("Budget must be an amount of zero or more, like 25000.".to_string()),
    }
}

#[component]
pub fn Inspector() -> impl IntoView {
    let planner = use_planner();
    let roadmap = planner.roadmap;
    let current = Memo::new(move |_| {
        let id = planner.selected.get()?;
        roadmap.with(|roadmap| roadmap.initiative(&id).cloned())
    });
    let errors = RwSignal::new(FieldErrors::new());
    let read = move |field: fn(&Initiative) -> String| {
        move || current.with(|initiative| initiative.as_ref().map(field).unwrap_or_default())
    };
    // Applies a change to the selected initiative as one undo step.
    let change = move |change: Box<dyn FnOnce(&mut Initiative)>| {
        if let Some(id) = planner.selected.get_untracked() {
            planner.edit(|roadmap| {
                roadmap.update_initiative(&id, change);
            });
        }
    };
    // Typing into a text field: one undo step per burst of keystrokes.
    let typing = move |field: &'static str, value: String, apply: fn(&mut Initiative, String)| {
        if let Some(id) = planner.selected.get_untracked() {
            let key = format!("{field}:{}", id.as_str());
            planner.edit_typing(key, |roadmap| {
                roadmap.update_initiative(&id, |initiative| apply(initiative, value));
            });
        }
    };
    let set_error = move |field: &'static str, error: Option<String>| {
        if let Some(id) = planner.selected.get_untracked() {
            errors.update(|errors| match error {
                Some(error) => {
                    errors.insert((id, field), error);
                }
                None => {
                    errors.remove(&(id, field));
                }
            });
        }
    };
    let error_of = move |field: &'static str| {
        move || {
            let id = planner.selected.get()?;
            errors.with(|errors| errors.get(&(id, field)).cloned())
        }
    };
    let split = Memo::new(move |_| roadmap.with(|roadmap| roadmap.quadrant_split));

    let score_field = move |label: &'static str, key: &'static str, get: fn(&Initiative) -> Score| {
        let set = move |initiative: &mut Initiative, score: Score| {
            if key == "effort" {
                initiative.effort = score;
            } else {
                initiative.impact = score;
            }
        };
        let error = error_of(key);
        view! {
            <label class="field score-field">
                <span class="field-label">{label}</span>
                <input
                    type="number"
                    min="1"
                    max="10"
                    step="0.1"
                    inputmode="decimal"
                    aria-invalid=move || error().is_some().to_string()
                    prop:value=move || current.with(|initiative| initiative.as_ref().map(|i| get(i).to_string()))
                    on:change=move |event| match parse_score(&event_target_value(&event), label) {
                        Ok(score) => {
                            set_error(key, None);
                            change(Box::new(move |initiative| set(initiative, score)));
                        }
                        Err(message) => set_error(key, Some(message)),
                    }
                />
                <span class="field-error" role="alert" hidden=move || error().is_none()>{error}</span>
            </label>
        }
    };

    // A comma-separated list such as stakeholders or tags.
    let list_field = move |label: &'static str,
                           placeholder: &'static str,
                           get: fn(&Initiative) -> &Vec<String>,
                           set: fn(&mut Initiative, Vec<String>)| {
        view! {
            <label class="field">
                <span class="field-label">{label}</span>
                <input
                    type="text"
                    placeholder=placeholder
                    prop:value=move || current.with(|initiative| initiative.as_ref().map(|i| get(i).join(", ")))
                    on:change=move |event| {
                        let list = split_list(&event_target_value(&event));
                        change(Box::new(move |initiative| set(initiative, list)));
                    }
                />
            </label>
        }
    };

    let quick_win_note = move || {
        current.with(|initiative| {
            let initiative = initiative.as_ref()?;
            let split = split.get();
            match initiative.quick_win_status(&split) {
                QuickWinStatus::Suggested => {
                    Some(("note suggest", "Suggested: this sits in Quick wins.".to_string()))
                }
                QuickWinStatus::Inconsistent => Some((
                    "note flag",
                    format!(
                        "⚠ Marked as a quick win, but it sits in {}. Move it or clear the mark.",
                        initiative.quadrant(&split).label()
                    ),
                )),
                QuickWinStatus::Marked | QuickWinStatus::NotQuickWin => None,
            }
        })
    };
    let due_error = error_of("due");
    let budget_error = error_of("budget");
    let other_goals = move || {
        current.with(|initiative| {
            initiative.as_ref().map_or_else(String::new, |initiative| {
                initiative
                    .goals
                    .iter()
                    .filter(|goal| !OUTLINE_GOALS.contains(&goal.as_str()))
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            })
        })
    };
    let dependencies = move || {
        current.with(|initiative| {
            let initiative = initiative.as_ref()?;
            let (listed, addable) = roadmap.with(|roadmap| dependency_choices(roadmap, initiative));
            Some((initiative.id.clone(), listed, addable))
        })
    };

    let form = move || {
        view! {
            <div class="inspector-form">
                <label class="field">
                    <span class="field-label">"Title"</span>
                    <input
                        id="inspector-title"
                        type="text"
                        placeholder="Name this initiative"
                        prop:value=read(|i| i.title.clone())
                        on:input=move |event| {
                            typing("title", event_target_value(&event), |initiative, value| initiative.title = value)
                        }
                    />
                </label>
                {move || {
                    current
                        .with(|initiative| initiative.as_ref().and_then(|i| i.origin.clone()))
                        .map(|origin| {
                            let breadcrumb = origin.breadcrumb();
                            view! {
                                <p class="origin">
                                    "From the catalog: " {origin.catalog} {(!breadcrumb.is_empty()).then(|| format!(" › {breadcrumb}"))}
                                </p>
                            }
                        })
                }}
                <div class="field-row">
                    {score_field("Effort", "effort", |initiative| initiative.effort)}
                    {score_field("Impact", "impact", |initiative| initiative.impact)}
                </div>
                <p class="quadrant-note">
                    {move || {
                        current
                            .with(|initiative| initiative.as_ref().map(|i| i.quadrant(&split.get()).label()))
                            .map(|label| format!("In {label}"))
                    }}
                </p>
                <label class="field check">
                    <input
                        type="checkbox"
                        prop:checked=move || current.with(|initiative| initiative.as_ref().is_some_and(|i| i.quick_win))
                        on:change=move |event| {
                            let checked = event_target_checked(&event);
                            change(Box::new(move |initiative| initiative.quick_win = checked));
                        }
                    />
                    <span>"Quick win"</span>
                </label>
                {move || quick_win_note().map(|(class, text)| view! { <p class=class>{text}</p> })}
                <div class="field-row">
                    <label class="field">
                        <span class="field-label">"Urgency"</span>
                        <select
                            prop:value=read(|i| i.urgency.as_str().to_string())
                            on:change=move |event| {
                                if let Some(urgency) = Urgency::from_key(&event_target_value(&event)) {
                                    change(Box::new(move |initiative| initiative.urgency = urgency));
                                }
                            }
                        >
                            {Urgency::ALL
                                .map(|urgency| {
                                    let label = if urgency == Urgency::None { "None" } else { urgency.label() };
                                    let chosen = move || current.with(|i| i.as_ref().is_some_and(|i| i.urgency == urgency));
                                    view! { <option value=urgency.as_str() selected=chosen>{label}</option> }
                                })}
                        </select>
                    </label>
                    <label class="field">
                        <span class="field-label">"Due date"</span>
                        <input
                            type="date"
                            aria-invalid=move || due_error().is_some().to_string()
                            prop:value=read(|i| i.due.map(|due| due.to_string()).unwrap_or_default())
                            on:change=move |event| {
                                let text = event_target_value(&event);
                                if text.trim().is_empty() {
                                    set_error("due", None);
                                    change(Box::new(|initiative| initiative.due = None));
                                } else {
                                    match text.trim().parse::<DueDate>() {
                                        Ok(due) => {
                                            set_error("due", None);
                                            change(Box::new(move |initiative| initiative.due = Some(due)));
                                        }
                                        Err(_) => set_error("due", Some("Due date must be a real day, like 2027-03-31.".into())),
                                    }
                                }
                            }
                        />
                        <span class="field-error" role="alert" hidden=move || due_error().is_none()>{due_error}</span>
                    </label>
                </div>
                <label class="field">
                    <span class="field-label">"Phase"</span>
                    <select
                        prop:value=read(|i| i.phase.as_ref().map(|phase| phase.as_str().to_string()).unwrap_or_default())
                        on:change=move |event| {
                            let value = event_target_value(&event);
                            if let Some(id) = planner.selected.get_untracked() {
                                let phase = (!value.is_empty()).then_some(crate::model::PhaseId(value));
                                planner.edit(|roadmap| {
                                    roadmap.assign_phase(&id, phase);
                                });
                            }
                        }
                    >
                        <option value="">"Unphased"</option>
                        {move || {
                            roadmap
                                .with(|roadmap| {
                                    roadmap
                                        .phases
                                        .iter()
                                        .map(|phase| (phase.id.as_str().to_string(), phase.name.clone()))
                                        .collect::<Vec<_>>()
                                })
                                .into_iter()
                                .map(|(id, name)| {
                                    let selected = current.with_untracked(|initiative| {
                                        initiative.as_ref().and_then(|i| i.phase.as_ref()).is_some_and(|phase| phase.as_str() == id)
                                    });
                                    view! { <option value=id selected=selected>{name}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
                <label class="field">
                    <span class="field-label">"Description"</span>
                    <textarea
                        rows="3"
                        placeholder="What it is and why it matters"
                        prop:value=read(|i| i.description.clone())
                        on:input=move |event| {
                            typing("description", event_target_value(&event), |initiative, value| initiative.description = value)
                        }
                    ></textarea>
                </label>
                <div class="field-row">
                    <label class="field">
                        <span class="field-label">"Owner"</span>
                        <input
                            type="text"
                            prop:value=read(|i| i.owner.clone())
                            on:input=move |event| {
                                typing("owner", event_target_value(&event), |initiative, value| initiative.owner = value)
                            }
                        />
                    </label>
                    <label class="field">
                        <span class="field-label">"Budget"</span>
                        <input
                            type="text"
                            inputmode="decimal"
                            placeholder="e.g. 25000"
                            aria-invalid=move || budget_error().is_some().to_string()
                            prop:value=read(|i| i.budget.map(|budget| budget.to_string()).unwrap_or_default())
                            on:change=move |event| match parse_budget(&event_target_value(&event)) {
                                Ok(budget) => {
                                    set_error("budget", None);
                                    change(Box::new(move |initiative| initiative.budget = budget));
                                }
                                Err(message) => set_error("budget", Some(message)),
                            }
                        />
                        <span class="field-error" role="alert" hidden=move || budget_error().is_none()>{budget_error}</span>
                    </label>
                </div>
                {list_field("Stakeholders", "Comma-separated, e.g. CFO, Data team", |i| &i.stakeholders, |i, list| i.stakeholders = list)}
                <fieldset class="field goals">
                    <legend class="field-label">"Business goals"</legend>
                    {OUTLINE_GOALS
                        .map(|goal| {
                            view! {
                                <label class="check">
                                    <input
                                        type="checkbox"
                                        prop:checked=move || {
                                            current.with(|initiative| initiative.as_ref().is_some_and(|i| i.goals.iter().any(|g| g == goal)))
                                        }
                                        on:change=move |event| {
                                            let checked = event_target_checked(&event);
                                            change(Box::new(move |initiative| {
                                                initiative.goals.retain(|known| known != goal);
                                                if checked {
                                                    initiative.goals.push(goal.to_string());
                                                }
                                            }));
                                        }
                                    />
                                    <span>{goal}</span>
                                </label>
                            }
                        })}
                    <label class="field">
                        <span class="field-label">"Other goals"</span>
                        <input
                            type="text"
                            placeholder="Comma-separated"
                            prop:value=other_goals
                            on:change=move |event| {
                                let others = split_list(&event_target_value(&event));
                                change(Box::new(move |initiative| {
                                    initiative.goals.retain(|goal| OUTLINE_GOALS.contains(&goal.as_str()));
                                    initiative.goals.extend(others);
                                }));
                            }
                        />
                    </label>
                </fieldset>
                {list_field("Tags", "Comma-separated", |i| &i.tags, |i, list| i.tags = list)}
                {move || dependencies().map(|(id, listed, addable)| dependency_editor(id, listed, addable))}
                <button
                    type="button"
                    class="danger"
                    on:click=move |_| {
                        if let Some(id) = planner.selected.get_untracked() {
                            planner.edit(|roadmap| {
                                roadmap.remove_initiative(&id);
                            });
                            planner.select(None);
                        }
                    }
                >
                    "Delete initiative"
                </button>
            </div>
        }
    };

    view! {
        <aside class="panel inspector" role="region" aria-label="Inspector">
            <div class="panel-head">
                <h2>"Inspector"</h2>
            </div>
            <Show
                when=move || current.with(Option::is_some)
                fallback=|| {
                    view! {
                        <p class="empty-note">
                            "Select a card on the grid or in a phase to see and edit its details."
                        </p>
                    }
                }
            >
                {form}
            </Show>
        </aside>
    }
}

/// (id, title) pairs: the initiative's dependencies, and those it could depend on without a cycle.
type Choices = Vec<(InitiativeId, String)>;

fn dependency_choices(roadmap: &Roadmap, initiative: &Initiative) -> (Choices, Choices) {
    let title = |id: &InitiativeId| {
        roadmap
            .initiative(id)
            .map_or_else(String::new, |i| i.display_title().to_string())
    };
    let listed = initiative
        .dependencies
        .iter()
        .map(|id| (id.clone(), title(id)))
        .collect();
    let addable = roadmap
        .initiatives
        .iter()
        .filter(|other| {
            other.id != initiative.id
                && !initiative.dependencies.contains(&other.id)
                && !roadmap.depends_on(&other.id, &initiative.id)
        })
        .map(|other| (other.id.clone(), other.display_title().to_string()))
        .collect();
    (listed, addable)
}

fn dependency_editor(id: InitiativeId, listed: Choices, addable: Choices) -> impl IntoView {
    let planner = use_planner();
    let set = move |on: InitiativeId, depends: bool| {
        let id = id.clone();
        move || {
            planner.edit(|roadmap| {
                roadmap.set_dependency(&id, &on, depends);
            })
        }
    };
    let add = set.clone();
    view! {
        <fieldset class="field dependencies">
            <legend class="field-label">"Depends on"</legend>
            <ul class="dependency-list">
                {listed
                    .into_iter()
                    .map(|(on, title)| {
                        let remove = set(on, false);
                        view! {
                            <li>
                                <span>{title.clone()}</span>
                                <button type="button" class="link" aria-label=format!("Remove dependency on {title}") on:click=move |_| remove()>
                                    "Remove"
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <select
                aria-label="Add dependency"
                prop:value=""
                on:change=move |event| {
                    let value = event_target_value(&event);
                    if !value.is_empty() {
                        add(InitiativeId(value), true)();
                    }
                }
            >
                <option value="">"Add a dependency…"</option>
                {addable.into_iter().map(|(on, title)| view! { <option value=on.0>{title}</option> }).collect_view()}
            </select>
        </fieldset>
    }
}
