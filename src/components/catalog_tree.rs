//! The catalog: the strategy outline as a searchable, collapsible tree.

use std::collections::HashSet;

use leptos::prelude::*;

use super::focus_later;
use crate::state::use_planner;

fn item_id(entry: usize) -> String {
    format!("catalog-item-{entry}")
}

#[component]
pub fn CatalogTree() -> impl IntoView {
    let planner = use_planner();
    let catalog = planner.catalog();
    let query = RwSignal::new(String::new());
    // Top levels open, deeper ones closed: the outline reads as a table of contents. Sized
    // anew, with the search and the current item reset, whenever another outline is shown.
    let first_open = move || {
        catalog.with_untracked(|outline| {
            outline
                .entries
                .iter()
                .map(|entry| entry.depth <= 2)
                .collect::<Vec<bool>>()
        })
    };
    let expanded = RwSignal::new(first_open());
    let current = RwSignal::new(None::<usize>);
    Effect::new(move |first: Option<()>| {
        catalog.track();
        if first.is_some() {
            expanded.set(first_open());
            current.set(None);
            query.set(String::new());
        }
    });
    let searching = move || !query.with(|query| query.trim().is_empty());

    let visible = Memo::new(move |_| {
        catalog.with(|outline| {
            let shown = if searching() {
                query.with(|query| outline.search(query))
            } else {
                expanded.with(|expanded| {
                    (0..outline.entries.len())
                        .map(|entry| {
                            outline
                                .ancestors(entry)
                                .all(|ancestor| expanded.get(ancestor).copied().unwrap_or(false))
                        })
                        .collect()
                })
            };
            shown
                .into_iter()
                .enumerate()
                .filter_map(|(entry, shown)| shown.then_some(entry))
                .collect::<Vec<usize>>()
        })
    });
    let on_roadmap = Memo::new(move |_| {
        planner.track_origins();
        planner.with_roadmap(|roadmap| {
            roadmap
                .initiatives
                .iter()
                .filter_map(|initiative| initiative.origin.as_ref().map(|origin| origin.path.clone()))
                .collect::<HashSet<Vec<String>>>()
        })
    });
    let is_open = move |entry: usize| {
        searching() || expanded.with(|expanded| expanded.get(entry).copied().unwrap_or(false))
    };
    let set_open = move |entry: usize, open: bool| {
        expanded.update(|expanded| {
            if let Some(slot) = expanded.get_mut(entry) {
                *slot = open;
            }
        })
    };
    let focus = move |entry: usize| {
        current.set(Some(entry));
        focus_later(item_id(entry));
    };
    // The item that takes Tab focus: the current one while visible, else the first.
    let tab_stop = move || {
        let visible = visible.get();
        current
            .get()
            .filter(|entry| visible.contains(entry))
            .or_else(|| visible.first().copied())
    };

    // What "Add to roadmap" acts on: the selected item, while the tree shows it.
    let chosen = move || {
        current
            .get()
            .filter(|entry| visible.with(|visible| visible.contains(entry)))
    };

    let on_keydown = move |event: web_sys::KeyboardEvent| {
        let Some(entry) = tab_stop() else { return };
        let visible = visible.get_untracked();
        let position = visible.iter().position(|&shown| shown == entry).unwrap_or(0);
        let (has_children, parent) = catalog.with_untracked(|outline| {
            let found = &outline.entries[entry];
            (found.has_children, found.parent)
        });
        match event.key().as_str() {
            "ArrowDown" => {
                if let Some(&next) = visible.get(position + 1) {
                    focus(next);
                }
            }
            "ArrowUp" => {
                if let Some(previous) = position.checked_sub(1).and_then(|at| visible.get(at)) {
                    focus(*previous);
                }
            }
            "Home" => {
                if let Some(&first) = visible.first() {
                    focus(first);
                }
            }
            "End" => {
                if let Some(&last) = visible.last() {
                    focus(last);
                }
            }
            "ArrowRight" if has_children => {
                if is_open(entry) {
                    if let Some(&child) = visible.get(position + 1) {
                        focus(child);
                    }
                } else {
                    set_open(entry, true);
                }
            }
            "ArrowLeft" => {
                if has_children && is_open(entry) && !searching() {
                    set_open(entry, false);
                } else if let Some(parent) = parent {
                    focus(parent);
                }
            }
            "Enter" => planner.add_catalog_entry(entry, false),
            " " => current.set(Some(entry)),
            _ => return,
        }
        event.prevent_default();
    };

    let item = move |entry: usize| {
        let (heading, topic, tools, depth, has_children, path) = catalog.with_untracked(|outline| {
            let found = &outline.entries[entry];
            (
                found.heading.clone(),
                found.topic.clone(),
                found.tools.clone(),
                found.depth,
                found.has_children,
                outline.path(entry),
            )
        });
        let added = move || on_roadmap.with(|paths| paths.contains(&path));
        view! {
            <li
                role="treeitem"
                id=item_id(entry)
                class="tree-item"
                class=("is-current", move || current.get() == Some(entry))
                style=format!("--depth: {}", depth - 1)
                aria-label=heading
                attr:aria-level=depth
                aria-expanded=move || has_children.then(|| is_open(entry).to_string())
                aria-selected=move || (current.get() == Some(entry)).to_string()
                tabindex=move || if tab_stop() == Some(entry) { "0" } else { "-1" }
                on:click=move |_| focus(entry)
                on:dblclick=move |_| planner.add_catalog_entry(entry, false)
            >
                <span
                    class="twisty"
                    class=("is-leaf", !has_children)
                    class=("is-open", move || has_children && is_open(entry))
                    aria-hidden="true"
                    on:click=move |event| {
                        if has_children && !searching() {
                            event.stop_propagation();
                            set_open(entry, !is_open(entry));
                            focus(entry);
                        }
                    }
                ></span>
                <span class="tree-label">
                    <span class="topic">{topic}</span>
                    {(!tools.is_empty())
                        .then(|| {
                            view! {
                                <span class="tools">
                                    {tools.into_iter().map(|tool| view! { <span class="tool">{tool}</span> }).collect_view()}
                                </span>
                            }
                        })}
                </span>
                <span class="added-mark" title="On the roadmap" hidden=move || !added()>"✓"</span>
            </li>
        }
    };

    view! {
        <aside class="panel catalog" role="region" aria-label="Catalog">
            <div class="panel-head">
                <h2>"Catalog"</h2>
            </div>
            <OutlineChooser/>
            <input
                type="search"
                class="search"
                placeholder="Search catalog…"
                aria-label="Search catalog"
                prop:value=move || query.get()
                on:input=move |event| query.set(event_target_value(&event))
            />
            <ul role="tree" class="tree" aria-label="Catalog outline" on:keydown=on_keydown>
                // Rebuilt whole when another outline is shown: entry numbers mean other headings then.
                {move || {
                    catalog.track();
                    view! {
                        <For each=move || visible.get() key=|entry| *entry let:entry>
                            {item(entry)}
                        </For>
                    }
                }}
            </ul>
            <p class="empty-note" hidden=move || !visible.with(Vec::is_empty)>
                {move || format!("No heading matches “{}”.", query.get().trim())}
            </p>
            <div class="panel-foot">
                <button
                    class="primary"
                    disabled=move || chosen().is_none()
                    on:click=move |_| {
                        if let Some(entry) = chosen() {
                            planner.add_catalog_entry(entry, false);
                        }
                    }
                >
                    "Add to roadmap"
                </button>
                <span class="hint">"Enter or double-click adds the item"</span>
            </div>
        </aside>
    }
}

