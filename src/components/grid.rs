//! The effort-vs-impact grid: quadrants, axes and one card per initiative.

use leptos::html;
use leptos::prelude::*;

use super::initiative_card::InitiativeCard;
use crate::model::Quadrant;
use crate::state::use_planner;

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
                <span class="hint">"Drag a card, or focus it and use the arrow keys (Shift: bigger steps)"</span>
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
