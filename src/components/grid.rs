//! The effort-vs-impact board: quadrants, axes, and each initiative as a mark at its exact
//! scores with its title placed beside it like a map's labels (`plan_board`, shared with the
//! Insight chart), chips where marks coincide, and the titles that found no place listed below.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use leptos::html;
use leptos::prelude::*;

use super::DomId;
use super::board_room::{GUESSED_GEOMETRY, LabelRuler, Room, measured_room};
use super::board_tips::{BoardTips, PointedMarks};
use super::cluster_chip::{ClusterChip, OpenCluster};
use super::initiative_mark::{InitiativeMark, MarkHandling, MarkPlace};
use super::move_menu::MarkMoveMenu;
use super::score_ranges::{RangeChoice, RangeStyle, ScoreRanges};
use crate::model::{
    BoardGeometry, BoardItem, BoardMark, DependencyLine, InitiativeId, Quadrant, QuickWinStatus, Rect,
    Roadmap, Score, conflicts, plan_board, route_dependency, short_label,
};
use crate::state::{KeyedTriggers, Planner, Tone, use_planner};

/// What keys an item on the board: a mark by its initiative, a chip by its first member.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum ItemKey {
    Mark(InitiativeId),
    Cluster(InitiativeId),
}

/// How many groups the board's items are kept in, each an element of its own. When one item
/// changes (a click selects a mark, a chip's count drops), the browser lays out the items of
/// its group, not all of the board's: 2,500 items at 10,000 initiatives cost some 4.5 ms a
/// layout in one group, 1 ms in 48.
const ITEM_GROUPS: usize = 48;

impl ItemKey {
    /// The item's group: fixed by its initiative, so a relayout leaves it where it was.
    fn group(&self) -> usize {
        use std::hash::{DefaultHasher, Hash, Hasher};
        let (ItemKey::Mark(id) | ItemKey::Cluster(id)) = self;
        let mut hasher = DefaultHasher::new();
        id.hash(&mut hasher);
        // The remainder is below ITEM_GROUPS, so it fits in a usize on any target.
        (hasher.finish() % ITEM_GROUPS as u64) as usize
    }
}

/// The board laid out, indexed so that each item finds its own entry at once.
#[derive(Clone, Debug, Default, PartialEq)]
struct BoardLayout {
    /// Every item's key by group (see `ITEM_GROUPS`), each group in a fixed order, so a
    /// relayout moves no element in the page: it only adds and removes.
    groups: Vec<Vec<ItemKey>>,
    marks: HashMap<InitiativeId, MarkPlace>,
    clusters: HashMap<InitiativeId, ChipEntry>,
    /// The chip (its first member) each clustered initiative is in.
    cluster_of: HashMap<InitiativeId, InitiativeId>,
    /// Marks without a title on the board, most important first.
    unlabelled: Vec<InitiativeId>,
}

/// A chip's members and its centre, in pixels of the plot.
type ChipEntry = (Vec<InitiativeId>, (f64, f64));

/// Lays the roadmap out in `room` (O(n) with the model's spatial index).
fn lay_out(roadmap: &Roadmap, room: &Room, ruler: &mut LabelRuler) -> BoardLayout {
    let split = roadmap.quadrant_split;
    // The labels' line height is 1.15 of their font size (see .mark-label).
    let font_px = room.geometry.label_height / 1.15;
    let labels: Vec<String> = roadmap
        .initiatives
        .iter()
        .map(|initiative| short_label(initiative.display_title()))
        .collect();
    let marks: Vec<BoardMark> = roadmap
        .initiatives
        .iter()
        .zip(&labels)
        .map(|(initiative, label)| BoardMark {
            label,
            label_width: ruler.width(label, &room.font, font_px),
            effort: initiative.effort,
            impact: initiative.impact,
            urgency: initiative.urgency,
            quick_win: matches!(
                initiative.quick_win_status(&split),
                QuickWinStatus::Marked | QuickWinStatus::Inconsistent
            ),
        })
        .collect();
    let plan = plan_board(&marks, &room.geometry, &[]);
    let id_of = |index: usize| roadmap.initiatives[index].id.clone();
    let mut layout = BoardLayout {
        groups: vec![Vec::new(); ITEM_GROUPS],
        unlabelled: plan.unlabelled.iter().map(|&index| id_of(index)).collect(),
        ..BoardLayout::default()
    };
    let mut keys = Vec::with_capacity(plan.items.len());
    for item in plan.items {
        match item {
            BoardItem::Mark { index, at, label } => {
                keys.push(ItemKey::Mark(id_of(index)));
                layout.marks.insert(id_of(index), MarkPlace { at, label });
            }
            BoardItem::Cluster { members, at } => {
                let members: Vec<InitiativeId> = members.into_iter().map(id_of).collect();
                for member in &members {
                    layout.cluster_of.insert(member.clone(), members[0].clone());
                }
                keys.push(ItemKey::Cluster(members[0].clone()));
                layout.clusters.insert(members[0].clone(), (members, at));
            }
        }
    }
    keys.sort_unstable();
    for key in keys {
        layout.groups[key.group()].push(key);
    }
    layout
}

