//! The Timeline region: phases in time on a plotters canvas (the **Timeline chart**), with
//! handles over it to drag a dated phase's edges and a bar to another phase (the arrow keys do
//! the same), the conflicts in words, a table of the phases, and PNG and SVG exports.

use std::collections::HashMap;

use leptos::html::{Canvas, Div};
use leptos::prelude::*;

use super::chart_canvas::{Look, first_seen};
use super::later::{Later, count_in_turns};
use super::pause::Pause;
use super::table_of;
use crate::canvas;
use crate::charts::{Scale, Theme};
use crate::model::{
    Conflict, DueDate, InitiativeId, PhaseId, Rect, Roadmap, TimelinePlan, conflicts, plan_timeline_fitted,
    timeline_height,
};
use crate::state::{Planner, Tone, use_planner};
use crate::timeline_chart::{EXPORT_SCALE, EXPORT_WIDTH, draw_timeline, export_size, timeline_svg};

/// The timeline follows edits elsewhere after this pause, as Insight's charts do; its own
/// drags and keys redraw at once.
const REDRAW_DELAY_MS: u64 = 150;
/// Bars get handles (pointer and keyboard) from this row height up; thinner ones are moved on
/// the phase board.
const HANDLE_ROW: f64 = 8.0;
/// How many conflicts are written out before "and N more".
const CONFLICTS_NAMED: usize = 30;
/// A press that moves less than this many pixels is a click.
const CLICK_SLOP: f64 = 4.0;

/// Which edge of a phase a handle moves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Edge {
    Start,
    End,
}

impl Edge {
    fn word(self) -> &'static str {
        match self {
            Edge::Start => "Start",
            Edge::End => "End",
        }
    }
}

/// What is being dragged, and where it would land.
#[derive(Clone, Debug, PartialEq)]
enum Preview {
    /// A phase's edge, now at `day`.
    Edge {
        phase: PhaseId,
        edge: Edge,
        day: DueDate,
    },
    /// A bar, shifted by `offset` pixels, over the band of phase `onto`.
    Bar {
        id: InitiativeId,
        offset: (f64, f64),
        onto: Option<PhaseId>,
    },
}

/// The timeline's state: the roadmap it last settled on, the picture's width, the plan, and a
/// drag in progress.
#[derive(Clone, Copy)]
struct TimelineView {
    planner: Planner,
    /// Bumped once edits pause (or at once after the timeline's own edits).
    settled: RwSignal<u64>,
    pause: Pause,
    width: RwSignal<f64>,
    plan: Memo<Option<TimelinePlan>>,
    preview: RwSignal<Option<Preview>>,
}

impl TimelineView {
    fn new(planner: Planner, canvas_ref: NodeRef<Canvas>) -> TimelineView {
        let settled = RwSignal::new(0u64);
        let width = RwSignal::new(0.0);
        let seen = first_seen(canvas_ref);
        let plan = Memo::new(move |_| {
            settled.track();
            let width = width.get();
            (seen.get() && width > 0.0).then(|| {
                canvas::mark("timeline-plan");
                planner.with_roadmap(|roadmap| plan_timeline_fitted(roadmap, today(), width))
            })
        });
        let view = TimelineView {
            planner,
            settled,
            pause: Pause::new(REDRAW_DELAY_MS),
            width,
            plan,
            preview: RwSignal::new(None),
        };
        Effect::new(move |first: Option<()>| {
            planner.track_roadmap();
            if first.is_some() {
                view.settle_later();
            }
        });
        view
    }

    /// Redraws once edits pause.
    fn settle_later(self) {
        self.pause.restart(move || self.settled.update(|tick| *tick += 1));
    }

    /// Makes an edit of the timeline's own and redraws at once, so the handle the user moved
    /// never jumps back while the picture catches up.
    fn edit(self, change: impl FnOnce(&mut Roadmap)) {
        self.planner.edit(change);
        self.pause.cancel();
        self.settled.update(|tick| *tick += 1);
        self.preview.set(None);
    }

    /// The stage's point under a pointer event.
    fn point_in(stage: &web_sys::Element, event: &web_sys::PointerEvent) -> (f64, f64) {
        let rect = stage.get_bounding_client_rect();
        (
            f64::from(event.client_x()) - rect.left(),
            f64::from(event.client_y()) - rect.top(),
        )
    }
}

