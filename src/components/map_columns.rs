//! **Map columns**: the dialog a CSV or TSV import opens in. One select per Stackplan field
//! names the column that fills it, the rules that turn cells into values are stated and can be
//! changed, and a preview shows the first rows as they will become initiatives. Nothing
//! changes until the user imports.

use std::sync::Arc;

use leptos::prelude::*;

use super::DomId;
use super::modal::{Modal, ModalText};
use crate::autosave::use_autosave;
use crate::model::Urgency;
use crate::model::backlog::{
    Conversion, DateFormat, Draft, Field, ListSeparator, Mapping, Preset, ScaleRule, convert,
};
use crate::state::{BacklogImport, BacklogTarget, use_planner};

/// How many rows the preview shows: enough to check a mapping, quick for 50,000 rows.
const PREVIEW_ROWS: usize = 20;
/// How many unreadable cells are listed before "and N more".
const WARNINGS_SHOWN: usize = 6;

/// The open table's conversion, compared by identity: each mapping change makes a new one.
#[derive(Clone)]
struct Converted(Arc<Conversion>);

impl PartialEq for Converted {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

type Conversions = Memo<Option<Converted>>;

/// Reads the backlog being mapped; `None` once the dialog closes.
fn with_backlog<T>(read: impl FnOnce(&BacklogImport) -> T) -> Option<T> {
    use_planner().backlog().with(|backlog| backlog.as_ref().map(read))
}

#[component]
pub fn MapColumnsDialog() -> impl IntoView {
    let planner = use_planner();
    let open = move || planner.backlog().with(Option::is_some);
    view! {
        <Show when=open>
            <MapColumns/>
        </Show>
    }
}

#[component]
fn MapColumns() -> impl IntoView {
    let planner = use_planner();
    // Only a new table (row 1 read as names or not) changes the selects' options.
    let columns =
        Memo::new(move |_| with_backlog(|backlog| backlog.table.columns.clone()).unwrap_or_default());
    let conversion: Conversions = Memo::new(move |_| {
        with_backlog(|backlog| Converted(Arc::new(convert(&backlog.table, &backlog.mapping))))
    });
    let shell = ModalText {
        role: "dialog",
        title_id: DomId::MapColumnsTitle,
        text_id: DomId::MapColumnsSummary,
        first_focus: DomId::MapColumnsFirst,
    };
    let dismiss = Some(Callback::new(move |()| planner.close_backlog()));
    view! {
        <Modal text=shell class="map-columns" dismiss>
            <h2 id=DomId::MapColumnsTitle.to_string()>"Map columns"</h2>
            <Summary conversion/>
            <div class="map-columns-scroll">
                <HeaderRowChoice/>
                <div class="map-columns-grid">
                    <fieldset class="map-fields">
                        <legend>"Which column fills each field"</legend>
                        {Field::ALL.map(|field| view! { <FieldColumn field columns/> }).collect_view()}
                    </fieldset>
                    <ValueRules/>
                </div>
                <Warnings conversion/>
                <Preview conversion/>
            </div>
            <ImportActions conversion/>
        </Modal>
    }
}

/// Where the table came from, how it was read, and what importing it gives.
#[component]
fn Summary(conversion: Conversions) -> impl IntoView {
    let read_as = move || {
        with_backlog(|backlog| {
            let rows = backlog.table.rows.len();
            format!(
                "{}: {rows} {} in {} columns, read as {}-separated {}; {}.",
                backlog.source,
                if rows == 1 { "row" } else { "rows" },
                backlog.table.columns.len(),
                backlog.delimiter.label(),
                backlog.encoding.label(),
                recognised(backlog.mapping.preset),
            )
        })
    };
    let outcome =
        move || conversion.with(|converted| converted.as_ref().map(|converted| converted.0.summary()));
    view! {
        <p id=DomId::MapColumnsSummary.to_string()>
            {read_as} " " <strong>{outcome}</strong>
        </p>
    }
}

/// "recognised as a Jira export", or that no known export was.
fn recognised(preset: Preset) -> String {
    if preset == Preset::Spreadsheet {
        return "no known export, so columns are proposed from their names".to_string();
    }
    let label = preset.label();
    let article = if label.starts_with(['A', 'E', 'I', 'O', 'U', 'a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("recognised as {article} {label} export")
}

#[component]
fn HeaderRowChoice() -> impl IntoView {
    let planner = use_planner();
    let checked = move || with_backlog(|backlog| backlog.first_row_names).unwrap_or(true);
    view! {
        <label class="field-inline">
            <input
                type="checkbox"
                prop:checked=checked
                on:change=move |event| planner.set_first_row_names(event_target_checked(&event))
            />
            "Row 1 names the columns"
        </label>
    }
}

/// The select "<field> column": which of the table's columns fills this field.
#[component]
fn FieldColumn(field: Field, columns: Memo<Vec<String>>) -> impl IntoView {
    let planner = use_planner();
    let chosen = move || with_backlog(|backlog| backlog.mapping.column(field)).flatten();
    let options = move || {
        columns.with(|names| {
            names
                .iter()
                .enumerate()
                .map(|(index, name)| {
                    view! { <option value=index.to_string() selected=move || chosen() == Some(index)>{name.clone()}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <label class="field">
            <span class="field-label">
                {field.label()} " column"
                // Said once by aria-required; shown for the eye.
                {(field == Field::Title).then(|| view! { <span aria-hidden="true">" (required)"</span> })}
            </span>
            <select
                id=(field == Field::Title).then(|| DomId::MapColumnsFirst.to_string())
                aria-required=(field == Field::Title).then_some("true")
                prop:value=move || chosen().map(|index| index.to_string()).unwrap_or_default()
                on:change=move |event| {
                    let column = event_target_value(&event).parse::<usize>().ok();
                    planner.change_mapping(|table, mapping| mapping.set_column(table, field, column));
                }
            >
                <option value="" selected=move || chosen().is_none()>"Not imported"</option>
                {options}
            </select>
        </label>
    }
}

/// How cells become values: score scales, dates, urgency words, lists and phases.
#[component]
fn ValueRules() -> impl IntoView {
    view! {
        <fieldset class="map-rules">
            <legend>"How cells become values"</legend>
            <PresetChoice/>
            <ScaleChoice field=Field::Effort/>
            <ScaleChoice field=Field::Impact/>
            <DueFormat/>
            <UrgencyWords/>
            <ListSeparatorChoice/>
            <CreatePhases/>
        </fieldset>
    }
}

/// A select of fixed choices, each named by its label, with a first option for none when
/// `none` names it; `choose` gets what the user picked.
fn choice_select<T: Copy + PartialEq + Send + Sync + 'static>(
    choices: &'static [T],
    label: fn(T) -> &'static str,
    none: Option<&'static str>,
    current: impl Fn() -> Option<T> + Copy + Send + Sync + 'static,
    choose: impl Fn(Option<T>) + 'static,
) -> impl IntoView {
    let options = choices
        .iter()
        .map(|&choice| view! { <option value=label(choice) selected=move || current() == Some(choice)>{label(choice)}</option> })
        .collect_view();
    view! {
        <select on:change=move |event| {
            let chosen = event_target_value(&event);
            choose(choices.iter().copied().find(|&choice| label(choice) == chosen));
        }>
            {none.map(|none| view! { <option value="" selected=move || current().is_none()>{none}</option> })}
            {options}
        </select>
    }
}

/// Whether this field has a column; a rule about a field with none is not shown.
fn mapped(field: Field) -> impl Fn() -> bool + Copy {
    move || with_backlog(|backlog| backlog.mapping.column(field).is_some()).unwrap_or(false)
}

/// The select "<Effort|Impact> scale" and the rule in words with its numbers.
#[component]
fn ScaleChoice(field: Field) -> impl IntoView {
    let planner = use_planner();
    let rule_of = move |mapping: &Mapping| {
        if field == Field::Effort {
            mapping.effort_scale
        } else {
            mapping.impact_scale
        }
    };
    let current = move || with_backlog(|backlog| rule_of(&backlog.mapping));
    let note = move || with_backlog(|backlog| backlog.mapping.scale_note(&backlog.table, field));
    let set = move |rule: ScaleRule| {
        planner.change_mapping(|_, mapping| {
            if field == Field::Effort {
                mapping.effort_scale = rule;
            } else {
                mapping.impact_scale = rule;
            }
        })
    };
    view! {
        <Show when=mapped(field)>
            <label class="field">
                <span class="field-label">{field.label()} " scale"</span>
                {choice_select(&ScaleRule::ALL, ScaleRule::label, None, current, move |rule| {
                    if let Some(rule) = rule {
                        set(rule);
                    }
                })}
                <span class="field-note">{note}</span>
            </label>
        </Show>
    }
}

/// The export the header row was recognised as; choosing another proposes its columns anew.
#[component]
fn PresetChoice() -> impl IntoView {
    let planner = use_planner();
    let current = move || with_backlog(|backlog| backlog.mapping.preset);
    view! {
        <label class="field">
            <span class="field-label">"Exported from"</span>
            {choice_select(&Preset::ALL, Preset::label, None, current, move |preset| {
                if let Some(preset) = preset {
                    planner.change_mapping(|table, mapping| *mapping = Mapping::for_preset(table, preset));
                }
            })}
            <span class="field-note">"Choosing another export proposes its columns and rules again."</span>
        </label>
    }
}

/// The date format found in the due date column, which the user may overrule.
#[component]
fn DueFormat() -> impl IntoView {
    let planner = use_planner();
    let current = move || with_backlog(|backlog| backlog.mapping.due_format()).flatten();
    let note = move || {
        current()
            .is_none()
            .then_some("No date format reads every due date; unreadable ones are left empty.")
    };
    view! {
        <Show when=mapped(Field::Due)>
            <label class="field">
                <span class="field-label">"Due date format"</span>
                {choice_select(&DateFormat::ALL, DateFormat::label, Some("None found"), current, move |format| {
                    planner.change_mapping(|_, mapping| mapping.set_due_format(format));
                })}
                <span class="field-note">{note}</span>
            </label>
        </Show>
    }
}

/// One select per distinct word of the urgency column: the urgency it stands for.
#[component]
fn UrgencyWords() -> impl IntoView {
    // The list is rebuilt only when the words change, so a select keeps focus while used.
    let words = Memo::new(move |_| {
        with_backlog(|backlog| {
            backlog
                .mapping
                .urgency_words
                .iter()
                .map(|word| (word.word.clone(), word.rows))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    view! {
        <Show when=move || words.with(|words| !words.is_empty())>
            <div class="urgency-words" role="group" aria-label="Urgency words">
                <span class="field-label">"Urgency words"</span>
                {move || words.get().into_iter().enumerate().map(|(index, (word, rows))| view! { <UrgencyWord index word rows/> }).collect_view()}
            </div>
        </Show>
    }
}

#[component]
fn UrgencyWord(index: usize, word: String, rows: usize) -> impl IntoView {
    let planner = use_planner();
    let current = move || {
        with_backlog(|backlog| backlog.mapping.urgency_words.get(index).map(|word| word.urgency)).flatten()
    };
    let shown = if word.trim().is_empty() {
        "(blank)".to_string()
    } else {
        format!("“{word}”")
    };
    let rows = if rows == 1 {
        "1 row".to_string()
    } else {
        format!("{rows} rows")
    };
    view! {
        <label class="field-inline">
            <span>{format!("Urgency for {shown}")}</span>
            {choice_select(&Urgency::ALL, Urgency::label, None, current, move |urgency| {
                if let Some(urgency) = urgency {
                    planner.change_mapping(|_, mapping| {
                        if let Some(word) = mapping.urgency_words.get_mut(index) {
                            word.urgency = urgency;
                        }
                    });
                }
            })}
            <span class="field-note">{rows}</span>
        </label>
    }
}

/// What separates the entries of tags, goals, stakeholders and dependencies.
#[component]
fn ListSeparatorChoice() -> impl IntoView {
    let planner = use_planner();
    let current = move || with_backlog(|backlog| backlog.mapping.list_separator);
    view! {
        <label class="field">
            <span class="field-label">"List separator"</span>
            {choice_select(&ListSeparator::ALL, ListSeparator::label, None, current, move |separator| {
                if let Some(separator) = separator {
                    planner.change_mapping(|_, mapping| mapping.list_separator = separator);
                }
            })}
            <span class="field-note">"Between the entries of tags, goals, stakeholders and dependencies."</span>
        </label>
    }
}

#[component]
fn CreatePhases() -> impl IntoView {
    let planner = use_planner();
    let checked = move || with_backlog(|backlog| backlog.mapping.create_phases).unwrap_or(false);
    view! {
        <Show when=mapped(Field::Phase)>
            <label class="field-inline">
                <input
                    type="checkbox"
                    prop:checked=checked
                    on:change=move |event| {
                        let create = event_target_checked(&event);
                        planner.change_mapping(|_, mapping| mapping.create_phases = create);
                    }
                />
                "Create missing phases"
            </label>
            <span class="field-note">"Phase names the roadmap does not have become new phases; otherwise those initiatives stay unphased."</span>
        </Show>
    }
}

/// Cells that could not be read, and what was kept instead.
#[component]
fn Warnings(conversion: Conversions) -> impl IntoView {
    move || {
        conversion.with(|converted| {
            let warnings = &converted.as_ref()?.0.warnings;
            if warnings.is_empty() {
                return None;
            }
            let more = warnings.len().saturating_sub(WARNINGS_SHOWN);
            let items = warnings
                .iter()
                .take(WARNINGS_SHOWN)
                .map(|warning| view! { <li>{warning.to_string()}</li> })
                .collect_view();
            Some(view! {
                <div class="note warn">
                    <p>{format!("{} could not be read:", cells(warnings.len()))}</p>
                    <ul>{items}</ul>
                    {(more > 0).then(|| view! { <p>{format!("and {} more.", cells(more))}</p> })}
                </div>
            })
        })
    }
}

fn cells(count: usize) -> String {
    if count == 1 {
        "1 cell".to_string()
    } else {
        format!("{count} cells")
    }
}

/// The first rows as they will become initiatives.
#[component]
fn Preview(conversion: Conversions) -> impl IntoView {
    move || {
        conversion.with(|converted| {
            let drafts = &converted.as_ref()?.0.drafts;
            let caption = if drafts.len() > PREVIEW_ROWS {
                format!("Preview: the first {PREVIEW_ROWS} of {} initiatives", drafts.len())
            } else {
                "Preview".to_string()
            };
            let rows = drafts.iter().take(PREVIEW_ROWS).map(preview_row).collect_view();
            Some(view! {
                <div class="suggestion-list map-preview">
                    <table>
                        <caption>{caption}</caption>
                        <thead>
                            <tr>
                                {["Row", "Title", "Effort", "Impact", "Urgency", "Due date", "Phase", "Owner", "Tags"]
                                    .map(|heading| view! { <th scope="col">{heading}</th> })
                                    .collect_view()}
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            })
        })
    }
}

fn preview_row(draft: &Draft) -> impl IntoView + use<> {
    view! {
        <tr>
            <td>{draft.row}</td>
            <th scope="row">{draft.title.clone()}</th>
            <td>{draft.effort.to_string()}</td>
            <td>{draft.impact.to_string()}</td>
            <td>{draft.urgency.label()}</td>
            <td>{draft.due.map(|due| due.to_string()).unwrap_or_default()}</td>
            <td>{draft.phase.clone().unwrap_or_default()}</td>
            <td>{draft.owner.clone()}</td>
            <td>{draft.tags.join(", ")}</td>
        </tr>
    }
}

/// Cancel, or import: into the open roadmap as one undo step, or as a new roadmap.
#[component]
fn ImportActions(conversion: Conversions) -> impl IntoView {
    let planner = use_planner();
    let autosave = use_autosave();
    let nothing = move || {
        conversion.with(|converted| {
            converted
                .as_ref()
                .is_none_or(|converted| converted.0.drafts.is_empty())
        })
    };
    // The preview's conversion is what gets imported: the rows are not read a second time.
    let import = move |target: BacklogTarget| {
        if let Some(Converted(converted)) = conversion.get_untracked() {
            planner.import_backlog(target, &converted, move |roadmap| autosave.open_as_new(roadmap));
        }
    };
    let into_open = move |_| import(BacklogTarget::OpenRoadmap);
    let as_new = move |_| import(BacklogTarget::NewRoadmap);
    view! {
        <div class="dialog-actions">
            <button type="button" on:click=move |_| planner.close_backlog()>"Cancel"</button>
            <button type="button" class=if autosave.keeps_roadmaps() { "" } else { "primary" } disabled=nothing on:click=into_open>
                "Add to this roadmap"
            </button>
            {autosave.keeps_roadmaps().then(|| view! {
                <button type="button" class="primary" disabled=nothing on:click=as_new>"Import as new roadmap"</button>
            })}
        </div>
    }
}
