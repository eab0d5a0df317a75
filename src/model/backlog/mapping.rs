//! Which column fills which field, and the stated rules for reading them: proposed from the
//! header and the values, changed by the user, remembered per header row.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::Table;
use super::dates::DateFormat;
use super::field::Field;
use super::preset::{Preset, generic_names, repeat_of};
use super::scale::{ScaleRule, range_of};
use super::values::{guess_urgency, is_blank, read_number};
use crate::model::Urgency;

/// What separates the entries of a list cell (tags, goals, stakeholders, dependencies).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListSeparator {
    Comma,
    Semicolon,
    Pipe,
}

impl ListSeparator {
    pub const ALL: [ListSeparator; 3] = [
        ListSeparator::Comma,
        ListSeparator::Semicolon,
        ListSeparator::Pipe,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ListSeparator::Comma => "Comma (,)",
            ListSeparator::Semicolon => "Semicolon (;)",
            ListSeparator::Pipe => "Pipe (|)",
        }
    }

    pub fn character(self) -> char {
        match self {
            ListSeparator::Comma => ',',
            ListSeparator::Semicolon => ';',
            ListSeparator::Pipe => '|',
        }
    }
}

/// One distinct value of the urgency column, how many rows have it (any case), and the
/// urgency it stands for; the dialog lets the user change the urgency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrgencyWord {
    /// The value as first written in the column, trimmed.
    pub word: String,
    pub urgency: Urgency,
    pub rows: usize,
}

/// The columns and rules an import uses. Blank urgency cells always mean no urgency, so
/// they are not among the words.
#[derive(Clone, Debug, PartialEq)]
pub struct Mapping {
    pub preset: Preset,
    pub effort_scale: ScaleRule,
    pub impact_scale: ScaleRule,
    /// In order of first appearance; empty when no column fills Urgency.
    pub urgency_words: Vec<UrgencyWord>,
    pub list_separator: ListSeparator,
    /// Phase names not on the roadmap become new phases; otherwise those rows stay unphased.
    /// Proposed on: every preset's phase column names stages people plan by (statuses,
    /// lists, sections, milestones, releases).
    pub create_phases: bool,
    columns: [Option<usize>; Field::ALL.len()],
    due_format: Option<DateFormat>,
    /// Stackplan's own `catalog_path`, read into the catalog origin; no field of its own.
    origin_column: Option<usize>,
}

impl Mapping {
    /// The mapping proposed for a table: its export recognised from the header, and each
    /// field's column, scale, urgency words and date format proposed from names and values.
    pub fn propose(table: &Table) -> Mapping {
        Mapping::for_preset(table, Preset::recognise(&table.columns))
    }

    /// The mapping proposed for a table read as `preset`'s export (the user chose another).
    pub fn for_preset(table: &Table, preset: Preset) -> Mapping {
        let mut mapping = Mapping {
            preset,
            effort_scale: ScaleRule::OneToTen,
            impact_scale: ScaleRule::OneToTen,
            urgency_words: Vec::new(),
            list_separator: match preset {
                Preset::Stackplan => ListSeparator::Semicolon,
                _ => ListSeparator::Comma,
            },
            create_phases: true,
            columns: propose_columns(preset, &table.columns),
            due_format: None,
            origin_column: column_named(&table.columns, "catalog_path"),
        };
        if mapping.column(Field::Title).is_none() {
            mapping.columns[Field::Title.index()] = first_text_column(table, &mapping.columns);
        }
        for field in [Field::Effort, Field::Impact, Field::Urgency, Field::Due] {
            mapping.derive(table, field);
        }
        mapping
    }

    /// The column that fills `field`, if any.
    pub fn column(&self, field: Field) -> Option<usize> {
        self.columns[field.index()]
    }

    /// Fills `field` from `column` (or nothing), and re-derives what depends on that column:
    /// the urgency words, the due date format, the proposed effort or impact scale. A column
    /// the table does not have counts as none.
    pub fn set_column(&mut self, table: &Table, field: Field, column: Option<usize>) {
        self.columns[field.index()] = column.filter(|&column| column < table.columns.len());
        self.derive(table, field);
    }

    /// After the same cells are read again (row 1 as names or not), the columns chosen before
    /// stay where they were: a column keeps its position either way. Fields that had none
    /// keep this mapping's proposal.
    pub fn keep_columns(&mut self, table: &Table, earlier: &Mapping) {
        for field in Field::ALL {
            if let Some(column) = earlier.column(field) {
                self.set_column(table, field, Some(column));
            }
        }
    }

