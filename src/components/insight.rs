//! The Insight region: the charts (plotters on canvases), each with a table of the same
//! numbers beside it, and the effort-vs-impact chart's PNG and SVG exports.

use leptos::html::Canvas;
use leptos::prelude::*;

use super::chart_canvas::{ChartArea, Look, redraw_on_change};
use super::data_maturity::DataMaturity;
use super::later::{Later, count_in_turns};
use super::pause::Pause;
use super::{set_if_changed, table_of};
use crate::canvas;
use crate::charts::{self, Scale, Theme};
use crate::model::{
    AreaCoverage, Counts, GoalAlignment, MatrixPoint, Outline, PhaseFigures, Quadrant, QuadrantSplit,
    Roadmap, Urgency, counts, goal_alignment, matrix_points, outline_coverage, phase_figures,
};
use crate::state::{Planner, Tone, use_planner};

/// Charts follow edits after this pause: a drag's every step stays cheap, the charts catch up
/// once it rests.
const REDRAW_DELAY_MS: u64 = 150;

/// Chart heights in CSS pixels (the coverage chart grows with the outline).
const MATRIX_HEIGHT: f64 = 420.0;
const PHASES_HEIGHT: f64 = 260.0;
const COUNTS_HEIGHT: f64 = 240.0;

/// The presentation size of the exported effort-vs-impact chart.
const EXPORT_SIZE: (u32, u32) = (1600, 900);

#[derive(Clone, Debug, Default, PartialEq)]
struct MatrixData {
    points: Vec<MatrixPoint>,
    split: QuadrantSplit,
    phase_names: Vec<String>,
}

impl MatrixData {
    fn of(roadmap: &Roadmap) -> MatrixData {
        MatrixData {
            points: matrix_points(roadmap),
            split: roadmap.quadrant_split,
            phase_names: roadmap.phases.iter().map(|phase| phase.name.clone()).collect(),
        }
    }
}

/// The numbers behind every chart, refreshed together once edits pause; each is set only when
/// it changed, so a chart redraws only when its own numbers do.
#[derive(Clone, Copy)]
struct InsightData {
    matrix: RwSignal<MatrixData>,
    phases: RwSignal<Vec<PhaseFigures>>,
    counts: RwSignal<Counts>,
    coverage: RwSignal<Vec<AreaCoverage>>,
    goals: RwSignal<GoalAlignment>,
}

impl InsightData {
    fn new(planner: Planner) -> InsightData {
        let (matrix, phases, counts_now) = planner
            .with_roadmap(|roadmap| (MatrixData::of(roadmap), phase_figures(roadmap), counts(roadmap)));
        let coverage = planner
            .catalog()
            .with_untracked(|outline| planner.with_roadmap(|roadmap| outline_coverage(outline, roadmap)));
        let data = InsightData {
            matrix: RwSignal::new(matrix),
            phases: RwSignal::new(phases),
            counts: RwSignal::new(counts_now),
            coverage: RwSignal::new(coverage),
            goals: RwSignal::new(planner.with_roadmap(goal_alignment)),
        };
        let pause = Pause::new(REDRAW_DELAY_MS);
        Effect::new(move |first: Option<()>| {
            planner.track_roadmap();
            planner.catalog().track();
            if first.is_none() {
                return;
            }
            pause.restart(move || {
                planner
                    .catalog()
                    .with_untracked(|outline| planner.with_roadmap(|roadmap| data.refresh(outline, roadmap)));
            });
        });
        data
    }

    fn refresh(&self, outline: &Outline, roadmap: &Roadmap) {
        canvas::mark_refresh();
        set_if_changed(self.coverage, outline_coverage(outline, roadmap));
        set_if_changed(self.goals, goal_alignment(roadmap));
        set_if_changed(self.matrix, MatrixData::of(roadmap));
        set_if_changed(self.phases, phase_figures(roadmap));
        set_if_changed(self.counts, counts(roadmap));
    }
}

/// The region, with its charts, tables and audit built once the page has first painted: they
/// are half of the page's elements, and the first paint shows the grid, not them.
#[component]
pub fn Insight() -> impl IntoView {
    let planner = use_planner();
    let painted = count_in_turns(1);
    view! {
        <section class="panel insight" role="region" aria-label="Insight">
            <div class="panel-head">
                <h2>"Insight"</h2>
                <span class="hint">"Charts follow every edit; each has a table of its numbers"</span>
                <button type="button" class="secondary" on:click=move |_| export_png(planner)>
                    "Export PNG"
                </button>
                <button type="button" class="secondary" on:click=move |_| export_svg(planner)>
                    "Export SVG"
                </button>
            </div>
            <Later built=painted at=1>
                <Charts/>
            </Later>
        </section>
    }
}

