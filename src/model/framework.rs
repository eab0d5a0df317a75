//! Scoring frameworks beyond two axes: RICE, ICE, WSJF and the user's weighted criteria, each a
//! formula over named inputs on fixed scales, shown with its numbers. A score reads only its own
//! initiative (and the roadmap's settings), never another initiative, so adding one never
//! changes another's score. Any numeric input may be a range (low, likely, high); the score
//! uses its PERT mean.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, Deserializer};
use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};

use super::{Initiative, Roadmap, Urgency};

/// The roadmap's active framework. "Effort vs impact" is the default and today's behaviour.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Framework {
    #[default]
    EffortImpact,
    Rice,
    Ice,
    Wsjf,
    Weighted,
}

impl Framework {
    pub const ALL: [Framework; 5] = [
        Framework::EffortImpact,
        Framework::Rice,
        Framework::Ice,
        Framework::Wsjf,
        Framework::Weighted,
    ];

    /// The name the Framework select shows.
    pub fn label(self) -> &'static str {
        match self {
            Framework::EffortImpact => "Effort vs impact",
            Framework::Rice => "RICE",
            Framework::Ice => "ICE",
            Framework::Wsjf => "WSJF",
            Framework::Weighted => "Weighted criteria",
        }
    }

    /// The file format's name for it (also the select's option value).
    pub fn key(self) -> &'static str {
        match self {
            Framework::EffortImpact => "effort_impact",
            Framework::Rice => "rice",
            Framework::Ice => "ice",
            Framework::Wsjf => "wsjf",
            Framework::Weighted => "weighted",
        }
    }

    pub fn from_key(key: &str) -> Option<Framework> {
        Framework::ALL
            .into_iter()
            .find(|framework| framework.key() == key)
    }

    pub fn is_default(&self) -> bool {
        *self == Framework::EffortImpact
    }
}

/// A numeric estimate: one value (low = likely = high), or a range low ≤ likely ≤ high.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Estimate {
    pub low: f64,
    pub likely: f64,
    pub high: f64,
}

/// A range whose ends are out of order, or a value that is not a finite number.
#[derive(Clone, Copy, Debug, PartialEq, thiserror::Error)]
pub enum EstimateError {
    #[error("low, likely and high must be numbers")]
    NotANumber,
    #[error("low {low} is above likely {likely}")]
    LowAboveLikely { low: f64, likely: f64 },
    #[error("high {high} is below likely {likely}")]
    HighBelowLikely { high: f64, likely: f64 },
}

impl Estimate {
    pub fn point(value: f64) -> Estimate {
        Estimate {
            low: value,
            likely: value,
            high: value,
        }
    }

    /// A range; refused when the ends are out of order.
    pub fn new(low: f64, likely: f64, high: f64) -> Result<Estimate, EstimateError> {
        if !(low.is_finite() && likely.is_finite() && high.is_finite()) {
            return Err(EstimateError::NotANumber);
        }
        if low > likely {
            return Err(EstimateError::LowAboveLikely { low, likely });
        }
        if high < likely {
            return Err(EstimateError::HighBelowLikely { high, likely });
        }
        Ok(Estimate { low, likely, high })
    }

    pub fn is_range(&self) -> bool {
        self.low != self.likely || self.high != self.likely
    }

    /// The PERT mean (low + 4 × likely + high) ÷ 6; the value itself for a point.
    pub fn mean(&self) -> f64 {
        if self.is_range() {
            (self.low + 4.0 * self.likely + self.high) / 6.0
        } else {
            self.likely
        }
    }

    /// Whether every end lies within `least..=most`.
    pub fn lies_within(&self, least: f64, most: f64) -> bool {
        self.low >= least && self.high <= most
    }

    /// "2,000" or "1,500–2,000–3,000": the likely value, or the range's three values.
    pub fn text(&self) -> String {
        if self.is_range() {
            format!(
                "{}–{}–{}",
                number(self.low),
                number(self.likely),
                number(self.high)
            )
        } else {
            number(self.likely)
        }
    }
}

/// A point estimate is written as a plain number, a range as {"low", "likely", "high"}, so a
/// file without ranges reads as simply as one without frameworks.
impl Serialize for Estimate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.is_range() {
            let mut map = serializer.serialize_map(Some(3))?;
            map.serialize_entry("low", &self.low)?;
            map.serialize_entry("likely", &self.likely)?;
            map.serialize_entry("high", &self.high)?;
            map.end()
        } else {
            serializer.serialize_f64(self.likely)
        }
    }
}