/// Which outline the catalog shows, importing one, and renaming or removing an imported one.
#[component]
fn OutlineChooser() -> impl IntoView {
    let planner = use_planner();
    let outlines = planner.outlines();
    let active = move || outlines.with(|library| library.active_imported().cloned());
    let import = move |event: leptos::ev::Event| {
        if let Some(file) = crate::import::chosen_files(&event).into_iter().next() {
            planner.import_outline(file);
        }
    };
    view! {
        <div class="outline-chooser">
            <select
                aria-label="Outline"
                on:change=move |event| {
                    let id = event_target_value(&event);
                    planner.choose_outline((!id.is_empty()).then_some(id));
                }
            >
                {move || {
                    outlines.with(|library| {
                        library
                            .choices()
                            .into_iter()
                            .map(|(id, name)| {
                                let selected = id == library.active;
                                view! { <option value=id.unwrap_or_default() selected=selected>{name}</option> }
                            })
                            .collect_view()
                    })
                }}
            </select>
            <label class="button small file-button" title="Add your own outline: a Markdown file of headings (# Area, ## Topic - Tool, Tool)">
                "Import outline"
                <input
                    type="file"
                    class="visually-hidden"
                    accept=".md,.markdown,.txt,text/markdown,text/plain"
                    aria-label="Import outline"
                    on:change=import
                />
            </label>
        </div>
        {move || {
            active()
                .map(|outline| {
                    let id = outline.id.clone();
                    let remove_id = outline.id.clone();
                    view! {
                        <div class="outline-chooser">
                            <input
                                type="text"
                                aria-label="Outline name"
                                prop:value=outline.name.clone()
                                on:change=move |event| planner.rename_outline(&id, &event_target_value(&event))
                            />
                            <button type="button" class="small" on:click=move |_| planner.remove_outline(&remove_id)>
                                "Remove outline"
                            </button>
                        </div>
                    }
                })
        }}
    }
}
