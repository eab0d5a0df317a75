//! The inspector: every field of the selected initiative, editable. Each field is a small
//! component reading the selected initiative's own cell, so typing in one field or dragging
//! another card wakes nothing else here.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use super::DomId;
use super::scoring::ScoringFields;
use crate::model::{
    Choices, DependencyChoices, DueDate, FieldError, Initiative, InitiativeField, InitiativeId,
    OUTLINE_GOALS, PhaseId, QuickWinStatus, Score, ScoreRange, Urgency, dependency_choices, parse_budget,
    parse_score, parse_score_range, split_list,
};
use crate::state::{EditKey, Planner, use_planner};

/// The selected initiative and the errors of fields whose text could not be taken.
#[derive(Clone, Copy)]
struct Selected {
    planner: Planner,
    /// The selected initiative as it is now; wakes when it changes, not when others do.
    current: Memo<Option<Arc<Initiative>>>,
    errors: RwSignal<HashMap<(InitiativeId, InitiativeField), FieldError>>,
}

impl Selected {
    /// Reads a value of the selected initiative (tracked); empty when nothing is selected.
    fn read<T: Default>(&self, field: impl Fn(&Initiative) -> T) -> T {
        self.current
            .with(|initiative| initiative.as_deref().map(field).unwrap_or_default())
    }

    /// Applies a change to the selected initiative as one undo step.
    fn change(&self, change: impl FnOnce(&mut Initiative)) {
        if let Some(id) = self.planner.selected_untracked() {
            self.planner.edit(|roadmap| {
                roadmap.update_initiative(&id, change);
            });
        }
    }

    /// Typing into a text field: one undo step per burst of keystrokes.
    fn type_into(&self, field: InitiativeField, change: impl FnOnce(&mut Initiative)) {
        if let Some(id) = self.planner.selected_untracked() {
            self.planner
                .edit_typing(EditKey::Initiative(id.clone(), field), |roadmap| {
                    roadmap.update_initiative(&id, change);
                });
        }
    }

    /// Shows (or clears) the error of a field, kept per initiative.
    fn set_error(&self, field: InitiativeField, error: Option<FieldError>) {
        if let Some(id) = self.planner.selected_untracked() {
            self.errors.update(|errors| match error {
                Some(error) => drop(errors.insert((id, field), error)),
                None => drop(errors.remove(&(id, field))),
            });
        }
    }

    /// Takes a value or shows why not, next to its field.
    fn take<T>(
        &self,
        field: InitiativeField,
        parsed: Result<T, FieldError>,
        apply: impl FnOnce(&mut Initiative, T),
    ) {
        match parsed {
            Ok(value) => {
                self.set_error(field, None);
                self.change(|initiative| apply(initiative, value));
            }
            Err(error) => self.set_error(field, Some(error)),
        }
    }

    /// Adds or removes a dependency of the selected initiative, as one undo step.
    fn depend_on(&self, on: &InitiativeId, depends: bool) {
        if let Some(id) = self.planner.selected_untracked() {
            self.planner.edit(|roadmap| {
                roadmap.set_dependency(&id, on, depends);
            });
        }
    }

    fn error(&self, field: InitiativeField) -> Option<String> {
        let id = self.planner.selected()?;
        self.errors
            .with(|errors| errors.get(&(id, field)).map(ToString::to_string))
    }
}