impl<'de> Deserialize<'de> for Estimate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Range {
            low: f64,
            likely: f64,
            high: f64,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Point(f64),
            Range(Range),
        }
        match Written::deserialize(deserializer)
            .map_err(|_| de::Error::custom("a number, or {\"low\", \"likely\", \"high\"} numbers"))?
        {
            Written::Point(value) if value.is_finite() => Ok(Estimate::point(value)),
            Written::Point(_) => Err(de::Error::custom("a finite number")),
            Written::Range(range) => {
                Estimate::new(range.low, range.likely, range.high).map_err(de::Error::custom)
            }
        }
    }
}

/// A number as people read it: thousands separated, at most two decimals, no trailing zeros.
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let rounded = (value * 100.0).round() / 100.0;
    let negative = rounded < 0.0;
    let whole = rounded.abs().trunc();
    let fraction = ((rounded.abs() - whole) * 100.0).round() as u64;
    let digits = format!("{whole:.0}");
    let mut grouped = String::new();
    for (position, digit) in digits.chars().enumerate() {
        if position > 0 && (digits.len() - position) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    let sign = if negative { "-" } else { "" };
    match fraction {
        0 => format!("{sign}{grouped}"),
        f if f % 10 == 0 => format!("{sign}{grouped}.{}", f / 10),
        f => format!("{sign}{grouped}.{f:02}"),
    }
}

/// RICE impact: 3 massive, 2 high, 1 medium, 0.5 low, 0.25 minimal.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RiceImpact {
    Massive,
    High,
    Medium,
    Low,
    Minimal,
}

impl RiceImpact {
    pub const ALL: [RiceImpact; 5] = [
        RiceImpact::Massive,
        RiceImpact::High,
        RiceImpact::Medium,
        RiceImpact::Low,
        RiceImpact::Minimal,
    ];

    pub fn value(self) -> f64 {
        match self {
            RiceImpact::Massive => 3.0,
            RiceImpact::High => 2.0,
            RiceImpact::Medium => 1.0,
            RiceImpact::Low => 0.5,
            RiceImpact::Minimal => 0.25,
        }
    }

    /// "3 massive", as the select shows it.
    pub fn label(self) -> &'static str {
        match self {
            RiceImpact::Massive => "3 massive",
            RiceImpact::High => "2 high",
            RiceImpact::Medium => "1 medium",
            RiceImpact::Low => "0.5 low",
            RiceImpact::Minimal => "0.25 minimal",
        }
    }

    pub fn from_value(value: f64) -> Option<RiceImpact> {
        RiceImpact::ALL.into_iter().find(|impact| impact.value() == value)
    }
}

/// RICE confidence: 100, 80, 50 or 20 %.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Confidence {
    Full,
    High,
    Medium,
    Low,
}

impl Confidence {
    pub const ALL: [Confidence; 4] = [
        Confidence::Full,
        Confidence::High,
        Confidence::Medium,
        Confidence::Low,
    ];

    pub fn percent(self) -> u8 {
        match self {
            Confidence::Full => 100,
            Confidence::High => 80,
            Confidence::Medium => 50,
            Confidence::Low => 20,
        }
    }

    pub fn from_percent(percent: f64) -> Option<Confidence> {
        Confidence::ALL
            .into_iter()
            .find(|confidence| f64::from(confidence.percent()) == percent)
    }
}

/// WSJF's scale for job size (and, proposed, time criticality): 1, 2, 3, 5, 8, 13, 20.
pub const WSJF_SCALE: [u8; 7] = [1, 2, 3, 5, 8, 13, 20];

/// A WSJF job size, one of [`WSJF_SCALE`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct JobSize(u8);

impl JobSize {
    pub fn new(size: f64) -> Option<JobSize> {
        WSJF_SCALE
            .into_iter()
            .find(|step| f64::from(*step) == size)
            .map(JobSize)
    }

    pub fn value(self) -> u8 {
        self.0
    }
}

macro_rules! numbered_serde {
    ($kind:ty, $to:expr, $from:expr, $expected:literal) => {
        impl Serialize for $kind {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_f64(f64::from($to(*self)))
            }
        }

        impl<'de> Deserialize<'de> for $kind {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = f64::deserialize(deserializer).map_err(|_| de::Error::custom($expected))?;
                $from(value).ok_or_else(|| de::Error::custom($expected))
            }
        }
    };
}