    /// Other columns that add to a list field: the repeats Jira writes for several labels or
    /// sprints ("Labels (2)", "Labels (3)" after "Labels"). None for fields of one value.
    pub fn repeats(&self, table: &Table, field: Field) -> Vec<usize> {
        let Some(name) = self.column(field).and_then(|column| table.columns.get(column)) else {
            return Vec::new();
        };
        if !field.is_list() {
            return Vec::new();
        }
        let name = name.as_str();
        (0..table.columns.len())
            .filter(|&other| repeat_of(&table.columns[other]).is_some_and(|(base, _)| base == name))
            .collect()
    }

    /// The date format detected in the due date column: the first that reads every
    /// non-empty cell, else the one that reads most.
    pub fn due_format(&self) -> Option<DateFormat> {
        self.due_format
    }

    /// Reads the due date column with another format (the user knows it is month/day/year).
    pub fn set_due_format(&mut self, format: Option<DateFormat>) {
        self.due_format = format;
    }

    /// For Effort and Impact, the scale rule in words with its numbers ("Story points 1–21
    /// onto 1–10: 1 → 1.0, 21 → 10.0"), and that their ranges' ends follow it; empty for other
    /// fields or an unmapped one.
    pub fn scale_note(&self, table: &Table, field: Field) -> String {
        let (rule, Some(column)) = (self.scale(field), self.column(field)) else {
            return String::new();
        };
        if let Some(score) = field.scored_as().filter(|&score| score != field) {
            return format!("Read on the {} scale.", score.label());
        }
        match rule {
            Some(ScaleRule::ColumnRange) => ScaleRule::ColumnRange.note(range_of(cells(table, column))),
            Some(rule) => rule.note(None),
            None => String::new(),
        }
    }

    /// The scale rule of Effort or Impact (and of their ranges' ends).
    pub(super) fn scale(&self, field: Field) -> Option<ScaleRule> {
        match field.scored_as()? {
            Field::Effort => Some(self.effort_scale),
            _ => Some(self.impact_scale),
        }
    }

    pub(super) fn origin_column(&self) -> Option<usize> {
        self.origin_column
    }

    /// Re-proposes what depends on `field`'s column.
    fn derive(&mut self, table: &Table, field: Field) {
        let column = self.column(field);
        match field {
            Field::Effort => self.effort_scale = self.proposed_scale(table, column),
            Field::Impact => self.impact_scale = self.proposed_scale(table, column),
            Field::Urgency => {
                let linear = self.preset == Preset::Linear;
                self.urgency_words =
                    column.map_or_else(Vec::new, |column| urgency_words(table, column, linear));
            }
            Field::Due => {
                self.due_format = column.and_then(|column| DateFormat::detect(cells(table, column)));
            }
            _ => {}
        }
    }

    /// Stackplan's own scores are 1–10 already; other columns get the rule their values suggest.
    fn proposed_scale(&self, table: &Table, column: Option<usize>) -> ScaleRule {
        match column {
            Some(_) if self.preset == Preset::Stackplan => ScaleRule::OneToTen,
            Some(column) => {
                let name = table.columns.get(column).map_or("", String::as_str);
                ScaleRule::propose(name, cells(table, column))
            }
            None => ScaleRule::OneToTen,
        }
    }

    /// What to remember for this header row: columns by name, and the rules chosen.
    pub fn saved(&self, table: &Table) -> SavedMapping {
        // Inserted one by one: `collect()` into a BTreeMap sorts with a stable sort
        // instantiated for each element type (some 4 KB of wasm each).
        let mut columns = BTreeMap::new();
        for field in Field::ALL {
            if let Some(name) = self.column(field).and_then(|column| table.columns.get(column)) {
                columns.insert(field, name.clone());
            }
        }
        let linear = self.preset == Preset::Linear;
        let mut urgency = BTreeMap::new();
        for word in &self.urgency_words {
            if word.urgency != guess_urgency(&word.word, linear) {
                urgency.insert(word.word.to_lowercase(), word.urgency);
            }
        }
        SavedMapping {
            preset: self.preset,
            columns,
            effort_scale: self.effort_scale,
            impact_scale: self.impact_scale,
            urgency,
            list_separator: self.list_separator,
            create_phases: self.create_phases,
            due_format: self.due_format,
        }
    }

    /// A remembered mapping applied to a table with that header: columns found by name
    /// (a name no longer there leaves its field unmapped), the chosen rules kept, and the
    /// urgency words and date format read again from this table's values.
    pub fn restore(saved: &SavedMapping, table: &Table) -> Mapping {
        let mut columns = [None; Field::ALL.len()];
        for (field, name) in &saved.columns {
            columns[field.index()] = column_named(&table.columns, name);
        }
        let mut mapping = Mapping {
            preset: saved.preset,
            effort_scale: saved.effort_scale,
            impact_scale: saved.impact_scale,
            urgency_words: Vec::new(),
            list_separator: saved.list_separator,
            create_phases: saved.create_phases,
            columns,
            due_format: None,
            origin_column: column_named(&table.columns, "catalog_path"),
        };
        mapping.derive(table, Field::Urgency);
        for word in &mut mapping.urgency_words {
            if let Some(&urgency) = saved.urgency.get(&word.word.to_lowercase()) {
                word.urgency = urgency;
            }
        }
        mapping.derive(table, Field::Due);
        if let (Some(format), Some(column)) = (saved.due_format, mapping.column(Field::Due))
            && cells(table, column).all(|cell| format.parse(cell).is_some())
        {
            mapping.due_format = Some(format);
        }
        mapping
    }
}

