//! Work that waits until edits pause: a timer that every new call restarts. The charts, the
//! ranked list, the timeline and rank stability follow the roadmap this way, so the steps of a
//! burst of edits stay cheap and the work runs once it rests.

use std::time::Duration;

use leptos::prelude::*;

#[derive(Clone, Copy)]
pub(crate) struct Pause {
    pending: StoredValue<Option<TimeoutHandle>>,
    delay: Duration,
}

impl Pause {
    pub(crate) fn new(delay_ms: u64) -> Pause {
        Pause {
            pending: StoredValue::new(None),
            delay: Duration::from_millis(delay_ms),
        }
    }

    /// Runs `then` once no other call comes for the delay; a wait already pending is dropped.
    pub(crate) fn restart(self, then: impl FnOnce() + 'static) {
        self.cancel();
        let pending = self.pending;
        let handle = set_timeout_with_handle(
            move || {
                pending.set_value(None);
                then();
            },
            self.delay,
        )
        .ok();
        self.pending.set_value(handle);
    }

    /// Drops the wait pending, if any.
    pub(crate) fn cancel(self) {
        if let Some(handle) = self.pending.get_value() {
            handle.clear();
        }
        self.pending.set_value(None);
    }
}