/// The layout, redone when scores, titles, urgency, marks, the set of initiatives or the room
/// change; never for a selection or a step of a drag.
fn board_layout(planner: Planner, room: ReadSignal<Option<Room>>) -> Memo<Arc<BoardLayout>> {
    let ruler = StoredValue::new_local(LabelRuler::new());
    Memo::new(move |_| {
        // The board topic covers the set of initiatives too; the split decides quick wins.
        planner.track_board();
        planner.split();
        // Shared, not cloned: the keyed wake-ups keep the previous layout to compare with, and
        // copying 10,000 ids on every relayout would cost more than comparing them.
        Arc::new(room.with(|room| {
            match room {
                Some(room) => ruler
                    .try_update_value(|ruler| planner.with_roadmap(|roadmap| lay_out(roadmap, room, ruler)))
                    .unwrap_or_default(),
                None => BoardLayout::default(),
            }
        }))
    })
}

#[component]
pub fn Grid() -> impl IntoView {
    let planner = use_planner();
    provide_context(OpenCluster::new());
    let plot = NodeRef::<html::Div>::new();
    let drag_layer = NodeRef::<html::Div>::new();
    let room = measured_room(plot);
    let geometry = Signal::derive(move || {
        room.with(|room| room.as_ref().map_or(GUESSED_GEOMETRY, |room| room.geometry))
    });
    let marks = MarkHandling::new(plot, drag_layer, geometry);
    hold_scrolling_while_a_card_is_held(plot, marks.held);
    let layout = board_layout(planner, room);
    let count = move || planner.with_ids(<[InitiativeId]>::len);
    let show_dependencies = RwSignal::new(false);
    let range_style = RwSignal::new(RangeStyle::default());
    let pointed = PointedMarks::new();
    let unlabelled_at = move |id: &InitiativeId| {
        layout.with(|layout| {
            layout
                .marks
                .get(id)
                .filter(|place| place.label.is_none())
                .map(|place| place.at)
        })
    };
    view! {
        <section class="panel grid-panel" role="region" aria-label="Effort vs impact">
            <GridHead count show_dependencies range_style/>
            <div class="grid-frame">
                <span class="axis-label axis-y" aria-hidden="true">"Impact ↑"</span>
                <div class="field" style=move || format!("--inset:{}px", geometry.get().inset)>
                    <QuadrantBand top=true/>
                    <div
                        class="plot"
                        node_ref=plot
                        on:pointerover=move |event| pointed.pointer_over(&event)
                        on:pointerout=move |event| pointed.pointer_out(&event)
                        on:focusin=move |event| pointed.focus_in(&event)
                        on:focusout=move |_| pointed.focus_out()
                    >
                        <QuadrantTints/>
                        <AxisTicks axis=Axis::Impact/>
                        <ScoreRanges geometry style=range_style/>
                        <DependencyLines layout geometry shown=show_dependencies/>
                        <span class="mark-probe" aria-hidden="true"></span>
                        <span class="mark-label label-probe" aria-hidden="true">"Probe"</span>
                        <p class="grid-empty" hidden=move || count() != 0>
                            "Pick items from the catalog or create a New initiative, then drag each mark to its effort and impact."
                        </p>
                        // Apart from the layer a dragged mark moves in: each move restyles
                        // one element whose parents hold a few children, not thousands.
                        <div
                            class="board-items"
                            on:pointerdown=move |event| marks.down(&event)
                            on:pointermove=move |event| marks.moved(&event)
                            on:pointerup=move |event| marks.end(&event, true)
                            on:pointercancel=move |event| marks.end(&event, false)
                            on:keydown=move |event| marks.key(&event)
                            on:click=move |event| marks.click(&event)
                        >
                            <BoardItems layout geometry/>
                        </div>
                        <BoardTips pointed geometry unlabelled_at/>
                        <MarkMoveMenu geometry/>
                        <div class="drag-layer" node_ref=drag_layer aria-hidden="true"></div>
                    </div>
                    <QuadrantBand top=false/>
                </div>
                <span class="axis-label axis-x" aria-hidden="true">"Effort →"</span>
            </div>
            <Unlabelled layout/>
        </section>
    }
}

