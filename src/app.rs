//! The page: loads the saved roadmap, provides the planner, lays out the panels.

use leptos::prelude::*;

use crate::autosave::{Autosave, provide_autosave};
use crate::components::later::{Later, count_in_turns};
use crate::components::{
    CatalogTree, ConfirmDialog, ConsensusPanel, Grid, Insight, Inspector, MapColumnsDialog, Notices,
    PhaseBoard, PrintTable, Priority, RankStabilityPanel, Timeline, Toolbar,
};
use crate::state::{Planner, provide_planner};

#[component]
pub fn App() -> impl IntoView {
    let (planner, autosave) = Autosave::open();
    provide_planner(planner);
    provide_autosave(autosave);
    planner.load_outlines(crate::storage::read_outlines());
    planner.accept_drops_and_pastes();
    undo_shortcuts(planner);
    open_share_links(planner);

    // The first paint shows the toolbar, the catalog and the board; the rest is built in the
    // next turns, the panels in view first, so that a cold load is interactive sooner. Only what
    // comes after the board in every layout waits: on a phone the catalog stands above the
    // board, and building it late would push the board down under the user.
    let built = count_in_turns(4);
    view! {
        <div class="app">
            <Toolbar/>
            <Notices/>
            <SectionNav/>
            <main class="workspace">
                <CatalogTree/>
                <div class="board">
                    <ConsensusPanel/>
                    <Grid/>
                    <Later built at=2><PhaseBoard/></Later>
                    <Later built at=3>
                        <Timeline/>
                        <Priority/>
                        <RankStabilityPanel/>
                    </Later>
                    <Later built at=4>
                        <PrintTable/>
                        <Insight/>
                    </Later>
                </div>
                <Later built at=1><Inspector/></Later>
            </main>
            <Later built at=4>
                <MapColumnsDialog/>
                <ConfirmDialog/>
            </Later>
        </div>
    }
}

/// On phones and tablets the panels stack in one column: these jump to each of them.
#[component]
fn SectionNav() -> impl IntoView {
    let go = |selector: &'static str| {
        move |_| {
            if let Some(element) = document().query_selector(selector).ok().flatten() {
                element.scroll_into_view();
            }
        }
    };
    view! {
        <nav class="section-nav" aria-label="Sections">
            <button type="button" on:click=go(".catalog")>"Catalog"</button>
            <button type="button" on:click=go(".grid-panel")>"Grid"</button>
            <button type="button" on:click=go(".phases")>"Phases"</button>
            <button type="button" on:click=go(".timeline")>"Timeline"</button>
            <button type="button" on:click=go(".priority")>"Priority"</button>
            <button type="button" on:click=go(".inspector")>"Inspector"</button>
            <button type="button" on:click=go(".insight")>"Insight"</button>
        </nav>
    }
}

/// A page opened with a share link (`#r=…`) offers its roadmap, and so does a share link pasted
/// into the address bar of the open page. The fragment is then cleared, so a reload does not
/// ask again.
fn open_share_links(planner: Planner) {
    let open = move || {
        if let Some(fragment) =
            crate::address::fragment().filter(|fragment| crate::model::is_share_fragment(fragment))
        {
            crate::address::clear_fragment();
            planner.open_share_link(&fragment);
        }
    };
    open();
    let _ = leptos::leptos_dom::helpers::window_event_listener(leptos::ev::hashchange, move |_| open());
}

/// Ctrl/Cmd+Z undoes, Ctrl/Cmd+Shift+Z (or Ctrl+Y) redoes — except inside a text field,
/// where the browser's own text undo applies.
fn undo_shortcuts(planner: Planner) {
    use wasm_bindgen::JsCast;

    let _ = leptos::leptos_dom::helpers::window_event_listener(leptos::ev::keydown, move |event| {
        if !(event.ctrl_key() || event.meta_key()) {
            return;
        }
        let in_text_field = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|element| {
                let tag = element.tag_name();
                let text_input = element
                    .dyn_ref::<web_sys::HtmlInputElement>()
                    .is_some_and(|input| !matches!(input.type_().as_str(), "checkbox" | "button" | "file"));
                text_input || tag == "TEXTAREA"
            });
        if in_text_field {
            return;
        }
        match (event.key().to_lowercase().as_str(), event.shift_key()) {
            ("z", false) => planner.undo(),
            ("z", true) | ("y", false) => planner.redo(),
            _ => return,
        }
        event.prevent_default();
    });
}
