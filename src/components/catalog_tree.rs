//! The catalog: the strategy outline as a searchable, collapsible tree.

use std::collections::HashSet;

use leptos::prelude::*;

use super::{DomId, focus_later};
use crate::model::Outline;
use crate::state::{Planner, use_planner};

/// What the tree shows and which item the keyboard is on; shared by the catalog's parts.
#[derive(Clone, Copy)]
struct TreeState {
    planner: Planner,
    catalog: ReadSignal<Outline>,
    query: RwSignal<String>,
    /// Per entry, whether its children show (while nothing is searched).
    expanded: RwSignal<Vec<bool>>,
    current: RwSignal<Option<usize>>,
    /// The entries shown, in outline order.
    visible: Memo<Vec<usize>>,
    /// The catalog paths of the initiatives on the roadmap, for the items' ✓.
    on_roadmap: Memo<HashSet<Vec<String>>>,
}

impl TreeState {
    fn new(planner: Planner) -> TreeState {
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
        TreeState {
            planner,
            catalog,
            query,
            expanded,
            current,
            visible: Memo::new(move |_| catalog.with(|outline| shown_entries(outline, query, expanded))),
            on_roadmap: paths_on_roadmap(planner),
        }
    }

    fn searching(&self) -> bool {
        is_searching(self.query)
    }

    fn is_open(&self, entry: usize) -> bool {
        self.searching()
            || self
                .expanded
                .with(|expanded| expanded.get(entry).copied().unwrap_or(false))
    }

    fn set_open(&self, entry: usize, open: bool) {
        self.expanded.update(|expanded| {
            if let Some(slot) = expanded.get_mut(entry) {
                *slot = open;
            }
        })
    }

    fn focus(&self, entry: usize) {
        self.current.set(Some(entry));
        focus_later(DomId::CatalogItem(entry));
    }

    /// The item that takes Tab focus: the current one while visible, else the first.
    fn tab_stop(&self) -> Option<usize> {
        let visible = self.visible.get();
        self.current
            .get()
            .filter(|entry| visible.contains(entry))
            .or_else(|| visible.first().copied())
    }

    /// What "Add to roadmap" acts on: the selected item, while the tree shows it.
    fn chosen(&self) -> Option<usize> {
        self.current
            .get()
            .filter(|entry| self.visible.with(|visible| visible.contains(entry)))
    }

    fn add(&self, entry: usize) {
        self.planner.add_catalog_entry(entry, false);
    }

    /// The tree's keys: arrows move, open and close, Home and End jump, Enter adds, Space
    /// selects.
    fn on_key(&self, event: &web_sys::KeyboardEvent) {
        let Some(entry) = self.tab_stop() else { return };
        let visible = self.visible.get_untracked();
        let position = visible.iter().position(|&shown| shown == entry).unwrap_or(0);
        let (has_children, parent) = self.catalog.with_untracked(|outline| {
            let found = &outline.entries[entry];
            (found.has_children, found.parent)
        });
        match event.key().as_str() {
            "ArrowDown" => {
                if let Some(&next) = visible.get(position + 1) {
                    self.focus(next);
                }
            }
            "ArrowUp" => {
                if let Some(previous) = position.checked_sub(1).and_then(|at| visible.get(at)) {
                    self.focus(*previous);
                }
            }
            "Home" => {
                if let Some(&first) = visible.first() {
                    self.focus(first);
                }
            }
            "End" => {
                if let Some(&last) = visible.last() {
                    self.focus(last);
                }
            }
            "ArrowRight" if has_children => {
                if self.is_open(entry) {
                    if let Some(&child) = visible.get(position + 1) {
                        self.focus(child);
                    }
                } else {
                    self.set_open(entry, true);
                }
            }
            "ArrowLeft" => {
                if has_children && self.is_open(entry) && !self.searching() {
                    self.set_open(entry, false);
                } else if let Some(parent) = parent {
                    self.focus(parent);
                }
            }
            "Enter" => self.add(entry),
            " " => self.current.set(Some(entry)),
            _ => return,
        }
        event.prevent_default();
    }
}

