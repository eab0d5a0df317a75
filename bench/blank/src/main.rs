//! The blank comparison page: one paragraph of text, rendered by Leptos.

use leptos::prelude::*;

#[component]
fn Blank() -> impl IntoView {
    view! { <p>"Blank Leptos page"</p> }
}

fn main() {
    leptos::mount::mount_to_body(Blank);
}
