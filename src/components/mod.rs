//! One component per file, named for what the user sees.

use leptos::prelude::*;

pub(crate) use dom_id::DomId;

mod board_room;
mod board_tips;
mod catalog_tree;
mod chart_canvas;
mod cluster_chip;
mod confirm_dialog;
mod consensus;
mod data_maturity;
mod dom_id;
mod grid;
mod initiative_mark;
mod insight;
mod inspector;
pub(crate) mod later;
mod map_columns;
mod modal;
mod move_menu;
mod notices;
mod pause;
mod phase_board;
mod phase_dates;
mod phase_suggestion;
mod print_table;
mod priority;
mod quick_dates;
mod rank_stability;
mod score_ranges;
mod scoring;
mod timeline;
mod toolbar;

pub use catalog_tree::CatalogTree;
pub use confirm_dialog::ConfirmDialog;
pub use consensus::ConsensusPanel;
pub use grid::Grid;
pub use insight::Insight;
pub use inspector::Inspector;
pub use map_columns::MapColumnsDialog;
pub use notices::Notices;
pub use phase_board::PhaseBoard;
pub use print_table::PrintTable;
pub use priority::Priority;
pub use rank_stability::RankStabilityPanel;
pub use timeline::Timeline;
pub use toolbar::Toolbar;

/// A table with its caption (its accessible name) and column headings; each row starts with
/// a row heading. Shared by the Insight tables and the printout's table.
pub(crate) fn table_of<Rows: IntoView + 'static>(
    class: Option<&'static str>,
    caption: &'static str,
    columns: &[&'static str],
    rows: Rows,
) -> impl IntoView + use<Rows> {
    let headings = columns
        .iter()
        .map(|column| view! { <th scope="col">{*column}</th> })
        .collect_view();
    view! {
        <table class=class>
            <caption>{caption}</caption>
            <thead>
                <tr>{headings}</tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// `Data-platform-2027.stackplan.json` → `Data-platform-2027-<chart>.png`.
pub(crate) fn chart_file_name(planner: crate::state::Planner, chart: &str, extension: &str) -> String {
    let base = planner.with_roadmap(crate::model::file_name);
    let stem = base.strip_suffix(".stackplan.json").unwrap_or(&base);
    format!("{stem}-{chart}.{extension}")
}

/// Where an absolutely placed element covers `rect` (pixels of its container), as CSS.
pub(crate) fn rect_style(rect: &crate::model::Rect) -> String {
    format!(
        "left:{}px;top:{}px;width:{}px;height:{}px",
        rect.left,
        rect.top,
        rect.width(),
        rect.height()
    )
}

/// The phase step a key asks for on a focused card or bar: ← the phase before, → the one after.
pub(crate) fn phase_step(event: &web_sys::KeyboardEvent) -> Option<isize> {
    match event.key().as_str() {
        "ArrowLeft" => Some(-1),
        "ArrowRight" => Some(1),
        _ => None,
    }
}

/// Sets `signal` only when `value` differs, so what reads it wakes only for a real change.
pub(crate) fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|current| current != &value) {
        signal.set(value);
    }
}

/// Lets go of keyboard focus now, before the view removes the focused element (a closing
/// list): removing a focused element makes the browser lay out the whole page at once, inside
/// the update (measured: 27 ms at 10,000 initiatives). [`focus_later`] then puts focus back.
pub(crate) fn let_go_of_focus() {
    if let Some(focused) = focused() {
        let _ = focused.blur();
    }
}

/// The element that has keyboard focus, if any.
pub(crate) fn focused() -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    leptos::prelude::document()
        .active_element()
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
}

/// Moves keyboard focus to this element once the view has updated.
pub(crate) fn focus_later(element: DomId<'_>) {
    use wasm_bindgen::JsCast;
    let element_id = element.to_string();
    leptos::prelude::request_animation_frame(move || {
        if let Some(element) = leptos::prelude::document()
            .get_element_by_id(&element_id)
            .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = element.focus();
        }
    });
}