/// Every chart with its table, and the data-maturity audit, each built in a task of its own:
/// together they would keep the page from answering input for a long moment on a slow phone.
#[component]
fn Charts() -> impl IntoView {
    let planner = use_planner();
    let data = InsightData::new(planner);
    let look = Look::of_page();
    let built = count_in_turns(6);
    let coverage_height =
        Signal::derive(move || data.coverage.with(|coverage| charts::coverage_height(coverage)));
    view! {
        <div class="charts">
            <Later built at=1>
                <ChartFigure name="Effort vs impact chart" class="chart chart-wide" height=Signal::stored(MATRIX_HEIGHT) look
                    draw=drawing(data.matrix, |area, matrix: &MatrixData, theme, scale| {
                        let _ = charts::draw_matrix(area, &matrix.points, matrix.split, &matrix.phase_names, theme, scale);
                    })>
                    <MatrixTable data/>
                </ChartFigure>
            </Later>
            <Later built at=2>
                <ChartFigure name="Phase load chart" class="chart" height=Signal::stored(PHASES_HEIGHT) look
                    draw=drawing(data.phases, |area, phases: &Vec<PhaseFigures>, theme, scale| {
                        let _ = charts::draw_phase_load(area, phases, theme, scale);
                    })>
                    <PhaseTable data/>
                </ChartFigure>
            </Later>
            <Later built at=3>
                <ChartFigure name="Quadrant and urgency chart" class="chart" height=Signal::stored(COUNTS_HEIGHT) look
                    draw=drawing(data.counts, |area, counts: &Counts, theme, scale| {
                        let _ = charts::draw_counts(area, counts, theme, scale);
                    })>
                    <CountsTable data/>
                </ChartFigure>
            </Later>
            <Later built at=4><GoalTable data/></Later>
            <Later built at=5>
                // The outline coverage chart grows with the outline.
                <ChartFigure name="Outline coverage chart" class="chart" height=coverage_height look
                    draw=drawing(data.coverage, |area, coverage: &Vec<AreaCoverage>, theme, scale| {
                        let _ = charts::draw_coverage(area, coverage, theme, scale);
                    })>
                    <CoverageTable data/>
                </ChartFigure>
            </Later>
            <Later built at=6><DataMaturity look/></Later>
        </div>
    }
}

/// How a figure draws its chart.
type Draw = Box<dyn Fn(&ChartArea, &Theme, Scale) + Send + Sync>;

/// A chart on its canvas, with the table of the same numbers beside it.
#[component]
fn ChartFigure(
    name: &'static str,
    class: &'static str,
    height: Signal<f64>,
    look: Look,
    draw: Draw,
    children: Children,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    redraw_on_change(canvas, move || height.get(), look, draw);
    view! {
        <figure class=class>
            <canvas node_ref=canvas role="img" aria-label=name style:height=move || format!("{}px", height.get())></canvas>
            {children()}
        </figure>
    }
}

/// Draws a chart from the numbers in `numbers`, redrawn when they change.
fn drawing<T: Send + Sync + 'static>(
    numbers: RwSignal<T>,
    draw: impl Fn(&ChartArea, &T, &Theme, Scale) + Send + Sync + 'static,
) -> Draw {
    Box::new(move |area, theme, scale| numbers.with(|numbers| draw(area, numbers, theme, scale)))
}

/// The effort-vs-impact chart's table: built only while open (a portfolio may hold 10,000).
#[component]
fn MatrixTable(data: InsightData) -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <details on:toggle=move |event| {
            use wasm_bindgen::JsCast;
            let details = event.target().and_then(|target| target.dyn_into::<web_sys::HtmlDetailsElement>().ok());
            open.set(details.is_some_and(|details| details.open()));
        }>
            <summary>"Effort vs impact as a table"</summary>
            {move || {
                open.get()
                    .then(|| {
                        data.matrix.with(|matrix| {
                            let rows = matrix
                                .points
                                .iter()
                                .map(|point| {
                                    let phase = point
                                        .phase
                                        .and_then(|index| matrix.phase_names.get(index).cloned())
                                        .unwrap_or_else(|| "Unphased".to_string());
                                    let quadrant = matrix.split.quadrant(point.effort, point.impact);
                                    view! {
                                        <tr>
                                            <th scope="row">{point.title.clone()}</th>
                                            <td>{point.effort.value()}</td>
                                            <td>{point.impact.value()}</td>
                                            <td>{quadrant.label()}</td>
                                            <td>{phase}</td>
                                            <td>{point.urgency.label()}</td>
                                            <td>{if point.quick_win { "Yes" } else { "" }}</td>
                                        </tr>
                                    }
                                })
                                .collect_view();
                            let columns = ["Initiative", "Effort", "Impact", "Quadrant", "Phase", "Urgency", "Quick win"];
                            table_of(None, "Effort vs impact", &columns, rows)
                        })
                    })
            }}
        </details>
    }
}

