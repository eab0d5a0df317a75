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
    Conflict, DueDate, InitiativeId, PhaseId, Rect, Roadmap, TimeAxis, TimelineBand, TimelinePlan, conflicts,
    plan_timeline_fitted, timeline_height,
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

    /// The band of `phase` in `plan`, if the phase is drawn there.
    fn band_of<'a>(self, plan: &'a TimelinePlan, phase: &PhaseId) -> Option<&'a TimelineBand> {
        let index = self
            .planner
            .with_phases(|phases| phases.iter().position(|candidate| &candidate.id == phase))?;
        plan.bands.iter().find(|band| band.phase == index)
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
    let handle = MovingEdge::new(timeline, stage, phase, edge);
    view! {
        <span
            class="timeline-edge"
            class=("is-end", edge == Edge::End)
            role="slider"
            tabindex="0"
            aria-label=move || handle.label()
            aria-valuemin="-719162"
            aria-valuemax="2932896"
            aria-valuenow=move || handle.day().map_or(0, DueDate::day_number).to_string()
            aria-valuetext=move || handle.day().map(|day| day.to_string()).unwrap_or_default()
            style=move || handle.style()
            on:keydown=move |event| handle.step(&event)
            on:pointerdown=move |event| handle.grip.press(&event, || Some(()))
            on:pointermove=move |event| handle.drag(&event)
            on:pointerup=move |_| handle.release()
            on:pointercancel=move |_| handle.grip.cancel(timeline)
        ></span>
    }
}

/// A dated phase's name, dates and band, and the dated axis, in the current plan.
type EdgePlace = (String, (DueDate, DueDate), Rect, TimeAxis);

/// What an edge handle's attributes and handlers share. The phase is stored rather than held,
/// so the whole is `Copy` and each of them can keep a copy.
#[derive(Clone, Copy)]
struct MovingEdge {
    timeline: TimelineView,
    stage: NodeRef<Div>,
    phase: StoredValue<PhaseId>,
    edge: Edge,
    place: Memo<Option<EdgePlace>>,
    grip: Grip<()>,
}

impl MovingEdge {
    fn new(timeline: TimelineView, stage: NodeRef<Div>, phase: PhaseId, edge: Edge) -> MovingEdge {
        let place = {
            let phase = phase.clone();
            Memo::new(move |_| {
                timeline.plan.with(|plan| {
                    let plan = plan.as_ref()?;
                    let band = timeline.band_of(plan, &phase)?;
                    Some((band.name.clone(), band.span?, band.rect, plan.axis?))
                })
            })
        };
        MovingEdge {
            timeline,
            stage,
            phase: StoredValue::new(phase),
            edge,
            place,
            grip: Grip::new(),
        }
    }

    /// The day a drag of this edge would land on, while one is under way.
    fn previewed(self) -> Option<DueDate> {
        match self.timeline.preview.get() {
            Some(Preview::Edge { phase, edge, day })
                if self.phase.with_value(|own| *own == phase) && edge == self.edge =>
            {
                Some(day)
            }
            _ => None,
        }
    }

    /// The edge's day: where a drag would land it, else the phase's own.
    fn day(self) -> Option<DueDate> {
        self.previewed().or_else(|| {
            self.place.with(|place| {
                place
                    .as_ref()
                    .map(|(_, (start, end), _, _)| if self.edge == Edge::Start { *start } else { *end })
            })
        })
    }

    /// Where the handle stands: where its day begins, or for an end, where the day after does.
    fn style(self) -> String {
        self.place.with(|place| {
            let Some((_, _, rect, axis)) = place else {
                return "display:none".to_string();
            };
            let x = match (self.day(), self.edge) {
                (Some(day), Edge::Start) => axis.x_of(day),
                (Some(day), Edge::End) => day.add_days(1).map_or(rect.right, |after| axis.x_of(after)),
                (None, _) => rect.left,
            };
            format!("left:{x}px;top:{}px;height:{}px", rect.top, rect.height())
        })
    }

    fn label(self) -> String {
        self.place.with(|place| {
            place
                .as_ref()
                .map(|(name, _, _, _)| format!("{} of {name}", self.edge.word()))
                .unwrap_or_default()
        })
    }

    /// The arrow keys move the edge a day, with Shift a week.
    fn step(self, event: &web_sys::KeyboardEvent) {
        let step = match event.key().as_str() {
            "ArrowLeft" | "ArrowDown" => -1,
            "ArrowRight" | "ArrowUp" => 1,
            _ => return,
        };
        event.prevent_default();
        let step = if event.shift_key() { step * 7 } else { step };
        if let Some(next) = self.day().and_then(|day| day.add_days(step)) {
            self.set(next);
        }
    }

