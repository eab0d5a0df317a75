//! The Consensus region: every participant's effort and impact per initiative, the median and
//! range, the most disputed first, and what to keep (median by default), applied as one step.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::model::{Consensus, InitiativeId, Keep, Spread};
use crate::state::{Tone, use_planner};

/// Rows shown at once; the rest (the least disputed) are applied all the same.
const ROWS_SHOWN: usize = 200;

fn keep_value(keep: &Keep) -> String {
    match keep {
        Keep::Median => "median".to_string(),
        Keep::Mean => "mean".to_string(),
        Keep::Participant(index) => format!("p{index}"),
    }
}

fn keep_of(value: &str) -> Keep {
    match value {
        "mean" => Keep::Mean,
        other => other
            .strip_prefix('p')
            .and_then(|index| index.parse().ok())
            .map_or(Keep::Median, Keep::Participant),
    }
}

/// The choices of what to keep: median, mean, then each participant's scores.
fn keep_options(participants: &[String], chosen: Keep) -> impl IntoView + use<> {
    let options: Vec<(Keep, String)> = [
        (Keep::Median, "Median".to_string()),
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
    let planner = use_planner();
    let keep_all = RwSignal::new(Keep::Median);
    let overrides = RwSignal::new(HashMap::<InitiativeId, Keep>::new());
    let consensus = StoredValue::new(consensus);
    let participants = consensus.with_value(|consensus| consensus.participants.clone());
    let count = consensus.with_value(|consensus| consensus.initiatives.len());
    let keep_for = move |id: &InitiativeId| {
        overrides
            .with(|overrides| overrides.get(id).cloned())
            .unwrap_or_else(|| keep_all.get())
    };

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

    let summary = {
        let names = participants.join(", ");
        match participants.len() {
            0 => "No participant's file could be merged.".to_string(),
            1 => format!("1 participant: {names}. {count} initiatives merged, most disputed first."),
            many => format!("{many} participants: {names}. {count} initiatives merged, most disputed first."),
        }
    };
    let left_out = consensus.with_value(|consensus| {
        consensus
            .left_out
            .iter()
            .map(|left| view! { <li>{format!("⚠ “{}” was left out: {}", left.file_name, left.reason)}</li> })
            .collect_view()
    });
    let headings = participants
        .iter()
        .map(|name| view! { <th scope="col">{name.clone()}</th> })
        .collect_view();
    let rows = consensus.with_value(|consensus| {
        consensus
            .initiatives
            .iter()
            .take(ROWS_SHOWN)
            .map(|row| {
                let id = row.id.clone();
                let select_id = id.clone();
                let scores = row
                    .scores
                    .iter()
                    .map(|scored| view! { <td>{format!("E {} · I {}", scored.effort, scored.impact)}</td> })
                    .collect_view();
                let participants = consensus.participants.clone();
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
                                {move || keep_options(&participants, keep_for(&id))}
                            </select>
                        </td>
                    </tr>
                }
            })
            .collect_view()
    });
    let hidden_rows = count.saturating_sub(ROWS_SHOWN);
    let all_participants = participants.clone();

    view! {
        <section class="panel consensus" role="region" aria-label="Consensus">
            <div class="panel-head">
                <h2>"Consensus"</h2>
                <span class="panel-sub">{summary}</span>
            </div>
            <ul class="left-out">{left_out}</ul>
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
                        {keep_options(&all_participants, Keep::Median)}
                    </select>
                </label>
                <button type="button" class="primary" disabled=count == 0 on:click=apply>
                    "Apply"
                </button>
                <button type="button" on:click=move |_| planner.close_consensus()>
                    "Close"
                </button>
            </div>
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
        </section>
    }
}