/// The grid's heading, count, hint and split settings.
#[component]
fn GridHead(
    count: impl Fn() -> usize + Send + Sync + 'static,
    show_dependencies: RwSignal<bool>,
    range_style: RwSignal<RangeStyle>,
) -> impl IntoView {
    view! {
        <div class="panel-head">
            <h2>"Effort vs impact"</h2>
            <span class="panel-sub">
                {move || match count() {
                    1 => "1 initiative".to_string(),
                    count => format!("{count} initiatives"),
                }}
            </span>
            <span class="hint">"Drag marks, or use arrow keys (Shift: big steps)"</span>
            <label class="show-dependencies">
                <input type="checkbox" prop:checked=move || show_dependencies.get()
                    on:change=move |event| show_dependencies.set(event_target_checked(&event))/>
                "Show dependencies"
            </label>
            <RangeChoice style=range_style/>
            <SplitSettings/>
        </div>
    }
}

/// Every mark and chip, keyed; the selected mark stands apart even where its scores put it
/// in a chip, so what the user works on never disappears.
#[component]
fn BoardItems(layout: Memo<Arc<BoardLayout>>, geometry: Signal<BoardGeometry>) -> impl IntoView {
    let planner = use_planner();
    // The selected initiative when its scores put it in a chip, with that chip's first member.
    let apart = Memo::new(move |_| {
        let selected = planner.selected()?;
        layout.with(|layout| {
            let chip = layout.cluster_of.get(&selected)?.clone();
            Some((selected, chip))
        })
    });
    let (marks, chips) = watch_entries(layout, apart);
    let group = move |group: usize| {
        let keys = move || layout.with(|layout| layout.groups.get(group).cloned().unwrap_or_default());
        view! {
            <div class="board-group">
                <For each=keys key=|key| key.clone() let:key>
                    {match key {
                        ItemKey::Mark(id) => view! { <PlacedMark id layout marks geometry/> }.into_any(),
                        ItemKey::Cluster(first) => view! { <PlacedChip first layout chips apart geometry/> }.into_any(),
                    }}
                </For>
            </div>
        }
    };
    // Outside the keyed list, so that bringing one out never re-diffs every item.
    let apart_mark = move || {
        apart.get().map(|(id, _)| {
            view! { <InitiativeMark id place=Signal::derive(|| None) geometry/> }
        })
    };
    view! {
        {(0..ITEM_GROUPS).map(group).collect_view()}
        {apart_mark}
    }
}

/// A mark where the layout puts it; it wakes only when its own entry changed.
#[component]
fn PlacedMark(
    id: InitiativeId,
    layout: Memo<Arc<BoardLayout>>,
    marks: KeyedTriggers,
    geometry: Signal<BoardGeometry>,
) -> impl IntoView {
    let place = {
        let id = id.clone();
        Memo::new(move |_| {
            marks.track(&id);
            layout.with_untracked(|layout| layout.marks.get(&id).cloned())
        })
    };
    view! { <InitiativeMark id place=place.into() geometry/> }
}

