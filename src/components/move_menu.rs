//! The selected mark's "Move to…" choice of phase, beside the mark on phones and tablets.

use leptos::prelude::*;

use crate::model::{BoardGeometry, InitiativeId};
use crate::state::{InitiativeCell, use_planner};

/// Shown for the selected mark where the Inspector is a long scroll away (phones, tablets;
/// the stylesheet hides it elsewhere).
#[component]
pub fn MarkMoveMenu(geometry: Signal<BoardGeometry>) -> impl IntoView {
    let planner = use_planner();
    move || {
        let id = planner.selected()?;
        let cell = planner.cell(&id)?;
        Some(view! { <MoveMenu id cell geometry/> })
    }
}

#[component]
fn MoveMenu(id: InitiativeId, cell: InitiativeCell, geometry: Signal<BoardGeometry>) -> impl IntoView {
    let planner = use_planner();
    let point = {
        let cell = cell.clone();
        move || cell.with(|initiative| geometry.get().point(initiative.effort, initiative.impact))
    };
    let style = {
        let point = point.clone();
        move || {
            let (x, y) = point();
            // Centred under the mark, but never past the plot's sides.
            format!(
                "left:clamp(0px, calc({x}px - var(--move-menu-width) / 2), calc(100% - var(--move-menu-width)));top:{y}px"
            )
        }
    };
    // Below the mark, or above it near the bottom edge.
    let above = move || point().1 > geometry.with(|geometry| geometry.height * 0.75);
    let label = {
        let cell = cell.clone();
        move || cell.with(|initiative| format!("Move {} to…", initiative.display_title()))
    };
    let options = move || {
        let current = cell.with(|initiative| initiative.phase.clone());
        let unphased = current.is_none();
        let phases = planner.with_phases(|phases| {
            phases
                .iter()
                .map(|phase| {
                    let selected = current.as_ref() == Some(&phase.id);
                    view! { <option value=phase.id.0.clone() selected=selected>{phase.name.clone()}</option> }
                })
                .collect_view()
        });
        view! {
            <option value="" selected=unphased>"Unphased"</option>
            {phases}
        }
    };
    view! {
        <div class="move-menu" class=("is-above", above) style=style>
            <span class="move-menu-label" aria-hidden="true">"Move to…"</span>
            <select
                aria-label=label
                on:change=move |event| {
                    let value = event_target_value(&event);
                    let phase = (!value.is_empty()).then_some(crate::model::PhaseId(value));
                    planner.edit(|roadmap| {
                        roadmap.assign_phase(&id, phase);
                    });
                }
            >
                {options}
            </select>
        </div>
    }
}