numbered_serde!(
    RiceImpact,
    |impact: RiceImpact| impact.value() as f32,
    RiceImpact::from_value,
    "one of 3, 2, 1, 0.5, 0.25"
);
numbered_serde!(
    Confidence,
    |confidence: Confidence| confidence.percent(),
    Confidence::from_percent,
    "one of 20, 50, 80, 100"
);
numbered_serde!(
    JobSize,
    |size: JobSize| size.value(),
    JobSize::new,
    "one of 1, 2, 3, 5, 8, 13, 20"
);

/// RICE = Reach × Impact × Confidence ÷ Effort.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RiceInputs {
    /// People or events per quarter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reach: Option<Estimate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<RiceImpact>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Confidence>,
    /// Person-months, more than 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effort: Option<Estimate>,
}

/// ICE = Impact × Confidence × Ease, each 1–10 (or their average, where the roadmap says so).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IceInputs {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<Estimate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Estimate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ease: Option<Estimate>,
}

/// WSJF = (Business value + Time criticality + Risk reduction / opportunity enablement) ÷ Job
/// size; the three values on 1–20. Time criticality left out is proposed from urgency and due
/// date ([`proposed_time_criticality`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WsjfInputs {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business_value: Option<Estimate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_criticality: Option<Estimate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk_reduction: Option<Estimate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub job_size: Option<JobSize>,
}

impl RiceInputs {
    pub fn is_empty(&self) -> bool {
        *self == RiceInputs::default()
    }
}

impl IceInputs {
    pub fn is_empty(&self) -> bool {
        *self == IceInputs::default()
    }
}

impl WsjfInputs {
    pub fn is_empty(&self) -> bool {
        *self == WsjfInputs::default()
    }
}

/// Stable identifier of a weighted criterion (`c1`, `c2`, …).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CriterionId(pub String);

/// Whether more of a criterion is better (benefit) or worse (cost).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    #[default]
    Benefit,
    Cost,
}

/// A criterion's fixed scale: a value is normalised against it, never against other initiatives.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum CriterionScale {
    /// 1–10.
    OneToTen,
    /// 0–100 %.
    Percent,
    /// 0 up to a stated most (in the roadmap's currency).
    Money { most: f64 },
    /// T-shirt sizes XS, S, M, L, XL, written 1–5.
    TShirt,
    /// No (0) or yes (1).
    YesNo,
}

/// The T-shirt sizes in order, 1–5.
pub const T_SHIRTS: [&str; 5] = ["XS", "S", "M", "L", "XL"];

impl CriterionScale {
    /// The least and most values on the scale.
    pub fn bounds(self) -> (f64, f64) {
        match self {
            CriterionScale::OneToTen => (1.0, 10.0),
            CriterionScale::Percent => (0.0, 100.0),
            CriterionScale::Money { most } => (0.0, most),
            CriterionScale::TShirt => (1.0, 5.0),
            CriterionScale::YesNo => (0.0, 1.0),
        }
    }

    /// Where `value` falls on the scale, 0–1 (held inside it).
    pub fn fraction(self, value: f64) -> f64 {
        let (least, most) = self.bounds();
        if most <= least {
            return 0.0;
        }
        ((value - least) / (most - least)).clamp(0.0, 1.0)
    }

    /// "1–10", "percent", "money up to 500,000", "XS–XL", "yes/no".
    pub fn label(self) -> String {
        match self {
            CriterionScale::OneToTen => "1–10".to_string(),
            CriterionScale::Percent => "percent".to_string(),
            CriterionScale::Money { most } => format!("money up to {}", number(most)),
            CriterionScale::TShirt => "XS–XL".to_string(),
            CriterionScale::YesNo => "yes/no".to_string(),
        }
    }

    /// A value as written on its scale: "7", "40%", "120,000", "M", "yes".
    pub fn value_text(self, value: f64) -> String {
        match self {
            CriterionScale::Percent => format!("{}%", number(value)),
            CriterionScale::TShirt => T_SHIRTS
                .get((value.round() as usize).saturating_sub(1))
                .map_or_else(|| number(value), |size| (*size).to_string()),
            CriterionScale::YesNo => if value >= 0.5 { "yes" } else { "no" }.to_string(),
            CriterionScale::OneToTen | CriterionScale::Money { .. } => number(value),
        }
    }
}

/// One of the user's weighted criteria.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: CriterionId,
    pub name: String,
    /// Its weight in percent of all weights (any non-negative number; weights are normalised
    /// by their sum, which does not depend on initiatives).
    pub weight: f64,
    pub direction: Direction,
    pub scale: CriterionScale,
}

