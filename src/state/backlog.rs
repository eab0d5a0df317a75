//! Backlog import: a CSV or TSV file, dropped file or pasted cells, read into a table and held
//! open in the **Map columns** dialog while the user maps its columns; nothing changes until
//! the user imports it, as a new roadmap or into the open one as one undo step.

use std::sync::Arc;

use leptos::prelude::*;

use super::{Planner, Tone};
use crate::model::Roadmap;
use crate::model::backlog::{
    Conversion, Delimiter, Encoding, Mapping, Table, add_with_report, header_signature, read_table,
    roadmap_with_report,
};

/// A table offered for import and the mapping the user is making of it.
#[derive(Clone, Debug)]
pub struct BacklogImport {
    /// Where it came from, in words: “backlog.csv”, or “The pasted cells”.
    pub source: String,
    /// The name a new roadmap made from it gets (the file's name without its extension).
    pub roadmap_name: String,
    pub table: Arc<Table>,
    pub delimiter: Delimiter,
    pub encoding: Encoding,
    pub first_row_names: bool,
    pub mapping: Mapping,
    /// The bytes as offered, read again when the user says whether row 1 names the columns.
    bytes: Arc<[u8]>,
}

/// Where imported rows go.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BacklogTarget {
    NewRoadmap,
    OpenRoadmap,
}

impl Planner {
    /// The backlog being mapped, if the **Map columns** dialog is open.
    pub fn backlog(&self) -> RwSignal<Option<BacklogImport>> {
        self.backlog
    }

    /// Reads offered bytes as a table and opens **Map columns**, proposing the mapping this
    /// browser used last for the same header row, or one recognised from the header names.
    /// A file that is no table changes nothing and says why.
    pub fn offer_backlog(&self, bytes: Vec<u8>, source: String, roadmap_name: String, pasted: bool) {
        let bytes: Arc<[u8]> = bytes.into();
        // Pasted cells often start with data; a file's first row names its columns.
        let first_row_names = !pasted || crate::model::backlog::first_row_looks_like_names(&bytes);
        match read_backlog(bytes, source, roadmap_name, first_row_names) {
            Ok(backlog) => self.backlog.set(Some(backlog)),
            Err((source, reason)) => self.refuse_backlog(&source, &reason),
        }
    }

    /// Says why a table was not imported: “x.csv” was not imported; … the quote that opens on
    /// line 3 is never closed.
    pub fn refuse_backlog(&self, source: &str, reason: &dyn std::fmt::Display) {
        self.tell(
            Tone::Error,
            format!("{source} was not imported; your roadmap is unchanged: {reason}."),
        );
    }

    /// Reads the offered bytes again, with or without row 1 as the column names; the columns
    /// the user chose stay chosen.
    pub fn set_first_row_names(&self, first_row_names: bool) {
        let Some(open) = self.backlog.get_untracked() else {
            return;
        };
        match read_backlog(
            open.bytes.clone(),
            open.source.clone(),
            open.roadmap_name.clone(),
            first_row_names,
        ) {
            Ok(mut backlog) => {
                backlog.mapping.keep_columns(&backlog.table, &open.mapping);
                self.backlog.set(Some(backlog));
            }
            Err((_, reason)) => self.tell(
                Tone::Error,
                format!("The table could not be read that way: {reason}."),
            ),
        }
    }

    /// Changes the mapping being made; the preview follows.
    pub fn change_mapping(&self, change: impl FnOnce(&Table, &mut Mapping)) {
        self.backlog.update(|backlog| {
            if let Some(backlog) = backlog {
                change(&backlog.table, &mut backlog.mapping);
            }
        });
    }

    pub fn close_backlog(&self) {
        self.backlog.set(None);
    }

    /// Imports the mapped rows, `conversion` being the open backlog's under its mapping: into
    /// the open roadmap as one undo step, or as a new roadmap (handed to `open_new`). The
    /// mapping is remembered for the next file with this header.
    pub fn import_backlog(
        &self,
        target: BacklogTarget,
        conversion: &Conversion,
        open_new: impl FnOnce(Roadmap),
    ) {
        let Some(backlog) = self.backlog.get_untracked() else {
            return;
        };
        if conversion.drafts.is_empty() {
            self.tell(
                Tone::Error,
                format!("Nothing to import: {}", conversion.summary()),
            );
            return;
        }
        self.close_backlog();
        crate::storage::remember_backlog_mapping(
            &header_signature(&backlog.table.columns),
            &backlog.mapping.saved(&backlog.table),
        );
        let create_phases = backlog.mapping.create_phases;
        let count = conversion.drafts.len();
        let (report, into) = match target {
            BacklogTarget::NewRoadmap => {
                let (roadmap, report) = roadmap_with_report(&backlog.roadmap_name, conversion, create_phases);
                open_new(roadmap);
                (report, "into a new roadmap")
            }
            BacklogTarget::OpenRoadmap => {
                let mut report = None;
                self.edit(|roadmap| report = Some(add_with_report(roadmap, conversion, create_phases)));
                (
                    report.unwrap_or_default(),
                    "into this roadmap; Undo takes them out again",
                )
            }
        };
        self.tell(
            Tone::Info,
            imported_message(conversion, count, into, &report.notes()),
        );
    }
}

fn read_backlog(
    bytes: Arc<[u8]>,
    source: String,
    roadmap_name: String,
    first_row_names: bool,
) -> Result<BacklogImport, (String, String)> {
    let reading = read_table(&bytes, first_row_names).map_err(|error| (source.clone(), error.to_string()))?;
    let table = reading.table;
    let mapping = crate::storage::remembered_backlog_mapping(&header_signature(&table.columns))
        .map(|saved| Mapping::restore(&saved, &table))
        .unwrap_or_else(|| Mapping::propose(&table));
    Ok(BacklogImport {
        source,
        roadmap_name,
        table: Arc::new(table),
        delimiter: reading.delimiter,
        encoding: reading.encoding,
        first_row_names,
        mapping,
        bytes,
    })
}

/// "Imported 82 initiatives into this roadmap; … 84 rows → 82 initiatives; 2 skipped: …", then
/// what the user should know about dependencies and phases.
fn imported_message(conversion: &Conversion, count: usize, into: &str, notes: &[String]) -> String {
    let initiatives = if count == 1 {
        "1 initiative".to_string()
    } else {
        format!("{count} initiatives")
    };
    let mut message = format!("Imported {initiatives} {into}. {}", conversion.summary());
    for note in notes {
        message.push(' ');
        message.push_str(note);
    }
    message
}
