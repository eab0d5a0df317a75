use leptos::prelude::{document, set_timeout};

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(stackplan::app::App);
    retire_boot_page();
}

/// What index.html shows while the app downloads gives way to the app in the same frame: it is
/// hidden now and removed a moment later. Removed at once, its note could leave before the
/// browser had recorded that it painted it (that record arrives after the paint, and waits while
/// the app starts), and the page would count as blank until the app appears.
fn retire_boot_page() {
    let Some(boot) = document().get_element_by_id("boot") else {
        return;
    };
    let _ = boot.class_list().add_1("is-done");
    set_timeout(move || boot.remove(), std::time::Duration::from_secs(1));
}
