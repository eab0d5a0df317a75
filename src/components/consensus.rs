//! The Consensus region: every participant's effort and impact per initiative, the median and
//! range, the most disputed first, and what to keep (median by default), applied as one step.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::model::{Consensus, InitiativeConsensus, InitiativeId, Keep, Spread};
use crate::state::{Tone, use_planner};

/// Rows shown at once; the rest (the least disputed) are applied all the same.
const ROWS_SHOWN: usize = 200;

fn keep_value(keep: &Keep) -> String {
    match keep {
        Keep::Median => "median".to_string(),
        Keep::MedianAndSpread => "spread".to_string(),
        Keep::Mean => "mean".to_string(),
        Keep::Participant(index) => format!("p{index}"),
    }
}

fn keep_of(value: &str) -> Keep {
    match value {
        "mean" => Keep::Mean,
        "spread" => Keep::MedianAndSpread,
        other => other
            .strip_prefix('p')
            .and_then(|index| index.parse().ok())
            .map_or(Keep::Median, Keep::Participant),
    }
}

/// The choices of what to keep: median (alone, or with the lowest to highest as its range),
/// mean, then each participant's scores.
fn keep_options(participants: &[String], chosen: Keep) -> impl IntoView + use<> {
    let options: Vec<(Keep, String)> = [
        (Keep::Median, "Median".to_string()),
        (Keep::MedianAndSpread, "Median, spread as range".to_string()),
        (Keep::Mean, "Mean".to_string()),
    ]
    .into_iter()
    .chain(
        participants
            .iter()
            .enumerate()
            .map(|(index, name)| (Keep::Participant(index), format!("{name}'s scores"))),
    )
    .collect();
    options
        .into_iter()
        .map(|(keep, label)| {
            let selected = keep == chosen;
            view! { <option value=keep_value(&keep) selected=selected>{label}</option> }
        })
        .collect_view()
}

fn range(spread: &Spread) -> String {
    if spread.min == spread.max {
        spread.min.to_string()
    } else {
        format!("{}–{}", spread.min, spread.max)
    }
}

#[component]
pub fn ConsensusPanel() -> impl IntoView {
    let planner = use_planner();
    move || {
        planner
            .consensus()
            .get()
            .map(|consensus| view! { <ConsensusRegion consensus/> })
    }
}

#[component]
fn ConsensusRegion(consensus: Consensus) -> impl IntoView {
    // The choice for all, and the rows where someone chose otherwise.
    let keep_all = RwSignal::new(Keep::Median);
    let overrides = RwSignal::new(HashMap::<InitiativeId, Keep>::new());
    let summary = merge_summary(&consensus);
    let left_out = left_out_warnings(&consensus);
    let consensus = StoredValue::new(consensus);
    view! {
        <section class="panel consensus" role="region" aria-label="Consensus">
            <div class="panel-head">
                <h2>"Consensus"</h2>
                <span class="panel-sub">{summary}</span>
            </div>
            <ul class="left-out">{left_out}</ul>
            <ConsensusActions consensus keep_all overrides/>
            <ConsensusTable consensus keep_all overrides/>
        </section>
    }
}

/// Who took part and how many initiatives were merged.
fn merge_summary(consensus: &Consensus) -> String {
    let participants = &consensus.participants;
    let count = consensus.initiatives.len();
    let names = participants.join(", ");
    match participants.len() {
        0 => "No participant's file could be merged.".to_string(),
        1 => format!("1 participant: {names}. {count} initiatives merged, most disputed first."),
        many => format!("{many} participants: {names}. {count} initiatives merged, most disputed first."),
    }
}

/// One warning per file that was left out, with the reason.
fn left_out_warnings(consensus: &Consensus) -> impl IntoView + use<> {
    consensus
        .left_out
        .iter()
        .map(|left| view! { <li>{format!("⚠ “{}” was left out: {}", left.file_name, left.reason)}</li> })
        .collect_view()
}

