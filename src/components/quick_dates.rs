//! Quick set-up of phase dates in the phase board's header: "Quarters from <date>" or
//! "Sprints of N weeks", each one undo step over every phase.

use leptos::prelude::*;

use super::{DomId, focus_later};
use crate::model::{DueDate, MAX_SPRINT_WEEKS, PhaseCalendar};
use crate::state::{Planner, Tone, use_planner};

/// Today in the browser's time zone, where people plan; the first guess for "from".
fn today() -> String {
    let now = js_sys::Date::new_0();
    DueDate::new(
        now.get_full_year() as u16,
        now.get_month() as u8 + 1,
        now.get_date() as u8,
    )
    .map(|day| day.to_string())
    .unwrap_or_default()
}

/// Dates every phase from `from`: quarters, or sprints of `weeks` when given. Refuses bad
/// input in words and says whether the phases were dated.
fn schedule_phases(planner: Planner, from: &str, weeks: Option<&str>) -> bool {
    let Ok(from) = from.trim().parse::<DueDate>() else {
        planner.tell(
            Tone::Error,
            "Choose the day the first phase starts, then set the dates.",
        );
        return false;
    };
    let calendar = match weeks.map(|weeks| weeks.trim().parse::<u8>()) {
        None => PhaseCalendar::Quarters { from },
        Some(Ok(weeks @ 1..=MAX_SPRINT_WEEKS)) => PhaseCalendar::Sprints { from, weeks },
        Some(_) => {
            let words = format!("A sprint is a whole number of weeks, from 1 to {MAX_SPRINT_WEEKS}.");
            planner.tell(Tone::Error, words);
            return false;
        }
    };
    if planner.with_roadmap(|roadmap| roadmap.phases.is_empty()) {
        planner.tell(Tone::Error, "There are no phases to date yet: add a phase first.");
        return false;
    }
    planner.edit(|roadmap| {
        roadmap.schedule_phases(calendar);
    });
    true
}

#[component]
pub fn QuickDates() -> impl IntoView {
    let planner = use_planner();
    let from = RwSignal::new(today());
    let weeks = RwSignal::new("2".to_string());
    let open = RwSignal::new(false);
    let schedule = move |sprints: bool| {
        let weeks = sprints.then(|| weeks.get_untracked());
        if schedule_phases(planner, &from.get_untracked(), weeks.as_deref()) {
            open.set(false);
            focus_later(DomId::QuickDatesToggle);
        }
    };
    view! {
        // A disclosure button, not <details>: that would be one more group among the phase columns.
        <div class="quick-dates">
            <button
                type="button"
                class="link quick-dates-toggle"
                id=DomId::QuickDatesToggle.to_string()
                aria-expanded=move || open.get().to_string()
                aria-controls=DomId::QuickDatesBody.to_string()
                on:click=move |_| open.update(|open| *open = !*open)
            >
                "Set dates…"
            </button>
            // Built only while open: a closed pop-over is nothing on the page.
            <Show when=move || open.get()>
                <div
                    class="quick-dates-body"
                    id=DomId::QuickDatesBody.to_string()
                    role="group"
                    aria-label="Set phase dates"
                    on:keydown=move |event: web_sys::KeyboardEvent| {
                        if event.key() == "Escape" {
                            open.set(false);
                            focus_later(DomId::QuickDatesToggle);
                        }
                    }
                >
                    <label class="quick-dates-from">
                        <span>"From"</span>
                        <input type="date" aria-label="Dates from" prop:value=move || from.get() on:change=move |event| from.set(event_target_value(&event))/>
                    </label>
                    <button type="button" class="secondary" title="Each phase in turn gets a calendar quarter, starting with the quarter holding this day" on:click=move |_| schedule(false)>
                        "Set quarters"
                    </button>
                    <label class="quick-dates-weeks">
                        <input type="number" min="1" max=MAX_SPRINT_WEEKS step="1" aria-label="Weeks per sprint" prop:value=move || weeks.get() on:change=move |event| weeks.set(event_target_value(&event))/>
                        <span aria-hidden="true">"weeks"</span>
                    </label>
                    <button type="button" class="secondary" title="Each phase in turn gets a sprint of this many weeks, the first starting on this day" on:click=move |_| schedule(true)>
                        "Set sprints"
                    </button>
                </div>
            </Show>
        </div>
    }
}
