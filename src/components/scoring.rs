//! The Inspector's scoring inputs for the active framework (RICE, ICE, WSJF or the weighted
//! criteria), each named after its input, with "<name> low" and "<name> high" beside every
//! numeric one for a range, and the score's formula with its numbers.

use std::sync::Arc;

use leptos::html::Input;
use leptos::prelude::*;

use crate::model::{
    Confidence, Criterion, CriterionId, CriterionScale, Estimate, Framework, Initiative, InputBounds,
    JobSize, RiceImpact, T_SHIRTS, WSJF_SCALE, framework_score, number, parse_estimate,
    proposed_time_criticality,
};
use crate::state::Planner;

/// The selected initiative, as the Inspector reads it.
type Current = Memo<Option<Arc<Initiative>>>;

/// Changes the selected initiative's inputs as one undo step (its mark follows, where the
/// grid's axes come from the framework).
fn change_selected(planner: Planner, change: impl FnOnce(&mut Initiative)) {
    if let Some(id) = planner.selected_untracked() {
        super::priority::edit_scoring(planner, |roadmap| {
            roadmap.update_initiative(&id, change);
        });
    }
}

/// The roadmap's framework settings, waking only when they change.
#[derive(Clone, Copy)]
struct Settings {
    framework: Memo<Framework>,
    criteria: Memo<Vec<Criterion>>,
}

impl Settings {
    fn of(planner: Planner) -> Settings {
        Settings {
            framework: Memo::new(move |_| planner.with_scoring(|scoring| scoring.framework)),
            criteria: Memo::new(move |_| planner.with_scoring(|scoring| scoring.criteria.clone())),
        }
    }
}

const TEN: InputBounds = InputBounds {
    least: 1.0,
    most: 10.0,
    open: false,
};
const TWENTY: InputBounds = InputBounds {
    least: 1.0,
    most: 20.0,
    open: false,
};

/// The framework's inputs for the selected initiative; nothing for "Effort vs impact", whose
/// inputs are Effort and Impact above.
#[component]
pub(super) fn ScoringFields(planner: Planner, current: Current) -> impl IntoView {
    let settings = Settings::of(planner);
    let formula = Memo::new(move |_| {
        // Every setting counts: ICE as an average changes the formula as much as the framework.
        planner.with_scoring(|_| ());
        current.with(|initiative| {
            let initiative = initiative.as_deref()?;
            Some(
                planner.with_roadmap(|roadmap| match framework_score(roadmap, initiative) {
                    Ok(score) => score.formula,
                    Err(missing) => format!("{}: {missing}", roadmap.framework.label()),
                }),
            )
        })
    });
    move || {
        let framework = settings.framework.get();
        let fields = match framework {
            Framework::EffortImpact => return None,
            Framework::Rice => rice_fields(planner, current).into_any(),
            Framework::Ice => ice_fields(planner, current).into_any(),
            Framework::Wsjf => wsjf_fields(planner, current).into_any(),
            Framework::Weighted => view! { <CriteriaFields planner current settings/> }.into_any(),
        };
        Some(view! {
            <fieldset class="scoring">
                <legend>{format!("Scoring: {}", framework.label())}</legend>
                {fields}
                <p class="formula" aria-live="polite">{move || formula.get()}</p>
            </fieldset>
        })
    }
}

fn rice_fields(planner: Planner, current: Current) -> impl IntoView {
    let reach = InputBounds {
        least: 0.0,
        most: f64::INFINITY,
        open: false,
    };
    let months = InputBounds {
        least: 0.0,
        most: f64::INFINITY,
        open: true,
    };
    view! {
        <EstimateField planner current name="Reach" bounds=reach
            get=|initiative| initiative.rice.reach set=|initiative, value| initiative.rice.reach = value/>
        <ChoiceField planner current name="RICE impact"
            choices=RiceImpact::ALL.map(|impact| (impact.value().to_string(), impact.label().to_string())).to_vec()
            chosen=|initiative| initiative.rice.impact.map(|impact| impact.value().to_string())
            choose=|initiative, value| initiative.rice.impact = value.parse().ok().and_then(RiceImpact::from_value)/>
        <ChoiceField planner current name="Confidence"
            choices=Confidence::ALL.map(|confidence| (confidence.percent().to_string(), format!("{}%", confidence.percent()))).to_vec()
            chosen=|initiative| initiative.rice.confidence.map(|confidence| confidence.percent().to_string())
            choose=|initiative, value| initiative.rice.confidence = value.parse().ok().and_then(Confidence::from_percent)/>
        <EstimateField planner current name="Effort (person-months)" bounds=months
            get=|initiative| initiative.rice.effort set=|initiative, value| initiative.rice.effort = value/>
    }
}