/// A mapping as remembered in the browser for one header row (see [`header_signature`]).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct SavedMapping {
    preset: Preset,
    #[serde(default)]
    columns: BTreeMap<Field, String>,
    effort_scale: ScaleRule,
    impact_scale: ScaleRule,
    /// Only the words whose urgency the user changed from the dictionary's, lowercased.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    urgency: BTreeMap<String, Urgency>,
    list_separator: ListSeparator,
    create_phases: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    due_format: Option<DateFormat>,
}

/// A stable key for "this header row": the names lowercased, trimmed, joined by the
/// unit separator (which no header name contains).
pub fn header_signature(columns: &[String]) -> String {
    columns
        .iter()
        .map(|name| name.trim().to_lowercase())
        .collect::<Vec<_>>()
        .join("\u{1f}")
}

/// The non-blank cells of a column, for detection.
fn cells(table: &Table, column: usize) -> impl Iterator<Item = &str> + Clone {
    table
        .rows
        .iter()
        .map(move |row| table.cell(row, column))
        .filter(|cell| !is_blank(cell))
}

/// A title for a table whose names say nothing (pasted cells without a header, "Column A"):
/// the first column no other field took whose cells are mostly words, not numbers.
fn first_text_column(table: &Table, taken: &[Option<usize>]) -> Option<usize> {
    const SAMPLE: usize = 50;
    (0..table.columns.len()).find(|column| {
        if taken.contains(&Some(*column)) {
            return false;
        }
        let (words, filled) = cells(table, *column)
            .take(SAMPLE)
            .fold((0, 0), |(words, filled), cell| {
                (words + usize::from(read_number(cell).is_none()), filled + 1)
            });
        filled > 0 && words * 2 > filled
    })
}

/// The column with this name, exactly or else in any case.
fn column_named(columns: &[String], name: &str) -> Option<usize> {
    columns.iter().position(|column| column == name).or_else(|| {
        columns
            .iter()
            .position(|column| column.eq_ignore_ascii_case(name))
    })
}

/// Each field's proposed column: the preset's own names first, then common names, each
/// compared without case; a column fills at most one field, earlier fields choosing first.
fn propose_columns(preset: Preset, columns: &[String]) -> [Option<usize>; Field::ALL.len()] {
    let names: Vec<(String, Option<String>)> = columns
        .iter()
        .map(|name| {
            let name = name.trim().to_lowercase();
            let inner = name
                .strip_prefix("custom field (")
                .and_then(|rest| rest.strip_suffix(')'))
                .map(str::to_string);
            (name, inner)
        })
        .collect();
    let mut taken = vec![false; columns.len()];
    let mut proposed = [None; Field::ALL.len()];
    for field in Field::ALL {
        let wanted = preset.names(field).iter().chain(generic_names(field));
        let found = wanted.into_iter().find_map(|wanted| {
            (0..names.len()).find(|&column| {
                let (name, inner) = &names[column];
                !taken[column] && (name == wanted || inner.as_deref() == Some(*wanted))
            })
        });
        if let Some(column) = found {
            taken[column] = true;
            proposed[field.index()] = Some(column);
        }
    }
    proposed
}

/// The distinct values of the urgency column in order of first appearance (any case counts
/// as one), each with its row count and the urgency the dictionary gives it.
fn urgency_words(table: &Table, column: usize, linear: bool) -> Vec<UrgencyWord> {
    let mut words: Vec<UrgencyWord> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for row in &table.rows {
        let cell = table.cell(row, column).trim();
        if cell.is_empty() {
            continue;
        }
        // Most cells repeat a word's first spelling: counted without a lowercased copy.
        if words.len() <= 16
            && let Some(word) = words.iter_mut().find(|word| word.word == cell)
        {
            word.rows += 1;
            continue;
        }
        let key = cell.to_lowercase();
        match index.get(&key) {
            Some(&at) => words[at].rows += 1,
            None => {
                index.insert(key, words.len());
                words.push(UrgencyWord {
                    word: cell.to_string(),
                    urgency: guess_urgency(cell, linear),
                    rows: 1,
                });
            }
        }
    }
    words
}
