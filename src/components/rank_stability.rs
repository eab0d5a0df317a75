//! The Rank stability region: 2,000 seeded draws over the estimates' ranges, run in slices of a
//! few milliseconds with a progress bar (the next edit cancels a run in progress); the **Rank
//! stability chart** with its table, the close calls and what would settle each, a tornado for
//! the selected initiative, and for weighted criteria the weights that tip the top K.

use std::time::Duration;

use leptos::html::Canvas;
use leptos::prelude::*;

use super::chart_canvas::{Look, first_seen};
use super::later::{Later, count_in_turns};
use super::pause::Pause;
use super::table_of;
use crate::canvas;
use crate::charts::Theme;
use crate::model::{
    DRAWS, Framework, RankStability, StabilityRun, default_top_k, number, tornado, weight_sensitivity,
};
use crate::stability_chart::{StabilityRow, draw_rank_stability, stability_height};
use crate::state::{Planner, use_planner};

/// A new run starts once edits pause this long.
const RUN_DELAY_MS: u64 = 200;
/// Each slice of a run stops after this much main-thread time.
const SLICE_MS: f64 = 12.0;
/// Initiatives ranked per step of a slice (draws × initiatives), so a step stays short.
const DRAW_STEP_INITIATIVES: usize = 2_000;
/// Initiatives summarised per step of a slice once the draws are done.
const SUMMARY_STEP: usize = 32;
/// Table rows shown before "Show all".
const ROWS_SHOWN: usize = 20;

/// A finished run with each row's title.
#[derive(Clone, Debug, Default, PartialEq)]
struct Finished {
    stability: RankStability,
    rows: Vec<StabilityRow>,
    /// Close calls in words, with what would settle each.
    close_calls: Vec<String>,
    /// Weighted criteria: where each weight tips the top K.
    tipping: Vec<String>,
}

/// The simulation's state: the K chosen (or the default), the run in progress and the last
/// finished one.
#[derive(Clone, Copy)]
struct Simulation {
    planner: Planner,
    chosen_k: RwSignal<Option<usize>>,
    progress: RwSignal<Option<f64>>,
    finished: RwSignal<Option<Finished>>,
    /// Bumped by every new run: a slice of an older run stops when it sees a newer one.
    generation: StoredValue<u64>,
    pause: Pause,
}

impl Simulation {
    /// Runs from the first time `seen` is true: a roadmap of 10,000 is not simulated before
    /// anyone looks.
    fn new(planner: Planner, seen: Signal<bool>) -> Simulation {
        let simulation = Simulation {
            planner,
            chosen_k: RwSignal::new(None),
            progress: RwSignal::new(None),
            finished: RwSignal::new(None),
            generation: StoredValue::new(0),
            pause: Pause::new(RUN_DELAY_MS),
        };
        Effect::new(move |ran: Option<bool>| {
            planner.track_roadmap();
            simulation.chosen_k.track();
            if !seen.get() {
                return false;
            }
            if ran == Some(true) {
                simulation.start_later();
            } else {
                simulation.start();
            }
            true
        });
        simulation
    }

    /// The K in use: the chosen one, or the first phase's size.
    fn top_k(self) -> usize {
        self.chosen_k
            .get_untracked()
            .unwrap_or_else(|| self.planner.with_roadmap(default_top_k))
    }

    fn start_later(self) {
        // An edit cancels the run in progress at once, and a new one starts once edits pause.
        self.generation.update_value(|generation| *generation += 1);
        self.pause.restart(move || self.start());
    }

    fn start(self) {
        self.pause.cancel();
        self.generation.update_value(|generation| *generation += 1);
        let generation = self.generation.get_value();
        let top_k = self.top_k();
        canvas::mark("stability-start");
        canvas::mark("stability-slice-start");
        let run = self
            .planner
            .with_roadmap(|roadmap| StabilityRun::new(roadmap, top_k, DRAWS));
        canvas::measure("stability-slice", "stability-slice-start");
        self.progress.set(Some(0.0));
        set_timeout(move || self.slice(run, generation), Duration::ZERO);
    }

