//! The effort-vs-impact grid: quadrants, axes, and the initiatives laid out so that none
//! hides another (cards, spread a little where they crowd, clusters where they crowd more).

use leptos::html;
use leptos::prelude::*;

use super::initiative_card::{CardHeld, CardMoveMenu, ClusterChip, InitiativeCard, OpenCluster};
use crate::model::{Apart, Footprint, Footprints, GridItem, InitiativeId, Quadrant, Score, Spot, arrange};
use crate::state::{Tone, use_planner};

/// What keys an item on the grid: a card by its initiative, a cluster by its first member.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum ItemKey {
    Card(InitiativeId),
    Cluster(InitiativeId),
}

fn key_of(item: &GridItem) -> ItemKey {
    match item {
        GridItem::Card { id, .. } => ItemKey::Card(id.clone()),
        GridItem::Cluster { first, .. } => ItemKey::Cluster(first.clone()),
    }
}

/// The grid's items with an index by key, so each item finds its own entry at once, and
/// the card being dragged, which floats outside the layout.
struct GridLayout {
    items: Vec<GridItem>,
    index: std::collections::HashMap<ItemKey, usize>,
    floating: Option<InitiativeId>,
}

impl GridLayout {
    fn new(items: Vec<GridItem>, floating: Option<InitiativeId>) -> GridLayout {
        let index = items
            .iter()
            .enumerate()
            .map(|(position, item)| (key_of(item), position))
            .collect();
        GridLayout {
            items,
            index,
            floating,
        }
    }

    /// Every item's key in a fixed order, so that a relayout moves no element in the page,
    /// it only adds and removes.
    fn keys(&self) -> Vec<ItemKey> {
        let mut keys: Vec<ItemKey> = self.items.iter().map(key_of).collect();
        keys.extend(self.floating.clone().map(ItemKey::Card));
        keys.sort_unstable();
        keys
    }

    fn get(&self, key: &ItemKey) -> Option<&GridItem> {
        self.index.get(key).map(|&position| &self.items[position])
    }

    /// The positions of a cluster's initiatives in the roadmap's list; none for a card.
    fn members(&self, key: &ItemKey) -> &[usize] {
        match self.get(key) {
            Some(GridItem::Cluster { members, .. }) => members,
            _ => &[],
        }
    }
}

impl PartialEq for GridLayout {
    fn eq(&self, other: &GridLayout) -> bool {
        self.items == other.items && self.floating == other.floating
    }
}

/// Measures the footprints of a card and a chip against the plot; the probe elements' CSS
/// sizes are the boxes plus a small gap, so the layout and the stylesheet cannot disagree.
fn measure(plot: &web_sys::Element, card: &web_sys::Element, chip: &web_sys::Element) -> Option<Footprints> {
    let plot = plot.get_bounding_client_rect();
    let relative = |probe: &web_sys::Element| {
        let rect = probe.get_bounding_client_rect();
        Footprint {
            width: rect.width() / plot.width(),
            height: rect.height() / plot.height(),
        }
    };
    (plot.width() > 0.0 && plot.height() > 0.0).then(|| Footprints {
        card: relative(card),
        chip: relative(chip),
    })
}

/// Where an item with no entry in the layout (for a moment, while it goes) is drawn.
const PLOT_CENTRE: Spot = Spot { x: 0.5, y: 0.5 };

/// From this many initiatives on, the grid shows compact one-line cards.
const DENSE_FROM: usize = 30;