#[component]
fn PhaseTable(data: InsightData) -> impl IntoView {
    let rows = move || {
        data.phases.with(|phases| {
            phases
                .iter()
                .map(|phase| {
                    let capacity = match (phase.capacity, phase.over_capacity()) {
                        (None, _) => "none".to_string(),
                        (Some(capacity), None) => capacity.to_string(),
                        (Some(capacity), Some(over)) => {
                            format!("{capacity} (over by {})", (over * 10.0).round() / 10.0)
                        }
                    };
                    view! {
                        <tr>
                            <th scope="row">{phase.name.clone()}</th>
                            <td>{phase.count}</td>
                            <td>{phase.effort}</td>
                            <td>{capacity}</td>
                            <td>{phase.impact}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let columns = ["Phase", "Initiatives", "Effort", "Capacity", "Impact"];
    table_of(None, "Phase load", &columns, rows)
}

#[component]
fn CountsTable(data: InsightData) -> impl IntoView {
    let rows = move || {
        data.counts.with(|counts| {
            let quadrants = Quadrant::ALL
                .iter()
                .zip(counts.quadrants)
                .map(|(quadrant, count)| (quadrant.label(), count));
            let urgencies = Urgency::ALL
                .iter()
                .zip(counts.urgencies)
                .map(|(urgency, count)| (urgency.label(), count));
            quadrants
                .chain(urgencies)
                .map(|(label, count)| {
                    view! {
                        <tr>
                            <th scope="row">{label}</th>
                            <td>{count}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let columns = ["Quadrant or urgency", "Initiatives"];
    table_of(None, "Initiatives per quadrant and per urgency", &columns, rows)
}

/// How many initiatives serving no goal are named before "and N more".
const UNALIGNED_NAMED: usize = 30;

#[component]
fn GoalTable(data: InsightData) -> impl IntoView {
    let rows = move || {
        data.goals.with(|alignment| {
            alignment
                .goals
                .iter()
                .map(|goal| {
                    let served_by = if goal.initiatives.is_empty() {
                        "⚠ served by no initiative".to_string()
                    } else {
                        goal.initiatives.join(", ")
                    };
                    view! {
                        <tr class:unserved=goal.initiatives.is_empty()>
                            <th scope="row">{goal.goal.clone()}</th>
                            <td>{goal.initiatives.len()}</td>
                            <td>{goal.effort}</td>
                            <td>{goal.impact}</td>
                            <td class="goal-initiatives">{served_by}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let serving_none = move || {
        data.goals.with(|alignment| {
            let count = alignment.serving_none.len();
            (count > 0).then(|| {
                let named = alignment
                    .serving_none
                    .iter()
                    .take(UNALIGNED_NAMED)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ");
                let more = count.saturating_sub(UNALIGNED_NAMED);
                let rest = if more > 0 {
                    format!(" and {more} more")
                } else {
                    String::new()
                };
                let initiatives = if count == 1 {
                    "initiative serves"
                } else {
                    "initiatives serve"
                };
                view! { <p class="goal-gap">{format!("{count} {initiatives} no goal: {named}{rest}.")}</p> }
            })
        })
    };
    view! {
        <div class="goal-alignment">
            {table_of(Some("goal-table"), "Goal alignment", &["Goal", "Initiatives", "Effort", "Impact", "Served by"], rows)}
            {serving_none}
        </div>
    }
}

#[component]
fn CoverageTable(data: InsightData) -> impl IntoView {
    let rows = move || {
        data.coverage.with(|coverage| {
            coverage
                .iter()
                .flat_map(|area| {
                    std::iter::once((&area.area, true)).chain(area.sub_areas.iter().map(|sub| (sub, false)))
                })
                .map(|(row, is_area)| {
                    let heading = if is_area {
                        row.heading.clone()
                    } else {
                        format!("– {}", row.heading)
                    };
                    view! {
                        <tr class:area-row=is_area>
                            <th scope="row">{heading}</th>
                            <td>{row.phased}</td>
                            <td>{row.unphased}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    table_of(None, "Outline coverage", &["Area", "Phased", "Not phased"], rows)
}

fn export_png(planner: Planner) {
    let name = super::chart_file_name(planner, "effort-vs-impact", "png");
    let matrix = planner.with_roadmap(MatrixData::of);
    let drawn = canvas::download_png(&name, EXPORT_SIZE, |area| {
        charts::draw_matrix(
            area,
            &matrix.points,
            matrix.split,
            &matrix.phase_names,
            &Theme::LIGHT,
            Scale(2.0),
        )
        .map_err(|error| error.to_string())
    });
    if let Err(reason) = drawn {
        planner.tell(Tone::Error, format!("“{name}” could not be saved: {reason}."));
    }
}

fn export_svg(planner: Planner) {
    let name = super::chart_file_name(planner, "effort-vs-impact", "svg");
    let matrix = planner.with_roadmap(MatrixData::of);
    let svg = charts::matrix_svg(&matrix.points, matrix.split, &matrix.phase_names, EXPORT_SIZE);
    match svg {
        Ok(svg) => planner.download(&name, &svg, "image/svg+xml"),
        Err(reason) => planner.tell(Tone::Error, format!("“{name}” could not be drawn: {reason}.")),
    }
}
