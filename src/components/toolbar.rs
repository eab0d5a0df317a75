//! The top bar: roadmap name, creating initiatives, undo/redo and export.

use leptos::prelude::*;

use super::focus_later;
use crate::files;
use crate::model;
use crate::state::{Tone, use_planner};

#[component]
pub fn Toolbar() -> impl IntoView {
    let planner = use_planner();
    let new_initiative = move |_| {
        let mut added = None;
        planner.edit(|roadmap| added = Some(roadmap.add_initiative("")));
        planner.select(added);
        focus_later("inspector-title".to_string());
    };
    let export = move |_| {
        let (name, text) = planner
            .roadmap
            .with_untracked(|roadmap| (model::file_name(roadmap), model::export(roadmap)));
        if let Err(reason) = files::download(&name, &text, "application/json") {
            planner.tell(
                Tone::Error,
                format!("The roadmap could not be exported: {reason}."),
            );
        }
    };
    view! {
        <header class="toolbar">
            <div class="brand">
                <span class="logo" aria-hidden="true"></span>
                <span class="brand-name">"Stackplan"</span>
            </div>
            <input
                type="text"
                class="roadmap-name"
                aria-label="Roadmap name"
                placeholder="Untitled roadmap"
                prop:value=move || planner.roadmap.with(|roadmap| roadmap.name.clone())
                on:input=move |event| {
                    let name = event_target_value(&event);
                    planner.edit_typing("roadmap-name".to_string(), |roadmap| roadmap.name = name);
                }
            />
            <div class="toolbar-actions">
                <button type="button" class="primary" on:click=new_initiative>
                    "New initiative"
                </button>
                <span class="divider" aria-hidden="true"></span>
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
                <span class="divider" aria-hidden="true"></span>
                <button type="button" on:click=export>
                    "Export JSON"
                </button>
            </div>
        </header>
    }
}
