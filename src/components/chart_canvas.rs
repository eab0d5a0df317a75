//! A chart on a canvas: drawn the first time it scrolls into view, then redrawn when its
//! numbers, the colour scheme or the page width change. Insight's charts and the data-maturity
//! chart share it.

use leptos::html::Canvas;
use leptos::prelude::*;

use crate::charts::{Scale, Theme};
use crate::{canvas, media};

/// The canvas a chart draws on.
pub(super) type ChartArea =
    plotters::prelude::DrawingArea<plotters_canvas::CanvasBackend, plotters::coord::Shift>;

/// Redraws `canvas` whenever `draw`'s signals, the colour scheme or the page width change,
/// from the first time it scrolls into view: a page that opens on the grid draws no chart.
pub(super) fn redraw_on_change(
    canvas_ref: NodeRef<Canvas>,
    css_height: impl Fn() -> f64 + 'static,
    look: Look,
    draw: impl Fn(&ChartArea, &Theme, Scale) + 'static,
) {
    let seen = first_seen(canvas_ref);
    Effect::new(move |_| {
        if !seen.get() {
            return;
        }
        let theme = if look.is_dark() { Theme::DARK } else { Theme::LIGHT };
        look.track_width();
        let Some(element) = canvas_ref.get() else { return };
        if let Some((area, scale)) = canvas::fit(&element, css_height()) {
            draw(&area, &theme, scale);
            canvas::measure_drawn();
        }
    });
}

/// Whether `chart` has been in the viewport yet: false until it first scrolls into view.
pub(super) fn first_seen(chart: NodeRef<Canvas>) -> Signal<bool> {
    let seen = RwSignal::new(false);
    Effect::new(move |watching: Option<bool>| {
        if watching == Some(true) {
            return true;
        }
        let Some(element) = chart.get() else {
            return false;
        };
        canvas::when_first_visible(&element, move || seen.set(true));
        true
    });
    seen.into()
}

/// What the charts' look depends on besides their numbers.
#[derive(Clone, Copy)]
pub(super) struct Look {
    dark: RwSignal<bool>,
    width: RwSignal<i32>,
}

impl Look {
    /// The page's colour scheme and width, followed as they change.
    pub(super) fn of_page() -> Look {
        let look = Look {
            dark: RwSignal::new(media::matches(media::DARK)),
            width: RwSignal::new(page_width()),
        };
        media::on_change(media::DARK, move |dark| look.dark.set(dark));
        let resize = window_event_listener(leptos::ev::resize, move |_| look.width.set(page_width()));
        on_cleanup(move || resize.remove());
        look
    }

    pub(super) fn is_dark(&self) -> bool {
        self.dark.get()
    }

    /// Subscribes to the page's width.
    pub(super) fn track_width(&self) {
        self.width.track();
    }
}

fn page_width() -> i32 {
    window()
        .inner_width()
        .ok()
        .and_then(|width| width.as_f64())
        .unwrap_or(0.0) as i32
}
