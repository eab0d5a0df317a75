//! The Priority region: the Framework select (switching is one undo step), the ICE and weighted
//! criteria settings, and every initiative ranked with its score and its formula with numbers,
//! sortable by column and reachable by keyboard.

use super::pause::Pause;
use super::set_if_changed;

use leptos::prelude::*;

use crate::model::{
    Criterion, CriterionId, CriterionScale, Direction, Framework, RankedInitiative, Roadmap, axes_mapping,
    number, rank_initiatives,
};
use crate::state::{Planner, Tone, use_planner};

/// The ranking follows edits after this pause, so a drag's steps stay cheap.
const RANK_DELAY_MS: u64 = 100;
/// Rows shown before "Show all".
const ROWS_SHOWN: usize = 20;

/// One row as shown: what the table sorts and prints.
#[derive(Clone, Debug, PartialEq)]
struct PriorityRow {
    id: crate::model::InitiativeId,
    title: String,
    rank: Option<usize>,
    score: Option<f64>,
    /// The formula with its numbers, or "needs …".
    formula: String,
}

impl PriorityRow {
    /// Everything the row shows: a row is rebuilt only when something in it changed.
    fn key(
        &self,
    ) -> (
        crate::model::InitiativeId,
        Option<usize>,
        String,
        Option<u64>,
        String,
    ) {
        (
            self.id.clone(),
            self.rank,
            self.title.clone(),
            self.score.map(f64::to_bits),
            self.formula.clone(),
        )
    }

    fn of(roadmap: &Roadmap, line: RankedInitiative) -> PriorityRow {
        let initiative = &roadmap.initiatives[line.index];
        let (score, formula) = match line.score {
            Ok(score) => (Some(score.value), score.formula),
            Err(missing) => (None, missing.to_string()),
        };
        PriorityRow {
            id: initiative.id.clone(),
            title: initiative.display_title().to_string(),
            rank: line.rank,
            score,
            formula,
        }
    }
}

/// The column the table is sorted by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SortBy {
    Rank,
    Initiative,
    Score,
}

impl SortBy {
    fn label(self) -> &'static str {
        match self {
            SortBy::Rank => "Rank",
            SortBy::Initiative => "Initiative",
            SortBy::Score => "Score",
        }
    }
}

/// The sort: a column and whether it runs backwards.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Sort {
    by: SortBy,
    descending: bool,
}

/// The ranked rows, refreshed once edits pause.
fn ranked_rows(planner: Planner) -> RwSignal<Vec<PriorityRow>> {
    // "priority-ranked" measures scoring and ranking every initiative, for the benchmark.
    let rank = move || {
        crate::canvas::mark("priority-rank");
        let rows = planner.with_roadmap(|roadmap| {
            rank_initiatives(roadmap)
                .into_iter()
                .map(|line| PriorityRow::of(roadmap, line))
                .collect::<Vec<_>>()
        });
        crate::canvas::measure("priority-ranked", "priority-rank");
        rows
    };
    let rows = RwSignal::new(rank());
    let pause = Pause::new(RANK_DELAY_MS);
    Effect::new(move |first: Option<()>| {
        planner.track_roadmap();
        if first.is_some() {
            pause.restart(move || set_if_changed(rows, rank()));
        }
    });
    rows
}

/// A change to how initiatives are scored, as one undo step; where the grid's axes come from
/// the framework, the marks follow in the same step.
pub(super) fn edit_scoring(planner: Planner, change: impl FnOnce(&mut Roadmap)) {
    planner.edit(|roadmap| {
        change(roadmap);
        roadmap.follow_framework_axes();
    });
}

#[component]
pub fn Priority() -> impl IntoView {
    let planner = use_planner();
    let framework = Memo::new(move |_| planner.with_scoring(|scoring| scoring.framework));
    view! {
        <section class="panel priority" role="region" aria-label="Priority">
            <div class="panel-head">
                <h2>"Priority"</h2>
                <FrameworkSelect framework/>
                <span class="hint">"Every initiative ranked by the framework, with its formula"</span>
            </div>
            {move || (framework.get() != Framework::EffortImpact).then(|| view! { <FrameworkAxes framework/> })}
            {move || match framework.get() {
                Framework::Ice => Some(view! { <IceAverage/> }.into_any()),
                Framework::Weighted => Some(view! { <CriteriaEditor/> }.into_any()),
                _ => None,
            }}
            <PriorityTable/>
        </section>
    }
}

