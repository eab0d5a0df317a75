//! The selected mark's "Move to…" choice of phase, beside the mark on phones and tablets.

use leptos::prelude::*;

use crate::model::{BoardGeometry, Initiative, InitiativeId, PhaseId};
use crate::state::{InitiativeCell, use_planner};

/// The selected initiative and its cell.
type Selected = Memo<Option<(InitiativeId, InitiativeCell)>>;

/// Shown for the selected mark where the Inspector is a long scroll away (phones, tablets;
/// the stylesheet hides it elsewhere). One menu follows the selection: selecting another
/// mark moves it and changes its name and choice, and rebuilds none of it.
#[component]
pub fn MarkMoveMenu(geometry: Signal<BoardGeometry>) -> impl IntoView {
    let planner = use_planner();
    let selected: Selected = Memo::new(move |_| {
        planner
            .selected()
            .and_then(|id| planner.cell(&id).map(|cell| (id, cell)))
    });
    let any = Memo::new(move |_| selected.with(Option::is_some));
    move || any.get().then(|| view! { <MoveMenu selected geometry/> })
}

/// Reads the selected initiative, if there still is one.
fn with_selected<T>(selected: Selected, read: impl FnOnce(&Initiative) -> T) -> Option<T> {
    selected.with(|selected| {
        selected
            .as_ref()
            .map(|(_, cell)| cell.with(|initiative| read(initiative)))
    })
}

#[component]
fn MoveMenu(selected: Selected, geometry: Signal<BoardGeometry>) -> impl IntoView {
    let planner = use_planner();
    let point = move || {
        with_selected(selected, |initiative| {
            geometry.get().point(initiative.effort, initiative.impact)
        })
        .unwrap_or_default()
    };
    let style = move || {
        let (x, y) = point();
        // Centred under the mark, but never past the plot's sides.
        format!(
            "left:clamp(0px, calc({x}px - var(--move-menu-width) / 2), calc(100% - var(--move-menu-width)));top:{y}px"
        )
    };
    // Below the mark, or above it near the bottom edge.
    let above = move || point().1 > geometry.with(|geometry| geometry.height * 0.75);
    let label = move || {
        with_selected(selected, |initiative| {
            format!("Move {} to…", initiative.display_title())
        })
        .unwrap_or_default()
    };
    let current =
        Memo::new(move |_| with_selected(selected, |initiative| initiative.phase.clone()).flatten());
    // Chosen by property, not attribute: an option the user once picked ignores its attribute.
    let options = move || {
        planner.with_phases(|phases| {
            phases
                .iter()
                .map(|phase| {
                    let id = phase.id.clone();
                    let chosen = move || current.with(|current| current.as_ref() == Some(&id));
                    view! { <option value=phase.id.0.clone() prop:selected=chosen>{phase.name.clone()}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <div class="move-menu" class=("is-above", above) style=style>
            <span class="move-menu-label" aria-hidden="true">"Move to…"</span>
            <select
                aria-label=label
                on:change=move |event| {
                    let value = event_target_value(&event);
                    let phase = (!value.is_empty()).then_some(PhaseId(value));
                    let Some(id) = selected.with_untracked(|selected| selected.as_ref().map(|(id, _)| id.clone())) else {
                        return;
                    };
                    planner.edit(|roadmap| {
                        roadmap.assign_phase(&id, phase);
                    });
                }
            >
                <option value="" prop:selected=move || current.with(Option::is_none)>"Unphased"</option>
                {options}
            </select>
        </div>
    }
}