#[component]
pub fn Inspector() -> impl IntoView {
    let planner = use_planner();
    let current = Memo::new(move |_| {
        // Also wakes when initiatives come and go: the selected one may have been removed.
        planner.with_ids(|_| ());
        let id = planner.selected()?;
        planner.cell(&id).map(|cell| cell.get())
    });
    let selected = Selected {
        planner,
        current,
        errors: RwSignal::new(HashMap::new()),
    };
    let form = move || {
        view! {
            <div class="inspector-form">
                <TextField selected field=InitiativeField::Title id=DomId::InspectorTitle placeholder="Name this initiative"/>
                <Origin selected/>
                <ScoreField selected field=InitiativeField::Effort/>
                <ScoreField selected field=InitiativeField::Impact/>
                <ScoringFields planner current/>
                <QuickWin selected/>
                <div class="field-row">
                    <UrgencyField selected/>
                    <DueField selected/>
                </div>
                <PhaseField selected/>
                <TextField selected field=InitiativeField::Description id=DomId::InspectorDescription placeholder="What it is and why it matters"/>
                <div class="field-row">
                    <TextField selected field=InitiativeField::Owner id=DomId::InspectorOwner placeholder=""/>
                    <BudgetField selected/>
                </div>
                <ListField selected label="Stakeholders" placeholder="Comma-separated, e.g. CFO, Data team" get=|i| &i.stakeholders set=|i, list| i.stakeholders = list/>
                <Goals selected/>
                <ListField selected label="Tags" placeholder="Comma-separated" get=|i| &i.tags set=|i, list| i.tags = list/>
                <Dependencies selected/>
                <button
                    type="button"
                    class="danger"
                    on:click=move |_| {
                        if let Some(id) = planner.selected_untracked() {
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
                            "Select a mark on the board or a card in a phase to see and edit its details."
                        </p>
                        <p class="empty-note">
                            "Drag a mark to set its effort and impact, or focus it and use the arrow keys (Shift: big steps)."
                        </p>
                    }
                }
            >
                {form}
            </Show>
        </aside>
    }
}

/// A field's error message, announced as it appears.
#[component]
fn FieldMessage(selected: Selected, field: InitiativeField) -> impl IntoView {
    let error = move || selected.error(field);
    view! { <span class="field-error" role="alert" hidden=move || error().is_none()>{error}</span> }
}

/// Title, description or owner: typed text, one undo step per burst.
#[component]
fn TextField(
    selected: Selected,
    field: InitiativeField,
    id: DomId<'static>,
    placeholder: &'static str,
) -> impl IntoView {
    let get = move |initiative: &Initiative| match field {
        InitiativeField::Description => initiative.description.clone(),
        InitiativeField::Owner => initiative.owner.clone(),
        _ => initiative.title.clone(),
    };
    let on_input = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        selected.type_into(field, |initiative| match field {
            InitiativeField::Description => initiative.description = value,
            InitiativeField::Owner => initiative.owner = value,
            _ => initiative.title = value,
        });
    };
    let input = if field == InitiativeField::Description {
        view! { <textarea id=id.to_string() rows="3" placeholder=placeholder prop:value=move || selected.read(get) on:input=on_input></textarea> }
            .into_any()
    } else {
        view! { <input id=id.to_string() type="text" placeholder=placeholder prop:value=move || selected.read(get) on:input=on_input/> }
            .into_any()
    };
    view! {
        <label class="field">
            <span class="field-label">{field.label()}</span>
            {input}
        </label>
    }
}

/// Where the initiative came from in the catalog, if it did.
#[component]
fn Origin(selected: Selected) -> impl IntoView {
    move || {
        selected.read(|initiative| initiative.origin.clone()).map(|origin| {
            let breadcrumb = origin.breadcrumb();
            view! {
                <p class="origin">
                    "From the catalog: " {origin.catalog} {(!breadcrumb.is_empty()).then(|| format!(" › {breadcrumb}"))}
                </p>
            }
        })
    }
}

