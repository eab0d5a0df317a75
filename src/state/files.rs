//! Files in and out: roadmaps offered by a chosen, dropped or pasted file or a share link,
//! outline imports, and downloads of the open roadmap.

use leptos::prelude::*;

use super::{Confirmation, Planner, Tone};
use crate::import::{FileError, Offered, Pasted};
use crate::model::backlog::{MAX_BACKLOG_BYTES, TableError};
use crate::model::{MAX_OUTLINE_BYTES, OutlineError};

impl Planner {
    /// Checks offered text and, if it is a roadmap, asks the user what to do with it;
    /// nothing changes before the user answers.
    pub fn offer_import(&self, offered: Offered) {
        match crate::model::import(&offered.text) {
            Ok(roadmap) => self.ask(Confirmation::Import {
                roadmap: Box::new(roadmap),
                source: offered.source,
            }),
            Err(error) => self.refuse_import(&offered.source, &error),
        }
    }

    fn refuse_import(&self, source: &str, error: &dyn std::fmt::Display) {
        self.tell(
            Tone::Error,
            format!("{source} was not imported; your roadmap is unchanged. {error}"),
        );
    }

    /// Offers the roadmap of a share link (a page address's `#r=` fragment) like an imported
    /// file; a damaged or hostile link changes nothing and says why.
    pub fn open_share_link(&self, fragment: &str) {
        let source = "The share link";
        match crate::model::read_share_fragment(fragment) {
            Ok(roadmap) => self.ask(Confirmation::Import {
                roadmap: Box::new(roadmap),
                source: source.to_string(),
            }),
            Err(error) => self.refuse_import(source, &error),
        }
    }

    /// Reads a chosen or dropped file, then offers it for import: a table (CSV, TSV) for
    /// mapping, anything else as a roadmap file.
    pub fn import_file(&self, file: web_sys::File) {
        if crate::import::is_table_file(&file) {
            self.import_table_file(file);
            return;
        }
        let planner = *self;
        crate::import::read_file(file, move |outcome| match outcome {
            Ok(offered) => planner.offer_import(offered),
            Err((source, FileError::TooLarge(error))) => planner.refuse_import(&source, &error),
            Err((source, FileError::Unreadable(reason))) => {
                planner.tell(Tone::Error, format!("{source} could not be read: {reason}."))
            }
        });
    }

    /// Reads a CSV or TSV file, then opens **Map columns** for it.
    pub fn import_table_file(&self, file: web_sys::File) {
        let planner = *self;
        let source = format!("“{}”", file.name());
        let roadmap_name = crate::import::file_stem(&file);
        crate::import::read_bytes(file, MAX_BACKLOG_BYTES, move |read| match read {
            Ok(bytes) => planner.offer_backlog(bytes, source, roadmap_name, false),
            Err(crate::import::ReadBytesError::TooLarge(bytes)) => {
                planner.refuse_backlog(&source, &TableError::TooLarge { bytes })
            }
            Err(crate::import::ReadBytesError::Unreadable) => planner.tell(
                Tone::Error,
                format!("{source} could not be read: the browser could not read the file."),
            ),
        });
    }

    /// Offers files dropped on the page, and roadmap JSON or spreadsheet cells pasted outside
    /// a text field.
    pub fn accept_drops_and_pastes(&self) {
        let planner = *self;
        crate::import::listen_for_drops_and_pastes(
            move |file| planner.import_file(file),
            move |pasted| match pasted {
                Pasted::Roadmap(offered) => planner.offer_import(offered),
                Pasted::Cells(text) => planner.offer_backlog(
                    text.into_bytes(),
                    "The pasted cells".to_string(),
                    "Pasted backlog".to_string(),
                    true,
                ),
            },
        );
    }

    /// Reads an outline file; a good one joins the list and shows in the catalog, a bad one
    /// changes nothing and says why.
    pub fn import_outline(&self, file: web_sys::File) {
        let planner = *self;
        let source = format!("“{}”", file.name());
        crate::import::read_bytes(file, MAX_OUTLINE_BYTES, move |read| {
            let imported = match read {
                Ok(bytes) => planner
                    .change_outlines(|library| library.import(&bytes))
                    .map_err(|error| error.to_string()),
                Err(crate::import::ReadBytesError::TooLarge(bytes)) => {
                    Err(OutlineError::TooLarge { bytes }.to_string())
                }
                Err(crate::import::ReadBytesError::Unreadable) => {
                    Err("the browser could not read the file".to_string())
                }
            };
            match imported {
                Ok(name) => {
                    let headings = planner.catalog.with_untracked(|outline| outline.entries.len());
                    planner.tell(
                        Tone::Info,
                        format!("Outline “{name}” imported: {headings} headings. The catalog shows it now."),
                    );
                }
                Err(reason) => planner.tell(
                    Tone::Error,
                    format!("{source} was not imported as an outline; the catalog is unchanged: {reason}."),
                ),
            }
        });
    }

    /// Downloads the open roadmap as `<name>.stackplan.json`.
    pub fn export_json(&self) {
        let (name, text) =
            self.with_roadmap(|roadmap| (crate::model::file_name(roadmap), crate::model::export(roadmap)));
        self.download(&name, &text, "application/json");
    }

    /// Downloads the initiative list as `<name>.csv`.
    pub fn export_csv(&self) {
        let (name, text) = self.with_roadmap(|roadmap| {
            let name = crate::model::file_name(roadmap).replace(".stackplan.json", ".csv");
            (name, crate::model::to_csv(roadmap))
        });
        self.download(&name, &text, "text/csv");
    }

    /// Downloads the roadmap as `<name>.md`, for documents and wikis.
    pub fn export_markdown(&self) {
        let (name, text) = self.with_roadmap(|roadmap| {
            (
                crate::model::markdown_file_name(roadmap),
                crate::model::to_markdown(roadmap),
            )
        });
        self.download(&name, &text, "text/markdown");
    }

    /// Downloads the dated phases and due dates as `<name>.ics`; with no dates at all, says
    /// how to add some instead of offering an empty calendar.
    pub fn export_calendar(&self) {
        let roadmap_id = self
            .workspace
            .with_untracked(|workspace| workspace.active.clone());
        let Some(stamp) = crate::model::Stamp::from_unix_millis(js_sys::Date::now()) else {
            self.tell(
                Tone::Error,
                "The calendar could not be made: this browser's clock reads no date.",
            );
            return;
        };
        let calendar = self.with_roadmap(|roadmap| {
            let events = crate::model::calendar_events(roadmap, roadmap_id.as_str());
            (!events.is_empty()).then(|| {
                (
                    crate::model::calendar_file_name(roadmap),
                    crate::model::to_icalendar(roadmap, roadmap_id.as_str(), stamp),
                )
            })
        });
        match calendar {
            Some((name, text)) => self.download(&name, &text, "text/calendar"),
            None => self.tell(
                Tone::Info,
                "There are no dates to put in a calendar yet. Give phases a start and an end \
                 (Set dates… in Phases gives them quarters or sprints), or give initiatives a due \
                 date in the Inspector, then Export calendar again.",
            ),
        }
    }

    /// Offers a download, telling the user if the browser refuses.
    pub fn download(&self, file_name: &str, text: &str, mime: &str) {
        if let Err(reason) = crate::files::download(file_name, text, mime) {
            self.tell(
                Tone::Error,
                format!("“{file_name}” could not be saved: {reason}."),
            );
        }
    }
}