/// What to keep for all, Apply and Close.
#[component]
fn ConsensusActions(
    consensus: StoredValue<Consensus>,
    keep_all: RwSignal<Keep>,
    overrides: RwSignal<HashMap<InitiativeId, Keep>>,
) -> impl IntoView {
    let planner = use_planner();
    let participants = consensus.with_value(|consensus| consensus.participants.clone());
    let count = consensus.with_value(|consensus| consensus.initiatives.len());
    let apply = move |_| {
        let (all, chosen) = (keep_all.get_untracked(), overrides.get_untracked());
        planner.edit(|roadmap| {
            consensus.with_value(|consensus| {
                consensus.apply(roadmap, |id| {
                    chosen.get(id).cloned().unwrap_or_else(|| all.clone())
                })
            })
        });
        planner.close_consensus();
        planner.tell(
            Tone::Info,
            format!(
                "The merged scores of {count} initiative{} were applied. Undo brings the previous scores back.",
                if count == 1 { "" } else { "s" }
            ),
        );
    };
    view! {
        <div class="consensus-actions">
            <label class="field-inline">
                "Keep for all "
                <select
                    aria-label="Keep for all"
                    on:change=move |event| {
                        keep_all.set(keep_of(&event_target_value(&event)));
                        overrides.set(HashMap::new());
                    }
                >
                    {keep_options(&participants, Keep::Median)}
                </select>
            </label>
            <button type="button" class="primary" disabled=count == 0 on:click=apply>
                "Apply"
            </button>
            <button type="button" on:click=move |_| planner.close_consensus()>
                "Close"
            </button>
        </div>
    }
}

/// Every participant's scores per initiative, the most disputed first, each with its own
/// choice of what to keep.
#[component]
fn ConsensusTable(
    consensus: StoredValue<Consensus>,
    keep_all: RwSignal<Keep>,
    overrides: RwSignal<HashMap<InitiativeId, Keep>>,
) -> impl IntoView {
    let headings = consensus.with_value(|consensus| {
        consensus
            .participants
            .iter()
            .map(|name| view! { <th scope="col">{name.clone()}</th> })
            .collect_view()
    });
    let rows = consensus.with_value(|consensus| {
        consensus
            .initiatives
            .iter()
            .take(ROWS_SHOWN)
            .map(|row| score_row(row, &consensus.participants, keep_all, overrides))
            .collect_view()
    });
    let hidden_rows = consensus
        .with_value(|consensus| consensus.initiatives.len())
        .saturating_sub(ROWS_SHOWN);
    view! {
        <div class="consensus-table">
            <table>
                <caption>"Scores per participant (E effort · I impact)"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Initiative"</th>
                        {headings}
                        <th scope="col">"Median"</th>
                        <th scope="col">"Range"</th>
                        <th scope="col">"Disagreement"</th>
                        <th scope="col">"Keep"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
            {(hidden_rows > 0)
                .then(|| {
                    view! {
                        <p class="hint">
                            {format!("{hidden_rows} less disputed initiatives are not listed; Apply sets them too, by the choice for all.")}
                        </p>
                    }
                })}
        </div>
    }
}

/// One initiative's row: each participant's scores, the median, the range, the disagreement,
/// and what to keep for it (the choice for all until one is made here).
fn score_row(
    row: &InitiativeConsensus,
    participants: &[String],
    keep_all: RwSignal<Keep>,
    overrides: RwSignal<HashMap<InitiativeId, Keep>>,
) -> impl IntoView + use<> {
    let id = row.id.clone();
    let select_id = id.clone();
    let scores = row
        .scores
        .iter()
        .map(|scored| view! { <td>{format!("E {} · I {}", scored.effort, scored.impact)}</td> })
        .collect_view();
    let participants = participants.to_vec();
    let keep = move || {
        overrides
            .with(|overrides| overrides.get(&id).cloned())
            .unwrap_or_else(|| keep_all.get())
    };
    view! {
        <tr>
            <th scope="row">{row.title.clone()}</th>
            {scores}
            <td>{format!("E {} · I {}", row.effort.median, row.impact.median)}</td>
            <td>{format!("E {} · I {}", range(&row.effort), range(&row.impact))}</td>
            <td>{row.disagreement().to_string()}</td>
            <td>
                <select
                    aria-label=format!("Keep for {}", row.title)
                    on:change=move |event| {
                        let keep = keep_of(&event_target_value(&event));
                        overrides.update(|overrides| {
                            overrides.insert(select_id.clone(), keep);
                        });
                    }
                >
                    {move || keep_options(&participants, keep())}
                </select>
            </td>
        </tr>
    }
}
