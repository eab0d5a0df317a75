//! The data-maturity audit from the outline ("Audit your data maturity"): the four analytics
//! levels and six organisational dimensions, each scored 0–5 by the user.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Highest score on the audit's scale; the lowest is 0.
pub const MATURITY_MAX: u8 = 5;

/// What each step of the 0–5 scale means, shown beside the inputs and in the chart's table.
pub const MATURITY_STEPS: [&str; 6] = [
    "Absent: not done at all",
    "Ad hoc: done by individuals, when someone needs it",
    "Repeatable: done the same way by some teams",
    "Defined: documented and shared across the organization",
    "Managed: measured and improved against targets",
    "Optimized: automated, continuously improved, a strength",
];

/// Whether an aspect is one of the analytics levels or one of the dimensions behind them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MaturityGroup {
    Level,
    Dimension,
}

/// One scored line of the audit, in the outline's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MaturityAspect {
    Descriptive,
    Diagnostic,
    Predictive,
    Prescriptive,
    Infrastructure,
    Processes,
    Kpis,
    Team,
    Budget,
    Culture,
}

impl MaturityAspect {
    pub const ALL: [MaturityAspect; 10] = [
        MaturityAspect::Descriptive,
        MaturityAspect::Diagnostic,
        MaturityAspect::Predictive,
        MaturityAspect::Prescriptive,
        MaturityAspect::Infrastructure,
        MaturityAspect::Processes,
        MaturityAspect::Kpis,
        MaturityAspect::Team,
        MaturityAspect::Budget,
        MaturityAspect::Culture,
    ];

    /// The label of its input, table row and chart bar.
    pub fn label(self) -> &'static str {
        match self {
            MaturityAspect::Descriptive => "Descriptive",
            MaturityAspect::Diagnostic => "Diagnostic",
            MaturityAspect::Predictive => "Predictive",
            MaturityAspect::Prescriptive => "Prescriptive",
            MaturityAspect::Infrastructure => "Infrastructure",
            MaturityAspect::Processes => "Processes",
            MaturityAspect::Kpis => "KPIs & metrics",
            MaturityAspect::Team => "Team and talent",
            MaturityAspect::Budget => "Budget and resources",
            MaturityAspect::Culture => "Culture",
        }
    }

    /// The outline's question for a level, or what a dimension covers.
    pub fn question(self) -> &'static str {
        match self {
            MaturityAspect::Descriptive => "What happened?",
            MaturityAspect::Diagnostic => "Why did it happen?",
            MaturityAspect::Predictive => "What will happen?",
            MaturityAspect::Prescriptive => "What should we do?",
            MaturityAspect::Infrastructure => "Platforms, pipelines and storage",
            MaturityAspect::Processes => "How data work is planned, run and reviewed",
            MaturityAspect::Kpis => "Agreed measures of success, tracked",
            MaturityAspect::Team => "Skills, roles and hiring",
            MaturityAspect::Budget => "Money and time set aside for data",
            MaturityAspect::Culture => "Decisions made with data",
        }
    }

    pub fn group(self) -> MaturityGroup {
        match self {
            MaturityAspect::Descriptive
            | MaturityAspect::Diagnostic
            | MaturityAspect::Predictive
            | MaturityAspect::Prescriptive => MaturityGroup::Level,
            _ => MaturityGroup::Dimension,
        }
    }

    /// Its key in the roadmap file.
    pub fn key(self) -> &'static str {
        match self {
            MaturityAspect::Descriptive => "descriptive",
            MaturityAspect::Diagnostic => "diagnostic",
            MaturityAspect::Predictive => "predictive",
            MaturityAspect::Prescriptive => "prescriptive",
            MaturityAspect::Infrastructure => "infrastructure",
            MaturityAspect::Processes => "processes",
            MaturityAspect::Kpis => "kpis",
            MaturityAspect::Team => "team",
            MaturityAspect::Budget => "budget",
            MaturityAspect::Culture => "culture",
        }
    }
}

impl fmt::Display for MaturityAspect {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// Why a typed maturity score was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MaturityScoreError;

impl fmt::Display for MaturityScoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Enter a whole number from 0 to {MATURITY_MAX}, or leave it empty."
        )
    }
}

/// Reads a score as typed: empty means not scored.
pub fn parse_maturity(text: &str) -> Result<Option<u8>, MaturityScoreError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u8>() {
        Ok(score) if score <= MATURITY_MAX => Ok(Some(score)),
        _ => Err(MaturityScoreError),
    }
}