fn ice_fields(planner: Planner, current: Current) -> impl IntoView {
    view! {
        <EstimateField planner current name="ICE impact" bounds=TEN
            get=|initiative| initiative.ice.impact set=|initiative, value| initiative.ice.impact = value/>
        <EstimateField planner current name="ICE confidence" bounds=TEN
            get=|initiative| initiative.ice.confidence set=|initiative, value| initiative.ice.confidence = value/>
        <EstimateField planner current name="Ease" bounds=TEN
            get=|initiative| initiative.ice.ease set=|initiative, value| initiative.ice.ease = value/>
    }
}

fn wsjf_fields(planner: Planner, current: Current) -> impl IntoView {
    let proposed = Signal::derive(move || {
        current.with(|initiative| {
            initiative
                .as_deref()
                .map(|initiative| format!("proposed {}", number(proposed_time_criticality(initiative))))
        })
    });
    view! {
        <EstimateField planner current name="Business value" bounds=TWENTY
            get=|initiative| initiative.wsjf.business_value set=|initiative, value| initiative.wsjf.business_value = value/>
        <EstimateField planner current name="Time criticality" bounds=TWENTY proposed
            get=|initiative| initiative.wsjf.time_criticality set=|initiative, value| initiative.wsjf.time_criticality = value/>
        <EstimateField planner current name="Risk reduction" bounds=TWENTY
            get=|initiative| initiative.wsjf.risk_reduction set=|initiative, value| initiative.wsjf.risk_reduction = value/>
        <ChoiceField planner current name="Job size"
            choices=WSJF_SCALE.map(|size| (size.to_string(), size.to_string())).to_vec()
            chosen=|initiative| initiative.wsjf.job_size.map(|size| size.value().to_string())
            choose=|initiative, value| initiative.wsjf.job_size = value.parse().ok().and_then(JobSize::new)/>
    }
}

/// One input per weighted criterion, on its own scale.
#[component]
fn CriteriaFields(planner: Planner, current: Current, settings: Settings) -> impl IntoView {
    move || {
        let criteria = settings.criteria.get();
        if criteria.is_empty() {
            return view! { <p class="hint">"Add criteria in the Priority region to score against them."</p> }.into_any();
        }
        criteria
            .into_iter()
            .map(|criterion| view! { <CriterionField planner current criterion/> })
            .collect_view()
            .into_any()
    }
}

#[component]
fn CriterionField(planner: Planner, current: Current, criterion: Criterion) -> impl IntoView {
    let name = criterion.display_name().to_string();
    let value = {
        let id = criterion.id.clone();
        Signal::derive(move || {
            current.with(|initiative| {
                initiative
                    .as_ref()
                    .and_then(|initiative| initiative.criteria.get(&id).copied())
            })
        })
    };
    let set = {
        let id = criterion.id.clone();
        Callback::new(move |value: Option<Estimate>| set_criterion(planner, &id, value))
    };
    match criterion.scale {
        CriterionScale::TShirt | CriterionScale::YesNo => {
            let choices: Vec<(String, String)> = match criterion.scale {
                CriterionScale::TShirt => (1..=5)
                    .map(|size| (size.to_string(), T_SHIRTS[size - 1].to_string()))
                    .collect(),
                _ => vec![
                    ("1".to_string(), "Yes".to_string()),
                    ("0".to_string(), "No".to_string()),
                ],
            };
            let chosen = Signal::derive(move || value.get().map(|value| number(value.likely)));
            let choose =
                Callback::new(move |typed: String| set.run(typed.parse::<f64>().ok().map(Estimate::point)));
            view! { <Choice name choices chosen choose/> }.into_any()
        }
        scale => {
            let (least, most) = scale.bounds();
            let bounds = InputBounds {
                least,
                most,
                open: false,
            };
            view! { <EstimateInputs name bounds value set proposed=Signal::stored(None)/> }.into_any()
        }
    }
}

fn set_criterion(planner: Planner, id: &CriterionId, value: Option<Estimate>) {
    let id = id.clone();
    change_selected(planner, move |initiative| match value {
        Some(value) => {
            let _ = initiative.criteria.insert(id, value);
        }
        None => {
            let _ = initiative.criteria.remove(&id);
        }
    });
}