/// "Framework": switching is one undo step.
#[component]
fn FrameworkSelect(framework: Memo<Framework>) -> impl IntoView {
    let planner = use_planner();
    view! {
        <label class="framework-field">
            <span>"Framework"</span>
            <select
                prop:value=move || framework.get().key()
                on:change=move |event| {
                    if let Some(chosen) = Framework::from_key(&event_target_value(&event)) {
                        edit_scoring(planner, |roadmap| roadmap.framework = chosen);
                    }
                }
            >
                {Framework::ALL.map(|option| {
                    view! { <option value=option.key() selected=move || framework.get() == option>{option.label()}</option> }
                })}
            </select>
        </label>
    }
}

/// "Grid axes from the framework": one undo step either way, with the mapping stated.
#[component]
fn FrameworkAxes(framework: Memo<Framework>) -> impl IntoView {
    let planner = use_planner();
    let following = Memo::new(move |_| planner.with_scoring(|scoring| scoring.axes_from_framework));
    view! {
        <div class="framework-axes">
            <label>
                <input type="checkbox" prop:checked=move || following.get()
                    on:change=move |event| {
                        let checked = event_target_checked(&event);
                        edit_scoring(planner, |roadmap| roadmap.axes_from_framework = checked);
                    }/>
                "Grid axes from the framework"
            </label>
            <p class="hint">
                {move || axes_mapping(framework.get()).unwrap_or_default()}
                {move || following.get().then_some(" Dragging a mark sets its effort and impact by hand until its inputs change.")}
            </p>
        </div>
    }
}

/// ICE as the product of its inputs (the usual form) or their average, named as such.
#[component]
fn IceAverage() -> impl IntoView {
    let planner = use_planner();
    let average = Memo::new(move |_| planner.with_scoring(|scoring| scoring.ice_average));
    view! {
        <label class="ice-average">
            <input type="checkbox" prop:checked=move || average.get()
                on:change=move |event| {
                    let checked = event_target_checked(&event);
                    edit_scoring(planner, |roadmap| roadmap.ice_average = checked);
                }/>
            "Score ICE as the average of its inputs instead of their product"
        </label>
    }
}

/// The weighted criteria: name, weight, direction and fixed scale each; add and remove.
#[component]
fn CriteriaEditor() -> impl IntoView {
    let planner = use_planner();
    let criteria = Memo::new(move |_| {
        planner.with_scoring(|scoring| {
            scoring
                .criteria
                .iter()
                .map(|criterion| criterion.id.clone())
                .collect::<Vec<_>>()
        })
    });
    view! {
        <div class="criteria" role="group" aria-label="Weighted criteria">
            <p class="hint">
                "Each value is placed on its criterion's fixed scale (never against other initiatives), \
                 costs count the other way, and weights are shares of their sum."
            </p>
            <ul class="criteria-list">
                <For each=move || criteria.get() key=|id| id.clone() let:id>
                    <CriterionRow id/>
                </For>
            </ul>
            <button type="button" class="secondary" on:click=move |_| {
                edit_scoring(planner, |roadmap| {
                    roadmap.add_criterion();
                });
            }>"Add criterion"</button>
        </div>
    }
}

/// A scale's select value and back.
fn scale_key(scale: CriterionScale) -> &'static str {
    match scale {
        CriterionScale::OneToTen => "one_to_ten",
        CriterionScale::Percent => "percent",
        CriterionScale::Money { .. } => "money",
        CriterionScale::TShirt => "t_shirt",
        CriterionScale::YesNo => "yes_no",
    }
}

/// The most of a money scale when it is first chosen.
const MONEY_MOST: f64 = 1_000_000.0;

fn scale_from_key(key: &str, before: CriterionScale) -> Option<CriterionScale> {
    Some(match key {
        "one_to_ten" => CriterionScale::OneToTen,
        "percent" => CriterionScale::Percent,
        "money" => match before {
            CriterionScale::Money { most } => CriterionScale::Money { most },
            _ => CriterionScale::Money { most: MONEY_MOST },
        },
        "t_shirt" => CriterionScale::TShirt,
        "yes_no" => CriterionScale::YesNo,
        _ => return None,
    })
}