#[component]
pub fn Grid() -> impl IntoView {
    let planner = use_planner();
    provide_context(OpenCluster(RwSignal::new(None)));
    let held = RwSignal::new(false);
    provide_context(CardHeld(held));
    let plot = NodeRef::<html::Div>::new();
    hold_scrolling_while_a_card_is_held(plot, held);
    let card_probe = NodeRef::<html::Div>::new();
    let chip_probe = NodeRef::<html::Div>::new();
    // A guess until the plot is measured: about a card and a chip on a 1280x720 screen.
    let footprint = RwSignal::new(Footprints {
        card: Footprint {
            width: 0.2,
            height: 0.09,
        },
        chip: Footprint {
            width: 0.08,
            height: 0.07,
        },
    });
    let remeasure = move || {
        if let (Some(plot), Some(card), Some(chip)) = (
            plot.get_untracked(),
            card_probe.get_untracked(),
            chip_probe.get_untracked(),
        ) && let Some(measured) = measure(&plot, &card, &chip)
            && measured != footprint.get_untracked()
        {
            footprint.set(measured);
        }
    };
    let count = move || planner.with_ids(<[InitiativeId]>::len);
    // Past a few dozen initiatives, cards shrink to one line so more of them fit apart.
    let dense = Memo::new(move |_| count() > DENSE_FROM);
    Effect::new(move |_| {
        dense.track();
        if plot.get().is_some() && card_probe.get().is_some() && chip_probe.get().is_some() {
            remeasure();
        }
    });
    let _ = leptos::leptos_dom::helpers::window_event_listener(leptos::ev::resize, move |_| remeasure());

    // The whole layout in one pass (O(n)); it re-runs when scores, the set of initiatives,
    // the selection (always shown as a card) or the card size change, never for a title.
    // While a card is dragged it floats: the others keep their places until it is dropped.
    let layout = Memo::new(move |_| {
        planner.track_scores();
        planner.with_ids(|_| ());
        let dragging = planner.dragging();
        let selected = planner.selected();
        let apart = match (&dragging, &selected) {
            (Some(dragged), _) => Apart::Floating(dragged),
            (None, Some(selected)) => Apart::Pinned(selected),
            (None, None) => Apart::None,
        };
        let footprint = footprint.get();
        let items = planner
            .with_roadmap(|roadmap| arrange(roadmap.initiatives.iter().map(AsRef::as_ref), apart, footprint));
        GridLayout::new(items, dragging)
    });
    let keys = move || layout.with(GridLayout::keys);
    let item_view = move |key: ItemKey| {
        // Each item reads only its own entry of the layout through small memos, so a
        // relayout wakes only the items that moved.
        let spot = {
            let key = key.clone();
            move || layout.with(|layout| layout.get(&key).map(GridItem::at))
        };
        match key {
            ItemKey::Card(id) => {
                // A floating card (being dragged) sits exactly at its own scores.
                let cell = planner.cell(&id);
                let at = Memo::new(move |_| {
                    spot()
                        .or_else(|| {
                            cell.as_ref()
                                .map(|cell| cell.with(|initiative| Spot::of(initiative)))
                        })
                        .unwrap_or(PLOT_CENTRE)
                });
                view! { <InitiativeCard id=id at=at.into() plot=plot/> }.into_any()
            }
            ItemKey::Cluster(first) => {
                let at = Memo::new(move |_| spot().unwrap_or(PLOT_CENTRE));
                let key = ItemKey::Cluster(first.clone());
                let count = {
                    let key = key.clone();
                    Memo::new(move |_| layout.with(|layout| layout.members(&key).len()))
                };
                // The members themselves are read only while the cluster's list is open.
                let members = Signal::derive(move || {
                    layout.with(|layout| {
                        planner.with_roadmap(|roadmap| {
                            layout
                                .members(&key)
                                .iter()
                                .filter_map(|&position| roadmap.initiatives.get(position))
                                .map(|initiative| initiative.id.clone())
                                .collect()
                        })
                    })
                });
                view! { <ClusterChip first=first count=count.into() members=members at=at.into()/> }
                    .into_any()
            }
        }
    };

    let split = move || planner.split();
    // Split lines as percentages of the plot, impact measured from the top.
    let split_x = move || split().effort.fraction() * 100.0;
    let split_y = move || (1.0 - split().impact.fraction()) * 100.0;
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
                    {move || match count() {
                        1 => "1 initiative".to_string(),
                        count => format!("{count} initiatives"),
                    }}
                </span>
                <span class="hint">"Drag cards, or use arrow keys (Shift: big steps)"</span>
                <SplitSettings/>
            </div>
            <div class="grid-frame">
                <span class="axis-label axis-y" aria-hidden="true">"Impact ↑"</span>
                <div class="plot" class=("is-dense", move || dense.get()) node_ref=plot>
                    {Quadrant::ALL.map(quadrant)}
                    {ticks}
                    <div class="footprint card-footprint" node_ref=card_probe aria-hidden="true"></div>
                    <div class="footprint chip-footprint" node_ref=chip_probe aria-hidden="true"></div>
                    <p class="grid-empty" hidden=move || count() != 0>
                        "Pick items from the catalog or create a New initiative, then drag each card to its effort and impact."
                    </p>
                    <For each=keys key=|key| key.clone() let:key>
                        {item_view(key)}
                    </For>
                    <CardMoveMenu/>
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
            let split = planner.split();
            if is_effort { split.effort } else { split.impact }.to_string()
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

/// While a finger holds a card, its moves drag the card instead of scrolling the page. The
/// listener sits on the plot, not the document: only there may it be non-passive.
fn hold_scrolling_while_a_card_is_held(plot: NodeRef<html::Div>, held: RwSignal<bool>) {
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;

    Effect::new(move |listening: Option<bool>| {
        if listening == Some(true) {
            return true;
        }
        let Some(element) = plot.get() else { return false };
        let listener = Closure::<dyn Fn(web_sys::TouchEvent)>::new(move |event: web_sys::TouchEvent| {
            if held.get_untracked() {
                event.prevent_default();
            }
        });
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(false);
        let _ = element.add_event_listener_with_callback_and_add_event_listener_options(
            "touchmove",
            listener.as_ref().unchecked_ref(),
            &options,
        );
        // The grid lives as long as the page, and so does its listener.
        listener.forget();
        true
    });
}