/// Today in the user's own time zone.
fn today() -> Option<DueDate> {
    let now = js_sys::Date::new_0();
    DueDate::new(
        u16::try_from(now.get_full_year()).ok()?,
        u8::try_from(now.get_month() + 1).ok()?,
        u8::try_from(now.get_date()).ok()?,
    )
}

/// The region, built once the page has first painted.
#[component]
pub fn Timeline() -> impl IntoView {
    let planner = use_planner();
    let painted = count_in_turns(1);
    view! {
        <section class="panel timeline" role="region" aria-label="Timeline">
            <div class="panel-head">
                <h2>"Timeline"</h2>
                <span class="hint">"Drag a dated phase's edges, or a bar to another phase; arrow keys do the same"</span>
                <button type="button" class="secondary" on:click=move |_| export_png(planner)>
                    "Export timeline PNG"
                </button>
                <button type="button" class="secondary" on:click=move |_| export_svg(planner)>
                    "Export timeline SVG"
                </button>
            </div>
            <Later built=painted at=1>
                <TimelineFigure/>
            </Later>
        </section>
    }
}

/// The chart with its handles, the conflicts and the table.
#[component]
fn TimelineFigure() -> impl IntoView {
    let planner = use_planner();
    let canvas_ref = NodeRef::<Canvas>::new();
    let stage = NodeRef::<Div>::new();
    let timeline = TimelineView::new(planner, canvas_ref);
    let look = Look::of_page();
    follow_width(timeline, stage, look);
    draw_on_change(timeline, canvas_ref, look);
    // The picture's room is kept from the start, before the plan exists (it waits to be
    // seen): the regions below never jump when the timeline is first drawn.
    let height = Memo::new(move |_| {
        timeline.settled.track();
        planner.with_roadmap(timeline_height)
    });
    // The list and the table read one pass over the roadmap's conflicts.
    let found = Memo::new(move |_| {
        timeline.settled.track();
        planner.with_roadmap(conflicts)
    });
    view! {
        <div class="timeline-figure">
            <div class="timeline-stage" node_ref=stage style:height=move || format!("{}px", height.get())>
                <canvas node_ref=canvas_ref role="img" aria-label="Timeline chart"></canvas>
                <EdgeHandles timeline stage/>
                <BarHandles timeline stage/>
                <DropGhost timeline/>
            </div>
            <div class="timeline-aside">
                <ConflictList found/>
                <PhaseDatesTable timeline found/>
            </div>
        </div>
    }
}

/// The plan's width follows the stage's, read when the page's width changes.
fn follow_width(timeline: TimelineView, stage: NodeRef<Div>, look: Look) {
    Effect::new(move |_| {
        look.track_width();
        if let Some(element) = stage.get() {
            timeline.width.set(f64::from(element.client_width()));
        }
    });
}

/// Draws the plan whenever it, or the colour scheme, changes; "timeline-drawn" measures from
/// planning to drawn (the benchmark reads it).
fn draw_on_change(timeline: TimelineView, canvas_ref: NodeRef<Canvas>, look: Look) {
    Effect::new(move |_| {
        let theme = if look.is_dark() { Theme::DARK } else { Theme::LIGHT };
        timeline.plan.with(|plan| {
            let (Some(plan), Some(element)) = (plan, canvas_ref.get()) else {
                return;
            };
            if let Some((area, scale)) = canvas::fit(&element, plan.size.1) {
                let _ = draw_timeline(&area, plan, &theme, scale);
            }
            canvas::measure("timeline-drawn", "timeline-plan");
        });
    });
}

