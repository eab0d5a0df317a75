//! The alert area: errors and information that must not be missed.

use leptos::prelude::*;

use crate::state::{Tone, use_planner};

#[component]
pub fn Notices() -> impl IntoView {
    let planner = use_planner();
    move || {
        planner.notice().map(|notice| {
            let rescue = notice.rescue.clone().map(|rescue| {
                let download = move |_| planner.download(&rescue.file_name, &rescue.text, "application/json");
                view! {
                    <button type="button" on:click=download>
                        "Download the unreadable data"
                    </button>
                }
            });
            let export = notice.offer_export.then(|| {
                view! {
                    <button type="button" class="primary" on:click=move |_| planner.export_json()>
                        "Export JSON now"
                    </button>
                }
            });
            let tone = match notice.tone {
                Tone::Error => "notice notice-error",
                Tone::Info => "notice notice-info",
            };
            view! {
                <div class=tone role="alert">
                    <span class="notice-icon" aria-hidden="true">
                        {if notice.tone == Tone::Error { "⚠" } else { "ℹ" }}
                    </span>
                    <p class="notice-text">{notice.text}</p>
                    {rescue}
                    {export}
                    <button type="button" class="link" on:click=move |_| planner.dismiss_notice()>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}
