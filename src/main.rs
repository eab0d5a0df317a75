fn main() {
    console_error_panic_hook::set_once();
    // What index.html shows while the app downloads gives way to the app, in the same frame.
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(stackplan::app::App);
}
