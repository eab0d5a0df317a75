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
            // Held within the ends: rounding puts the mean of 29.1–29.1–29.100000000000005 at
            // 29.099999999999998, and a range nowhere below a point must never score below it.
            ((self.low + 4.0 * self.likely + self.high) / 6.0).clamp(self.low, self.high)
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
        deserializer.deserialize_any(EstimateVisitor)
    }
}

/// Reads a number, or an object of exactly `low`, `likely` and `high` in any order; nothing else
/// (a list of three numbers is not a range: the file form is the object).
struct EstimateVisitor;

impl<'de> de::Visitor<'de> for EstimateVisitor {
    type Value = Estimate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number, or {\"low\", \"likely\", \"high\"} numbers")
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Estimate, E> {
        if value.is_finite() {
            Ok(Estimate::point(value))
        } else {
            Err(E::custom("a finite number"))
        }
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Estimate, E> {
        self.visit_f64(value as f64)
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Estimate, E> {
        self.visit_f64(value as f64)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Estimate, A::Error> {
        const ENDS: &[&str] = &["low", "likely", "high"];
        let mut ends: [Option<f64>; 3] = [None; 3];
        while let Some(key) = map.next_key::<String>()? {
            let Some(at) = ENDS.iter().position(|end| *end == key) else {
                return Err(de::Error::unknown_field(&key, ENDS));
            };
            if ends[at].is_some() {
                return Err(de::Error::duplicate_field(ENDS[at]));
            }
            ends[at] = Some(map.next_value()?);
        }
        let [low, likely, high] = ends;
        let given =
            |value: Option<f64>, end: &'static str| value.ok_or_else(|| de::Error::missing_field(end));
        Estimate::new(given(low, "low")?, given(likely, "likely")?, given(high, "high")?)
            .map_err(de::Error::custom)
    }
}

/// A number as people read it: thousands separated, at most two decimals, no trailing zeros.
///
/// ```
/// use stackplan::model::number;
/// assert_eq!(number(1066.6666), "1,066.67");
/// assert_eq!(number(0.5), "0.5");
/// assert_eq!(number(-2000.0), "-2,000");
/// ```
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    // Whole hundredths, counted in integers, so that no fraction rounds up to ".100".
    let hundredths = (value.abs() * 100.0).round();
    let (digits, fraction) = if hundredths < 1e30 {
        let hundredths = hundredths as u128;
        ((hundredths / 100).to_string(), hundredths % 100)
    } else {
        // Past any precision a float has: the whole number, as the float holds it.
        (format!("{:.0}", value.abs()), 0)
    };
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 + 4);
    if value < 0.0 && (digits != "0" || fraction != 0) {
        grouped.push('-');
    }
    for (position, digit) in digits.chars().enumerate() {
        if position > 0 && (digits.len() - position) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    match fraction {
        0 => grouped,
        f if f % 10 == 0 => format!("{grouped}.{}", f / 10),
        f => format!("{grouped}.{f:02}"),
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

/// A step on a fixed scale is written as its number (a whole number where the steps are whole:
/// `80`, `13`), and read from any number equal to a step.
macro_rules! numbered_serde {
    ($kind:ty, $to:expr, $from:expr, $expected:literal) => {
        impl Serialize for $kind {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                $to(*self).serialize(serializer)
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
    RiceImpact::value,
    RiceImpact::from_value,
    "one of 3, 2, 1, 0.5, 0.25"
);
numbered_serde!(
    Confidence,
    Confidence::percent,
    Confidence::from_percent,
    "one of 20, 50, 80, 100"
);
numbered_serde!(
    JobSize,
    JobSize::value,
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
/// Written `{"kind": "percent"}`, or `{"kind": "money", "most": 500000.0}`.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
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

/// serde's internally tagged enums ignore extra fields beside a unit variant's tag, so
/// `{"kind": "percent", "most": 5}` would import and lose its `most`: the scale is read by hand.
impl<'de> Deserialize<'de> for CriterionScale {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(rename_all = "snake_case")]
        enum Kind {
            OneToTen,
            Percent,
            Money,
            TShirt,
            YesNo,
        }
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Written {
            kind: Kind,
            most: Option<f64>,
        }
        let written = Written::deserialize(deserializer)?;
        let scale = match written.kind {
            Kind::Money => {
                let most = written.most.ok_or_else(|| de::Error::missing_field("most"))?;
                return Ok(CriterionScale::Money { most });
            }
            Kind::OneToTen => CriterionScale::OneToTen,
            Kind::Percent => CriterionScale::Percent,
            Kind::TShirt => CriterionScale::TShirt,
            Kind::YesNo => CriterionScale::YesNo,
        };
        match written.most {
            Some(_) => Err(de::Error::unknown_field("most", &["kind"])),
            None => Ok(scale),
        }
    }
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
            // A value off the sizes (0, or below) is shown as the number it is, not as XS.
            CriterionScale::TShirt => (value.round() as usize)
                .checked_sub(1)
                .and_then(|index| T_SHIRTS.get(index))
                .map_or_else(|| number(value), |size| (*size).to_string()),
            CriterionScale::YesNo => if value >= 0.5 { "yes" } else { "no" }.to_string(),
            CriterionScale::OneToTen | CriterionScale::Money { .. } => number(value),
        }
    }

    /// An estimate as written on the scale: "M", or a range "S–M–L", "20%–40%–50%".
    pub fn estimate_text(self, estimate: &Estimate) -> String {
        if estimate.is_range() {
            format!(
                "{}–{}–{}",
                self.value_text(estimate.low),
                self.value_text(estimate.likely),
                self.value_text(estimate.high)
            )
        } else {
            self.value_text(estimate.likely)
        }
    }

    /// Whether only whole steps are values on it: a size is XS to XL, an answer no or yes.
    pub fn whole_steps(self) -> bool {
        matches!(self, CriterionScale::TShirt | CriterionScale::YesNo)
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

// The inputs' names, as the score's "needs …" and the exports' input lists say them.
const REACH: &str = "Reach";
const RICE_IMPACT: &str = "RICE impact";
const CONFIDENCE: &str = "Confidence";
const RICE_EFFORT: &str = "Effort (person-months)";
const ICE_IMPACT: &str = "ICE impact";
const ICE_CONFIDENCE: &str = "ICE confidence";
const EASE: &str = "Ease";
const BUSINESS_VALUE: &str = "Business value";
const TIME_CRITICALITY: &str = "Time criticality";
const RISK_REDUCTION: &str = "Risk reduction";
const JOB_SIZE: &str = "Job size";

/// The score of one initiative under the roadmap's framework; it reads nothing of the other
/// initiatives.
pub fn framework_score(roadmap: &Roadmap, initiative: &Initiative) -> Result<FrameworkScore, MissingInputs> {
    match roadmap.framework {
        Framework::EffortImpact => {
            // A ranged score counts by its PERT mean, as every ranged input does.
            let (impact, effort) = (
                initiative.impact_estimate().mean(),
                initiative.effort_estimate().mean(),
            );
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
        (REACH, inputs.reach.map(|reach| reach.mean())),
        (RICE_IMPACT, inputs.impact.map(RiceImpact::value)),
        (
            CONFIDENCE,
            inputs
                .confidence
                .map(|confidence| f64::from(confidence.percent())),
        ),
        // No effort is nothing to divide by: it is still needed, never taken as 0.
        (
            RICE_EFFORT,
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
        (ICE_IMPACT, inputs.impact.map(|impact| impact.mean())),
        (
            ICE_CONFIDENCE,
            inputs.confidence.map(|confidence| confidence.mean()),
        ),
        (EASE, inputs.ease.map(|ease| ease.mean())),
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

/// The time criticality WSJF uses: the one given, else the one proposed.
fn time_criticality(initiative: &Initiative) -> f64 {
    initiative.wsjf.time_criticality.map_or_else(
        || proposed_time_criticality(initiative),
        |criticality| criticality.mean(),
    )
}

fn wsjf(initiative: &Initiative) -> Result<FrameworkScore, MissingInputs> {
    let inputs = &initiative.wsjf;
    let [value_part, risk, size] = all_present([
        (BUSINESS_VALUE, inputs.business_value.map(|value| value.mean())),
        (RISK_REDUCTION, inputs.risk_reduction.map(|risk| risk.mean())),
        (JOB_SIZE, inputs.job_size.map(|size| f64::from(size.value()))),
    ])?;
    let criticality = time_criticality(initiative);
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
/// weights, times 100: 0–100. The sum of weights is the roadmap's, the same for every
/// initiative.
fn weighted(
    criteria: &[Criterion],
    values: &BTreeMap<CriterionId, Estimate>,
) -> Result<FrameworkScore, MissingInputs> {
    if criteria.is_empty() {
        return Err(MissingInputs(vec!["a criterion"]));
    }
    let unvalued = criteria
        .iter()
        .filter(|criterion| !values.contains_key(&criterion.id))
        .count();
    match unvalued {
        0 => {}
        1 => return Err(MissingInputs(vec!["a value for 1 criterion"])),
        _ => return Err(MissingInputs(vec!["values for its criteria"])),
    }
    let total: f64 = criteria.iter().map(|criterion| criterion.weight.max(0.0)).sum();
    if total <= 0.0 {
        return Err(MissingInputs(vec!["a weight above 0"]));
    }
    let mut sum = 0.0;
    let mut parts = Vec::with_capacity(criteria.len());
    for criterion in criteria {
        let fraction = criterion
            .scale
            .fraction(values.get(&criterion.id).map_or(0.0, Estimate::mean));
        let share = criterion.weight.max(0.0) / total;
        let (gained, written) = match criterion.direction {
            Direction::Benefit => (fraction, number(fraction)),
            Direction::Cost => (1.0 - fraction, format!("(1 − {})", number(fraction))),
        };
        sum += share * gained;
        parts.push(format!("{}% × {written}", number(share * 100.0)));
    }
    let value = sum * 100.0;
    Ok(FrameworkScore {
        value,
        formula: format!("Weighted = 100 × ({}) = {}", parts.join(" + "), number(value)),
    })
}

/// One input of the active framework, as the exports list it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameworkInput {
    /// "Reach", "Time criticality", or a criterion's name.
    pub name: String,
    /// "2,000", "1,500–2,000–3,000", "80%", "13 (proposed)", "M"; `None` while not given.
    pub value: Option<String>,
}

impl FrameworkInput {
    fn new(name: impl Into<String>, value: Option<String>) -> FrameworkInput {
        FrameworkInput {
            name: name.into(),
            value,
        }
    }

    /// "Reach 1,500–2,000–3,000"; `None` while the input is not given.
    pub fn text(&self) -> Option<String> {
        self.value.as_ref().map(|value| format!("{} {value}", self.name))
    }
}

/// The inputs of the roadmap's framework for one initiative, in the formula's order, ranges as
/// low–likely–high. A time criticality left out shows the one proposed, marked so.
pub fn framework_inputs(roadmap: &Roadmap, initiative: &Initiative) -> Vec<FrameworkInput> {
    let estimate = |estimate: Option<Estimate>| estimate.map(|estimate| estimate.text());
    match roadmap.framework {
        Framework::EffortImpact => vec![
            FrameworkInput::new("Impact", estimate(Some(initiative.impact_estimate()))),
            FrameworkInput::new("Effort", estimate(Some(initiative.effort_estimate()))),
        ],
        Framework::Rice => {
            let inputs = &initiative.rice;
            vec![
                FrameworkInput::new(REACH, estimate(inputs.reach)),
                FrameworkInput::new(RICE_IMPACT, inputs.impact.map(|impact| number(impact.value()))),
                FrameworkInput::new(
                    CONFIDENCE,
                    inputs
                        .confidence
                        .map(|confidence| format!("{}%", confidence.percent())),
                ),
                FrameworkInput::new(RICE_EFFORT, estimate(inputs.effort)),
            ]
        }
        Framework::Ice => {
            let inputs = &initiative.ice;
            vec![
                FrameworkInput::new(ICE_IMPACT, estimate(inputs.impact)),
                FrameworkInput::new(ICE_CONFIDENCE, estimate(inputs.confidence)),
                FrameworkInput::new(EASE, estimate(inputs.ease)),
            ]
        }
        Framework::Wsjf => {
            let inputs = &initiative.wsjf;
            let criticality = estimate(inputs.time_criticality)
                .unwrap_or_else(|| format!("{} (proposed)", number(time_criticality(initiative))));
            vec![
                FrameworkInput::new(BUSINESS_VALUE, estimate(inputs.business_value)),
                FrameworkInput::new(TIME_CRITICALITY, Some(criticality)),
                FrameworkInput::new(RISK_REDUCTION, estimate(inputs.risk_reduction)),
                FrameworkInput::new(JOB_SIZE, inputs.job_size.map(|size| size.value().to_string())),
            ]
        }
        Framework::Weighted => roadmap
            .criteria
            .iter()
            .map(|criterion| {
                FrameworkInput::new(
                    criterion.display_name(),
                    initiative
                        .criteria
                        .get(&criterion.id)
                        .map(|value| criterion.scale.estimate_text(value)),
                )
            })
            .collect(),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DueDate, InitiativeId, Score, ScoreRange};

    fn range(low: f64, likely: f64, high: f64) -> Estimate {
        Estimate::new(low, likely, high).expect("an ordered range")
    }

    fn point(value: f64) -> Option<Estimate> {
        Some(Estimate::point(value))
    }

    /// A roadmap under `framework` with one untitled initiative per title.
    fn roadmap(framework: Framework, titles: &[&str]) -> Roadmap {
        let mut roadmap = Roadmap::new("Evidence");
        roadmap.framework = framework;
        for title in titles {
            roadmap.add_initiative(*title);
        }
        roadmap
    }

    /// The first initiative changed by `change`, scored under the roadmap's framework.
    fn scored(
        roadmap: &mut Roadmap,
        change: impl FnOnce(&mut Initiative),
    ) -> Result<FrameworkScore, MissingInputs> {
        if roadmap.initiatives.is_empty() {
            roadmap.add_initiative("Data lake");
        }
        let id = roadmap.initiatives[0].id.clone();
        roadmap.update_initiative(&id, change);
        framework_score(roadmap, &roadmap.initiatives[0])
    }

    fn needs(result: Result<FrameworkScore, MissingInputs>) -> String {
        match result {
            Ok(score) => panic!("expected missing inputs, got {score:?}"),
            Err(missing) => missing.to_string(),
        }
    }

    fn value_and_formula(result: Result<FrameworkScore, MissingInputs>) -> (f64, String) {
        match result {
            Ok(score) => (score.value, score.formula),
            Err(missing) => panic!("expected a score, {missing}"),
        }
    }

    fn full_rice(initiative: &mut Initiative) {
        initiative.rice = RiceInputs {
            reach: point(2000.0),
            impact: Some(RiceImpact::High),
            confidence: Some(Confidence::High),
            effort: point(3.0),
        };
    }

    // ---- formulas ----

    #[test]
    fn effort_vs_impact_scores_impact_for_effort() {
        let mut roadmap = roadmap(Framework::EffortImpact, &[]);
        let (value, formula) = value_and_formula(scored(&mut roadmap, |initiative| {
            initiative.impact = Score::clamped(9.0);
            initiative.effort = Score::clamped(7.5);
        }));
        assert_eq!(value, 1.2);
        assert_eq!(formula, "Impact ÷ Effort = 9 ÷ 7.5 = 1.2");
    }

    #[test]
    fn a_ranged_effort_counts_by_its_pert_mean() {
        let mut roadmap = roadmap(Framework::EffortImpact, &[]);
        let (value, formula) = value_and_formula(scored(&mut roadmap, |initiative| {
            initiative.impact = Score::clamped(9.0);
            initiative.effort = Score::clamped(7.5);
            // (3 + 4 × 7.5 + 9) ÷ 6 = 7
            initiative.effort_range =
                ScoreRange::around(initiative.effort, Score::clamped(3.0), Score::clamped(9.0));
        }));
        assert!((value - 9.0 / 7.0).abs() < 1e-9, "{value}");
        assert_eq!(formula, "Impact ÷ Effort = 9 ÷ 7 = 1.29");
    }

    #[test]
    fn rice_is_reach_times_impact_times_confidence_over_effort() {
        let mut roadmap = roadmap(Framework::Rice, &[]);
        let (value, formula) = value_and_formula(scored(&mut roadmap, full_rice));
        assert!((value - 3200.0 / 3.0).abs() < 1e-9, "{value}");
        assert_eq!(formula, "RICE = 2,000 × 2 × 80% ÷ 3 = 1,066.67");
    }

    #[test]
    fn rice_names_each_missing_input_and_never_counts_it_as_zero() {
        let mut roadmap = roadmap(Framework::Rice, &[]);
        assert_eq!(
            needs(scored(&mut roadmap, |_| {})),
            "needs Reach, RICE impact, Confidence and Effort (person-months)"
        );
        assert_eq!(
            needs(scored(&mut roadmap, |initiative| {
                full_rice(initiative);
                initiative.rice.reach = None;
            })),
            "needs Reach"
        );
        assert_eq!(
            needs(scored(&mut roadmap, |initiative| initiative.rice.effort = None)),
            "needs Reach and Effort (person-months)"
        );
        // An effort of 0 leaves nothing to divide by: still needed.
        assert_eq!(
            needs(scored(&mut roadmap, |initiative| {
                full_rice(initiative);
                initiative.rice.effort = point(0.0);
            })),
            "needs Effort (person-months)"
        );
    }

    #[test]
    fn rice_impact_and_confidence_use_their_fixed_steps() {
        let mut roadmap = roadmap(Framework::Rice, &[]);
        let (value, formula) = value_and_formula(scored(&mut roadmap, |initiative| {
            full_rice(initiative);
            initiative.rice.impact = Some(RiceImpact::Minimal);
            initiative.rice.confidence = Some(Confidence::Low);
        }));
        assert_eq!(value, 2000.0 * 0.25 * 0.2 / 3.0);
        assert_eq!(formula, "RICE = 2,000 × 0.25 × 20% ÷ 3 = 33.33");
        let values: Vec<f64> = RiceImpact::ALL.into_iter().map(RiceImpact::value).collect();
        assert_eq!(values, [3.0, 2.0, 1.0, 0.5, 0.25]);
        for impact in RiceImpact::ALL {
            assert_eq!(RiceImpact::from_value(impact.value()), Some(impact));
            assert!(impact.label().starts_with(&number(impact.value())));
        }
        assert_eq!(RiceImpact::from_value(1.5), None);
        let percents: Vec<u8> = Confidence::ALL.into_iter().map(Confidence::percent).collect();
        assert_eq!(percents, [100, 80, 50, 20]);
        assert_eq!(Confidence::from_percent(80.0), Some(Confidence::High));
        assert_eq!(Confidence::from_percent(70.0), None);
    }

    #[test]
    fn ice_is_the_product_of_impact_confidence_and_ease() {
        let mut roadmap = roadmap(Framework::Ice, &[]);
        let (value, formula) = value_and_formula(scored(&mut roadmap, |initiative| {
            initiative.ice = IceInputs {
                impact: point(8.0),
                confidence: point(7.0),
                ease: point(5.0),
            };
        }));
        assert_eq!(value, 280.0);
        assert_eq!(formula, "ICE = 8 × 7 × 5 = 280");
    }

    #[test]
    fn ice_can_be_the_average_of_its_inputs_instead() {
        let mut roadmap = roadmap(Framework::Ice, &[]);
        roadmap.ice_average = true;
        let (value, formula) = value_and_formula(scored(&mut roadmap, |initiative| {
            initiative.ice = IceInputs {
                impact: point(8.0),
                confidence: point(7.0),
                ease: point(5.0),
            };
        }));
        assert_eq!(value, 20.0 / 3.0);
        assert_eq!(formula, "ICE (average) = (8 + 7 + 5) ÷ 3 = 6.67");
    }

    #[test]
    fn ice_names_its_missing_inputs() {
        let mut roadmap = roadmap(Framework::Ice, &[]);
        assert_eq!(
            needs(scored(&mut roadmap, |_| {})),
            "needs ICE impact, ICE confidence and Ease"
        );
        roadmap.ice_average = true;
        assert_eq!(
            needs(scored(&mut roadmap, |initiative| {
                initiative.ice.impact = point(3.0);
                initiative.ice.confidence = point(3.0);
            })),
            "needs Ease"
        );
    }

    fn wsjf_inputs(initiative: &mut Initiative) {
        initiative.wsjf = WsjfInputs {
            business_value: point(8.0),
            time_criticality: None,
            risk_reduction: point(5.0),
            job_size: JobSize::new(3.0),
        };
    }

    #[test]
    fn wsjf_divides_the_cost_of_delay_by_the_job_size() {
        let mut roadmap = roadmap(Framework::Wsjf, &[]);
        let (value, formula) = value_and_formula(scored(&mut roadmap, |initiative| {
            wsjf_inputs(initiative);
            initiative.wsjf.time_criticality = point(13.0);
        }));
        assert_eq!(value, 26.0 / 3.0);
        assert_eq!(formula, "WSJF = (8 + 13 + 5) ÷ 3 = 8.67");
    }

    #[test]
    fn wsjf_proposes_time_criticality_from_urgency_and_due_date_until_it_is_given() {
        let mut roadmap = roadmap(Framework::Wsjf, &[]);
        let (value, formula) = value_and_formula(scored(&mut roadmap, |initiative| {
            wsjf_inputs(initiative);
            initiative.urgency = Urgency::High;
            initiative.due = DueDate::new(2027, 6, 30);
        }));
        assert_eq!(value, 11.0);
        assert_eq!(formula, "WSJF = (8 + 20 + 5) ÷ 3 = 11");
        // Given, it overrides the proposal.
        let (value, formula) = value_and_formula(scored(&mut roadmap, |initiative| {
            initiative.wsjf.time_criticality = point(2.0);
        }));
        assert_eq!(value, 5.0);
        assert_eq!(formula, "WSJF = (8 + 2 + 5) ÷ 3 = 5");
    }

    #[test]
    fn proposed_time_criticality_climbs_the_wsjf_scale_with_urgency_and_a_due_date() {
        let mut initiative = Initiative::new(InitiativeId("i1".into()), "Data lake");
        let mut proposed = Vec::new();
        for due in [None, DueDate::new(2027, 1, 31)] {
            for urgency in Urgency::ALL {
                initiative.urgency = urgency;
                initiative.due = due;
                proposed.push(proposed_time_criticality(&initiative));
            }
        }
        assert_eq!(proposed, [1.0, 3.0, 8.0, 13.0, 20.0, 2.0, 5.0, 13.0, 20.0, 20.0]);
    }

    #[test]
    fn wsjf_names_its_missing_inputs_but_never_time_criticality() {
        let mut roadmap = roadmap(Framework::Wsjf, &[]);
        assert_eq!(
            needs(scored(&mut roadmap, |_| {})),
            "needs Business value, Risk reduction and Job size"
        );
        assert_eq!(
            needs(scored(&mut roadmap, |initiative| {
                wsjf_inputs(initiative);
                initiative.wsjf.job_size = None;
            })),
            "needs Job size"
        );
    }

    #[test]
    fn job_sizes_are_the_wsjf_steps_only() {
        let sizes: Vec<Option<u8>> = [1.0, 2.0, 4.0, 13.0, 20.0, 21.0, 0.0]
            .into_iter()
            .map(|size| JobSize::new(size).map(JobSize::value))
            .collect();
        assert_eq!(sizes, [Some(1), Some(2), None, Some(13), Some(20), None, None]);
    }

    fn criterion(id: &str, weight: f64, direction: Direction, scale: CriterionScale) -> Criterion {
        Criterion {
            id: CriterionId(id.into()),
            name: format!("Criterion {id}"),
            weight,
            direction,
            scale,
        }
    }

    fn values(pairs: &[(&str, Estimate)]) -> BTreeMap<CriterionId, Estimate> {
        pairs
            .iter()
            .map(|(id, value)| (CriterionId((*id).into()), *value))
            .collect()
    }

    #[test]
    fn weighted_criteria_add_each_weight_times_where_the_value_falls_on_its_scale() {
        let mut roadmap = roadmap(Framework::Weighted, &[]);
        roadmap.criteria = vec![
            criterion("c1", 40.0, Direction::Benefit, CriterionScale::OneToTen),
            criterion(
                "c2",
                60.0,
                Direction::Cost,
                CriterionScale::Money { most: 500_000.0 },
            ),
        ];
        let (value, formula) = value_and_formula(scored(&mut roadmap, |initiative| {
            initiative.criteria = values(&[("c1", Estimate::point(7.0)), ("c2", Estimate::point(100_000.0))]);
        }));
        // 100 × (0.4 × 6/9 + 0.6 × (1 − 0.2)).
        assert!((value - (40.0 * 6.0 / 9.0 + 48.0)).abs() < 1e-9, "{value}");
        assert_eq!(formula, "Weighted = 100 × (40% × 0.67 + 60% × (1 − 0.2)) = 74.67");
    }

    #[test]
    fn every_scale_places_a_value_between_its_own_fixed_ends() {
        for (scale, value, fraction) in [
            (CriterionScale::OneToTen, 1.0, 0.0),
            (CriterionScale::OneToTen, 10.0, 1.0),
            (CriterionScale::Percent, 50.0, 0.5),
            (CriterionScale::Money { most: 200.0 }, 50.0, 0.25),
            (CriterionScale::TShirt, 3.0, 0.5),
            (CriterionScale::TShirt, 5.0, 1.0),
            (CriterionScale::YesNo, 1.0, 1.0),
            (CriterionScale::YesNo, 0.0, 0.0),
        ] {
            assert_eq!(scale.fraction(value), fraction, "{scale:?} {value}");
            // A single benefit criterion scores its fraction, a cost the rest of the scale.
            for (direction, expected) in [
                (Direction::Benefit, fraction * 100.0),
                (Direction::Cost, (1.0 - fraction) * 100.0),
            ] {
                let mut roadmap = roadmap(Framework::Weighted, &[]);
                roadmap.criteria = vec![criterion("c1", 1.0, direction, scale)];
                let (score, _) = value_and_formula(scored(&mut roadmap, |initiative| {
                    initiative.criteria = values(&[("c1", Estimate::point(value))]);
                }));
                assert_eq!(score, expected, "{scale:?} {direction:?} {value}");
            }
        }
        // Off the scale is held at its ends; a money scale without a most places nothing.
        assert_eq!(CriterionScale::Percent.fraction(150.0), 1.0);
        assert_eq!(CriterionScale::OneToTen.fraction(0.0), 0.0);
        assert_eq!(CriterionScale::Money { most: 0.0 }.fraction(10.0), 0.0);
    }

    #[test]
    fn weighted_criteria_say_what_is_missing() {
        let mut roadmap = roadmap(Framework::Weighted, &[]);
        assert_eq!(needs(scored(&mut roadmap, |_| {})), "needs a criterion");
        roadmap.criteria = vec![
            criterion("c1", 0.0, Direction::Benefit, CriterionScale::Percent),
            criterion("c2", 0.0, Direction::Cost, CriterionScale::YesNo),
        ];
        assert_eq!(
            needs(scored(&mut roadmap, |_| {})),
            "needs values for its criteria"
        );
        assert_eq!(
            needs(scored(&mut roadmap, |initiative| {
                initiative.criteria = values(&[("c2", Estimate::point(1.0))]);
            })),
            "needs a value for 1 criterion"
        );
        assert_eq!(
            needs(scored(&mut roadmap, |initiative| {
                initiative.criteria = values(&[("c1", Estimate::point(40.0)), ("c2", Estimate::point(1.0))]);
            })),
            "needs a weight above 0"
        );
    }

    #[test]
    fn weights_are_shares_of_their_sum_and_unknown_criteria_count_for_nothing() {
        let mut roadmap = roadmap(Framework::Weighted, &[]);
        roadmap.criteria = vec![
            criterion("c1", 1.0, Direction::Benefit, CriterionScale::Percent),
            criterion("c2", 3.0, Direction::Benefit, CriterionScale::Percent),
        ];
        let (value, formula) = value_and_formula(scored(&mut roadmap, |initiative| {
            initiative.criteria = values(&[
                ("c1", Estimate::point(100.0)),
                ("c2", Estimate::point(0.0)),
                ("gone", Estimate::point(100.0)),
            ]);
        }));
        assert_eq!(value, 25.0);
        assert_eq!(formula, "Weighted = 100 × (25% × 1 + 75% × 0) = 25");
    }

    // ---- ranges ----

    #[test]
    fn a_range_scores_by_its_pert_mean() {
        assert_eq!(range(1.0, 2.0, 9.0).mean(), 3.0);
        assert_eq!(Estimate::point(7.0).mean(), 7.0);
        assert_eq!(range(1000.0, 2000.0, 6000.0).mean(), 2500.0);
        let mut roadmap = roadmap(Framework::Rice, &[]);
        let (value, formula) = value_and_formula(scored(&mut roadmap, |initiative| {
            full_rice(initiative);
            initiative.rice.reach = Some(range(1000.0, 2000.0, 6000.0));
            initiative.rice.effort = Some(range(1.0, 2.0, 9.0));
        }));
        assert_eq!(value, 2500.0 * 2.0 * 0.8 / 3.0);
        assert_eq!(formula, "RICE = 2,500 × 2 × 80% ÷ 3 = 1,333.33");
    }

    #[test]
    fn the_mean_of_a_range_never_leaves_its_ends() {
        // Regression: (low + 4 × likely + high) ÷ 6 rounds, and for a range starting at a
        // value could come out just below it.
        for (low, high) in [
            (29.1, 29.100_000_000_000_005),
            (0.811_401_196_422_122_4, 0.811_401_196_422_122_5),
            (3.0, 3.000_000_000_000_001),
        ] {
            let estimate = Estimate {
                low,
                likely: low,
                high,
            };
            assert!(estimate.is_range());
            let mean = estimate.mean();
            assert!(low <= mean && mean <= high, "{low} {mean} {high}");
        }
    }

    #[test]
    fn a_range_must_be_ordered_numbers() {
        assert_eq!(
            Estimate::new(5.0, 3.0, 9.0),
            Err(EstimateError::LowAboveLikely {
                low: 5.0,
                likely: 3.0
            })
        );
        assert_eq!(
            Estimate::new(1.0, 3.0, 2.0),
            Err(EstimateError::HighBelowLikely {
                high: 2.0,
                likely: 3.0
            })
        );
        for bad in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(Estimate::new(bad, 1.0, 2.0), Err(EstimateError::NotANumber));
            assert_eq!(Estimate::new(0.0, bad, 2.0), Err(EstimateError::NotANumber));
            assert_eq!(Estimate::new(0.0, 1.0, bad), Err(EstimateError::NotANumber));
        }
        assert_eq!(
            Estimate::new(5.0, 3.0, 9.0).map_err(|error| error.to_string()),
            Err("low 5 is above likely 3".to_string())
        );
        assert_eq!(
            Estimate::new(1.0, 3.0, 2.0).map_err(|error| error.to_string()),
            Err("high 2 is below likely 3".to_string())
        );
        // Equal ends are a point.
        assert_eq!(Estimate::new(4.0, 4.0, 4.0), Ok(Estimate::point(4.0)));
        assert!(!Estimate::point(4.0).is_range());
        assert!(range(4.0, 4.0, 5.0).is_range());
    }

    #[test]
    fn an_estimate_lies_within_bounds_only_with_both_ends() {
        assert!(range(1.0, 5.0, 10.0).lies_within(1.0, 10.0));
        assert!(!range(0.5, 5.0, 10.0).lies_within(1.0, 10.0));
        assert!(!range(1.0, 5.0, 10.5).lies_within(1.0, 10.0));
    }

    #[test]
    fn an_estimate_is_written_as_its_value_or_its_three_values() {
        assert_eq!(Estimate::point(2000.0).text(), "2,000");
        assert_eq!(range(1500.0, 2000.0, 3000.0).text(), "1,500–2,000–3,000");
    }

    // ---- numbers ----

    #[test]
    fn numbers_read_with_thousands_separated_and_at_most_two_decimals() {
        for (value, text) in [
            (0.0, "0"),
            (-0.0, "0"),
            (7.0, "7"),
            (0.5, "0.5"),
            (0.25, "0.25"),
            (0.1 + 0.2, "0.3"),
            (999.0, "999"),
            (1000.0, "1,000"),
            (1_066.666_666, "1,066.67"),
            (1_234_567.891, "1,234,567.89"),
            (-1234.5, "-1,234.5"),
            (-0.001, "0"),
            (0.999, "1"),
            (99.996, "100"),
            (1e20, "100,000,000,000,000,000,000"),
        ] {
            assert_eq!(number(value), text, "{value}");
        }
        assert_eq!(number(f64::NAN), "NaN");
        assert_eq!(number(f64::INFINITY), "inf");
        // Past what hundredths can count: the whole number, grouped, without panicking.
        let largest = number(f64::MAX);
        assert!(
            largest.starts_with("179,769,313") && !largest.contains('.'),
            "{largest}"
        );
        assert!(number(-f64::MAX).starts_with("-179,769"));
    }

    // ---- the file form ----

    fn written<T: Serialize>(value: &T) -> String {
        serde_json::to_string(value).unwrap_or_else(|error| panic!("{error}"))
    }

    fn read<T: for<'de> Deserialize<'de>>(text: &str) -> Result<T, String> {
        serde_json::from_str(text).map_err(|error| error.to_string())
    }

    #[test]
    fn a_point_is_written_as_a_number_and_a_range_as_its_three_values() {
        assert_eq!(written(&Estimate::point(2000.0)), "2000.0");
        assert_eq!(
            written(&range(1500.0, 2000.0, 3000.0)),
            r#"{"low":1500.0,"likely":2000.0,"high":3000.0}"#
        );
        assert_eq!(read::<Estimate>("2000"), Ok(Estimate::point(2000.0)));
        assert_eq!(read::<Estimate>("-2.5"), Ok(Estimate::point(-2.5)));
        assert_eq!(
            read::<Estimate>(r#"{"low":1500,"likely":2000.0,"high":3000}"#),
            Ok(range(1500.0, 2000.0, 3000.0))
        );
        // Three equal values read as the point they are.
        assert_eq!(
            read::<Estimate>(r#"{"low":2,"likely":2,"high":2}"#),
            Ok(Estimate::point(2.0))
        );
    }

    #[test]
    fn an_estimate_that_is_no_number_or_no_ordered_range_is_refused() {
        let shape = "expected a number, or {\"low\", \"likely\", \"high\"} numbers";
        for text in [r#""2000""#, "null", "true", "[1, 2, 3]"] {
            let error = read::<Estimate>(text).expect_err(text);
            assert!(error.contains(shape), "{text}: {error}");
        }
        for (text, words) in [
            (r#"{"low":1,"likely":2}"#, "missing field `high`"),
            (r#"{"likely":2,"high":3}"#, "missing field `low`"),
            (r#"{"low":1,"high":3}"#, "missing field `likely`"),
            (
                r#"{"low":1,"likely":2,"high":3,"mode":2}"#,
                "unknown field `mode`",
            ),
            (r#"{"low":1,"likely":"2","high":3}"#, "invalid type: string"),
            (r#"{"low":5,"likely":3,"high":9}"#, "low 5 is above likely 3"),
            (r#"{"low":1,"likely":3,"high":2}"#, "high 2 is below likely 3"),
            (
                r#"{"low":1,"low":1,"likely":2,"high":3}"#,
                "duplicate field `low`",
            ),
        ] {
            let error = read::<Estimate>(text).expect_err(text);
            assert!(error.starts_with(words), "{text}: {error}");
        }
        // JSON has no infinity, but other readers do.
        use serde::de::IntoDeserializer;
        let infinite: Result<Estimate, de::value::Error> =
            Estimate::deserialize(f64::INFINITY.into_deserializer());
        assert_eq!(
            infinite.map_err(|error| error.to_string()),
            Err("a finite number".to_string())
        );
    }

    #[test]
    fn fixed_steps_are_written_as_their_numbers() {
        assert_eq!(written(&RiceImpact::Minimal), "0.25");
        assert_eq!(written(&RiceImpact::Massive), "3.0");
        assert_eq!(written(&Confidence::High), "80");
        assert_eq!(
            JobSize::new(13.0).map(|size| written(&size)).as_deref(),
            Some("13")
        );
        assert_eq!(read::<RiceImpact>("0.5"), Ok(RiceImpact::Low));
        assert_eq!(read::<Confidence>("80.0"), Ok(Confidence::High));
        assert_eq!(read::<JobSize>("8").map(JobSize::value), Ok(8));
        assert!(read::<Confidence>("70").is_err_and(|error| error.starts_with("one of 20, 50, 80, 100")));
        assert!(read::<Confidence>("\"80\"").is_err_and(|error| error.starts_with("one of 20, 50, 80, 100")));
        assert!(read::<RiceImpact>("4").is_err_and(|error| error.starts_with("one of 3, 2, 1, 0.5, 0.25")));
        assert!(read::<JobSize>("4").is_err_and(|error| error.starts_with("one of 1, 2, 3, 5, 8, 13, 20")));
    }

    #[test]
    fn inputs_left_out_write_no_key() {
        let inputs = RiceInputs {
            reach: point(2000.0),
            confidence: Some(Confidence::Medium),
            ..RiceInputs::default()
        };
        assert_eq!(written(&inputs), r#"{"reach":2000.0,"confidence":50}"#);
        assert!(RiceInputs::default().is_empty() && !inputs.is_empty());
        assert!(IceInputs::default().is_empty());
        assert!(WsjfInputs::default().is_empty());
        assert!(read::<IceInputs>(r#"{"impact":2,"effort":3}"#).is_err());
    }

    #[test]
    fn a_scale_is_written_by_its_kind() {
        for (scale, text) in [
            (CriterionScale::OneToTen, r#"{"kind":"one_to_ten"}"#),
            (CriterionScale::Percent, r#"{"kind":"percent"}"#),
            (
                CriterionScale::Money { most: 500_000.0 },
                r#"{"kind":"money","most":500000.0}"#,
            ),
            (CriterionScale::TShirt, r#"{"kind":"t_shirt"}"#),
            (CriterionScale::YesNo, r#"{"kind":"yes_no"}"#),
        ] {
            assert_eq!(written(&scale), text);
            assert_eq!(read::<CriterionScale>(text), Ok(scale));
        }
        assert!(read::<CriterionScale>(r#"{"kind":"money"}"#).is_err());
        assert!(read::<CriterionScale>(r#"{"kind":"stars"}"#).is_err());
        assert!(read::<CriterionScale>(r#"{"kind":"money","most":5,"least":1}"#).is_err());
        assert!(read::<CriterionScale>(r#"{"kind":"percent","most":5}"#).is_err());
    }

    #[test]
    fn frameworks_have_a_key_and_a_label() {
        for framework in Framework::ALL {
            assert_eq!(Framework::from_key(framework.key()), Some(framework));
            assert_eq!(written(&framework), format!("\"{}\"", framework.key()));
            assert!(!framework.label().is_empty());
            assert_eq!(framework.is_default(), framework == Framework::EffortImpact);
        }
        assert_eq!(Framework::from_key("moscow"), None);
        assert_eq!(Framework::default(), Framework::EffortImpact);
    }

    // ---- words ----

    #[test]
    fn missing_inputs_read_as_a_list() {
        let missing = |names: &[&'static str]| MissingInputs(names.to_vec()).to_string();
        assert_eq!(missing(&[]), "needs nothing");
        assert_eq!(missing(&["Reach"]), "needs Reach");
        assert_eq!(missing(&["A", "B"]), "needs A and B");
        assert_eq!(missing(&["A", "B", "C"]), "needs A, B and C");
    }

    #[test]
    fn values_are_written_on_their_scale() {
        assert_eq!(CriterionScale::Percent.value_text(40.0), "40%");
        assert_eq!(CriterionScale::TShirt.value_text(3.0), "M");
        assert_eq!(CriterionScale::TShirt.value_text(5.0), "XL");
        assert_eq!(CriterionScale::TShirt.value_text(0.0), "0");
        assert_eq!(CriterionScale::TShirt.value_text(-2.0), "-2");
        assert_eq!(CriterionScale::TShirt.value_text(6.0), "6");
        assert_eq!(CriterionScale::YesNo.value_text(1.0), "yes");
        assert_eq!(CriterionScale::YesNo.value_text(0.0), "no");
        assert_eq!(
            CriterionScale::Money { most: 1e6 }.value_text(120_000.0),
            "120,000"
        );
        assert_eq!(CriterionScale::OneToTen.value_text(7.5), "7.5");
        assert_eq!(
            CriterionScale::TShirt.estimate_text(&range(2.0, 3.0, 4.0)),
            "S–M–L"
        );
        assert_eq!(
            CriterionScale::Percent.estimate_text(&range(20.0, 40.0, 50.0)),
            "20%–40%–50%"
        );
        assert_eq!(CriterionScale::YesNo.estimate_text(&Estimate::point(1.0)), "yes");
        let labels: Vec<String> = [
            CriterionScale::OneToTen,
            CriterionScale::Percent,
            CriterionScale::Money { most: 500_000.0 },
            CriterionScale::TShirt,
            CriterionScale::YesNo,
        ]
        .into_iter()
        .map(CriterionScale::label)
        .collect();
        assert_eq!(
            labels,
            ["1–10", "percent", "money up to 500,000", "XS–XL", "yes/no"]
        );
        assert!(CriterionScale::TShirt.whole_steps() && CriterionScale::YesNo.whole_steps());
        assert!(!CriterionScale::Percent.whole_steps() && !CriterionScale::OneToTen.whole_steps());
        assert!(!CriterionScale::Money { most: 1.0 }.whole_steps());
    }

    #[test]
    fn an_unnamed_criterion_still_has_a_readable_name() {
        let mut unnamed = criterion("c1", 1.0, Direction::Benefit, CriterionScale::Percent);
        unnamed.name = "  ".into();
        assert_eq!(unnamed.display_name(), "Untitled criterion");
        unnamed.name = " Fit ".into();
        assert_eq!(unnamed.display_name(), "Fit");
    }

    #[test]
    fn the_inputs_are_listed_in_the_formulas_order_with_ranges_and_proposals() {
        let texts = |roadmap: &Roadmap| -> Vec<Option<String>> {
            framework_inputs(roadmap, &roadmap.initiatives[0])
                .iter()
                .map(FrameworkInput::text)
                .collect()
        };
        let mut rice = roadmap(Framework::Rice, &["Data lake"]);
        let _ = scored(&mut rice, |initiative| {
            full_rice(initiative);
            initiative.rice.reach = Some(range(1500.0, 2000.0, 3000.0));
            initiative.rice.effort = None;
        });
        assert_eq!(
            texts(&rice),
            [
                Some("Reach 1,500–2,000–3,000".to_string()),
                Some("RICE impact 2".to_string()),
                Some("Confidence 80%".to_string()),
                None,
            ]
        );
        let names: Vec<String> = framework_inputs(&rice, &rice.initiatives[0])
            .into_iter()
            .map(|input| input.name)
            .collect();
        assert_eq!(names[3], "Effort (person-months)");

        let mut ice = roadmap(Framework::Ice, &["Data lake"]);
        let _ = scored(&mut ice, |initiative| {
            initiative.ice.ease = Some(range(2.0, 3.0, 7.0))
        });
        assert_eq!(texts(&ice), [None, None, Some("Ease 2–3–7".to_string())]);

        let mut wsjf = roadmap(Framework::Wsjf, &["Data lake"]);
        let _ = scored(&mut wsjf, |initiative| {
            wsjf_inputs(initiative);
            initiative.urgency = Urgency::High;
        });
        assert_eq!(
            texts(&wsjf),
            [
                Some("Business value 8".to_string()),
                Some("Time criticality 13 (proposed)".to_string()),
                Some("Risk reduction 5".to_string()),
                Some("Job size 3".to_string()),
            ]
        );
        let _ = scored(&mut wsjf, |initiative| {
            initiative.wsjf.time_criticality = point(5.0)
        });
        assert_eq!(texts(&wsjf)[1].as_deref(), Some("Time criticality 5"));

        let mut weighted = roadmap(Framework::Weighted, &["Data lake"]);
        weighted.criteria = vec![
            criterion("c1", 1.0, Direction::Benefit, CriterionScale::TShirt),
            criterion("c2", 1.0, Direction::Cost, CriterionScale::Percent),
        ];
        let _ = scored(&mut weighted, |initiative| {
            initiative.criteria = values(&[("c1", range(2.0, 3.0, 4.0))]);
        });
        assert_eq!(texts(&weighted), [Some("Criterion c1 S–M–L".to_string()), None]);

        let grid = roadmap(Framework::EffortImpact, &["Data lake"]);
        assert_eq!(
            texts(&grid),
            [Some("Impact 5.5".to_string()), Some("Effort 5.5".to_string())]
        );
    }

    // ---- ranks ----

    /// (title, rank) of each line of the ranked list, in its order.
    fn ranked(roadmap: &Roadmap) -> Vec<(String, Option<usize>)> {
        rank_initiatives(roadmap)
            .into_iter()
            .map(|line| {
                assert_eq!(
                    line.score,
                    framework_score(roadmap, &roadmap.initiatives[line.index])
                );
                (roadmap.initiatives[line.index].title.clone(), line.rank)
            })
            .collect()
    }

    #[test]
    fn ranks_go_by_score_then_title_then_roadmap_order_and_the_unscored_come_last() {
        let mut roadmap = roadmap(
            Framework::Ice,
            &[
                "Unscored B",
                "Mesh",
                "Lake",
                "Unscored A",
                "Catalog",
                "Lake",
                "Zebra",
            ],
        );
        let ease = |value: f64| IceInputs {
            impact: point(1.0),
            confidence: point(1.0),
            ease: point(value),
        };
        for (index, inputs) in [
            (1, ease(5.0)),
            (2, ease(5.0)),
            (4, ease(9.0)),
            (5, ease(5.0)),
            (6, ease(2.0)),
        ] {
            let id = roadmap.initiatives[index].id.clone();
            roadmap.update_initiative(&id, |initiative| initiative.ice = inputs);
        }
        let lines = rank_initiatives(&roadmap);
        let indexes: Vec<usize> = lines.iter().map(|line| line.index).collect();
        // Equal scores: "Lake" before "Mesh", and the two "Lake"s in roadmap order.
        assert_eq!(indexes, [4, 2, 5, 1, 6, 0, 3]);
        assert_eq!(
            ranked(&roadmap),
            [
                ("Catalog", Some(1)),
                ("Lake", Some(2)),
                ("Lake", Some(3)),
                ("Mesh", Some(4)),
                ("Zebra", Some(5)),
                ("Unscored B", None),
                ("Unscored A", None),
            ]
            .map(|(title, rank)| (title.to_string(), rank))
        );
    }

    #[test]
    fn an_empty_roadmap_has_an_empty_ranked_list() {
        assert!(rank_initiatives(&roadmap(Framework::Rice, &[])).is_empty());
    }

    #[test]
    fn each_framework_is_labelled_by_its_own_name() {
        let labels: Vec<&str> = Framework::ALL.into_iter().map(Framework::label).collect();
        assert_eq!(
            labels,
            ["Effort vs impact", "RICE", "ICE", "WSJF", "Weighted criteria"]
        );
        let keys: Vec<&str> = Framework::ALL.into_iter().map(Framework::key).collect();
        assert_eq!(keys, ["effort_impact", "rice", "ice", "wsjf", "weighted"]);
    }

    #[test]
    fn a_negative_fraction_keeps_its_sign_and_a_number_past_hundredths_is_the_float_itself() {
        assert_eq!(number(-0.5), "-0.5");
        assert_eq!(number(-0.25), "-0.25");
        assert_eq!(number(-0.004), "0");
        // 10^28 is 10^30 hundredths, no longer below the limit: written as the float holds it.
        assert_eq!(number(1e28), "9,999,999,999,999,999,583,119,736,832");
    }
}
