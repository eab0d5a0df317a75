//! The top bar: which roadmap is open, creating initiatives, undo/redo, import and export.

use leptos::prelude::*;

use super::{DomId, focus_later};
use crate::autosave::use_autosave;
use crate::import::chosen_files;
use crate::model::{Roadmap, RoadmapId, link_length_note, share_fragment};
use crate::state::{Confirmation, EditKey, Tone, use_planner};

/// A roadmap control's title; without browser storage the control is off and says why.
fn storage_title(keeps_roadmaps: bool, title: &'static str) -> &'static str {
    if keeps_roadmaps {
        title
    } else {
        "Needs browser storage, which is not available"
    }
}

#[component]
pub fn Toolbar() -> impl IntoView {
    let menu_open = RwSignal::new(false);
    view! {
        <header class="toolbar" class=("is-menu-open", move || menu_open.get())>
            <h1 class="brand">
                <span class="logo" aria-hidden="true"></span>
                <span class="brand-name">"Stackplan"</span>
            </h1>
            <RoadmapSwitch/>
            // On phones the actions other than New initiative fold into this menu.
            <button
                type="button"
                class="menu-toggle"
                aria-expanded=move || menu_open.get().to_string()
                aria-controls="toolbar-actions"
                on:click=move |_| menu_open.update(|open| *open = !*open)
            >
                "☰ Menu"
            </button>
            <div class="toolbar-actions" id="toolbar-actions">
                <NewInitiativeButton/>
                <span class="divider" aria-hidden="true"></span>
                <UndoRedo/>
                <span class="divider" aria-hidden="true"></span>
                <FileButtons/>
                <ExportButtons/>
                <ShareLink/>
            </div>
        </header>
    }
}

/// Which roadmap is open, its name, and new, copy and delete.
#[component]
fn RoadmapSwitch() -> impl IntoView {
    let planner = use_planner();
    let autosave = use_autosave();
    view! {
        <div class="roadmap-switch">
            <RoadmapMenu/>
            <input
                type="text"
                class="roadmap-name"
                aria-label="Roadmap name"
                placeholder="Untitled roadmap"
                prop:value=move || planner.name()
                on:input=move |event| {
                    let name = event_target_value(&event);
                    planner.edit_typing(EditKey::RoadmapName, |roadmap| roadmap.name = name);
                }
            />
            <RoadmapButton
                name="New roadmap"
                text="+ New"
                title="New roadmap"
                press=Callback::new(move |()| autosave.open_as_new(Roadmap::new("New roadmap")))
            />
            <RoadmapButton
                name="Copy roadmap"
                text="Copy"
                title="Duplicate this roadmap"
                press=Callback::new(move |()| autosave.duplicate_roadmap())
            />
            <RoadmapButton
                name="Delete roadmap"
                text="Delete"
                title="Delete this roadmap from this browser"
                danger=true
                press=Callback::new(move |()| planner.ask(Confirmation::DeleteRoadmap))
            />
        </div>
    }
}

/// New, copy or delete: offered only where this browser keeps roadmaps.
#[component]
fn RoadmapButton(
    name: &'static str,
    text: &'static str,
    title: &'static str,
    #[prop(optional)] danger: bool,
    press: Callback<()>,
) -> impl IntoView {
    let keeps_roadmaps = use_autosave().keeps_roadmaps();
    view! {
        <button
            type="button"
            class=if danger { "small danger-text" } else { "small" }
            aria-label=name
            title=storage_title(keeps_roadmaps, title)
            disabled=!keeps_roadmaps
            on:click=move |_| press.run(())
        >
            {text}
        </button>
    }
}

/// The roadmaps kept in this browser; choosing one opens it.
#[component]
fn RoadmapMenu() -> impl IntoView {
    let planner = use_planner();
    let autosave = use_autosave();
    let keeps_roadmaps = autosave.keeps_roadmaps();
    let roadmaps = move || planner.workspace().with(|workspace| workspace.roadmaps.clone());
    let active = move || planner.workspace().with(|workspace| workspace.active.clone());
    view! {
        <select
            aria-label="Open roadmap"
            title=storage_title(keeps_roadmaps, "Open another roadmap kept in this browser")
            disabled=!keeps_roadmaps
            on:change=move |event| autosave.open_roadmap(RoadmapId(event_target_value(&event)))
        >
            {move || {
                let active = active();
                roadmaps()
                    .into_iter()
                    .map(|entry| {
                        let selected = entry.id == active;
                        let name = if entry.name.trim().is_empty() { "Untitled roadmap".to_string() } else { entry.name };
                        view! { <option value=entry.id.0 selected=selected>{name}</option> }
                    })
                    .collect_view()
            }}
        </select>
    }
}

/// Adds a blank initiative and puts the cursor in its title.
#[component]
fn NewInitiativeButton() -> impl IntoView {
    let planner = use_planner();
    let new_initiative = move |_| {
        let mut added = None;
        planner.edit(|roadmap| added = Some(roadmap.add_initiative("")));
        planner.select(added);
        focus_later(DomId::InspectorTitle);
    };
    view! {
        <button type="button" class="primary" on:click=new_initiative>
            "New initiative"
        </button>
    }
}

#[component]
fn UndoRedo() -> impl IntoView {
    let planner = use_planner();
    view! {
        <button
            type="button"
            title="Undo (Ctrl+Z)"
            disabled=move || !planner.can_undo()
            on:click=move |_| planner.undo()
        >
            "Undo"
        </button>
        <button
            type="button"
            title="Redo (Ctrl+Shift+Z)"
            disabled=move || !planner.can_redo()
            on:click=move |_| planner.redo()
        >
            "Redo"
        </button>
    }
}

/// Import a roadmap file, or merge participants' copies of this one.
#[component]
fn FileButtons() -> impl IntoView {
    let planner = use_planner();
    let import_file = move |event: leptos::ev::Event| {
        if let Some(file) = chosen_files(&event).into_iter().next() {
            planner.import_file(file);
        }
    };
    let import_table = move |event: leptos::ev::Event| {
        if let Some(file) = chosen_files(&event).into_iter().next() {
            planner.import_table_file(file);
        }
    };
    let merge_scores = move |event: leptos::ev::Event| {
        let files = chosen_files(&event);
        if !files.is_empty() {
            planner.merge_score_files(files);
        }
    };
    view! {
        <div class="export-group" role="group" aria-label="Import">
            <span class="group-label" aria-hidden="true">"Import"</span>
            <label class="button file-button" title="Open a .stackplan.json file (or drop it on the page, or paste it)">
                "JSON"
                <input
                    type="file"
                    class="visually-hidden"
                    accept=".json,application/json"
                    aria-label="Import JSON"
                    on:change=import_file
                />
            </label>
            <label class="button file-button" title="Bring a backlog from a spreadsheet, Jira, Linear, Trello and others: a .csv or .tsv file (or drop it on the page, or paste the cells)">
                "CSV"
                <input
                    type="file"
                    class="visually-hidden"
                    accept=".csv,.tsv,.tab,.txt,text/csv,text/tab-separated-values"
                    aria-label="Import CSV"
                    on:change=import_table
                />
            </label>
        </div>
        <label class="button file-button" title="Merge participants' exported copies of this roadmap: everyone's scores, the median, and where people disagree">
            "Merge"
            <input
                type="file"
                class="visually-hidden"
                accept=".json,application/json"
                multiple
                aria-label="Merge scores"
                on:change=merge_scores
            />
        </label>
    }
}

#[component]
fn ExportButtons() -> impl IntoView {
    let planner = use_planner();
    view! {
        <div class="export-group" role="group" aria-label="Export">
            <span class="group-label" aria-hidden="true">"Export"</span>
            <button type="button" aria-label="Export JSON" title="The roadmap as a .stackplan.json file" on:click=move |_| planner.export_json()>
                "JSON"
            </button>
            <button type="button" aria-label="Export CSV" title="The initiative list for spreadsheets" on:click=move |_| planner.export_csv()>
                "CSV"
            </button>
            <button type="button" aria-label="Export Markdown" title="Phases and initiatives as Markdown, for documents and wikis" on:click=move |_| planner.export_markdown()>
                "Markdown"
            </button>
            <button type="button" aria-label="Export calendar" title="Dated phases and due dates as an iCalendar (.ics) file; importing it again updates the events" on:click=move |_| planner.export_calendar()>
                "Calendar"
            </button>
        </div>
    }
}

/// Copies a link that holds the whole roadmap, then says how long it is.
#[component]
fn ShareLink() -> impl IntoView {
    let planner = use_planner();
    // The copied link's length, and advice when it is long; stays until the next copy.
    let share_note = RwSignal::new(None::<String>);
    let copy_share_link = move |_| {
        let fragment = planner.with_roadmap(share_fragment);
        let Some(link) = crate::address::with_fragment(&fragment) else {
            planner.tell(
                Tone::Error,
                "The share link could not be made: the page has no address.",
            );
            return;
        };
        let note = link_length_note(link.chars().count());
        share_note.set(None);
        crate::clipboard::copy_text(link, move |copied| {
            match copied {
            Ok(()) => share_note.set(Some(format!("Link copied · {note}"))),
            Err(reason) => planner.tell(
                Tone::Error,
                format!("The share link could not be copied: {reason}. Export JSON shares the roadmap as a file instead."),
            ),
        }
        });
    };
    view! {
        <button type="button" aria-label="Copy share link" title="A link that holds the whole roadmap; it never reaches a server" on:click=copy_share_link>
            "Share link"
        </button>
        <span class="share-note" role="status">{move || share_note.get()}</span>
    }
}
