//! Initiatives whose marks coincide on the board: a chip ("+12") that opens a list of them.

use leptos::prelude::*;

use super::initiative_mark::{cell_or_placeholder, nudge_by_key};
use super::{DomId, focus_later, let_go_of_focus};
use crate::model::{InitiativeId, card_label};
use crate::state::{KeyedChoice, use_planner};

/// Which cluster's list is open on the grid, named by its first member. Keyed: opening or
/// closing a list wakes only the chips concerned, not every chip.
#[derive(Clone, Copy)]
pub(crate) struct OpenCluster(KeyedChoice);

impl OpenCluster {
    pub(crate) fn new() -> OpenCluster {
        OpenCluster(KeyedChoice::new())
    }

    /// Whether the list of the chip named by `first` is open; wakes only when that changes.
    fn is_open(&self, first: &InitiativeId) -> bool {
        self.0.is(first)
    }

    fn set(&self, first: Option<InitiativeId>) {
        self.0.set(first);
    }

    /// Opens the chip's list, or closes it if it is open.
    fn toggle(&self, first: &InitiativeId) {
        let open = self.0.get_untracked().as_ref() == Some(first);
        self.set((!open).then(|| first.clone()));
    }
}

/// How many members a cluster's list shows; more would not read as a list.
const CLUSTER_LIST_LIMIT: usize = 100;

/// Initiatives too crowded to show apart: a chip ("+12") that opens a list of them.
#[component]
pub fn ClusterChip(
    first: InitiativeId,
    count: Signal<usize>,
    members: Signal<Vec<InitiativeId>>,
    /// The chip's centre as fractions of the plot's width and height.
    at: Signal<(f64, f64)>,
) -> impl IntoView {
    let planner = use_planner();
    let open_cluster = expect_context::<OpenCluster>();
    let is_open = {
        let first = first.clone();
        Memo::new(move |_| open_cluster.is_open(&first))
    };
    let position = move || {
        let (x, y) = at.get();
        format!("left:{}%;top:{}%", x * 100.0, y * 100.0)
    };
    let anchor = cell_or_placeholder(planner, &first);
    let label = move || {
        anchor.with(|initiative| {
            format!(
                "Cluster of {} initiatives near effort {}, impact {}",
                count.get(),
                initiative.effort,
                initiative.impact
            )
        })
    };
    let toggle = {
        let first = first.clone();
        move |_| open_cluster.toggle(&first)
    };
    let list_first = first.clone();
    // The chip is positioned itself, with no wrapper: at 10,000 initiatives the board holds some
    // 1,500 chips, and every element more is styled, laid out and painted on each change. The
    // open list gets an anchor of its own, at the chip's place.
    view! {
        <button
            type="button"
            class="cluster-chip"
            class=("is-open", is_open)
            style=position
            id=DomId::Chip(&first).to_string()
            aria-label=label
            aria-expanded=move || is_open.get().to_string()
            on:click=toggle
        >
            {move || format!("+{}", count.get())}
        </button>
        // `is_open` is a memo already: a closure over it, not a <Show> with a memo of its own.
        {move || {
            is_open.get().then(|| {
                view! {
                    <div class="cluster-anchor" style=position>
                        <ClusterList first=list_first.clone() count members at/>
                    </div>
                }
            })
        }}
    }
}

/// The open chip's list of its members by name; Escape closes it and returns to the chip.
#[component]
fn ClusterList(
    first: InitiativeId,
    count: Signal<usize>,
    members: Signal<Vec<InitiativeId>>,
    at: Signal<(f64, f64)>,
) -> impl IntoView {
    let open_cluster = expect_context::<OpenCluster>();
    let close = move || {
        let_go_of_focus();
        open_cluster.set(None);
        focus_later(DomId::Chip(&first));
    };
    move || {
        let members = members.get();
        let hidden = members.len().saturating_sub(CLUSTER_LIST_LIMIT);
        let close = close.clone();
        let entries = members
            .into_iter()
            .take(CLUSTER_LIST_LIMIT)
            .map(|id| view! { <ClusterMember id/> })
            .collect_view();
        view! {
            <div
                class=list_placement(at.get_untracked())
                role="dialog"
                aria-label=format!("Cluster of {} initiatives", count.get())
                on:keydown=move |event: web_sys::KeyboardEvent| {
                    if event.key() == "Escape" {
                        event.stop_propagation();
                        close();
                    }
                }
            >
                <p class="cluster-note">"Pick one to bring it out, or move it with the arrow keys."</p>
                <ul>{entries}</ul>
                {(hidden > 0).then(|| view! { <p class="cluster-note">{format!("and {hidden} more here")}</p> })}
            </div>
        }
    }
}

/// The list's classes: it opens towards the middle of the plot, so it is never cut off at an
/// edge.
fn list_placement((x, y): (f64, f64)) -> String {
    format!(
        "cluster-list {} {}",
        if y > 0.5 { "opens-up" } else { "opens-down" },
        if x < 0.3 {
            "opens-right"
        } else if x > 0.7 {
            "opens-left"
        } else {
            "opens-centre"
        }
    )
}

/// A member in the list: picked or moved with the arrow keys, it is selected, and selected
/// it stands apart on the grid, so the list closes and the keyboard goes to its mark.
#[component]
fn ClusterMember(id: InitiativeId) -> impl IntoView {
    let planner = use_planner();
    let open_cluster = expect_context::<OpenCluster>();
    let cell = cell_or_placeholder(planner, &id);
    let label = Memo::new(move |_| {
        let split = planner.split();
        cell.with(|initiative| card_label(initiative, &split))
    });
    let bring_out = move |id: &InitiativeId| {
        let_go_of_focus();
        open_cluster.set(None);
        focus_later(DomId::Mark(id));
    };
    let pick = {
        let id = id.clone();
        move |_| {
            planner.select(Some(id.clone()));
            bring_out(&id);
        }
    };
    let on_keydown = move |event: web_sys::KeyboardEvent| {
        if nudge_by_key(planner, &id, &event) {
            bring_out(&id);
        }
    };
    view! {
        <li>
            <button type="button" class="cluster-member" aria-label=label on:click=pick on:keydown=on_keydown>
                {label}
            </button>
        </li>
    }
}