    fn set(self, day: DueDate) {
        set_edge(self.timeline, &self.phase.get_value(), self.edge, day);
    }

    /// While held, previews the edge at the day under the pointer.
    fn drag(self, event: &web_sys::PointerEvent) {
        if self.grip.held().is_none() {
            return;
        }
        let (Some(element), Some((_, (start, end), _, axis))) =
            (self.stage.get(), self.place.get_untracked())
        else {
            return;
        };
        let (x, _) = TimelineView::point_in(&element, event);
        let Some(at) = axis.day_at(x) else { return };
        // The end handle sits at the start of the day after the end; neither passes the other.
        let day = match self.edge {
            Edge::Start => at.min(end),
            Edge::End => at.add_days(-1).unwrap_or(at).max(start),
        };
        self.timeline.preview.set(Some(Preview::Edge {
            phase: self.phase.get_value(),
            edge: self.edge,
            day,
        }));
    }

    /// Lets go: the edge moves to the previewed day, if the drag reached one.
    fn release(self) {
        if self.grip.release().is_none() {
            return;
        }
        match self.previewed() {
            Some(day) => self.set(day),
            None => self.timeline.preview.set(None),
        }
    }
}

/// A handle's hold on the pointer, from a press to its release, with what the press noted:
/// kept out of the reactive graph, as nothing is drawn from it.
#[derive(Clone, Copy)]
struct Grip<T: Send + Sync + 'static>(StoredValue<Option<T>>);