/// A chip where the layout puts it, less the selected member standing apart.
#[component]
fn PlacedChip(
    first: InitiativeId,
    layout: Memo<Arc<BoardLayout>>,
    chips: KeyedTriggers,
    apart: Memo<Option<(InitiativeId, InitiativeId)>>,
    geometry: Signal<BoardGeometry>,
) -> impl IntoView {
    let entry = chip_entry(first.clone(), layout, chips, apart, geometry);
    let members = Signal::derive(move || {
        entry.with(|entry| {
            entry
                .as_ref()
                .map(|(members, _)| members.clone())
                .unwrap_or_default()
        })
    });
    let count =
        Signal::derive(move || entry.with(|entry| entry.as_ref().map_or(0, |(members, _)| members.len())));
    let at = Signal::derive(move || {
        let (x, y) = entry.with(|entry| entry.as_ref().map_or((0.0, 0.0), |(_, at)| *at));
        geometry.with(|geometry| (x / geometry.width.max(1.0), y / geometry.height.max(1.0)))
    });
    view! { <ClusterChip first count members at/> }
}

/// A chip's entry without its member standing apart; it wakes only when its own entry changed,
/// or its member standing apart.
fn chip_entry(
    first: InitiativeId,
    layout: Memo<Arc<BoardLayout>>,
    chips: KeyedTriggers,
    apart: Memo<Option<(InitiativeId, InitiativeId)>>,
    geometry: Signal<BoardGeometry>,
) -> Memo<Option<ChipEntry>> {
    Memo::new(move |_| {
        chips.track(&first);
        let apart = apart.with_untracked(|apart| {
            apart
                .as_ref()
                .filter(|(_, chip)| chip == &first)
                .map(|(id, _)| id.clone())
        });
        layout.with_untracked(|layout| {
            layout.clusters.get(&first).map(|(members, at)| {
                let others: Vec<InitiativeId> = members
                    .iter()
                    .filter(|id| Some(*id) != apart.as_ref())
                    .cloned()
                    .collect();
                // The selected member stands on the chip's point: the chip steps aside so
                // that both can be reached.
                let at = if others.len() < members.len() {
                    geometry.with_untracked(|geometry| beside(geometry, *at))
                } else {
                    *at
                };
                (others, at)
            })
        })
    })
}

/// Keyed wake-ups for the board's items: after a relayout only the marks and chips whose entry
/// changed, and after a selection only the chips it brings a member out of or back into. (A
/// memo per item reading the whole layout would make every relayout wake all n items, and each
/// re-subscription costs O(n) in the layout's subscriber list: O(n²) at 10,000.)
fn watch_entries(
    layout: Memo<Arc<BoardLayout>>,
    apart: Memo<Option<(InitiativeId, InitiativeId)>>,
) -> (KeyedTriggers, KeyedTriggers) {
    let (marks, chips) = (KeyedTriggers::new(), KeyedTriggers::new());
    Effect::new(move |previous: Option<Arc<BoardLayout>>| {
        let now = layout.get();
        if let Some(previous) = previous {
            let changed = |before: Option<&MarkPlace>, after: Option<&MarkPlace>| before != after;
            for id in previous.marks.keys().chain(now.marks.keys()) {
                if changed(previous.marks.get(id), now.marks.get(id)) {
                    marks.notify(id);
                }
            }
            for first in previous.clusters.keys().chain(now.clusters.keys()) {
                if previous.clusters.get(first) != now.clusters.get(first) {
                    chips.notify(first);
                }
            }
        }
        now
    });
    Effect::new(move |previous: Option<Option<(InitiativeId, InitiativeId)>>| {
        let now = apart.get();
        for (_, chip) in previous.flatten().iter().chain(now.iter()) {
            chips.notify(chip);
        }
        now
    });
    (marks, chips)
}

