//! A phase's start and end days on the phase board: two date inputs named "<phase> start"
//! and "<phase> end", and the dates as text on the printout.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::{DueDate, Phase, PhaseId};
use crate::state::{Tone, use_planner};

/// Which of a phase's two days a field sets.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Edge {
    Start,
    End,
}

impl Edge {
    fn as_str(self) -> &'static str {
        match self {
            Edge::Start => "start",
            Edge::End => "end",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Edge::Start => "Start",
            Edge::End => "End",
        }
    }

    fn of(self, phase: &Phase) -> Option<DueDate> {
        match self {
            Edge::Start => phase.start,
            Edge::End => phase.end,
        }
    }
}

/// Both days of a phase; either may stay empty (an undated phase is Now / Next / Later).
#[component]
pub fn PhaseDates(id: PhaseId, this_phase: Memo<Option<Phase>>, label: Signal<String>) -> impl IntoView {
    let dates_text = move || this_phase.with(|phase| phase.as_ref().and_then(Phase::dates_text));
    view! {
        <div class="phase-dates">
            <DateField id=id.clone() edge=Edge::Start this_phase label/>
            <DateField id edge=Edge::End this_phase label/>
        </div>
        // Date inputs print as empty boxes in some browsers; the printout gets plain text.
        <p class="phase-dates-print">{dates_text}</p>
    }
}

/// One day of a phase. Each change is one undo step; an end before the start is refused with
/// a notice, and the field shows the phase's day again.
#[component]
fn DateField(
    id: PhaseId,
    edge: Edge,
    this_phase: Memo<Option<Phase>>,
    label: Signal<String>,
) -> impl IntoView {
    let planner = use_planner();
    let text_of = move |phase: &Option<Phase>| {
        phase
            .as_ref()
            .and_then(|phase| edge.of(phase))
            .map(|day| day.to_string())
            .unwrap_or_default()
    };
    let on_change = move |event: leptos::ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let text = input.value();
        // A date input gives "" or a valid YYYY-MM-DD; anything else is a browser without one.
        let Ok(day) = (!text.trim().is_empty())
            .then(|| text.trim().parse::<DueDate>())
            .transpose()
        else {
            input.set_value(&this_phase.with_untracked(text_of));
            planner.tell(
                Tone::Error,
                format!("“{text}” is not a date; write it as YYYY-MM-DD."),
            );
            return;
        };
        let mut refused = None;
        planner.edit(|roadmap| {
            let set = match edge {
                Edge::Start => roadmap.set_phase_start(&id, day),
                Edge::End => roadmap.set_phase_end(&id, day),
            };
            refused = set.err();
        });
        if let Some(crossed) = refused {
            input.set_value(&this_phase.with_untracked(text_of));
            planner.tell(
                Tone::Error,
                format!(
                    "{}: {crossed}. A phase must end on or after its start; its dates are unchanged.",
                    label.get_untracked()
                ),
            );
        }
    };
    view! {
        <label class="phase-date">
            <span class="phase-date-label" aria-hidden="true">{edge.label()}</span>
            <input
                type="date"
                aria-label=move || format!("{} {}", label.get(), edge.as_str())
                prop:value=move || this_phase.with(text_of)
                on:change=on_change
            />
        </label>
    }
}