/// A numeric input of a field of the initiative.
#[component]
fn EstimateField(
    planner: Planner,
    current: Current,
    name: &'static str,
    bounds: InputBounds,
    get: fn(&Initiative) -> Option<Estimate>,
    set: fn(&mut Initiative, Option<Estimate>),
    #[prop(optional, into)] proposed: Signal<Option<String>>,
) -> impl IntoView {
    let value = Signal::derive(move || current.with(|initiative| initiative.as_deref().and_then(get)));
    let set = Callback::new(move |value: Option<Estimate>| {
        change_selected(planner, |initiative| set(initiative, value))
    });
    view! { <EstimateInputs name=name.to_string() bounds value set proposed/> }
}

/// A likely value with its range's low and high ends beside it; blank ends make it a point.
#[component]
fn EstimateInputs(
    name: String,
    bounds: InputBounds,
    value: Signal<Option<Estimate>>,
    set: Callback<Option<Estimate>>,
    proposed: Signal<Option<String>>,
) -> impl IntoView {
    let (likely, low, high) = (
        NodeRef::<Input>::new(),
        NodeRef::<Input>::new(),
        NodeRef::<Input>::new(),
    );
    let error = RwSignal::new(None::<String>);
    let on_change = {
        let name = name.clone();
        move |_| {
            let typed = [likely, low, high].map(|input| {
                input
                    .get_untracked()
                    .map(|input| input.value())
                    .unwrap_or_default()
            });
            match parse_estimate(&name, [&typed[0], &typed[1], &typed[2]], bounds) {
                Ok(estimate) => {
                    error.set(None);
                    set.run(estimate);
                }
                Err(refusal) => error.set(Some(refusal.to_string())),
            }
        }
    };
    let shown = move |end: fn(&Estimate) -> f64, only_ranges: bool| {
        value
            .get()
            .filter(|value| !only_ranges || value.is_range())
            .map(|value| plain(end(&value)))
            .unwrap_or_default()
    };
    let step = if bounds.most.is_finite() && bounds.most <= 20.0 {
        "0.5"
    } else {
        "any"
    };
    let min = bounds.least.to_string();
    let max = bounds.most.is_finite().then(|| bounds.most.to_string());
    view! {
        <div class="field estimate-field">
            <span class="field-label">{name.clone()}</span>
            <div class="estimate-inputs">
                <input node_ref=likely type="number" step=step min=min.clone() max=max.clone()
                    inputmode="decimal" aria-label=name.clone() placeholder=move || proposed.get().unwrap_or_default()
                    aria-invalid=move || error.with(Option::is_some).to_string()
                    prop:value=move || shown(|value| value.likely, false) on:change=on_change.clone()/>
                <input node_ref=low class="range-end" type="number" step=step min=min.clone() max=max.clone() inputmode="decimal"
                    aria-label=format!("{name} low") placeholder="low"
                    prop:value=move || shown(|value| value.low, true) on:change=on_change.clone()/>
                <input node_ref=high class="range-end" type="number" step=step min=min max=max inputmode="decimal"
                    aria-label=format!("{name} high") placeholder="high"
                    prop:value=move || shown(|value| value.high, true) on:change=on_change/>
            </div>
            <span class="field-error" role="alert" hidden=move || error.with(Option::is_none)>{move || error.get()}</span>
        </div>
    }
}

/// A number as an input's value: no separators, no trailing zeros.
fn plain(value: f64) -> String {
    value.to_string()
}

/// A select over a fixed set of values of a field of the initiative.
#[component]
fn ChoiceField(
    planner: Planner,
    current: Current,
    name: &'static str,
    choices: Vec<(String, String)>,
    chosen: fn(&Initiative) -> Option<String>,
    choose: fn(&mut Initiative, &str),
) -> impl IntoView {
    let chosen = Signal::derive(move || current.with(|initiative| initiative.as_deref().and_then(chosen)));
    let choose =
        Callback::new(move |value: String| change_selected(planner, |initiative| choose(initiative, &value)));
    view! { <Choice name=name.to_string() choices chosen choose/> }
}

/// A labelled select with "—" for no value yet.
#[component]
fn Choice(
    name: String,
    choices: Vec<(String, String)>,
    chosen: Signal<Option<String>>,
    choose: Callback<String>,
) -> impl IntoView {
    let options = choices
        .into_iter()
        .map(|(value, label)| {
            let selected = {
                let value = value.clone();
                move || chosen.get().as_deref() == Some(value.as_str())
            };
            view! { <option value=value selected=selected>{label}</option> }
        })
        .collect_view();
    view! {
        <label class="field">
            <span class="field-label">{name}</span>
            <select
                prop:value=move || chosen.get().unwrap_or_default()
                on:change=move |event| choose.run(event_target_value(&event))
            >
                <option value="" selected=move || chosen.get().is_none()>"—"</option>
                {options}
            </select>
        </label>
    }
}
