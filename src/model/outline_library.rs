//! The outlines a browser keeps for its catalog: the built-in Modern Stacks and any the user
//! imported, which can be renamed and removed (the built-in one cannot).

use serde::{Deserialize, Serialize};

use super::{MODERN_STACKS, Outline, OutlineError};

/// What the built-in outline is called in the list.
pub const BUILT_IN_OUTLINE: &str = "Modern Stacks (built in)";

/// An outline the user imported, kept as the Markdown they chose.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedOutline {
    pub id: String,
    pub name: String,
    pub markdown: String,
}

/// Every imported outline and which outline the catalog shows (`None`: the built-in one).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutlineLibrary {
    pub imported: Vec<ImportedOutline>,
    pub active: Option<String>,
}

impl OutlineLibrary {
    /// Every outline as (id, name), the built-in one first with no id.
    pub fn choices(&self) -> Vec<(Option<String>, String)> {
        std::iter::once((None, BUILT_IN_OUTLINE.to_string()))
            .chain(
                self.imported
                    .iter()
                    .map(|outline| (Some(outline.id.clone()), outline.name.clone())),
            )
            .collect()
    }

    /// The imported outline the catalog shows, if it is not the built-in one.
    pub fn active_imported(&self) -> Option<&ImportedOutline> {
        let active = self.active.as_deref()?;
        self.imported.iter().find(|outline| outline.id == active)
    }

    /// The outline the catalog shows. Stored outlines were checked when imported; one that no
    /// longer parses (edited by hand in storage) gives way to the built-in outline.
    pub fn active_outline(&self) -> Outline {
        self.active_imported()
            .and_then(|outline| Outline::parse(&outline.markdown).ok())
            .or_else(|| Outline::parse(MODERN_STACKS).ok())
            .unwrap_or(Outline { entries: Vec::new() })
    }

    /// Checks and adds an outline file, named after its first heading, and shows it.
    pub fn import(&mut self, bytes: &[u8]) -> Result<String, OutlineError> {
        let outline = Outline::parse_file(bytes)?;
        let markdown = String::from_utf8_lossy(bytes).into_owned();
        let id = format!(
            "o{}",
            self.imported
                .iter()
                .filter_map(|outline| outline.id.strip_prefix('o')?.parse::<u64>().ok())
                .max()
                .unwrap_or(0)
                + 1
        );
        let name = self.unused_name(outline.title());
        self.imported.push(ImportedOutline {
            id: id.clone(),
            name: name.clone(),
            markdown,
        });
        self.active = Some(id);
        Ok(name)
    }

    /// `title`, or `title (2)`, `title (3)`… when an outline already has that name.
    fn unused_name(&self, title: &str) -> String {
        let taken =
            |name: &str| name == BUILT_IN_OUTLINE || self.imported.iter().any(|outline| outline.name == name);
        (1..)
            .map(|number| {
                if number == 1 {
                    title.to_string()
                } else {
                    format!("{title} ({number})")
                }
            })
            .find(|name| !taken(name))
            .unwrap_or_default()
    }

    /// Shows an imported outline, or the built-in one with `None`; false for an unknown id.
    pub fn select(&mut self, id: Option<&str>) -> bool {
        match id {
            None => self.active = None,
            Some(id) if self.imported.iter().any(|outline| outline.id == id) => {
                self.active = Some(id.to_string())
            }
            Some(_) => return false,
        }
        true
    }

    /// Renames an imported outline; an empty name is refused.
    pub fn rename(&mut self, id: &str, name: &str) -> bool {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        match self.imported.iter_mut().find(|outline| outline.id == id) {
            Some(outline) if !name.is_empty() => {
                outline.name = name;
                true
            }
            _ => false,
        }
    }

    /// Removes an imported outline; the catalog falls back to the built-in one if it showed it.
    pub fn remove(&mut self, id: &str) -> bool {
        let before = self.imported.len();
        self.imported.retain(|outline| outline.id != id);
        if self.active.as_deref() == Some(id) {
            self.active = None;
        }
        self.imported.len() < before
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEAM: &[u8] = b"# Team plan\n\n## Hiring - Recruiter, Job board\n\n### Onboarding\n";

    #[test]
    fn the_built_in_outline_comes_first_and_shows_by_default() {
        let library = OutlineLibrary::default();
        assert_eq!(library.choices(), vec![(None, BUILT_IN_OUTLINE.to_string())]);
        assert_eq!(library.active_outline().title(), "Modern Stacks");
    }

    #[test]
    fn an_imported_outline_is_named_after_its_title_and_shown() {
        let mut library = OutlineLibrary::default();
        assert_eq!(library.import(TEAM), Ok("Team plan".to_string()));
        assert_eq!(library.active.as_deref(), Some("o1"));
        assert_eq!(library.active_outline().entries.len(), 3);
        assert_eq!(library.import(TEAM), Ok("Team plan (2)".to_string()));
        assert_eq!(library.active.as_deref(), Some("o2"));
        assert_eq!(library.choices().len(), 3);
    }

    #[test]
    fn a_refused_file_leaves_the_library_as_it_was() {
        let mut library = OutlineLibrary::default();
        library.import(TEAM).expect("imports");
        let before = library.clone();
        assert_eq!(library.import(b"no headings here"), Err(OutlineError::NoHeadings));
        assert_eq!(
            library.import(&[0x89, b'P', b'N', b'G', 0, 0]),
            Err(OutlineError::NotText)
        );
        assert_eq!(library, before);
    }

    #[test]
    fn select_rename_and_remove() {
        let mut library = OutlineLibrary::default();
        library.import(TEAM).expect("imports");
        assert!(library.select(None));
        assert_eq!(library.active_outline().title(), "Modern Stacks");
        assert!(!library.select(Some("o9")));
        assert!(library.select(Some("o1")));
        assert!(library.rename("o1", "  People   plan "));
        assert_eq!(library.choices()[1].1, "People plan");
        assert!(!library.rename("o1", "   "));
        assert!(!library.rename("o9", "Other"));
        assert!(!library.remove("o9"));
        assert!(library.remove("o1"));
        assert_eq!(library.active, None);
        assert_eq!(library.choices().len(), 1);
    }

    #[test]
    fn new_ids_never_reuse_a_removed_one_still_listed() {
        let mut library = OutlineLibrary::default();
        library.import(TEAM).expect("imports");
        library.import(TEAM).expect("imports");
        library.remove("o1");
        library.import(TEAM).expect("imports");
        let ids: Vec<_> = library
            .imported
            .iter()
            .map(|outline| outline.id.as_str())
            .collect();
        assert_eq!(ids, ["o2", "o3"]);
    }

    #[test]
    fn an_outline_damaged_in_storage_gives_way_to_the_built_in_one() {
        let library = OutlineLibrary {
            imported: vec![ImportedOutline {
                id: "o1".into(),
                name: "Broken".into(),
                markdown: "no headings".into(),
            }],
            active: Some("o1".into()),
        };
        assert_eq!(library.active_outline().title(), "Modern Stacks");
    }
}
