//! The table of all initiatives on the printout. Built only while the page prints, so a
//! portfolio of 10,000 costs nothing on screen.

use leptos::prelude::*;

use super::table_of;
use crate::media;
use crate::state::use_planner;

const COLUMNS: [&str; 9] = [
    "Initiative",
    "Effort",
    "Impact",
    "Quadrant",
    "Urgency",
    "Due",
    "Quick win",
    "Phase",
    "Owner",
];

#[component]
pub fn PrintTable() -> impl IntoView {
    let planner = use_planner();
    let printing = RwSignal::new(media::matches(media::PRINT));
    media::on_change(media::PRINT, move |now| printing.set(now));
    // Chromium and Firefox tell `beforeprint` before they lay out the printout.
    let before = window_event_listener(leptos::ev::beforeprint, move |_| printing.set(true));
    let after = window_event_listener(leptos::ev::afterprint, move |_| printing.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    let rows = move || {
        planner.track_roadmap();
        planner.with_roadmap(|roadmap| {
            let phase_name = |initiative: &crate::model::Initiative| {
                initiative
                    .phase
                    .as_ref()
                    .and_then(|id| roadmap.phase(id))
                    .map_or_else(|| "Unphased".to_string(), |phase| phase.name.clone())
            };
            roadmap
                .initiatives
                .iter()
                .map(|initiative| {
                    view! {
                        <tr>
                            <th scope="row">{initiative.display_title().to_string()}</th>
                            <td>{initiative.effort.to_string()}</td>
                            <td>{initiative.impact.to_string()}</td>
                            <td>{initiative.quadrant(&roadmap.quadrant_split).label()}</td>
                            <td>{initiative.urgency.label()}</td>
                            <td>{initiative.due.map(|due| due.to_string()).unwrap_or_default()}</td>
                            <td>{if initiative.quick_win { "★ Quick win" } else { "" }}</td>
                            <td>{phase_name(initiative)}</td>
                            <td>{initiative.owner.clone()}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <Show when=move || printing.get()>
            <section class="print-table">{table_of(None, "All initiatives", &COLUMNS, rows)}</section>
        </Show>
    }
}
