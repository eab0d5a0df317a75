//! The data-maturity audit: a score input per analytics level and dimension, the scale's
//! meaning, and its chart with a table of the same numbers.

use leptos::html::Canvas;
use leptos::prelude::*;

use super::chart_canvas::{Look, redraw_on_change};
use super::table_of;
use crate::charts::{self, MATURITY_HEIGHT};
use crate::model::{MATURITY_MAX, MATURITY_STEPS, MaturityAspect, MaturityGroup, parse_maturity};
use crate::state::use_planner;

/// The meaning of a score, or what an empty input means.
fn meaning(score: Option<u8>) -> &'static str {
    score.map_or("Not scored yet", |score| {
        MATURITY_STEPS[usize::from(score.min(MATURITY_MAX))]
    })
}

#[component]
pub fn DataMaturity(look: Look) -> impl IntoView {
    let planner = use_planner();
    let chart = NodeRef::<Canvas>::new();
    redraw_on_change(
        chart,
        || MATURITY_HEIGHT,
        look,
        move |area, theme, scale| {
            planner.with_maturity(|audit| {
                let _ = charts::draw_maturity(area, audit, theme, scale);
            });
        },
    );
    let steps = MATURITY_STEPS
        .iter()
        .enumerate()
        .map(|(score, step)| view! { <li><strong>{score}</strong> <span>{*step}</span></li> })
        .collect_view();
    view! {
        <section class="maturity" role="region" aria-label="Data maturity">
            <h3>"Data maturity"</h3>
            <p class="hint">
                "Where the organization stands today, from the outline's audit. Score each line from 0 to 5; leave it empty until you know."
            </p>
            <div class="maturity-body">
                <div class="maturity-inputs">
                    <AspectGroup group=MaturityGroup::Level legend="Analytics levels"/>
                    <AspectGroup group=MaturityGroup::Dimension legend="Dimensions"/>
                    <div class="maturity-scale">
                        <span class="field-label" id="maturity-scale">"The scale"</span>
                        <ol aria-labelledby="maturity-scale">{steps}</ol>
                    </div>
                </div>
                <figure class="chart chart-stacked">
                    <canvas node_ref=chart role="img" aria-label="Data maturity chart" style:height=format!("{MATURITY_HEIGHT}px")></canvas>
                    <MaturityTable/>
                </figure>
            </div>
        </section>
    }
}

#[component]
fn AspectGroup(group: MaturityGroup, legend: &'static str) -> impl IntoView {
    let rows = MaturityAspect::ALL
        .into_iter()
        .filter(|aspect| aspect.group() == group)
        .map(|aspect| view! { <AspectInput aspect/> })
        .collect_view();
    view! {
        <fieldset class="maturity-group">
            <legend>{legend}</legend>
            {rows}
        </fieldset>
    }
}

/// One aspect's score: a 0–5 number input, its meaning beneath, an error when the text is
/// not a score (the saved score stays as it was).
#[component]
fn AspectInput(aspect: MaturityAspect) -> impl IntoView {
    let planner = use_planner();
    let refused = RwSignal::new(false);
    let input_id = format!("maturity-{}", aspect.key());
    let meaning_id = format!("{input_id}-meaning");
    let error_id = format!("{input_id}-error");
    let described_by = format!("{meaning_id} {error_id}");
    view! {
        <div class="maturity-row">
            <label for=input_id.clone()>
                <span class="maturity-label">{aspect.label()}</span>
                <span class="maturity-question">{aspect.question()}</span>
            </label>
            <input
                id=input_id
                type="number"
                min="0"
                max=MATURITY_MAX.to_string()
                step="1"
                inputmode="numeric"
                aria-describedby=described_by
                aria-invalid=move || refused.get().to_string()
                prop:value=move || planner.maturity(aspect).map(|score| score.to_string()).unwrap_or_default()
                on:change=move |event| match parse_maturity(&event_target_value(&event)) {
                    Ok(score) => {
                        refused.set(false);
                        planner.edit(|roadmap| roadmap.maturity.set(aspect, score));
                    }
                    Err(_) => refused.set(true),
                }
            />
            <span class="maturity-meaning" id=meaning_id>{move || meaning(planner.maturity(aspect))}</span>
            <span class="field-error" id=error_id role="alert" hidden=move || !refused.get()>
                {move || {
                    refused
                        .get()
                        .then(|| format!("{}: {}", aspect.label(), crate::model::MaturityScoreError))
                }}
            </span>
        </div>
    }
}

#[component]
fn MaturityTable() -> impl IntoView {
    let planner = use_planner();
    let rows = move || {
        planner.with_maturity(|audit| {
            MaturityAspect::ALL
                .into_iter()
                .map(|aspect| {
                    let group = match aspect.group() {
                        MaturityGroup::Level => "Analytics level",
                        MaturityGroup::Dimension => "Dimension",
                    };
                    let score = audit.score(aspect);
                    view! {
                        <tr>
                            <th scope="row">{aspect.label()}</th>
                            <td>{group}</td>
                            <td>{score.map(|score| score.to_string()).unwrap_or_else(|| "—".to_string())}</td>
                            <td>{meaning(score)}</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    table_of(
        None,
        "Data maturity",
        &["Aspect", "Kind", "Score", "Meaning"],
        rows,
    )
}
