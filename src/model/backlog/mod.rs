//! Backlogs from spreadsheets and other tools: CSV or TSV read into a table, its columns
//! mapped onto initiative fields (proposed from the header names of known exports), and its
//! rows turned into initiatives, with a reason for every row or cell left out.

mod adding;
mod convert;
mod dates;
mod field;
#[cfg(test)]
mod import_tests;
mod mapping;
mod preset;
mod scale;
mod table;
mod values;

pub use adding::{AddReport, add_to_roadmap, add_with_report, roadmap_from, roadmap_with_report};
pub use convert::{CellProblem, CellWarning, Conversion, Draft, SkipReason, SkippedRow, convert};
pub use dates::DateFormat;
pub use field::Field;
pub use mapping::{ListSeparator, Mapping, SavedMapping, UrgencyWord, header_signature};
pub use preset::Preset;
pub use scale::ScaleRule;
pub use table::{
    Delimiter, Encoding, MAX_BACKLOG_BYTES, MAX_BACKLOG_ROWS, Reading, TableError,
    first_row_looks_like_names, read_table,
};

/// A table read from a file or a paste: named columns and rows of text cells.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    /// Column names as shown to the user; a repeated name gets a number ("Sprint", "Sprint (2)").
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
}

/// One row of cells, as many as there are columns (short rows are padded with empty cells).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The row's number as a spreadsheet shows it: the header is row 1, the first data row 2.
    pub number: usize,
    pub cells: Vec<String>,
}

impl Table {
    /// A table from header names and rows of cells, numbered from row 2 (the header is row 1).
    /// Repeated names are told apart, and rows are padded or cut to the header's width.
    pub fn new(header: Vec<String>, rows: Vec<Vec<String>>) -> Table {
        let rows = rows
            .into_iter()
            .enumerate()
            .map(|(index, cells)| Row {
                number: index + 2,
                cells,
            })
            .collect();
        Table::with_row_numbers(header, rows)
    }

    /// A table whose rows already carry their numbers: a reader knows where each row stood in
    /// the file, blank rows in between included. Names and widths as in [`Table::new`].
    pub fn with_row_numbers(header: Vec<String>, mut rows: Vec<Row>) -> Table {
        let columns = distinct_names(header);
        let width = columns.len();
        for row in &mut rows {
            row.cells.resize(width, String::new());
        }
        Table { columns, rows }
    }

    /// The cell of `row` in `column`; empty where the row is short.
    pub fn cell<'a>(&self, row: &'a Row, column: usize) -> &'a str {
        row.cells.get(column).map(String::as_str).unwrap_or("")
    }
}

/// Trimmed header names, blank ones named by their spreadsheet letter, repeats numbered.
fn distinct_names(header: Vec<String>) -> Vec<String> {
    let mut names: Vec<String> = Vec::with_capacity(header.len());
    for (index, name) in header.into_iter().enumerate() {
        let name = name.trim();
        let base = if name.is_empty() {
            format!("Column {}", column_letters(index))
        } else {
            name.to_string()
        };
        let mut candidate = base.clone();
        let mut count = 1;
        while names.contains(&candidate) {
            count += 1;
            candidate = format!("{base} ({count})");
        }
        names.push(candidate);
    }
    names
}

/// A spreadsheet's column letters: 0 → A, 25 → Z, 26 → AA.
pub fn column_letters(index: usize) -> String {
    let mut letters = Vec::new();
    let mut rest = index + 1;
    while rest > 0 {
        let digit = (rest - 1) % 26;
        letters.push(char::from(b'A' + digit as u8));
        rest = (rest - 1) / 26;
    }
    letters.iter().rev().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_and_blank_names_are_told_apart() {
        let header = ["Summary", "Sprint", "Sprint", " ", "Sprint"]
            .map(String::from)
            .to_vec();
        let table = Table::new(header, vec![vec!["a".into()]]);
        assert_eq!(
            table.columns,
            ["Summary", "Sprint", "Sprint (2)", "Column D", "Sprint (3)"]
        );
        assert_eq!(table.rows[0].cells.len(), 5);
        assert_eq!(table.rows[0].number, 2);
    }

    #[test]
    fn column_letters_count_like_a_spreadsheet() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }
}
