//! Phases: ordered stages of the roadmap that initiatives are grouped into.

use serde::{Deserialize, Serialize};

/// Stable identifier of a phase inside its roadmap (`p1`, `p2`, …).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PhaseId(pub String);

impl PhaseId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// One phase; field order is the file format's key order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    pub id: PhaseId,
    pub name: String,
    /// Effort points the phase can hold; `None` means no limit was set.
    pub capacity: Option<f64>,
}

/// How full a phase is, for the "less is more" warning.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PhaseLoad {
    pub effort: f64,
    pub count: usize,
    pub capacity: Option<f64>,
}

impl PhaseLoad {
    pub fn is_over_capacity(&self) -> bool {
        self.capacity
            .is_some_and(|capacity| self.effort > capacity + 1e-9)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_over_capacity_warns_only_when_exceeded() {
        let load = |effort, capacity| PhaseLoad {
            effort,
            count: 2,
            capacity,
        };
        assert!(load(12.5, Some(12.0)).is_over_capacity());
        assert!(!load(12.0, Some(12.0)).is_over_capacity());
        assert!(!load(99.0, None).is_over_capacity());
    }
}
