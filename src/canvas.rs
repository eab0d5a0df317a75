//! Browser edge: canvases for the charts (sized for the screen's pixel density) and a
//! presentation-size canvas turned into a PNG download.

use plotters::coord::Shift;
use plotters::prelude::{DrawingArea, IntoDrawingArea};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use crate::charts::Scale;

/// Gives `canvas` a drawing buffer of its on-screen width times the device pixel ratio (so
/// lines stay sharp on high-DPI screens) and `css_height` CSS pixels tall; returns the area
/// to draw on and the scale to draw at. `None` while the canvas is not laid out.
pub fn fit(
    canvas: &HtmlCanvasElement,
    css_height: f64,
) -> Option<(DrawingArea<CanvasBackend, Shift>, Scale)> {
    let ratio = web_sys::window()
        .map_or(1.0, |window| window.device_pixel_ratio())
        .max(1.0);
    let css_width = f64::from(canvas.client_width());
    if css_width <= 0.0 {
        return None;
    }
    canvas.set_width((css_width * ratio).round() as u32);
    canvas.set_height((css_height * ratio).round() as u32);
    let backend = CanvasBackend::with_canvas_object(canvas.clone())?;
    Some((backend.into_drawing_area(), Scale(ratio)))
}

/// Calls `then` once, the first time `element` comes into the viewport (at once if it is).
pub fn when_first_visible(element: &web_sys::Element, then: impl FnOnce() + 'static) {
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;

    let then = Rc::new(RefCell::new(Some(then)));
    let pending = Rc::clone(&then);
    let callback = Closure::<dyn Fn(js_sys::Array, web_sys::IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            let visible = entries.iter().any(|entry| {
                entry
                    .dyn_into::<web_sys::IntersectionObserverEntry>()
                    .is_ok_and(|entry| entry.is_intersecting())
            });
            if visible && let Some(then) = pending.borrow_mut().take() {
                observer.disconnect();
                then();
            }
        },
    );
    match web_sys::IntersectionObserver::new(callback.as_ref().unchecked_ref()) {
        Ok(observer) => {
            observer.observe(element);
            // The observer holds the callback until it disconnects, once the chart is seen.
            callback.forget();
        }
        // No observer in this browser: draw at once, as before.
        Err(_) => {
            if let Some(then) = then.borrow_mut().take() {
                then();
            }
        }
    }
}

/// Draws on a fresh canvas of `size` pixels (never shown) and offers it as a PNG download.
pub fn download_png(
    file_name: &str,
    size: (u32, u32),
    draw: impl FnOnce(&DrawingArea<CanvasBackend, Shift>) -> Result<(), String>,
) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or("no document")?;
    let canvas: HtmlCanvasElement = document
        .create_element("canvas")
        .map_err(|_| "the browser refused to create a canvas")?
        .dyn_into()
        .map_err(|_| "the browser refused to create a canvas")?;
    canvas.set_width(size.0);
    canvas.set_height(size.1);
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("the canvas has no 2D drawing")?;
    draw(&backend.into_drawing_area())?;
    let url = canvas
        .to_data_url_with_type("image/png")
        .map_err(|_| "the browser refused to encode the picture")?;
    crate::files::download_url(file_name, &url)
}

/// User-timing marks around a refresh of the charts ("insight-charts" in the browser's
/// performance panel, and read by the benchmark): from the numbers' refresh to each chart drawn.
pub fn mark_refresh() {
    mark("insight-refresh");
}

pub fn measure_drawn() {
    measure("insight-charts", "insight-refresh");
}

/// A user-timing mark named `name`.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.mark(name);
    }
}

/// A user-timing measure `name` from the latest mark `start` to now.
pub fn measure(name: &str, start: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        let _ = performance.measure_with_start_mark(name, start);
    }
}
