//! The effort-vs-impact grid: quadrants, axes and one card per initiative.

use leptos::html;
use leptos::prelude::*;

use super::initiative_card::InitiativeCard;
use crate::model::{Quadrant, Score};
use crate::state::{Tone, use_planner};

#[component]
pub fn Grid() -> impl IntoView {
    let planner = use_planner();
    let roadmap = planner.roadmap;
    let plot = NodeRef::<html::Div>::new();
    let ids = Memo::new(move |_| {
        roadmap.with(|roadmap| {
            roadmap
                .initiatives
                .iter()
                .map(|initiative| initiative.id.clone())
                .collect::<Vec<_>>()
        })
    });
    let stack_levels = Memo::new(move |_| roadmap.with(|roadmap| roadmap.stack_levels()));
    let split = Memo::new(move |_| roadmap.with(|roadmap| roadmap.quadrant_split));
    // Split lines as percentages of the plot, impact measured from the top.
    let split_x = move || split.get().effort.fraction() * 100.0;
    let split_y = move || (1.0 - split.get().impact.fraction()) * 100.0;

    let quadrant = move |quadrant: Quadrant| {
        let style = move || {
            let (x, y) = (split_x(), split_y());
            let (left, width) = match quadrant {
                Quadrant::QuickWins | Quadrant::FillIns => (0.0, x),
                Quadrant::BigBets | Quadrant::MoneyPits => (x, 100.0 - x),
            };
            let (top, height) = match quadrant {
                Quadrant::QuickWins | Quadrant::BigBets => (0.0, y),
                Quadrant::FillIns | Quadrant::MoneyPits => (y, 100.0 - y),
            };
            format!("left:{left}%;width:{width}%;top:{top}%;height:{height}%")
        };
        view! {
            <div class=format!("quadrant quadrant-{}", quadrant.as_str()) style=style>
                <span class="quadrant-label">{quadrant.label()}</span>
                <span class="quadrant-hint">{quadrant.hint()}</span>
            </div>
        }
    };
    let ticks = (1..=10)
        .map(|tick| {
            let at = f64::from(tick - 1) / 9.0 * 100.0;
            view! {
                <span class="tick tick-x" style=format!("left:{at}%") aria-hidden="true">{tick}</span>
                <span class="tick tick-y" style=format!("top:{}%", 100.0 - at) aria-hidden="true">{tick}</span>
            }
        })
        .collect_view();

    view! {
        <section class="panel grid-panel" role="region" aria-label="Effort vs impact">
            <div class="panel-head">
                <h2>"Effort vs impact"</h2>
                <span class="panel-sub">
                    {move || match ids.with(Vec::len) {
                        1 => "1 initiative".to_string(),
                        count => format!("{count} initiatives"),
                    }}
                </span>
                <span class="hint">"Drag cards, or use arrow keys (Shift: big steps)"</span>
                <SplitSettings/>
            </div>
            <div class="grid-frame">
                <span class="axis-label axis-y" aria-hidden="true">"Impact ↑"</span>
                <div class="plot" node_ref=plot>
                    {Quadrant::ALL.map(quadrant)}
                    {ticks}
                    <p class="grid-empty" hidden=move || !ids.with(Vec::is_empty)>
                        "Pick items from the catalog or create a New initiative, then drag each card to its effort and impact."
                    </p>
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <InitiativeCard id=id plot=plot stack_levels=stack_levels/>
                    </For>
                </div>
                <span class="axis-label axis-x" aria-hidden="true">"Effort →"</span>
            </div>
        </section>
    }
}

/// Where the quadrants split, adjustable per roadmap.
#[component]
fn SplitSettings() -> impl IntoView {
    let planner = use_planner();
    let input = move |label: &'static str, is_effort: bool| {
        let current = move || {
            planner.roadmap.with(|roadmap| {
                let split = roadmap.quadrant_split;
                if is_effort { split.effort } else { split.impact }.to_string()
            })
        };
        view! {
            <label class="split-field">
                <span>{label}</span>
                <input
                    type="number"
                    min="1"
                    max="10"
                    step="0.5"
                    aria-label=format!("{label} split")
                    prop:value=current
                    on:change=move |event| {
                        let typed = event_target_value(&event).trim().replace(',', ".").parse::<f64>();
                        match typed.ok().and_then(|value| Score::rounded(value).ok()) {
                            Some(score) => planner.edit(|roadmap| {
                                if is_effort {
                                    roadmap.quadrant_split.effort = score;
                                } else {
                                    roadmap.quadrant_split.impact = score;
                                }
                            }),
                            None => planner.tell(Tone::Error, format!("The {} split must be a number from 1 to 10.", label.to_lowercase())),
                        }
                    }
                />
            </label>
        }
    };
    view! {
        <div class="split-settings" title="Scores at or above a split count as high">
            <span class="split-title">"Split at"</span>
            {input("Effort", true)}
            {input("Impact", false)}
        </div>
    }
}
