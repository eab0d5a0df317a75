//! The one modal shell every dialog opens in: focus moves in when it opens, stays inside while
//! it is open (Tab wraps, focus that strays is brought back), and goes back to where it was
//! when it closes. Escape and a click beside the dialog dismiss it, unless it must be answered.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, KeyboardEvent};

use super::{DomId, focus_later, focused};

/// What can take focus inside a dialog, in the order Tab visits it.
const FOCUSABLE: &str = "button:not([disabled]), input:not([disabled]), select:not([disabled]), \
                         textarea:not([disabled]), a[href], [tabindex]:not([tabindex=\"-1\"])";

/// How a dialog is named and described for assistive technology, and where focus starts.
pub(crate) struct ModalText {
    /// `dialog`, or `alertdialog` for a question that interrupts the work.
    pub role: &'static str,
    pub title_id: DomId<'static>,
    pub text_id: DomId<'static>,
    /// The element focused when the dialog opens.
    pub first_focus: DomId<'static>,
}

#[component]
pub(crate) fn Modal(
    text: ModalText,
    #[prop(optional)] class: &'static str,
    /// What Escape and a click beside the dialog do; `None` when it must be answered.
    dismiss: Option<Callback<()>>,
    children: Children,
) -> impl IntoView {
    let dialog = NodeRef::<html::Div>::new();
    let opener = StoredValue::new_local(focused());
    let first_focus = text.first_focus;
    focus_later(first_focus);
    // Focus that leaves the open dialog (a click on the browser's page, a screen reader's
    // virtual cursor) is brought back in.
    let strayed = window_event_listener(leptos::ev::focusin, move |event| {
        let inside = dialog.get_untracked().is_some_and(|dialog| {
            let target = event
                .target()
                .and_then(|target| target.dyn_into::<web_sys::Node>().ok());
            dialog.contains(target.as_ref())
        });
        if !inside {
            focus_later(first_focus);
        }
    });
    on_cleanup(move || {
        strayed.remove();
        // Back to where the user was, if that is still on the page.
        if let Some(opener) = opener
            .try_get_value()
            .flatten()
            .filter(|opener| opener.is_connected())
        {
            let _ = opener.focus();
        }
    });
    let on_keydown = move |event: KeyboardEvent| match event.key().as_str() {
        "Escape" => {
            if let Some(dismiss) = dismiss {
                dismiss.run(());
            }
        }
        "Tab" => {
            if let Some(dialog) = dialog.get_untracked() {
                keep_tab_inside(&dialog, &event);
            }
        }
        _ => {}
    };
    view! {
        <div
            class="backdrop"
            on:click=move |_| {
                if let Some(dismiss) = dismiss {
                    dismiss.run(());
                }
            }
        >
            <div
                node_ref=dialog
                class=format!("dialog {class}")
                role=text.role
                aria-modal="true"
                aria-labelledby=text.title_id.to_string()
                aria-describedby=text.text_id.to_string()
                on:click=|event| event.stop_propagation()
                on:keydown=on_keydown
            >
                {children()}
            </div>
        </div>
    }
}

/// Tab from the last control goes to the first, Shift+Tab from the first to the last.
fn keep_tab_inside(dialog: &HtmlElement, event: &KeyboardEvent) {
    let Ok(controls) = dialog.query_selector_all(FOCUSABLE) else {
        return;
    };
    let control = |index: u32| {
        controls
            .item(index)
            .and_then(|node| node.dyn_into::<HtmlElement>().ok())
    };
    let (Some(first), Some(last)) = (control(0), control(controls.length().saturating_sub(1))) else {
        event.prevent_default();
        return;
    };
    let active = focused();
    let (at_edge, wrap_to) = if event.shift_key() {
        (
            active.as_ref() == Some(&first) || active.as_ref() == Some(dialog),
            last,
        )
    } else {
        (active.as_ref() == Some(&last), first)
    };
    if at_edge {
        event.prevent_default();
        let _ = wrap_to.focus();
    }
}