/// Where a chip goes when its selected member stands on its point: a chip's width up and to
/// the right (or left, or down, at an edge).
fn beside(geometry: &BoardGeometry, (x, y): (f64, f64)) -> (f64, f64) {
    let step = geometry.chip_radius() + geometry.mark_radius + 2.0;
    let x = if x + step + geometry.chip_radius() <= geometry.width {
        x + step
    } else {
        x - step
    };
    let y = if y - step - geometry.chip_radius() >= 0.0 {
        y - step
    } else {
        y + step
    };
    (x, y)
}

/// "Show dependencies": a curve from each initiative to what it waits for, under the marks,
/// bent around titles where it can; red where the one waited for sits in a later phase (or in
/// none). Laid out only while shown, and again only when the layout, the dependencies or the
/// phases change.
#[component]
fn DependencyLines(
    layout: Memo<Arc<BoardLayout>>,
    geometry: Signal<BoardGeometry>,
    shown: RwSignal<bool>,
) -> impl IntoView {
    let planner = use_planner();
    let lines = Memo::new(move |_| {
        if !shown.get() {
            return Vec::new();
        }
        planner.track_links();
        planner.track_membership();
        let radius = geometry.with(|geometry| geometry.mark_radius);
        layout.with(|layout| planner.with_roadmap(|roadmap| route_lines(layout, roadmap, radius)))
    });
    let paths = move || {
        lines.with(|lines| {
            lines
                .iter()
                .map(|(line, broken)| {
                    let path = format!(
                        "M{:.1} {:.1}Q{:.1} {:.1} {:.1} {:.1}",
                        line.from.0, line.from.1, line.control.0, line.control.1, line.to.0, line.to.1
                    );
                    view! { <path d=path class:is-broken=*broken marker-end=if *broken { "url(#dependency-broken)" } else { "url(#dependency-met)" }></path> }
                })
                .collect_view()
        })
    };
    view! {
        <svg class="dependency-lines" aria-hidden="true" hidden=move || !shown.get()>
            <defs>
                <marker id="dependency-met" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path d="M0 0L10 5L0 10z" class="dependency-head"></path>
                </marker>
                <marker id="dependency-broken" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path d="M0 0L10 5L0 10z" class="dependency-head is-broken"></path>
                </marker>
            </defs>
            {paths}
        </svg>
    }
}

/// Each drawn dependency's curve, and whether its order is broken. An initiative in a chip
/// speaks from the chip; two in the same chip have no line.
fn route_lines(layout: &BoardLayout, roadmap: &Roadmap, radius: f64) -> Vec<(DependencyLine, bool)> {
    let titles: Vec<Rect> = layout
        .marks
        .values()
        .filter_map(|place| place.label.map(|label| label.rect))
        .collect();
    let at = |id: &InitiativeId| {
        layout.marks.get(id).map(|place| place.at).or_else(|| {
            let first = layout.cluster_of.get(id)?;
            layout.clusters.get(first).map(|(_, at)| *at)
        })
    };
    let broken: HashSet<(InitiativeId, InitiativeId)> = conflicts(roadmap)
        .into_iter()
        .filter_map(|conflict| Some((conflict.initiative().clone(), conflict.dependency()?.clone())))
        .collect();
    let mut lines = Vec::new();
    for initiative in roadmap.initiatives.iter() {
        let Some(from) = at(&initiative.id) else { continue };
        for dependency in &initiative.dependencies {
            let Some(to) = at(dependency) else { continue };
            if let Some(line) = route_dependency(from, to, radius, &titles) {
                let is_broken = broken.contains(&(initiative.id.clone(), dependency.clone()));
                lines.push((line, is_broken));
            }
        }
    }
    lines
}

/// How many of the titles left off the board are named below it; the rest are counted.
const UNLABELLED_NAMED: usize = 30;