/// Whether the search box holds a search: the tree then shows the matches, all open.
fn is_searching(query: RwSignal<String>) -> bool {
    !query.with(|query| query.trim().is_empty())
}

/// The matches while searching, else the entries whose ancestors are all open.
fn shown_entries(outline: &Outline, query: RwSignal<String>, expanded: RwSignal<Vec<bool>>) -> Vec<usize> {
    let shown = if is_searching(query) {
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
        .collect()
}

fn paths_on_roadmap(planner: Planner) -> Memo<HashSet<Vec<String>>> {
    Memo::new(move |_| {
        planner.track_origins();
        planner.with_roadmap(|roadmap| {
            roadmap
                .initiatives
                .iter()
                .filter_map(|initiative| initiative.origin.as_ref().map(|origin| origin.path.clone()))
                .collect()
        })
    })
}

#[component]
pub fn CatalogTree() -> impl IntoView {
    let tree = TreeState::new(use_planner());
    view! {
        <aside class="panel catalog" role="region" aria-label="Catalog">
            <div class="panel-head">
                <h2>"Catalog"</h2>
            </div>
            <OutlineChooser/>
            <CatalogSearch query=tree.query/>
            <OutlineTree tree/>
            <p class="empty-note" hidden=move || !tree.visible.with(Vec::is_empty)>
                {move || format!("No heading matches “{}”.", tree.query.get().trim())}
            </p>
            <AddToRoadmap tree/>
        </aside>
    }
}

#[component]
fn CatalogSearch(query: RwSignal<String>) -> impl IntoView {
    view! {
        <input
            type="search"
            class="search"
            placeholder="Search catalog…"
            aria-label="Search catalog"
            prop:value=move || query.get()
            on:input=move |event| query.set(event_target_value(&event))
        />
    }
}

/// The outline's headings as a tree, walked with the arrow keys.
#[component]
fn OutlineTree(tree: TreeState) -> impl IntoView {
    view! {
        <ul role="tree" class="tree" aria-label="Catalog outline" on:keydown=move |event| tree.on_key(&event)>
            // Rebuilt whole when another outline is shown: entry numbers mean other headings then.
            {move || {
                tree.catalog.track();
                view! {
                    <For each=move || tree.visible.get() key=|entry| *entry let:entry>
                        <TreeNode tree entry/>
                    </For>
                }
            }}
        </ul>
    }
}

/// One heading: its twisty, topic and tools, and a ✓ once it is on the roadmap.
#[component]
fn TreeNode(tree: TreeState, entry: usize) -> impl IntoView {
    let (heading, topic, tools, depth, has_children, path) = tree.catalog.with_untracked(|outline| {
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
    let added = move || tree.on_roadmap.with(|paths| paths.contains(&path));
    view! {
        <li
            role="treeitem"
            id=DomId::CatalogItem(entry).to_string()
            class="tree-item"
            class=("is-current", move || tree.current.get() == Some(entry))
            style=format!("--depth: {}", depth - 1)
            aria-label=heading
            attr:aria-level=depth
            aria-expanded=move || has_children.then(|| tree.is_open(entry).to_string())
            aria-selected=move || (tree.current.get() == Some(entry)).to_string()
            tabindex=move || if tree.tab_stop() == Some(entry) { "0" } else { "-1" }
            on:click=move |_| tree.focus(entry)
            on:dblclick=move |_| tree.add(entry)
        >
            <span
                class="twisty"
                class=("is-leaf", !has_children)
                class=("is-open", move || has_children && tree.is_open(entry))
                aria-hidden="true"
                on:click=move |event| {
                    if has_children && !tree.searching() {
                        event.stop_propagation();
                        tree.set_open(entry, !tree.is_open(entry));
                        tree.focus(entry);
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
}

#[component]
fn AddToRoadmap(tree: TreeState) -> impl IntoView {
    view! {
        <div class="panel-foot">
            <button
                class="primary"
                disabled=move || tree.chosen().is_none()
                on:click=move |_| {
                    if let Some(entry) = tree.chosen() {
                        tree.add(entry);
                    }
                }
            >
                "Add to roadmap"
            </button>
            <span class="hint">"Enter or double-click adds the item"</span>
        </div>
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
