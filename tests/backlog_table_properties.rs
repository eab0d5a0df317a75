//! Property tests for the backlog reader: any table the CSV writer produces reads back to the
//! same cells, and no bytes make the reader panic. Native only (proptest does not run on wasm32).
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use proptest::prelude::*;
use stackplan::model::backlog::{Delimiter, Encoding, first_row_looks_like_names, read_table};
use stackplan::model::write_table;

const CASES: u32 = 2_000;

/// Characters that make CSV hard: delimiters, quotes, line ends, what starts a formula, and
/// spaces and marks that trimming or decoding could lose.
const TRICKY: [char; 21] = [
    ',', ';', '\t', '\n', '\r', '"', '\'', '=', '+', '-', '@', ' ', '0', '.', 'é', '日', '🚀', '\u{a0}',
    '\u{feff}', '\u{2028}', '\u{fffd}',
];

/// Any text a cell holds, but control characters other than tab and line ends: the reader
/// takes text full of those for a binary file. Built from plain numbers because character
/// strategies are slow in debug builds.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<u32>(), 0..12).prop_map(|codes| {
        codes
            .into_iter()
            .map(|code| match code % 4 {
                0 | 1 => TRICKY[(code / 4) as usize % TRICKY.len()],
                2 => char::from_u32(code / 4 % 0x11_0000)
                    .filter(|c| !c.is_control())
                    .unwrap_or('x'),
                _ => char::from(b'a' + (code / 4 % 26) as u8),
            })
            .collect()
    })
}

/// A header name as the reader gives it back: trimmed, not blank, and with a letter in it, so
/// that it is no number or date.
fn name() -> impl Strategy<Value = String> {
    text().prop_map(|name| {
        let name = name.trim();
        if name.chars().any(char::is_alphabetic) {
            name.to_string()
        } else {
            format!("n{name}")
        }
    })
}

/// Distinct names and rows as wide as the header. A row of nothing but blanks is left out by
/// design, so every row gets something in it.
fn table() -> impl Strategy<Value = (Vec<String>, Vec<Vec<String>>)> {
    prop::collection::vec(name(), 1..6)
        .prop_filter("distinct names", |names| {
            names.iter().collect::<HashSet<_>>().len() == names.len()
        })
        .prop_flat_map(|names| {
            let row = prop::collection::vec(text(), names.len()).prop_map(|mut cells| {
                if cells.iter().all(|cell| cell.trim().is_empty()) {
                    cells[0].push('x');
                }
                cells
            });
            (Just(names), prop::collection::vec(row, 0..8))
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn any_table_the_csv_writer_produces_reads_back_to_the_same_cells((names, rows) in table()) {
        let csv = write_table(&names, &rows);
        let reading = read_table(csv.as_bytes(), true).map_err(|error| error.to_string());
        let reading = reading.map_err(|error| TestCaseError::fail(format!("{error}: {csv:?}")))?;
        prop_assert_eq!(&reading.table.columns, &names);
        let cells: Vec<Vec<String>> = reading.table.rows.iter().map(|row| row.cells.clone()).collect();
        prop_assert_eq!(&cells, &rows);
        let numbers: Vec<usize> = reading.table.rows.iter().map(|row| row.number).collect();
        prop_assert_eq!(numbers, (2..rows.len() + 2).collect::<Vec<_>>());
        prop_assert_eq!(reading.encoding, Encoding::Utf8);
        if names.len() > 1 {
            prop_assert_eq!(reading.delimiter, Delimiter::Comma);
        }
        prop_assert_eq!(first_row_looks_like_names(csv.as_bytes()), !rows.is_empty());

        // Read without names, the header is the first row of data.
        let reading = read_table(csv.as_bytes(), false).map_err(|error| TestCaseError::fail(error.to_string()))?;
        prop_assert_eq!(reading.table.columns.len(), names.len());
        prop_assert_eq!(&reading.table.rows[0].cells, &names);
        prop_assert_eq!(reading.table.rows[0].number, 1);
    }

    #[test]
    fn any_bytes_read_to_a_square_table_or_a_reason(bytes in prop::collection::vec(any::<u8>(), 0..400), names in any::<bool>()) {
        match read_table(&bytes, names) {
            Ok(reading) => {
                let width = reading.table.columns.len();
                prop_assert!(reading.table.rows.iter().all(|row| row.cells.len() == width));
                let numbers: Vec<usize> = reading.table.rows.iter().map(|row| row.number).collect();
                prop_assert!(numbers.windows(2).all(|pair| pair[0] < pair[1]));
                prop_assert!(numbers.first().is_none_or(|&first| first > usize::from(names)));
            }
            Err(error) => prop_assert!(!error.to_string().trim().is_empty()),
        }
        first_row_looks_like_names(&bytes);
    }
}