/// The audit as saved with the roadmap. Field order is the file's key order; aspects not
/// scored yet are left out of the file, and a blank audit leaves out the whole field, so
/// roadmaps that never used it export exactly as before.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaturityAudit {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    descriptive: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    diagnostic: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    predictive: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    prescriptive: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    infrastructure: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    processes: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    kpis: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    team: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    budget: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    culture: Option<u8>,
}

impl MaturityAudit {
    fn slot(&self, aspect: MaturityAspect) -> &Option<u8> {
        match aspect {
            MaturityAspect::Descriptive => &self.descriptive,
            MaturityAspect::Diagnostic => &self.diagnostic,
            MaturityAspect::Predictive => &self.predictive,
            MaturityAspect::Prescriptive => &self.prescriptive,
            MaturityAspect::Infrastructure => &self.infrastructure,
            MaturityAspect::Processes => &self.processes,
            MaturityAspect::Kpis => &self.kpis,
            MaturityAspect::Team => &self.team,
            MaturityAspect::Budget => &self.budget,
            MaturityAspect::Culture => &self.culture,
        }
    }

    fn slot_mut(&mut self, aspect: MaturityAspect) -> &mut Option<u8> {
        match aspect {
            MaturityAspect::Descriptive => &mut self.descriptive,
            MaturityAspect::Diagnostic => &mut self.diagnostic,
            MaturityAspect::Predictive => &mut self.predictive,
            MaturityAspect::Prescriptive => &mut self.prescriptive,
            MaturityAspect::Infrastructure => &mut self.infrastructure,
            MaturityAspect::Processes => &mut self.processes,
            MaturityAspect::Kpis => &mut self.kpis,
            MaturityAspect::Team => &mut self.team,
            MaturityAspect::Budget => &mut self.budget,
            MaturityAspect::Culture => &mut self.culture,
        }
    }

    pub fn score(&self, aspect: MaturityAspect) -> Option<u8> {
        *self.slot(aspect)
    }

    /// Sets or clears one score; a score above the scale is kept at its top.
    pub fn set(&mut self, aspect: MaturityAspect, score: Option<u8>) {
        *self.slot_mut(aspect) = score.map(|score| score.min(MATURITY_MAX));
    }

    /// Nothing scored yet.
    pub fn is_blank(&self) -> bool {
        MaturityAspect::ALL
            .iter()
            .all(|&aspect| self.score(aspect).is_none())
    }

    /// The first aspect whose score is off the scale (only a file can hold one).
    pub fn off_scale(&self) -> Option<MaturityAspect> {
        MaturityAspect::ALL
            .into_iter()
            .find(|&aspect| self.score(aspect).is_some_and(|score| score > MATURITY_MAX))
    }

    /// The mean score of a group's scored aspects, if any are scored.
    pub fn average(&self, group: MaturityGroup) -> Option<f64> {
        let scores: Vec<u8> = MaturityAspect::ALL
            .into_iter()
            .filter(|aspect| aspect.group() == group)
            .filter_map(|aspect| self.score(aspect))
            .collect();
        (!scores.is_empty())
            .then(|| scores.iter().map(|&score| f64::from(score)).sum::<f64>() / scores.len() as f64)
    }