/// Effort or impact as a number from 1 to 10, with its range's low and high ends beside it
/// (blank for a single point).
#[component]
fn ScoreField(selected: Selected, field: InitiativeField) -> impl IntoView {
    let is_effort = field == InitiativeField::Effort;
    let score = move |initiative: &Initiative| scored(initiative, is_effort).0;
    let range = move |initiative: &Initiative| scored(initiative, is_effort).1;
    // A drag shows its scores beside the mark as it goes; this field follows on the drop, so
    // that a pointer move lays out and repaints nothing but the mark.
    let value = move || selected.read(|initiative| Some(score(initiative).to_string()));
    // An end at the score itself shows blank, as it is typed: a range given one end at a time
    // never fills the other end under the user's cursor.
    let end = move |pick: fn(ScoreRange) -> Score| {
        selected.read(move |initiative| {
            let end = pick(range(initiative)?);
            (end != score(initiative)).then(|| end.to_string())
        })
    };
    let (low, high) = (
        NodeRef::<leptos::html::Input>::new(),
        NodeRef::<leptos::html::Input>::new(),
    );
    let take_range = move |_| {
        let typed = [low, high].map(|input| {
            input
                .get_untracked()
                .map(|input| input.value())
                .unwrap_or_default()
        });
        let Some(current) = selected
            .current
            .with_untracked(|initiative| initiative.as_deref().map(score))
        else {
            return;
        };
        let parsed = parse_score_range(&typed[0], &typed[1], current, field);
        selected.take(field, parsed, |initiative, range| {
            *scored_mut(initiative, is_effort).1 = range
        });
    };
    let label = field.label();
    view! {
        <div class="field score-field">
            <span class="field-label">{label}</span>
            <div class="estimate-inputs">
                <input
                    type="number"
                    min="1"
                    max="10"
                    step="0.1"
                    inputmode="decimal"
                    aria-label=label
                    aria-invalid=move || selected.error(field).is_some().to_string()
                    prop:value=value
                    on:change=move |event| {
                        let parsed = parse_score(&event_target_value(&event), field);
                        selected.take(field, parsed, |initiative, score| *scored_mut(initiative, is_effort).0 = score);
                    }
                />
                <input node_ref=low class="range-end" type="number" min="1" max="10" step="0.1" inputmode="decimal"
                    aria-label=format!("{label} low") placeholder="low"
                    prop:value=move || end(|range| range.low) on:change=take_range/>
                <input node_ref=high class="range-end" type="number" min="1" max="10" step="0.1" inputmode="decimal"
                    aria-label=format!("{label} high") placeholder="high"
                    prop:value=move || end(|range| range.high) on:change=take_range/>
            </div>
            <FieldMessage selected field/>
        </div>
    }
}

/// Effort (or impact) with its range.
fn scored(initiative: &Initiative, is_effort: bool) -> (Score, Option<ScoreRange>) {
    if is_effort {
        (initiative.effort, initiative.effort_range)
    } else {
        (initiative.impact, initiative.impact_range)
    }
}

/// Effort (or impact) and its range, to be changed.
fn scored_mut(initiative: &mut Initiative, is_effort: bool) -> (&mut Score, &mut Option<ScoreRange>) {
    if is_effort {
        (&mut initiative.effort, &mut initiative.effort_range)
    } else {
        (&mut initiative.impact, &mut initiative.impact_range)
    }
}

/// The quick-win mark, the quadrant it sits in, and the suggestion or flag that follows.
#[component]
fn QuickWin(selected: Selected) -> impl IntoView {
    let planner = selected.planner;
    let note = move || {
        let split = planner.split();
        selected.read(|initiative| match initiative.quick_win_status(&split) {
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
        })
    };
    view! {
        <p class="quadrant-note">
            {move || {
                let split = planner.split();
                selected.read(|initiative| Some(format!("In {}", initiative.quadrant(&split).label())))
            }}
        </p>
        <label class="field check">
            <input
                type="checkbox"
                prop:checked=move || selected.read(|initiative| initiative.quick_win)
                on:change=move |event| {
                    let checked = event_target_checked(&event);
                    selected.change(|initiative| initiative.quick_win = checked);
                }
            />
            <span>"Quick win"</span>
        </label>
        {move || note().map(|(class, text)| view! { <p class=class>{text}</p> })}
    }
}

#[component]
fn UrgencyField(selected: Selected) -> impl IntoView {
    view! {
        <label class="field">
            <span class="field-label">"Urgency"</span>
            <select
                prop:value=move || selected.read(|initiative| Some(initiative.urgency.as_str())).unwrap_or_default()
                on:change=move |event| {
                    if let Some(urgency) = Urgency::from_key(&event_target_value(&event)) {
                        selected.change(|initiative| initiative.urgency = urgency);
                    }
                }
            >
                {Urgency::ALL
                    .map(|urgency| {
                        let label = if urgency == Urgency::None { "None" } else { urgency.label() };
                        let chosen = move || selected.read(|initiative| initiative.urgency == urgency);
                        view! { <option value=urgency.as_str() selected=chosen>{label}</option> }
                    })}
            </select>
        </label>
    }
}