    /// Runs draws, then summarises initiatives, for about [`SLICE_MS`], then yields to the
    /// page and goes on, unless a newer run has started.
    fn slice(self, mut run: StabilityRun, generation: u64) {
        if self.generation.get_value() != generation {
            return;
        }
        let began = now();
        canvas::mark("stability-slice-start");
        // A draw ranks every initiative: at 10,000 one draw is a step, at 100 eight are.
        let draws = (DRAW_STEP_INITIATIVES / run.simulated_count().max(1)).clamp(1, 8);
        while !run.is_summarised() && now() - began < SLICE_MS {
            if run.is_done() {
                run.summarise(SUMMARY_STEP);
            } else {
                run.step(draws);
            }
        }
        if run.is_summarised() {
            self.finish(run);
        } else {
            self.progress.set(Some(run.progress()));
            set_timeout(move || self.slice(run, generation), Duration::ZERO);
        }
        canvas::measure("stability-slice", "stability-slice-start");
    }

    /// Finishes the run; "stability-run" measures it from its start, for the benchmark.
    fn finish(self, run: StabilityRun) {
        let stability = run.finish();
        let finished = self.planner.with_roadmap(|roadmap| {
            let title = |index: usize| roadmap.initiatives[index].display_title().to_string();
            let close: std::collections::HashSet<usize> =
                stability.close_calls.iter().map(|call| call.index).collect();
            let rows = stability
                .intervals
                .iter()
                .map(|interval| StabilityRow {
                    title: title(interval.index),
                    interval: interval.clone(),
                    close: close.contains(&interval.index),
                })
                .collect();
            let close_calls = stability
                .close_calls
                .iter()
                .map(|call| {
                    let chance = percent(call.top_chance);
                    let settle = match &call.settled_by {
                        Some((input, then)) => format!(
                            "narrowing its {input} to its likely value would settle it most ({} then)",
                            percent(*then)
                        ),
                        None => "its own estimates are exact: narrowing those of the initiatives around it would settle it".to_string(),
                    };
                    format!(
                        "{} is too close to call: {chance} chance of the top {}; {settle}.",
                        title(call.index),
                        stability.top_k
                    )
                })
                .collect();
            let tipping = weight_sensitivity(roadmap, stability.top_k)
                .into_iter()
                .enumerate()
                .map(|(criterion, tipping)| match tipping {
                    Some(tipping) => format!("{}.", tipping.sentence(roadmap, stability.top_k)),
                    None => format!(
                        "No weight of {} from 0 % to 100 % changes the top {}.",
                        roadmap.criteria[criterion].display_name(),
                        stability.top_k
                    ),
                })
                .collect();
            Finished {
                stability,
                rows,
                close_calls,
                tipping,
            }
        });
        self.progress.set(None);
        self.finished.set(Some(finished));
        canvas::measure("stability-run", "stability-start");
    }
}

fn now() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map_or_else(js_sys::Date::now, |performance| performance.now())
}

fn percent(chance: f64) -> String {
    format!("{} %", (chance * 100.0).round())
}

/// The region, built once the page has first painted.
#[component]
pub fn RankStabilityPanel() -> impl IntoView {
    let painted = count_in_turns(1);
    view! {
        <section class="panel stability" role="region" aria-label="Rank stability">
            <Later built=painted at=1>
                <StabilityBody/>
            </Later>
        </section>
    }
}

