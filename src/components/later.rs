//! Parts of the page built after its first paint, one per frame: the first paint shows the board
//! sooner, and no part keeps a slow phone from answering input or painting for long.

use std::time::Duration;

use leptos::prelude::*;

/// Counts from 0 up to `parts`, one step per frame from the first paint on.
pub(crate) fn count_in_turns(parts: u8) -> RwSignal<u8> {
    let built = RwSignal::new(0);
    step(built, parts);
    built
}

/// Runs `work` in a task of its own right after the next frame has painted: a frame's
/// callbacks run before it paints, the task after one runs after it.
pub(crate) fn after_next_paint(work: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(work, Duration::ZERO));
}

/// The next step, right after the next frame: steps taken back to back would hold that frame
/// (and any input waiting for it) until the last part is built.
fn step(built: RwSignal<u8>, parts: u8) {
    after_next_paint(move || {
        // Nothing to count once the view that asked is gone.
        let count = built.try_update(|count| {
            *count += 1;
            *count
        });
        if count.is_some_and(|count| count < parts) {
            step(built, parts);
        }
    });
}

/// Its children, once `built` has counted up to `at`.
#[component]
pub(crate) fn Later(built: RwSignal<u8>, at: u8, children: ChildrenFn) -> impl IntoView {
    let due = Memo::new(move |_| built.get() >= at);
    move || due.get().then(|| children())
}