/// One criterion's settings; each change is one undo step, and a bad weight or amount is
/// refused in words.
#[component]
fn CriterionRow(id: CriterionId) -> impl IntoView {
    let planner = use_planner();
    let criterion = {
        let id = id.clone();
        Memo::new(move |_| {
            planner.with_scoring(|scoring| {
                scoring
                    .criteria
                    .iter()
                    .find(|criterion| criterion.id == id)
                    .cloned()
            })
        })
    };
    let read = move |field: fn(&Criterion) -> String| {
        criterion.with(|criterion| criterion.as_ref().map(field).unwrap_or_default())
    };
    let name = move || read(|criterion| criterion.display_name().to_string());
    let edit = CriterionEdit { planner, id };
    let money_most = move || {
        criterion.with(
            |criterion| match criterion.as_ref().map(|criterion| criterion.scale) {
                Some(CriterionScale::Money { most }) => Some(most),
                _ => None,
            },
        )
    };
    let direction = move || read(|criterion| direction_key(criterion.direction).to_string());
    let scale = move || read(|criterion| scale_key(criterion.scale).to_string());
    let (rename, reweigh, redirect, rescale, remost, remove) = (
        edit.clone(),
        edit.clone(),
        edit.clone(),
        edit.clone(),
        edit.clone(),
        edit,
    );
    view! {
        <li class="criterion">
            <input type="text" aria-label=move || format!("Name of {}", name()) prop:value=move || read(|criterion| criterion.name.clone())
                on:change=move |event| rename.rename(event_target_value(&event))/>
            <label class="criterion-weight">
                <span>"Weight"</span>
                <input type="number" min="0" step="1" aria-label=move || format!("{} weight", name())
                    prop:value=move || read(|criterion| criterion.weight.to_string())
                    on:change=move |event| reweigh.reweigh(&event_target_value(&event), &name())/>
            </label>
            <select aria-label=move || format!("{} direction", name()) prop:value=direction
                on:change=move |event| redirect.redirect(&event_target_value(&event))>
                <option value="benefit" selected=move || direction() == "benefit">"Benefit"</option>
                <option value="cost" selected=move || direction() == "cost">"Cost"</option>
            </select>
            <select aria-label=move || format!("{} scale", name()) prop:value=scale
                on:change=move |event| rescale.rescale(event_target_value(&event))>
                {SCALES.map(|(key, label)| view! { <option value=key selected=move || scale() == key>{label}</option> })}
            </select>
            {move || money_most().map(|most| {
                let remost = remost.clone();
                view! {
                    <label class="criterion-weight">
                        <span>"up to"</span>
                        <input type="number" min="0" step="any" aria-label=format!("{} most", name()) prop:value=most.to_string()
                            on:change=move |event| remost.remost(&event_target_value(&event), &name())/>
                    </label>
                }
            })}
            <button type="button" class="icon danger-icon" aria-label=move || format!("Remove {}", name()) title="Remove criterion"
                on:click=move |_| remove.remove()>"×"</button>
        </li>
    }
}

/// The scales a criterion can have, as the scale select offers them.
const SCALES: [(&str, &str); 5] = [
    ("one_to_ten", "1–10"),
    ("percent", "Percent"),
    ("money", "Money"),
    ("t_shirt", "T-shirt XS–XL"),
    ("yes_no", "Yes/no"),
];

fn direction_key(direction: Direction) -> &'static str {
    match direction {
        Direction::Cost => "cost",
        Direction::Benefit => "benefit",
    }
}

/// The changes a criterion's row makes, each one undo step.
#[derive(Clone)]
struct CriterionEdit {
    planner: Planner,
    id: CriterionId,
}

impl CriterionEdit {
    fn update(&self, change: impl FnOnce(&mut Criterion)) {
        edit_scoring(self.planner, |roadmap| {
            roadmap.update_criterion(&self.id, change);
        });
    }

    fn rename(&self, typed: String) {
        self.update(move |criterion| criterion.name = typed);
    }

    fn reweigh(&self, typed: &str, name: &str) {
        match typed.trim().replace(',', ".").parse::<f64>() {
            Ok(weight) if weight.is_finite() && weight >= 0.0 => {
                self.update(move |criterion| criterion.weight = weight)
            }
            _ => self.planner.tell(
                Tone::Error,
                format!("The weight of {name} must be a number of 0 or more."),
            ),
        }
    }

    fn redirect(&self, key: &str) {
        let direction = if key == "cost" {
            Direction::Cost
        } else {
            Direction::Benefit
        };
        self.update(move |criterion| criterion.direction = direction);
    }

    fn rescale(&self, key: String) {
        self.update(move |criterion| {
            if let Some(scale) = scale_from_key(&key, criterion.scale) {
                criterion.scale = scale;
            }
        });
    }