impl Criterion {
    pub fn display_name(&self) -> &str {
        let name = self.name.trim();
        if name.is_empty() {
            "Untitled criterion"
        } else {
            name
        }
    }
}

/// An initiative's score under the active framework, and the formula with its numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameworkScore {
    pub value: f64,
    /// "RICE = 2,000 × 2 × 80% ÷ 3 = 1,066.67".
    pub formula: String,
}

/// The inputs an initiative still needs before it has a score, by their names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingInputs(pub Vec<&'static str>);

impl fmt::Display for MissingInputs {
    /// "needs Reach", "needs Reach and Effort (person-months)", "needs A, B and C".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.as_slice() {
            [] => f.write_str("needs nothing"),
            [one] => write!(f, "needs {one}"),
            [rest @ .., last] => write!(f, "needs {} and {last}", rest.join(", ")),
        }
    }
}

/// Time criticality proposed from urgency (none 1, low 3, medium 8, high 13, critical 20), one
/// step up the WSJF scale when a due date is set.
pub fn proposed_time_criticality(initiative: &Initiative) -> f64 {
    let step = match initiative.urgency {
        Urgency::None => 0,
        Urgency::Low => 2,
        Urgency::Medium => 4,
        Urgency::High => 5,
        Urgency::Critical => 6,
    };
    let step = if initiative.due.is_some() {
        (step + 1).min(6)
    } else {
        step
    };
    f64::from(WSJF_SCALE[step])
}

/// The score of one initiative under the roadmap's framework; it reads nothing of the other
/// initiatives.
pub fn framework_score(roadmap: &Roadmap, initiative: &Initiative) -> Result<FrameworkScore, MissingInputs> {
    match roadmap.framework {
        Framework::EffortImpact => {
            let (impact, effort) = (initiative.impact.value(), initiative.effort.value());
            let value = impact / effort;
            Ok(FrameworkScore {
                value,
                formula: format!(
                    "Impact ÷ Effort = {} ÷ {} = {}",
                    number(impact),
                    number(effort),
                    number(value)
                ),
            })
        }
        Framework::Rice => rice(&initiative.rice),
        Framework::Ice => ice(&initiative.ice, roadmap.ice_average),
        Framework::Wsjf => wsjf(initiative),
        Framework::Weighted => weighted(&roadmap.criteria, &initiative.criteria),
    }
}

