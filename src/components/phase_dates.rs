//! A phase's start and end days on the phase board: two date inputs named "<phase> start"
//! and "<phase> end", and the dates as text on the printout.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::model::{DueDate, Phase, PhaseId};
use crate::state::{EditKey, Planner, Tone, use_planner};

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

/// One day of a phase. A visit to the field is one undo step (a date typed a segment at a
/// time too). An end before the start is refused with a notice and the roadmap keeps its
/// dates; the typed day stays, marked invalid, so typing can go on (Chrome reports "0002",
/// "0020", "0202" on the way to "2027"), and leaving the field shows the phase's own day again.
#[component]
fn DateField(
    id: PhaseId,
    edge: Edge,
    this_phase: Memo<Option<Phase>>,
    label: Signal<String>,
) -> impl IntoView {
    let planner = use_planner();
    let refusal = RwSignal::new(None::<String>);
    let text_of = move |phase: &Option<Phase>| {
        phase
            .as_ref()
            .and_then(|phase| edge.of(phase))
            .map(|day| day.to_string())
            .unwrap_or_default()
    };
    let on_change = move |event: leptos::ev::Event| {
        let text = event_target_value(&event);
        match set_day(planner, &id, edge, &text, &label.get_untracked()) {
            Err(words) => {
                planner.tell(Tone::Error, words.clone());
                refusal.set(Some(words));
            }
            Ok(()) => {
                if let Some(words) = refusal.get_untracked() {
                    planner.dismiss_notice_saying(&words);
                    refusal.set(None);
                }
            }
        }
    };
    let on_blur = move |event: leptos::ev::FocusEvent| {
        if refusal.get_untracked().is_some()
            && let Some(input) = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            input.set_value(&this_phase.with_untracked(text_of));
            refusal.set(None);
        }
    };
    view! {
        <label class="phase-date">
            <span class="phase-date-label" aria-hidden="true">{edge.label()}</span>
            <input
                type="date"
                aria-label=move || format!("{} {}", label.get(), edge.as_str())
                aria-invalid=move || refusal.with(Option::is_some).to_string()
                prop:value=move || this_phase.with(text_of)
                on:focus=move |_| planner.end_typing()
                on:change=on_change
                on:blur=on_blur
            />
        </label>
    }
}

/// Sets the phase's day from the field's text ("" clears it), as one undo step per visit;
/// refused, it says why in words and the roadmap is unchanged.
fn set_day(planner: Planner, id: &PhaseId, edge: Edge, text: &str, phase: &str) -> Result<(), String> {
    // A date input gives "" or a valid YYYY-MM-DD; anything else is a browser without one.
    let text = text.trim();
    let day = match text {
        "" => None,
        text => Some(
            text.parse::<DueDate>()
                .map_err(|_| format!("“{text}” is not a date; write it as YYYY-MM-DD."))?,
        ),
    };
    let mut refused = None;
    planner.edit_typing(EditKey::PhaseDate(id.clone(), edge == Edge::End), |roadmap| {
        let set = match edge {
            Edge::Start => roadmap.set_phase_start(id, day),
            Edge::End => roadmap.set_phase_end(id, day),
        };
        refused = set.err();
    });
    match refused {
        Some(crossed) => Err(format!(
            "{phase}: {crossed}. A phase must end on or after its start; its dates are unchanged."
        )),
        None => Ok(()),
    }
}