#[component]
fn DueField(selected: Selected) -> impl IntoView {
    let field = InitiativeField::Due;
    view! {
        <label class="field">
            <span class="field-label">{field.label()}</span>
            <input
                type="date"
                aria-invalid=move || selected.error(field).is_some().to_string()
                prop:value=move || selected.read(|initiative| initiative.due.map(|due| due.to_string()).unwrap_or_default())
                on:change=move |event| {
                    let text = event_target_value(&event);
                    let parsed = if text.trim().is_empty() {
                        Ok(None)
                    } else {
                        text.trim().parse::<DueDate>().map(Some).map_err(|_| FieldError::DueDateInvalid)
                    };
                    selected.take(field, parsed, |initiative, due| initiative.due = due);
                }
            />
            <FieldMessage selected field/>
        </label>
    }
}

#[component]
fn PhaseField(selected: Selected) -> impl IntoView {
    let planner = selected.planner;
    let options = move || {
        let chosen = selected.read(|initiative| initiative.phase.clone());
        planner.with_phases(|phases| {
            phases
                .iter()
                .map(|phase| {
                    let is_chosen = chosen.as_ref() == Some(&phase.id);
                    view! { <option value=phase.id.as_str().to_string() selected=is_chosen>{phase.name.clone()}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <label class="field">
            <span class="field-label">"Phase"</span>
            <select
                prop:value=move || selected.read(|initiative| initiative.phase.as_ref().map(|phase| phase.as_str().to_string())).unwrap_or_default()
                on:change=move |event| {
                    let value = event_target_value(&event);
                    if let Some(id) = planner.selected_untracked() {
                        let phase = (!value.is_empty()).then_some(PhaseId(value));
                        planner.edit(|roadmap| {
                            roadmap.assign_phase(&id, phase);
                        });
                    }
                }
            >
                <option value="">"Unphased"</option>
                {options}
            </select>
        </label>
    }
}

#[component]
fn BudgetField(selected: Selected) -> impl IntoView {
    let field = InitiativeField::Budget;
    view! {
        <label class="field">
            <span class="field-label">{field.label()}</span>
            <input
                type="text"
                inputmode="decimal"
                placeholder="e.g. 25000"
                aria-invalid=move || selected.error(field).is_some().to_string()
                prop:value=move || selected.read(|initiative| initiative.budget.map(|budget| budget.to_string()).unwrap_or_default())
                on:change=move |event| {
                    selected.take(field, parse_budget(&event_target_value(&event)), |initiative, budget| initiative.budget = budget);
                }
            />
            <FieldMessage selected field/>
        </label>
    }
}

/// A comma-separated list such as stakeholders or tags.
#[component]
fn ListField(
    selected: Selected,
    label: &'static str,
    placeholder: &'static str,
    get: fn(&Initiative) -> &Vec<String>,
    set: fn(&mut Initiative, Vec<String>),
) -> impl IntoView {
    view! {
        <label class="field">
            <span class="field-label">{label}</span>
            <input
                type="text"
                placeholder=placeholder
                prop:value=move || selected.read(|initiative| get(initiative).join(", "))
                on:change=move |event| {
                    let list = split_list(&event_target_value(&event));
                    selected.change(|initiative| set(initiative, list));
                }
            />
        </label>
    }
}

/// The outline's business goals as checkboxes, plus the user's own.
#[component]
fn Goals(selected: Selected) -> impl IntoView {
    let others = move || {
        selected.read(|initiative| {
            initiative
                .goals
                .iter()
                .filter(|goal| !OUTLINE_GOALS.contains(&goal.as_str()))
                .cloned()
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    view! {
        <fieldset class="field goals">
            <legend class="field-label">"Business goals"</legend>
            {OUTLINE_GOALS
                .map(|goal| {
                    view! {
                        <label class="check">
                            <input
                                type="checkbox"
                                prop:checked=move || selected.read(|initiative| initiative.goals.iter().any(|known| known == goal))
                                on:change=move |event| {
                                    let checked = event_target_checked(&event);
                                    selected.change(|initiative| {
                                        initiative.goals.retain(|known| known != goal);
                                        if checked {
                                            initiative.goals.push(goal.to_string());
                                        }
                                    });
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
                    prop:value=others
                    on:change=move |event| {
                        let others = split_list(&event_target_value(&event));
                        selected.change(|initiative| {
                            initiative.goals.retain(|goal| OUTLINE_GOALS.contains(&goal.as_str()));
                            initiative.goals.extend(others);
                        });
                    }
                />
            </label>
        </fieldset>
    }
}

/// How many initiatives the "Add dependency" list offers at once; a search narrows it.
const DEPENDENCY_OPTIONS: usize = 50;

/// What the initiative depends on, and a list of what it could depend on without a cycle.
/// The fieldset stays as the selection moves: its list and options are keyed, so selecting
/// another initiative changes only the entries that differ, not some 50 options.
#[component]
fn Dependencies(selected: Selected) -> impl IntoView {
    let planner = selected.planner;
    // Rebuilt only when the selection, titles or dependencies change: a drag leaves it alone.
    let choices = Memo::new(move |_| {
        planner.track_links();
        let id = planner.selected()?;
        Some(planner.with_roadmap(|roadmap| dependency_choices(roadmap, &id)))
    });
    let listed = Memo::new(move |_| {
        choices.with(|choices| {
            choices
                .as_ref()
                .map(|choices| choices.listed.clone())
                .unwrap_or_default()
        })
    });
    let query = RwSignal::new(String::new());
    let offered = offered_dependencies(planner, choices, query);
    view! {
        <fieldset class="field dependencies">
            <legend class="field-label">"Depends on"</legend>
            <DependencyList selected listed/>
            <DependencyPicker selected query offered/>
        </fieldset>
    }
}

/// What the "Add dependency" list offers for the search, and a note when it shows only some.
type Offered = (Choices, Option<String>);

fn offered_dependencies(
    planner: Planner,
    choices: Memo<Option<DependencyChoices>>,
    query: RwSignal<String>,
) -> Memo<Offered> {
    Memo::new(move |_| {
        // Titles can change while the choices (positions) stay the same.
        planner.track_links();
        choices.with(|choices| {
            let (shown, total) = choices
                .as_ref()
                .map(|choices| {
                    planner
                        .with_roadmap(|roadmap| choices.matching(roadmap, &query.get(), DEPENDENCY_OPTIONS))
                })
                .unwrap_or_default();
            let note =
                (total > shown.len()).then(|| format!("{} of {total} shown: type to narrow", shown.len()));
            (shown, note)
        })
    })
}

/// The initiatives it depends on, each with a button that removes the dependency.
#[component]
fn DependencyList(selected: Selected, listed: Memo<Choices>) -> impl IntoView {
    view! {
        <ul class="dependency-list">
            <For each=move || listed.get() key=Clone::clone let:dependency>
                <ListedDependency selected dependency/>
            </For>
        </ul>
    }
}

#[component]
fn ListedDependency(selected: Selected, dependency: (InitiativeId, String)) -> impl IntoView {
    let (on, title) = dependency;
    view! {
        <li>
            <span>{title.clone()}</span>
            <button type="button" class="link" aria-label=format!("Remove dependency on {title}") on:click=move |_| selected.depend_on(&on, false)>
                "Remove"
            </button>
        </li>
    }
}

/// A search box and the list of initiatives it narrows; choosing one adds the dependency.
#[component]
fn DependencyPicker(selected: Selected, query: RwSignal<String>, offered: Memo<Offered>) -> impl IntoView {
    view! {
        <input
            type="search"
            class="dependency-search"
            placeholder="Find an initiative to depend on"
            aria-label="Find a dependency"
            prop:value=move || query.get()
            on:input=move |event| query.set(event_target_value(&event))
        />
        <select
            aria-label="Add dependency"
            prop:value=""
            on:change=move |event| {
                let value = event_target_value(&event);
                if !value.is_empty() {
                    selected.depend_on(&InitiativeId(value), true);
                }
            }
        >
            <option value="">"Add a dependency…"</option>
            <For each=move || offered.with(|(shown, _)| shown.clone()) key=Clone::clone let:choice>
                <option value=choice.0.0>{choice.1}</option>
            </For>
        </select>
        {move || offered.with(|(_, note)| note.clone()).map(|note| view! { <p class="hint">{note}</p> })}
    }
}