    /// The scored aspects with the lowest score: where the roadmap should invest first.
    pub fn weakest(&self) -> Vec<MaturityAspect> {
        let lowest = MaturityAspect::ALL
            .into_iter()
            .filter_map(|aspect| self.score(aspect))
            .min();
        MaturityAspect::ALL
            .into_iter()
            .filter(|&aspect| lowest.is_some() && self.score(aspect) == lowest)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn audit(scores: &[(MaturityAspect, u8)]) -> MaturityAudit {
        let mut audit = MaturityAudit::default();
        for &(aspect, score) in scores {
            audit.set(aspect, Some(score));
        }
        audit
    }

    #[test]
    fn every_aspect_has_its_own_slot_label_and_key() {
        for (index, aspect) in MaturityAspect::ALL.into_iter().enumerate() {
            let mut audit = MaturityAudit::default();
            audit.set(aspect, Some(3));
            for other in MaturityAspect::ALL {
                assert_eq!(
                    audit.score(other),
                    (other == aspect).then_some(3),
                    "{aspect} vs {other}"
                );
            }
            for later in &MaturityAspect::ALL[index + 1..] {
                assert_ne!(aspect.label(), later.label());
                assert_ne!(aspect.key(), later.key());
                assert_ne!(aspect.question(), later.question());
            }
            assert_eq!(aspect.to_string(), aspect.label());
            assert_eq!(
                serde_json::to_string(&audit).expect("serializes"),
                format!("{{\"{}\":3}}", aspect.key())
            );
        }
    }

    #[test]
    fn the_four_levels_come_first_then_the_six_dimensions() {
        let groups: Vec<MaturityGroup> = MaturityAspect::ALL
            .into_iter()
            .map(MaturityAspect::group)
            .collect();
        assert_eq!(groups[..4], [MaturityGroup::Level; 4]);
        assert_eq!(groups[4..], [MaturityGroup::Dimension; 6]);
        assert_eq!(MaturityAspect::Kpis.label(), "KPIs & metrics");
        assert_eq!(MaturityAspect::Team.label(), "Team and talent");
        assert_eq!(MaturityAspect::Budget.label(), "Budget and resources");
    }

    #[test]
    fn setting_clamps_to_the_scale_and_none_clears() {
        let mut audit = MaturityAudit::default();
        audit.set(MaturityAspect::Culture, Some(9));
        assert_eq!(audit.score(MaturityAspect::Culture), Some(MATURITY_MAX));
        audit.set(MaturityAspect::Culture, None);
        assert!(audit.is_blank());
    }

    #[test]
    fn a_blank_audit_is_blank_and_one_score_is_not() {
        assert!(MaturityAudit::default().is_blank());
        assert!(!audit(&[(MaturityAspect::Prescriptive, 0)]).is_blank());
    }

    #[test]
    fn typed_scores_are_whole_numbers_from_zero_to_five_or_empty() {
        assert_eq!(parse_maturity(""), Ok(None));
        assert_eq!(parse_maturity("  "), Ok(None));
        assert_eq!(parse_maturity("0"), Ok(Some(0)));
        assert_eq!(parse_maturity(" 5 "), Ok(Some(5)));
        for bad in ["6", "-1", "2.5", "three", "256"] {
            assert_eq!(parse_maturity(bad), Err(MaturityScoreError), "{bad}");
        }
        assert_eq!(
            MaturityScoreError.to_string(),
            "Enter a whole number from 0 to 5, or leave it empty."
        );
    }

    #[test]
    fn every_step_of_the_scale_has_its_own_meaning() {
        assert_eq!(MATURITY_STEPS.len(), usize::from(MATURITY_MAX) + 1);
        for (index, step) in MATURITY_STEPS.iter().enumerate() {
            assert!(step.contains(": "), "{step}");
            assert!(!MATURITY_STEPS[index + 1..].contains(step));
        }
    }

    #[test]
    fn averages_count_only_scored_aspects_of_their_group() {
        let scored = audit(&[
            (MaturityAspect::Descriptive, 4),
            (MaturityAspect::Diagnostic, 1),
            (MaturityAspect::Culture, 5),
        ]);
        assert_eq!(scored.average(MaturityGroup::Level), Some(2.5));
        assert_eq!(scored.average(MaturityGroup::Dimension), Some(5.0));
        assert_eq!(MaturityAudit::default().average(MaturityGroup::Level), None);
    }

    #[test]
    fn the_weakest_are_every_aspect_at_the_lowest_score() {
        let scored = audit(&[
            (MaturityAspect::Predictive, 1),
            (MaturityAspect::Team, 1),
            (MaturityAspect::Culture, 3),
        ]);
        assert_eq!(
            scored.weakest(),
            vec![MaturityAspect::Predictive, MaturityAspect::Team]
        );
        assert_eq!(
            audit(&[(MaturityAspect::Culture, 0)]).weakest(),
            vec![MaturityAspect::Culture]
        );
        assert!(MaturityAudit::default().weakest().is_empty());
    }

    #[test]
    fn off_scale_names_the_first_score_above_five() {
        let mut audit = MaturityAudit::default();
        assert_eq!(audit.off_scale(), None);
        audit.team = Some(6);
        audit.culture = Some(7);
        assert_eq!(audit.off_scale(), Some(MaturityAspect::Team));
        audit.team = Some(5);
        assert_eq!(audit.off_scale(), Some(MaturityAspect::Culture));
    }

    #[test]
    fn the_file_form_lists_scored_aspects_in_order_and_nothing_else() {
        let scored = audit(&[(MaturityAspect::Culture, 2), (MaturityAspect::Descriptive, 4)]);
        assert_eq!(
            serde_json::to_string(&scored).expect("serializes"),
            r#"{"descriptive":4,"culture":2}"#
        );
        let back: MaturityAudit = serde_json::from_str(r#"{"descriptive":4,"culture":2}"#).expect("reads");
        assert_eq!(back, scored);
        assert!(serde_json::from_str::<MaturityAudit>(r#"{"vision":2}"#).is_err());
    }
}