    fn remost(&self, typed: &str, name: &str) {
        match typed.trim().replace([',', ' '], "").parse::<f64>() {
            Ok(most) if most.is_finite() && most > 0.0 => {
                self.update(move |criterion| criterion.scale = CriterionScale::Money { most })
            }
            _ => self.planner.tell(
                Tone::Error,
                format!("The most of {name} must be an amount above 0."),
            ),
        }
    }

    fn remove(&self) {
        edit_scoring(self.planner, |roadmap| {
            roadmap.remove_criterion(&self.id);
        });
    }
}

/// The ranked table: sortable by rank, initiative or score; the first rows, then "Show all".
#[component]
fn PriorityTable() -> impl IntoView {
    let planner = use_planner();
    let rows = ranked_rows(planner);
    let sort = RwSignal::new(Sort {
        by: SortBy::Rank,
        descending: false,
    });
    let show_all = RwSignal::new(false);
    let sorted = Memo::new(move |_| sorted_rows(rows.get(), sort.get()));
    let shown = move || {
        sorted.with(|sorted| {
            let count = if show_all.get() {
                sorted.len()
            } else {
                sorted.len().min(ROWS_SHOWN)
            };
            sorted[..count].to_vec()
        })
    };
    let header = move |by: SortBy| view! { <SortHeader by sort/> };
    let total = move || rows.with(Vec::len);
    view! {
        <table class="priority-table">
            <caption>"Initiatives by priority"</caption>
            <thead>
                <tr>
                    {header(SortBy::Rank)}
                    {header(SortBy::Initiative)}
                    {header(SortBy::Score)}
                    <th scope="col">"Formula"</th>
                </tr>
            </thead>
            <tbody>
                <For each=shown key=PriorityRow::key let:row>
                    <PriorityLine row/>
                </For>
            </tbody>
        </table>
        <p class="empty-note" hidden=move || total() != 0>"No initiatives yet: add some from the catalog or with New initiative."</p>
        <button type="button" class="link show-all" hidden=move || total() <= ROWS_SHOWN
            aria-expanded=move || show_all.get().to_string()
            on:click=move |_| show_all.update(|all| *all = !*all)>
            {move || if show_all.get() { format!("Show the first {ROWS_SHOWN}") } else { format!("Show all {}", total()) }}
        </button>
    }
}

/// The rows in the order `sort` asks for. Ranked order is the rows' own; unscored rows stay
/// last either way.
fn sorted_rows(mut rows: Vec<PriorityRow>, Sort { by, descending }: Sort) -> Vec<PriorityRow> {
    match by {
        SortBy::Rank | SortBy::Score => {
            if descending != (by == SortBy::Score) {
                let scored = rows.iter().filter(|row| row.rank.is_some()).count();
                rows[..scored].reverse();
            }
        }
        SortBy::Initiative => {
            rows.sort_by(|a, b| {
                a.title
                    .to_lowercase()
                    .cmp(&b.title.to_lowercase())
                    .then(a.rank.cmp(&b.rank))
            });
            if descending {
                rows.reverse();
            }
        }
    }
    rows
}

/// A column header that sorts by its column; pressed again, it reverses the order.
#[component]
fn SortHeader(by: SortBy, sort: RwSignal<Sort>) -> impl IntoView {
    let aria_sort = move || {
        let current = sort.get();
        match (current.by == by, current.descending) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        }
    };
    let resort = move |_| {
        sort.update(|sort| {
            *sort = if sort.by == by {
                Sort {
                    by,
                    descending: !sort.descending,
                }
            } else {
                Sort {
                    by,
                    descending: by == SortBy::Score,
                }
            };
        })
    };
    view! {
        <th scope="col" aria-sort=aria_sort>
            <button type="button" class="link sort-button" on:click=resort>{by.label()}</button>
        </th>
    }
}

#[component]
fn PriorityLine(row: PriorityRow) -> impl IntoView {
    let planner = use_planner();
    let id = row.id.clone();
    let select = move |_| planner.select(Some(id.clone()));
    let rank = row.rank.map_or_else(|| "—".to_string(), |rank| rank.to_string());
    let score = row.score.map_or_else(|| "—".to_string(), number);
    view! {
        <tr class:is-unscored=row.rank.is_none()>
            <td>{rank}</td>
            <th scope="row"><button type="button" class="link" on:click=select>{row.title}</button></th>
            <td class="score-cell">{score}</td>
            <td class="formula-cell">{row.formula}</td>
        </tr>
    }
}