impl<T: Clone + Send + Sync + 'static> Grip<T> {
    fn new() -> Grip<T> {
        Grip(StoredValue::new(None))
    }

    /// Takes hold on a press of the main button, keeping what `note` reads from it; when it
    /// reads nothing, the press is left alone.
    fn press(self, event: &web_sys::PointerEvent, note: impl FnOnce() -> Option<T>) {
        if event.button() != 0 {
            return;
        }
        let Some(noted) = note() else { return };
        event.prevent_default();
        capture(event);
        self.0.set_value(Some(noted));
    }

    /// What the press noted, while the pointer is held.
    fn held(self) -> Option<T> {
        self.0.get_value()
    }

    /// Keeps what the drag has learnt since the press.
    fn note(self, noted: T) {
        self.0.set_value(Some(noted));
    }

    /// Lets go, handing back what the press noted (nothing when the pointer was not held).
    fn release(self) -> Option<T> {
        self.0.try_update_value(Option::take).flatten()
    }

    /// Lets go without landing: the preview goes too.
    fn cancel(self, timeline: TimelineView) {
        self.0.set_value(None);
        timeline.preview.set(None);
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

/// One drawn bar.
#[component]
fn BarHandle(
    timeline: TimelineView,
    stage: NodeRef<Div>,
    id: InitiativeId,
    bars: Memo<HashMap<InitiativeId, (Rect, usize)>>,
) -> impl IntoView {
    let bar = MovingBar::new(timeline, stage, id, bars);
    view! {
        <button
            type="button"
            class="timeline-bar"
            class=("is-selected", move || bar.is_selected())
            aria-label=move || bar.label()
            title=move || bar.label()
            style=move || bar.style()
            on:keydown=move |event| bar.step(&event)
            on:pointerdown=move |event| bar.press(&event)
            on:pointermove=move |event| bar.drag(&event)
            on:pointerup=move |_| bar.release()
            on:pointercancel=move |_| bar.grip.cancel(timeline)
        ></button>
    }
}

/// What a bar handle's attributes and handlers share; `Copy`, as `MovingEdge` is.
#[derive(Clone, Copy)]
struct MovingBar {
    timeline: TimelineView,
    stage: NodeRef<Div>,
    id: StoredValue<InitiativeId>,
    /// The bar's rectangle and its phase's position, while the bar has a handle.
    place: Memo<Option<(Rect, usize)>>,
    grip: Grip<Press>,
}

impl MovingBar {
    fn new(
        timeline: TimelineView,
        stage: NodeRef<Div>,
        id: InitiativeId,
        bars: Memo<HashMap<InitiativeId, (Rect, usize)>>,
    ) -> MovingBar {
        let place = {
            let id = id.clone();
            Memo::new(move |_| bars.with(|bars| bars.get(&id).copied()))
        };
        MovingBar {
            timeline,
            stage,
            id: StoredValue::new(id),
            place,
            grip: Grip::new(),
        }
    }

    /// "Churn model, in Discovery".
    fn label(self) -> String {
        let planner = self.timeline.planner;
        let phase = self.place.get().and_then(|(_, phase)| {
            planner.with_phases(|phases| phases.get(phase).map(|phase| phase.display_name().to_string()))
        });
        let title = self
            .id
            .with_value(|id| planner.cell(id))
            .map(|cell| cell.with(|initiative| initiative.display_title().to_string()));
        format!("{}, in {}", title.unwrap_or_default(), phase.unwrap_or_default())
    }

    /// How far a drag has taken this bar.
    fn offset(self) -> (f64, f64) {
        match self.timeline.preview.get() {
            Some(Preview::Bar { id, offset, .. }) if self.id.with_value(|own| *own == id) => offset,
            _ => (0.0, 0.0),
        }
    }

    fn style(self) -> String {
        let (dx, dy) = self.offset();
        self.place.get().map_or_else(
            || "display:none".to_string(),
            |(rect, _)| format!("{};transform:translate({dx}px,{dy}px)", super::rect_style(&rect)),
        )
    }

    fn is_selected(self) -> bool {
        self.id.with_value(|id| self.timeline.planner.is_selected(id))
    }

    /// The arrow keys move the bar to the phase before or after, and select it.
    fn step(self, event: &web_sys::KeyboardEvent) {
        let Some(offset) = super::phase_step(event) else {
            return;
        };
        event.prevent_default();
        let id = self.id.get_value();
        self.timeline.planner.select(Some(id.clone()));
        self.timeline.edit(|roadmap| {
            roadmap.shift_phase(&id, offset);
        });
    }

    /// Notes where the press began, in the stage's pixels.
    fn press(self, event: &web_sys::PointerEvent) {
        self.grip.press(event, || {
            let element = self.stage.get()?;
            Some(Press {
                from: TimelineView::point_in(&element, event),
                moved: false,
            })
        });
    }

    /// Once the pointer leaves the click's slop, the bar follows it over the band beneath.
    fn drag(self, event: &web_sys::PointerEvent) {
        let (Some(started), Some(element)) = (self.grip.held(), self.stage.get()) else {
            return;
        };
        let (x, y) = TimelineView::point_in(&element, event);
        let offset = (x - started.from.0, y - started.from.1);
        if !started.moved && offset.0.hypot(offset.1) < CLICK_SLOP {
            return;
        }
        self.grip.note(Press {
            moved: true,
            ..started
        });
        let onto = self.timeline.plan.with_untracked(|plan| {
            let band = plan.as_ref()?.band_at(x, y)?;
            self.timeline
                .planner
                .with_phases(|phases| phases.get(band.phase).map(|phase| phase.id.clone()))
        });
        self.timeline.preview.set(Some(Preview::Bar {
            id: self.id.get_value(),
            offset,
            onto,
        }));
    }

    /// Lets go: the bar is selected, and a drag onto another phase's band moves it there.
    fn release(self) {
        let Some(released) = self.grip.release() else {
            return;
        };
        let planner = self.timeline.planner;
        let id = self.id.get_value();
        planner.select(Some(id.clone()));
        if !released.moved {
            return;
        }
        let onto = match self.timeline.preview.get_untracked() {
            Some(Preview::Bar { onto: Some(onto), .. }) => onto,
            _ => {
                self.timeline.preview.set(None);
                return;
            }
        };
        let current = planner
            .cell(&id)
            .and_then(|cell| cell.with_untracked(|initiative| initiative.phase.clone()));
        if current.as_ref() == Some(&onto) {
            self.timeline.preview.set(None);
        } else {
            self.timeline.edit(|roadmap| {
                roadmap.assign_phase(&id, Some(onto));
            });
        }
    }
}

/// During a drag, the outline of where it lands: the band a bar is over, or a phase's new
/// extent with its date.
#[component]
fn DropGhost(timeline: TimelineView) -> impl IntoView {
    let ghost = move || {
        let preview = timeline.preview.get()?;
        timeline.plan.with(|plan| {
            let plan = plan.as_ref()?;
            match preview {
                Preview::Bar { onto, .. } => {
                    let band = timeline.band_of(plan, onto.as_ref()?)?;
                    Some((band.rect, None))
                }
                Preview::Edge { phase, edge, day } => {
                    let band = timeline.band_of(plan, &phase)?;
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
