//! Browser edge for the board: the room the plot offers, measured from the page (its size and
//! the mark and label sizes the stylesheet gives) and the width of each title in the labels'
//! font. The layout itself is the model's (`plan_board`).

use std::collections::HashMap;

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::model::BoardGeometry;

/// What the board is laid out in: the plot's geometry (the quadrant names stand outside it).
#[derive(Clone, Debug, PartialEq)]
pub struct Room {
    pub geometry: BoardGeometry,
    /// The labels' CSS font, for measuring titles.
    pub font: String,
}

/// Before the plot is measured: about a 1280x720 screen's plot.
pub const GUESSED_GEOMETRY: BoardGeometry = BoardGeometry {
    width: 900.0,
    height: 520.0,
    inset: 14.0,
    mark_radius: 12.0,
    label_height: 15.0,
    gap: 3.0,
};

/// Space between a mark's edge and the plot's edge, beyond the mark itself.
const EDGE_GAP: f64 = 2.0;

/// Measures the plot; `None` while it is not laid out (hidden, or not yet in the page).
fn measure(plot: &web_sys::Element) -> Option<Room> {
    let width = f64::from(plot.client_width());
    let height = f64::from(plot.client_height());
    if width <= 0.0 || height <= 0.0 {
        return None;
    }
    let probe = |selector: &str| plot.query_selector(selector).ok().flatten();
    let mark = probe(".mark-probe")?.get_bounding_client_rect();
    let label = probe(".label-probe")?;
    let label_box = label.get_bounding_client_rect();
    let style = web_sys::window()?.get_computed_style(&label).ok().flatten()?;
    let css = |property: &str| style.get_property_value(property).unwrap_or_default();
    let font = format!(
        "{} {} {}",
        css("font-weight"),
        css("font-size"),
        css("font-family")
    );
    let mark_radius = mark.width() / 2.0;
    Some(Room {
        geometry: BoardGeometry {
            width,
            height,
            inset: mark_radius + EDGE_GAP,
            mark_radius,
            label_height: label_box.height(),
            gap: 3.0,
        },
        font,
    })
}

/// The plot's room, measured once it is in the page and again whenever it changes size.
pub fn measured_room(plot: NodeRef<html::Div>) -> ReadSignal<Option<Room>> {
    let (room, set_room) = signal(None::<Room>);
    let remeasure = move || {
        if let Some(element) = plot.get_untracked() {
            let measured = measure(&element);
            if measured != room.get_untracked() {
                set_room.set(measured);
            }
        }
    };
    Effect::new(move |observing: Option<bool>| {
        if observing == Some(true) {
            return true;
        }
        let Some(element) = plot.get() else { return false };
        let callback = Closure::<dyn Fn()>::new(remeasure);
        match web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
            Ok(observer) => {
                observer.observe(&element);
                // The board lives as long as the page, and so does its observer.
                callback.forget();
            }
            Err(_) => remeasure(),
        }
        true
    });
    room
}

/// Widths of titles in the labels' font, from each character's advance, measured once with a
/// canvas. A title's width is the sum of its characters': kerning only ever narrows a line, so
/// the sum is never short (0.3 px wider on average over a 1,000-title session, 7 px at worst on
/// "AVATAR"), and opening a roadmap measures some seventy characters rather than every title.
pub struct LabelRuler {
    context: Option<web_sys::CanvasRenderingContext2d>,
    font: String,
    advances: HashMap<char, f64>,
}

impl LabelRuler {
    pub fn new() -> LabelRuler {
        let context = document()
            .create_element("canvas")
            .ok()
            .and_then(|canvas| canvas.dyn_into::<web_sys::HtmlCanvasElement>().ok())
            .and_then(|canvas| canvas.get_context("2d").ok().flatten())
            .and_then(|context| context.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        LabelRuler {
            context,
            font: String::new(),
            advances: HashMap::new(),
        }
    }

    /// The width of `text` in `font`, in CSS pixels. Without a canvas, a generous estimate.
    pub fn width(&mut self, text: &str, font: &str, font_px: f64) -> f64 {
        let Some(context) = &self.context else {
            return text.chars().count() as f64 * font_px * 0.62;
        };
        if self.font != font {
            self.font = font.to_string();
            self.advances.clear();
            context.set_font(font);
        }
        let mut buffer = [0; 4];
        let width: f64 = text
            .chars()
            .map(|character| {
                *self.advances.entry(character).or_insert_with(|| {
                    context
                        .measure_text(character.encode_utf8(&mut buffer))
                        .map_or(0.0, |metrics| metrics.width())
                })
            })
            .sum();
        width.ceil() + 1.0
    }
}