/// Per dated phase, a handle on each edge: drag it, or use the arrow keys (Shift: a week).
#[component]
fn EdgeHandles(timeline: TimelineView, stage: NodeRef<Div>) -> impl IntoView {
    let dated = Memo::new(move |_| {
        timeline.plan.with(|plan| {
            plan.iter()
                .flat_map(|plan| &plan.bands)
                .filter(|band| band.span.is_some())
                .flat_map(|band| {
                    let id = timeline
                        .planner
                        .with_phases(|phases| phases[band.phase].id.clone());
                    [(id.clone(), Edge::Start), (id, Edge::End)]
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <For each=move || dated.get() key=|(phase, edge)| (phase.clone(), *edge) let:handle>
            <EdgeHandle timeline stage phase=handle.0 edge=handle.1/>
        </For>
    }
}

/// One edge of a dated phase.
#[component]
fn EdgeHandle(timeline: TimelineView, stage: NodeRef<Div>, phase: PhaseId, edge: Edge) -> impl IntoView {
    let planner = timeline.planner;
    // The phase's name, dates and band (left, top, right, bottom) in the current plan.
    let place = {
        let phase = phase.clone();
        Memo::new(move |_| {
            let index =
                planner.with_phases(|phases| phases.iter().position(|candidate| candidate.id == phase))?;
            timeline.plan.with(|plan| {
                let plan = plan.as_ref()?;
                let band = plan.bands.iter().find(|band| band.phase == index)?;
                Some((band.name.clone(), band.span?, band.rect, plan.axis?))
            })
        })
    };
    let previewed = {
        let phase = phase.clone();
        move || match timeline.preview.get() {
            Some(Preview::Edge {
                phase: moving,
                edge: moving_edge,
                day,
            }) if moving == phase && moving_edge == edge => Some(day),
            _ => None,
        }
    };
    let day = {
        let previewed = previewed.clone();
        move || {
            previewed().or_else(|| {
                place.with(|place| {
                    place
                        .as_ref()
                        .map(|(_, (start, end), _, _)| if edge == Edge::Start { *start } else { *end })
                })
            })
        }
    };
    let style = {
        let day = day.clone();
        move || {
            place.with(|place| {
                let Some((_, _, rect, axis)) = place else {
                    return "display:none".to_string();
                };
                let x = match (day(), edge) {
                    (Some(day), Edge::Start) => axis.x_of(day),
                    (Some(day), Edge::End) => day.add_days(1).map_or(rect.right, |after| axis.x_of(after)),
                    (None, _) => rect.left,
                };
                format!("left:{x}px;top:{}px;height:{}px", rect.top, rect.height())
            })
        }
    };
    let label = move || {
        place.with(|place| {
            place
                .as_ref()
                .map(|(name, _, _, _)| format!("{} of {name}", edge.word()))
                .unwrap_or_default()
        })
    };
    let set = {
        let phase = phase.clone();
        move |day: DueDate| set_edge(timeline, &phase, edge, day)
    };
    let on_keydown = {
        let day = day.clone();
        let set = set.clone();
        move |event: web_sys::KeyboardEvent| {
            let step = match event.key().as_str() {
                "ArrowLeft" | "ArrowDown" => -1,
                "ArrowRight" | "ArrowUp" => 1,
                _ => return,
            };
            event.prevent_default();
            let step = if event.shift_key() { step * 7 } else { step };
            if let Some(next) = day().and_then(|day| day.add_days(step)) {
                set(next);
            }
        }
    };
    let drag = StoredValue::new(None::<f64>);
    let on_pointerdown = move |event: web_sys::PointerEvent| {
        if event.button() != 0 {
            return;
        }
        event.prevent_default();
        capture(&event);
        drag.set_value(Some(f64::from(event.client_x())));
    };
    let on_pointermove = {
        let phase = phase.clone();
        move |event: web_sys::PointerEvent| {
            if drag.get_value().is_none() {
                return;
            }
            let (Some(element), Some((_, (start, end), _, axis))) = (stage.get(), place.get_untracked())
            else {
                return;
            };
            let (x, _) = TimelineView::point_in(&element, &event);
            let Some(at) = axis.day_at(x) else { return };
            // The end handle sits at the start of the day after the end; neither passes the other.
            let day = match edge {
                Edge::Start => at.min(end),
                Edge::End => at.add_days(-1).unwrap_or(at).max(start),
            };
            timeline.preview.set(Some(Preview::Edge {
                phase: phase.clone(),
                edge,
                day,
            }));
        }
    };
    let on_pointerup = {
        let set = set.clone();
        move |_: web_sys::PointerEvent| {
            if drag.get_value().is_none() {
                return;
            }
            drag.set_value(None);
            match previewed() {
                Some(day) => set(day),
                None => timeline.preview.set(None),
            }
        }
    };
    let value_text = {
        let day = day.clone();
        move || day().map(|day| day.to_string()).unwrap_or_default()
    };
    let value_now = move || day().map_or(0, DueDate::day_number).to_string();
    view! {
        <span
            class="timeline-edge"
            class=("is-end", edge == Edge::End)
            role="slider"
            tabindex="0"
            aria-label=label
            aria-valuemin="-719162"
            aria-valuemax="2932896"
            aria-valuenow=value_now
            aria-valuetext=value_text
            style=style
            on:keydown=on_keydown
            on:pointerdown=on_pointerdown
            on:pointermove=on_pointermove
            on:pointerup=on_pointerup
            on:pointercancel=move |_| {
                drag.set_value(None);
                timeline.preview.set(None);
            }
        ></span>
    }
}

/// Keeps the pointer's moves on the element that was pressed, wherever the pointer goes. The
/// handles have no children, so the event's target is the handle (its current target is the
/// page, where Leptos listens for every handle at once).
fn capture(event: &web_sys::PointerEvent) {
    use wasm_bindgen::JsCast;
    if let Some(element) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
    {
        let _ = element.set_pointer_capture(event.pointer_id());
    }
}

/// Moves one edge of a phase to `day`: one undo step; an end before the start is refused.
fn set_edge(timeline: TimelineView, phase: &PhaseId, edge: Edge, day: DueDate) {
    let planner = timeline.planner;
    let refused = planner.with_roadmap(|roadmap| {
        let current = roadmap.phase(phase)?;
        let (start, end) = match edge {
            Edge::Start => (Some(day), current.end),
            Edge::End => (current.start, Some(day)),
        };
        crate::model::Phase::check_dates(start, end)
            .err()
            .map(|refusal| format!("{} cannot move there: {refusal}.", current.display_name()))
    });
    if let Some(message) = refused {
        timeline.preview.set(None);
        planner.tell(Tone::Error, message);
        return;
    }
    timeline.edit(|roadmap| {
        let _ = match edge {
            Edge::Start => roadmap.set_phase_start(phase, Some(day)),
            Edge::End => roadmap.set_phase_end(phase, Some(day)),
        };
    });
}

/// Per drawn bar, a handle over it: press to select, drag to another phase's band, or use the
/// arrow keys (left: the phase before, right: the phase after).
#[component]
fn BarHandles(timeline: TimelineView, stage: NodeRef<Div>) -> impl IntoView {
    let bars = Memo::new(move |_| {
        timeline.plan.with(|plan| {
            plan.as_ref()
                .filter(|plan| plan.row >= HANDLE_ROW)
                .map(|plan| {
                    plan.bars
                        .iter()
                        .map(|bar| (bar.id.clone(), (bar.rect, plan.bands[bar.band].phase)))
                        .collect::<HashMap<_, _>>()
                })
                .unwrap_or_default()
        })
    });
    let ids = move || {
        let mut ids: Vec<InitiativeId> = bars.with(|bars| bars.keys().cloned().collect());
        ids.sort_unstable();
        ids
    };
    view! {
        <For each=ids key=|id| id.clone() let:id>
            <BarHandle timeline stage id bars/>
        </For>
    }
}

/// Where a pressed bar started: the pointer's point and whether it has moved yet.
#[derive(Clone, Copy)]
struct Press {
    from: (f64, f64),
    moved: bool,
}

#[component]
fn BarHandle(
    timeline: TimelineView,
    stage: NodeRef<Div>,
    id: InitiativeId,
    bars: Memo<HashMap<InitiativeId, (Rect, usize)>>,
) -> impl IntoView {
    let planner = timeline.planner;
    let place = {
        let id = id.clone();
        Memo::new(move |_| bars.with(|bars| bars.get(&id).copied()))
    };
    let label = {
        let id = id.clone();
        move || {
            let phase = place.get().and_then(|(_, phase)| {
                planner.with_phases(|phases| phases.get(phase).map(|phase| phase.display_name().to_string()))
            });
            let title = planner
                .cell(&id)
                .map(|cell| cell.with(|initiative| initiative.display_title().to_string()));
            format!("{}, in {}", title.unwrap_or_default(), phase.unwrap_or_default())
        }
    };
    let offset = {
        let id = id.clone();
        move || match timeline.preview.get() {
            Some(Preview::Bar {
                id: moving, offset, ..
            }) if moving == id => offset,
            _ => (0.0, 0.0),
        }
    };
    let style = move || {
        let (dx, dy) = offset();
        place.get().map_or_else(
            || "display:none".to_string(),
            |(rect, _)| format!("{};transform:translate({dx}px,{dy}px)", super::rect_style(&rect)),
        )
    };
    let selected = {
        let id = id.clone();
        move || planner.is_selected(&id)
    };
    let on_keydown = {
        let id = id.clone();
        move |event: web_sys::KeyboardEvent| {
            let Some(offset) = super::phase_step(&event) else {
                return;
            };
            event.prevent_default();
            planner.select(Some(id.clone()));
            timeline.edit(|roadmap| {
                roadmap.shift_phase(&id, offset);
            });
        }
    };
    let press = StoredValue::new(None::<Press>);
    let on_pointerdown = move |event: web_sys::PointerEvent| {
        if event.button() != 0 {
            return;
        }
        let Some(element) = stage.get() else { return };
        event.prevent_default();
        capture(&event);
        press.set_value(Some(Press {
            from: TimelineView::point_in(&element, &event),
            moved: false,
        }));
    };
    let on_pointermove = {
        let id = id.clone();
        move |event: web_sys::PointerEvent| {
            let (Some(started), Some(element)) = (press.get_value(), stage.get()) else {
                return;
            };
            let (x, y) = TimelineView::point_in(&element, &event);
            let offset = (x - started.from.0, y - started.from.1);
            if !started.moved && offset.0.hypot(offset.1) < CLICK_SLOP {
                return;
            }
            press.set_value(Some(Press {
                moved: true,
                ..started
            }));
            let onto = timeline.plan.with_untracked(|plan| {
                let band = plan.as_ref()?.band_at(x, y)?;
                planner.with_phases(|phases| phases.get(band.phase).map(|phase| phase.id.clone()))
            });
            timeline.preview.set(Some(Preview::Bar {
                id: id.clone(),
                offset,
                onto,
            }));
        }
    };
    let on_pointerup = {
        let id = id.clone();
        move |_: web_sys::PointerEvent| {
            let Some(released) = press.get_value() else { return };
            press.set_value(None);
            planner.select(Some(id.clone()));
            if !released.moved {
                return;
            }
            let onto = match timeline.preview.get_untracked() {
                Some(Preview::Bar { onto: Some(onto), .. }) => onto,
                _ => {
                    timeline.preview.set(None);
                    return;
                }
            };
            let current = planner
                .cell(&id)
                .and_then(|cell| cell.with_untracked(|initiative| initiative.phase.clone()));
            if current.as_ref() == Some(&onto) {
                timeline.preview.set(None);
            } else {
                timeline.edit(|roadmap| {
                    roadmap.assign_phase(&id, Some(onto));
                });
            }
        }
    };
    view! {
        <button
            type="button"
            class="timeline-bar"
            class=("is-selected", selected)
            aria-label=label.clone()
            title=label
            style=style
            on:keydown=on_keydown
            on:pointerdown=on_pointerdown
            on:pointermove=on_pointermove
            on:pointerup=on_pointerup
            on:pointercancel=move |_| {
                press.set_value(None);
                timeline.preview.set(None);
            }
        ></button>
    }
}

/// During a drag, the outline of where it lands: the band a bar is over, or a phase's new
/// extent with its date.
#[component]
fn DropGhost(timeline: TimelineView) -> impl IntoView {
    let planner = timeline.planner;
    let ghost = move || {
        let preview = timeline.preview.get()?;
        timeline.plan.with(|plan| {
            let plan = plan.as_ref()?;
            let index_of = |phase: &PhaseId| {
                planner.with_phases(|phases| phases.iter().position(|candidate| &candidate.id == phase))
            };
            match preview {
                Preview::Bar { onto, .. } => {
                    let index = index_of(onto.as_ref()?)?;
                    let band = plan.bands.iter().find(|band| band.phase == index)?;
                    Some((band.rect, None))
                }
                Preview::Edge { phase, edge, day } => {
                    let index = index_of(&phase)?;
                    let band = plan.bands.iter().find(|band| band.phase == index)?;
                    let axis = plan.axis?;
                    let (start, end) = band.span?;
                    let (start, end) = match edge {
                        Edge::Start => (day, end),
                        Edge::End => (start, day),
                    };
                    let right = end.add_days(1).map_or(band.rect.right, |after| axis.x_of(after));
                    let rect = Rect::new(axis.x_of(start), band.rect.top, right, band.rect.bottom);
                    Some((rect, Some(format!("{} {day}", edge.word()))))
                }
            }
        })
    };
    move || {
        ghost().map(|(rect, caption)| {
            let style = super::rect_style(&rect);
            view! {
                <div class="timeline-ghost" style=style aria-hidden="true">
                    {caption.map(|caption| view! { <span class="timeline-ghost-date">{caption}</span> })}
                </div>
            }
        })
    }
}

/// The conflicts in words: "Churn model is due 2027-03-31 but its phase ends 2027-06-30".
#[component]
fn ConflictList(found: Memo<Vec<Conflict>>) -> impl IntoView {
    move || {
        found.with(|found| {
            if found.is_empty() {
                return view! {
                    <p class="timeline-ok" role="status">
                        "No conflicts: every dependency is planned in order and every due date is met."
                    </p>
                }
                .into_any();
            }
            let items = found
                .iter()
                .take(CONFLICTS_NAMED)
                .map(|conflict| view! { <li>{conflict.to_string()}</li> })
                .collect_view();
            let more = found.len().saturating_sub(CONFLICTS_NAMED);
            let heading = match found.len() {
                1 => "1 conflict".to_string(),
                count => format!("{count} conflicts"),
            };
            view! {
                <div class="timeline-conflicts" role="group" aria-label="Conflicts">
                    <h3>{heading}</h3>
                    <ul>{items}</ul>
                    {(more > 0).then(|| view! { <p class="hint">{format!("and {more} more")}</p> })}
                </div>
            }
            .into_any()
        })
    }
}

/// The phases' dates, counts and conflicts as a table, the chart's text alternative.
#[component]
fn PhaseDatesTable(timeline: TimelineView, found: Memo<Vec<Conflict>>) -> impl IntoView {
    let planner = timeline.planner;
    let rows = move || {
        // Dates and counts change without the conflicts changing.
        timeline.settled.track();
        found.with(|found| {
            planner.with_roadmap(|roadmap| {
                let positions = roadmap.initiative_positions();
                let mut conflicts_in: HashMap<&PhaseId, usize> = HashMap::new();
                for conflict in found {
                    if let Some(phase) = positions
                        .get(conflict.initiative())
                        .and_then(|&position| roadmap.initiatives[position].phase.as_ref())
                    {
                        *conflicts_in.entry(phase).or_default() += 1;
                    }
                }
                let mut counts: HashMap<&PhaseId, usize> = HashMap::new();
                for phase in roadmap
                    .initiatives
                    .iter()
                    .filter_map(|initiative| initiative.phase.as_ref())
                {
                    *counts.entry(phase).or_default() += 1;
                }
                roadmap
                    .phases
                    .iter()
                    .map(|phase| {
                        let day = |day: Option<DueDate>| {
                            day.map_or_else(|| "undated".to_string(), |day| day.to_string())
                        };
                        view! {
                            <tr>
                                <th scope="row">{phase.display_name().to_string()}</th>
                                <td>{day(phase.start)}</td>
                                <td>{day(phase.end)}</td>
                                <td>{counts.get(&phase.id).copied().unwrap_or(0)}</td>
                                <td>{conflicts_in.get(&phase.id).copied().unwrap_or(0)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };
    table_of(
        None,
        "Phases in time",
        &["Phase", "Start", "End", "Initiatives", "Conflicts"],
        rows,
    )
}

/// The timeline laid out for export: 800 CSS pixels wide, drawn at twice that.
fn export_plan(planner: Planner) -> TimelinePlan {
    planner.with_roadmap(|roadmap| plan_timeline_fitted(roadmap, today(), EXPORT_WIDTH))
}

fn export_png(planner: Planner) {
    let name = super::chart_file_name(planner, "timeline", "png");
    let plan = export_plan(planner);
    let drawn = canvas::download_png(&name, export_size(&plan), |area| {
        draw_timeline(area, &plan, &Theme::LIGHT, Scale(EXPORT_SCALE)).map_err(|error| error.to_string())
    });
    if let Err(reason) = drawn {
        planner.tell(Tone::Error, format!("“{name}” could not be saved: {reason}."));
    }
}

fn export_svg(planner: Planner) {
    let name = super::chart_file_name(planner, "timeline", "svg");
    match timeline_svg(&export_plan(planner)) {
        Ok(svg) => planner.download(&name, &svg, "image/svg+xml"),
        Err(reason) => planner.tell(Tone::Error, format!("“{name}” could not be drawn: {reason}.")),
    }
}