#[component]
fn StabilityBody() -> impl IntoView {
    let planner = use_planner();
    let canvas_ref = NodeRef::<Canvas>::new();
    let simulation = Simulation::new(planner, first_seen(canvas_ref));
    // The K chosen, or the default: never the finished run's (held to the initiatives scored),
    // which would overwrite what is being typed when a run ends.
    let top_k_text = move || {
        simulation.chosen_k.track();
        planner.track_membership();
        simulation.top_k().to_string()
    };
    view! {
        <div class="panel-head">
            <h2>"Rank stability"</h2>
            <label class="top-k">
                <span>"Top K"</span>
                <input type="number" min="1" step="1" aria-label="Top K" prop:value=top_k_text
                    on:change=move |event| {
                        let typed = event_target_value(&event).trim().parse::<usize>().ok().filter(|k| *k >= 1);
                        simulation.chosen_k.set(typed);
                    }/>
            </label>
            <span class="hint">{format!("{} draws over the estimates' ranges; the same roadmap always gives the same answer", number(DRAWS as f64))}</span>
        </div>
        <Progress simulation/>
        <StabilityFigure simulation canvas_ref/>
        <CloseCalls simulation/>
        <Tornado/>
    }
}

#[component]
fn Progress(simulation: Simulation) -> impl IntoView {
    move || {
        simulation.progress.get().map(|done| {
            let percent = (done * 100.0).round();
            view! {
                <div class="stability-progress" role="progressbar" aria-label="Simulating the ranking"
                    aria-valuemin="0" aria-valuemax="100" aria-valuenow=percent.to_string()>
                    <span style=format!("width:{percent}%")></span>
                </div>
            }
        })
    }
}

