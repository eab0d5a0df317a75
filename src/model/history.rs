//! Undo and redo as snapshots: cheap to reason about, and a roadmap clones fast.

/// How many steps back undo reaches.
pub const HISTORY_LIMIT: usize = 200;

/// Past and future states around the current one.
#[derive(Clone, Debug)]
pub struct History<T> {
    past: Vec<T>,
    future: Vec<T>,
}

impl<T> Default for History<T> {
    fn default() -> Self {
        History {
            past: Vec::new(),
            future: Vec::new(),
        }
    }
}

impl<T> History<T> {
    /// Remembers the state before a change; a new change drops the redo branch.
    pub fn record(&mut self, before: T) {
        if self.past.len() == HISTORY_LIMIT {
            self.past.remove(0);
        }
        self.past.push(before);
        self.future.clear();
    }

    /// The state to go back to, given the current one.
    pub fn undo(&mut self, current: T) -> Option<T> {
        let previous = self.past.pop()?;
        self.future.push(current);
        Some(previous)
    }

    /// The state to go forward to, given the current one.
    pub fn redo(&mut self, current: T) -> Option<T> {
        let next = self.future.pop()?;
        self.past.push(current);
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_then_redo_walks_back_and_forth() {
        let mut history = History::default();
        history.record(1);
        history.record(2);
        assert_eq!(history.undo(3), Some(2));
        assert_eq!(history.undo(2), Some(1));
        assert_eq!(history.undo(1), None);
        assert_eq!(history.redo(1), Some(2));
        assert_eq!(history.redo(2), Some(3));
        assert!(!history.can_redo());
    }

    #[test]
    fn a_new_change_drops_the_redo_branch() {
        let mut history = History::default();
        history.record("a");
        assert_eq!(history.undo("b"), Some("a"));
        history.record("a");
        assert!(!history.can_redo());
        assert!(history.can_undo());
    }

    #[test]
    fn history_keeps_only_the_newest_steps() {
        let mut history = History::default();
        for step in 0..HISTORY_LIMIT + 10 {
            history.record(step);
        }
        let mut current = HISTORY_LIMIT + 10;
        let mut steps = 0;
        while let Some(previous) = history.undo(current) {
            current = previous;
            steps += 1;
        }
        assert_eq!((steps, current), (HISTORY_LIMIT, 10));
    }

    #[test]
    fn redo_is_offered_exactly_while_an_undone_step_waits() {
        let mut history = History::default();
        assert!(!history.can_undo() && !history.can_redo());
        history.record(1);
        assert!(history.can_undo() && !history.can_redo());
        assert_eq!(history.undo(2), Some(1));
        assert!(history.can_redo() && !history.can_undo());
        assert_eq!(history.redo(1), Some(2));
        assert!(history.can_undo() && !history.can_redo());
    }
}