/// "12 more: …": the titles that found no place on the board, each a button that selects it
/// (the selected mark shows its title).
#[component]
fn Unlabelled(layout: Memo<Arc<BoardLayout>>) -> impl IntoView {
    let planner = use_planner();
    move || {
        layout.with(|layout| {
            let named = layout
                .unlabelled
                .iter()
                .take(UNLABELLED_NAMED)
                .filter_map(|id| {
                    let title = planner.cell(id)?.with_untracked(|initiative| initiative.display_title().to_string());
                    let id = id.clone();
                    let select = move |_| {
                        planner.select(Some(id.clone()));
                        super::focus_later(DomId::Mark(&id));
                    };
                    Some(view! { <li><button type="button" class="link" on:click=select>{title}</button></li> })
                })
                .collect_view();
            let others = layout.unlabelled.len().saturating_sub(UNLABELLED_NAMED);
            (!layout.unlabelled.is_empty()).then(|| {
                view! {
                    <div class="unlabelled" role="group" aria-label="Titles not shown on the board">
                        <span class="unlabelled-count">{format!("{} more:", layout.unlabelled.len())}</span>
                        <ul>{named}</ul>
                        {(others > 0).then(|| view! { <span class="unlabelled-count">{format!("and {others} others")}</span> })}
                    </div>
                }
            })
        })
    }
}

/// Where the effort split (or an effort score) falls across the field, as a CSS length inside
/// the inset the marks keep.
fn across(fraction: f64) -> String {
    format!("calc(var(--inset) + (100% - 2 * var(--inset)) * {fraction})")
}

/// Left and width of a quadrant's column: low effort left of the split, high effort right.
fn columns(quadrant: Quadrant, split: f64) -> (String, String) {
    let x = across(split);
    match quadrant {
        Quadrant::QuickWins | Quadrant::FillIns => ("0px".to_string(), x),
        Quadrant::BigBets | Quadrant::MoneyPits => (x.clone(), format!("calc(100% - {x})")),
    }
}

/// The quadrant tints behind the marks.
#[component]
fn QuadrantTints() -> impl IntoView {
    let planner = use_planner();
    let tint = move |quadrant: Quadrant| {
        let style = move || {
            let split = planner.split();
            let (left, width) = columns(quadrant, split.effort.fraction());
            let y = across(1.0 - split.impact.fraction());
            let (top, height) = match quadrant {
                Quadrant::QuickWins | Quadrant::BigBets => ("0px".to_string(), y),
                Quadrant::FillIns | Quadrant::MoneyPits => (y.clone(), format!("calc(100% - {y})")),
            };
            format!("left:{left};width:{width};top:{top};height:{height}")
        };
        view! { <div class=format!("quadrant quadrant-{}", quadrant.as_str()) style=style></div> }
    };
    Quadrant::ALL.map(tint)
}

/// The quadrant names in a band above the plot (high impact) or below it (low impact), where
/// no mark or title can ever cover them; the bottom band carries the effort ticks.
#[component]
fn QuadrantBand(top: bool) -> impl IntoView {
    let planner = use_planner();
    let (low_effort, high_effort) = if top {
        (Quadrant::QuickWins, Quadrant::BigBets)
    } else {
        (Quadrant::FillIns, Quadrant::MoneyPits)
    };
    let name = move |quadrant: Quadrant| {
        let style = move || {
            let (left, width) = columns(quadrant, planner.split().effort.fraction());
            format!("left:{left};width:{width}")
        };
        view! {
            <div class=format!("quadrant-name quadrant-{}", quadrant.as_str()) style=style>
                <span class="quadrant-label">{quadrant.label()}</span>
                <span class="quadrant-hint">{quadrant.hint()}</span>
            </div>
        }
    };
    view! {
        <div class="quadrant-band" class=("is-top", top)>
            {name(low_effort)}
            {name(high_effort)}
            {(!top).then(|| view! { <AxisTicks axis=Axis::Effort/> })}
        </div>
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Axis {
    Effort,
    Impact,
}

/// The ticks 1…10 along an axis, where the marks' scores put them.
#[component]
fn AxisTicks(axis: Axis) -> impl IntoView {
    (1..=10)
        .map(|tick| {
            let fraction = f64::from(tick - 1) / 9.0;
            let (class, style) = match axis {
                Axis::Effort => ("tick tick-x", format!("left:{}", across(fraction))),
                Axis::Impact => ("tick tick-y", format!("top:{}", across(1.0 - fraction))),
            };
            view! { <span class=class style=style aria-hidden="true">{tick}</span> }
        })
        .collect_view()
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