/// The chart and its table: every initiative's likely rank, interval and chance of the top K.
#[component]
fn StabilityFigure(simulation: Simulation, canvas_ref: NodeRef<Canvas>) -> impl IntoView {
    let look = Look::of_page();
    let height = move || {
        simulation
            .finished
            .with(|finished| stability_height(finished.as_ref().map_or(0, |finished| finished.rows.len())))
    };
    Effect::new(move |_| {
        look.track_width();
        let theme = if look.is_dark() { Theme::DARK } else { Theme::LIGHT };
        let height = height();
        simulation.finished.with(|finished| {
            let (Some(finished), Some(element)) = (finished, canvas_ref.get()) else {
                return;
            };
            if let Some((area, scale)) = canvas::fit(&element, height) {
                let _ = draw_rank_stability(&area, &finished.rows, finished.stability.top_k, &theme, scale);
            }
        });
    });
    let show_all = RwSignal::new(false);
    let rows = move || {
        simulation.finished.with(|finished| {
            let Some(finished) = finished else {
                return Vec::new();
            };
            let count = if show_all.get() {
                finished.rows.len()
            } else {
                finished.rows.len().min(ROWS_SHOWN)
            };
            finished.rows[..count]
                .iter()
                .map(|row| {
                    let interval = &row.interval;
                    let spread = if interval.low_rank == interval.high_rank {
                        interval.low_rank.to_string()
                    } else {
                        format!("{}–{}", interval.low_rank, interval.high_rank)
                    };
                    view! {
                        <tr class:is-close=row.close>
                            <th scope="row">{row.title.clone()}</th>
                            <td>{interval.likely_rank}</td>
                            <td>{spread}</td>
                            <td>{percent(interval.top_chance)}</td>
                            <td>{if row.close { "too close to call" } else { "" }}</td>
                        </tr>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let total = move || {
        simulation
            .finished
            .with(|finished| finished.as_ref().map_or(0, |finished| finished.rows.len()))
    };
    view! {
        <figure class="chart stability-figure">
            <canvas node_ref=canvas_ref role="img" aria-label="Rank stability chart" style:height=move || format!("{}px", height())></canvas>
            <div>
                {table_of(None, "Rank intervals", &["Initiative", "Likely rank", "Rank 10th–90th percentile", "Chance of the top K", "Note"], rows)}
                <p class="empty-note" hidden=move || total() != 0>"No initiative has a score yet: give them the framework's inputs."</p>
                <button type="button" class="link show-all" hidden=move || total() <= ROWS_SHOWN
                    aria-expanded=move || show_all.get().to_string()
                    on:click=move |_| show_all.update(|all| *all = !*all)>
                    {move || if show_all.get() { format!("Show the first {ROWS_SHOWN}") } else { format!("Show all {}", total()) }}
                </button>
            </div>
        </figure>
    }
}

/// The close calls and, for weighted criteria, the weights that tip the top K, in words.
#[component]
fn CloseCalls(simulation: Simulation) -> impl IntoView {
    let planner = simulation.planner;
    let weighted =
        Memo::new(move |_| planner.with_scoring(|scoring| scoring.framework == Framework::Weighted));
    move || {
        simulation.finished.with(|finished| {
            let finished = finished.as_ref()?;
            let close = if finished.close_calls.is_empty() {
                view! { <p class="hint">{format!("No close calls: every initiative is in or out of the top {} in at least 80 % of the draws.", finished.stability.top_k)}</p> }.into_any()
            } else {
                let items = finished.close_calls.iter().map(|sentence| view! { <li>{sentence.clone()}</li> }).collect_view();
                view! { <ul class="close-calls">{items}</ul> }.into_any()
            };
            let tipping = (weighted.get() && !finished.tipping.is_empty()).then(|| {
                let items = finished.tipping.iter().map(|sentence| view! { <li>{sentence.clone()}</li> }).collect_view();
                view! {
                    <h3>"Weight sensitivity"</h3>
                    <ul class="weight-tipping">{items}</ul>
                }
            });
            Some(view! {
                <div class="stability-notes" role="group" aria-label="Close calls">
                    <h3>"Close calls"</h3>
                    {close}
                    {tipping}
                </div>
            })
        })
    }
}

/// For the selected initiative: each ranged input, and its rank with that input at its low and
/// its high end (the rest at their means), the input that moves it most first.
#[component]
fn Tornado() -> impl IntoView {
    let planner = use_planner();
    let bars = Memo::new(move |_| {
        planner.track_roadmap();
        let id = planner.selected()?;
        planner.with_roadmap(|roadmap| {
            let index = roadmap
                .initiatives
                .iter()
                .position(|initiative| initiative.id == id)?;
            let title = roadmap.initiatives[index].display_title().to_string();
            let total = roadmap.initiatives.len();
            Some((title, tornado(roadmap, index), total))
        })
    });
    move || {
        bars.with(|bars| {
            let (title, bars, total) = bars.as_ref()?;
            let body = if bars.is_empty() {
                view! { <p class="hint">{format!("{title} has no estimate given as a range, so nothing moves its rank.")}</p> }.into_any()
            } else {
                let total = (*total).max(1) as f64;
                let rows = bars
                    .iter()
                    .map(|bar| {
                        let (best, worst) = (bar.rank_at_low.min(bar.rank_at_high), bar.rank_at_low.max(bar.rank_at_high));
                        let style = format!(
                            "margin-left:{:.1}%;width:{:.1}%",
                            (best as f64 - 1.0) / total * 100.0,
                            ((worst - best) as f64 + 1.0) / total * 100.0
                        );
                        view! {
                            <tr>
                                <th scope="row">{bar.input.clone()}</th>
                                <td>{bar.estimate.text()}</td>
                                <td>{bar.rank_at_low}</td>
                                <td>{bar.rank_at_high}</td>
                                <td class="tornado-cell" aria-hidden="true"><span class="tornado-bar" style=style></span></td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <table class="tornado">
                        <caption>{format!("What moves {title}'s rank most")}</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Input"</th>
                                <th scope="col">"Range"</th>
                                <th scope="col">"Rank at low"</th>
                                <th scope="col">"Rank at high"</th>
                                <th scope="col">"Swing"</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                }
                .into_any()
            };
            Some(view! { <div class="tornado-group" role="group" aria-label="Tornado">{body}</div> })
        })
    }
}