/// Each named input's value, or the names of those missing.
fn all_present<const N: usize>(inputs: [(&'static str, Option<f64>); N]) -> Result<[f64; N], MissingInputs> {
    let missing: Vec<&'static str> = inputs
        .iter()
        .filter(|(_, value)| value.is_none())
        .map(|(name, _)| *name)
        .collect();
    if missing.is_empty() {
        Ok(inputs.map(|(_, value)| value.unwrap_or_default()))
    } else {
        Err(MissingInputs(missing))
    }
}

fn rice(inputs: &RiceInputs) -> Result<FrameworkScore, MissingInputs> {
    let [reach, impact, confidence, effort] = all_present([
        ("Reach", inputs.reach.map(|reach| reach.mean())),
        ("RICE impact", inputs.impact.map(RiceImpact::value)),
        (
            "Confidence",
            inputs
                .confidence
                .map(|confidence| f64::from(confidence.percent())),
        ),
        (
            "Effort (person-months)",
            inputs
                .effort
                .map(|effort| effort.mean())
                .filter(|effort| *effort > 0.0),
        ),
    ])?;
    let value = reach * impact * confidence / 100.0 / effort;
    Ok(FrameworkScore {
        value,
        formula: format!(
            "RICE = {} × {} × {}% ÷ {} = {}",
            number(reach),
            number(impact),
            number(confidence),
            number(effort),
            number(value)
        ),
    })
}

fn ice(inputs: &IceInputs, average: bool) -> Result<FrameworkScore, MissingInputs> {
    let [impact, confidence, ease] = all_present([
        ("ICE impact", inputs.impact.map(|impact| impact.mean())),
        (
            "ICE confidence",
            inputs.confidence.map(|confidence| confidence.mean()),
        ),
        ("Ease", inputs.ease.map(|ease| ease.mean())),
    ])?;
    let (value, formula) = if average {
        let value = (impact + confidence + ease) / 3.0;
        let formula = format!(
            "ICE (average) = ({} + {} + {}) ÷ 3 = {}",
            number(impact),
            number(confidence),
            number(ease),
            number(value)
        );
        (value, formula)
    } else {
        let value = impact * confidence * ease;
        let formula = format!(
            "ICE = {} × {} × {} = {}",
            number(impact),
            number(confidence),
            number(ease),
            number(value)
        );
        (value, formula)
    };
    Ok(FrameworkScore { value, formula })
}

fn wsjf(initiative: &Initiative) -> Result<FrameworkScore, MissingInputs> {
    let inputs = &initiative.wsjf;
    let criticality = inputs.time_criticality.map_or_else(
        || proposed_time_criticality(initiative),
        |criticality| criticality.mean(),
    );
    let [value_part, risk, size] = all_present([
        ("Business value", inputs.business_value.map(|value| value.mean())),
        ("Risk reduction", inputs.risk_reduction.map(|risk| risk.mean())),
        ("Job size", inputs.job_size.map(|size| f64::from(size.value()))),
    ])?;
    let value = (value_part + criticality + risk) / size;
    Ok(FrameworkScore {
        value,
        formula: format!(
            "WSJF = ({} + {} + {}) ÷ {} = {}",
            number(value_part),
            number(criticality),
            number(risk),
            number(size),
            number(value)
        ),
    })
}

/// Σ weight × fraction on the criterion's fixed scale (1 − fraction for a cost), over the sum of
/// weights, times 100: 0–100.
fn weighted(
    criteria: &[Criterion],
    values: &BTreeMap<CriterionId, Estimate>,
) -> Result<FrameworkScore, MissingInputs> {
    let missing: Vec<&'static str> = if criteria.is_empty() {
        vec!["a criterion"]
    } else {
        Vec::new()
    };
    if !missing.is_empty() {
        return Err(MissingInputs(missing));
    }
    let unvalued = criteria
        .iter()
        .filter(|criterion| !values.contains_key(&criterion.id))
        .count();
    if unvalued > 0 {
        return Err(MissingInputs(vec![if unvalued == 1 {
            "a value for 1 criterion"
        } else {
            "values for its criteria"
        }]));
    }
    let total: f64 = criteria.iter().map(|criterion| criterion.weight.max(0.0)).sum();
    if total <= 0.0 {
        return Err(MissingInputs(vec!["a weight above 0"]));
    }
    let mut sum = 0.0;
    let mut parts = Vec::with_capacity(criteria.len());
    for criterion in criteria {
        let value = values.get(&criterion.id).map_or(0.0, Estimate::mean);
        let fraction = criterion.scale.fraction(value);
        let fraction = match criterion.direction {
            Direction::Benefit => fraction,
            Direction::Cost => 1.0 - fraction,
        };
        let share = criterion.weight.max(0.0) / total;
        sum += share * fraction;
        let placed = number(criterion.scale.fraction(value));
        let part = match criterion.direction {
            Direction::Benefit => placed,
            Direction::Cost => format!("(1 − {placed})"),
        };
        parts.push(format!("{}% × {part}", number(share * 100.0)));
    }
    let value = sum * 100.0;
    Ok(FrameworkScore {
        value,
        formula: format!("Weighted = 100 × ({}) = {}", parts.join(" + "), number(value)),
    })
}

/// One line of the ranked list.
#[derive(Clone, Debug, PartialEq)]
pub struct RankedInitiative {
    /// Position in `roadmap.initiatives`.
    pub index: usize,
    /// 1 for the highest score; `None` while inputs are missing.
    pub rank: Option<usize>,
    pub score: Result<FrameworkScore, MissingInputs>,
}

/// Every initiative by score, highest first (equal scores by title, then roadmap order), then
/// those still missing inputs in roadmap order. O(n log n).
pub fn rank_initiatives(roadmap: &Roadmap) -> Vec<RankedInitiative> {
    let mut lines: Vec<RankedInitiative> = roadmap
        .initiatives
        .iter()
        .enumerate()
        .map(|(index, initiative)| RankedInitiative {
            index,
            rank: None,
            score: framework_score(roadmap, initiative),
        })
        .collect();
    let title = |index: usize| roadmap.initiatives[index].display_title();
    lines.sort_by(|a, b| match (&a.score, &b.score) {
        (Ok(first), Ok(second)) => second
            .value
            .total_cmp(&first.value)
            .then_with(|| title(a.index).cmp(title(b.index)))
            .then(a.index.cmp(&b.index)),
        (Ok(_), Err(_)) => std::cmp::Ordering::Less,
        (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
        (Err(_), Err(_)) => a.index.cmp(&b.index),
    });
    for (place, line) in lines.iter_mut().enumerate() {
        if line.score.is_ok() {
            line.rank = Some(place + 1);
        }
    }
    lines
}
