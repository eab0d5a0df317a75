//! Rows turned into draft initiatives by a mapping, with a reason for every row left out and
//! every cell that could not be read.

use std::collections::HashMap;
use std::fmt;

use super::field::Field;
use super::mapping::Mapping;
use super::preset::Preset;
use super::scale::{Range, range_of, read_scale_value};
use super::values::{self, guess_urgency, is_blank, push_entries, quoted, read_yes_no};
use super::{Row, Table};
use crate::model::file_format::MAX_TEXT_CHARS;
use crate::model::{CatalogOrigin, DueDate, Score, ScoreRange, Urgency};

/// One row read as an initiative, not yet on any roadmap: phase and dependencies are still
/// names (and keys), resolved when the drafts are added.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// The row's number as the spreadsheet shows it (the header is row 1).
    pub row: usize,
    pub key: Option<String>,
    pub title: String,
    pub description: String,
    pub effort: Score,
    pub impact: Score,
    pub effort_range: Option<ScoreRange>,
    pub impact_range: Option<ScoreRange>,
    pub urgency: Urgency,
    pub due: Option<DueDate>,
    pub phase: Option<String>,
    pub owner: String,
    pub stakeholders: Vec<String>,
    pub tags: Vec<String>,
    pub quick_win: bool,
    pub goals: Vec<String>,
    pub budget: Option<f64>,
    /// Keys or titles of the initiatives this one waits on.
    pub dependencies: Vec<String>,
    pub origin: Option<CatalogOrigin>,
}

/// Why a row made no initiative.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SkipReason {
    NoTitle,
    /// Every cell is empty: a spacer row.
    Blank,
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            SkipReason::NoTitle => "has no title",
            SkipReason::Blank => "is empty",
        })
    }
}

/// A row left out, and why: "row 17 has no title".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SkippedRow {
    pub row: usize,
    pub reason: SkipReason,
}

impl fmt::Display for SkippedRow {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "row {} {}", self.row, self.reason)
    }
}

/// Why a cell could not be read as its field, and what the initiative gets instead.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CellProblem {
    NotANumber {
        kept: Score,
    },
    NotASize {
        kept: Score,
    },
    /// A range's end on the wrong side of its score (`above`: a low end above it).
    RangeEndOutside {
        score: Score,
        above: bool,
    },
    NotADate,
    NotYesOrNo,
    NotAnAmount,
    BelowZero,
    /// Longer than a roadmap file allows in one text.
    TooLong,
}

impl fmt::Display for CellProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CellProblem::NotANumber { kept } => write!(f, "is not a number, so it stays at {kept}"),
            CellProblem::NotASize { kept } => {
                write!(f, "is not a T-shirt size (XS–XL), so it stays at {kept}")
            }
            CellProblem::RangeEndOutside { score, above } => write!(
                f,
                "is {} the score {score}, so no range is kept",
                if *above { "above" } else { "below" }
            ),
            CellProblem::NotADate => f.write_str("is not a date, so it is left empty"),
            CellProblem::NotYesOrNo => f.write_str("is not yes or no, so it is left unmarked"),
            CellProblem::NotAnAmount => f.write_str("is not an amount, so it is left empty"),
            CellProblem::BelowZero => f.write_str("is below zero, so it is left empty"),
            CellProblem::TooLong => write!(
                f,
                "is longer than {},{:03} characters, so it is cut there",
                MAX_TEXT_CHARS / 1000,
                MAX_TEXT_CHARS % 1000
            ),
        }
    }
}

/// A cell that could not be read as it stands: "row 12: Effort “abc” is not a number, so
/// it stays at 5.5".
#[derive(Clone, Debug, PartialEq)]
pub struct CellWarning {
    pub row: usize,
    pub field: Field,
    pub cell: String,
    pub reason: CellProblem,
}

impl fmt::Display for CellWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "row {}: {} {} {}",
            self.row,
            self.field.label(),
            quoted(&self.cell),
            self.reason
        )
    }
}

/// What a table gives under a mapping: the drafts, the rows left out and the cells not read.
#[derive(Clone, Debug, PartialEq)]
pub struct Conversion {
    /// How many rows the table has (the header not counted).
    pub rows: usize,
    pub drafts: Vec<Draft>,
    pub skipped: Vec<SkippedRow>,
    pub warnings: Vec<CellWarning>,
}

/// How many skipped rows the summary names before "and N more".
const SKIPPED_NAMED: usize = 5;

impl Conversion {
    /// "84 rows → 82 initiatives; 2 skipped: row 17 has no title, row 40 has no title."
    pub fn summary(&self) -> String {
        let count = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        let mut summary = format!(
            "{} → {}",
            count(self.rows, "row", "rows"),
            count(self.drafts.len(), "initiative", "initiatives")
        );
        if !self.skipped.is_empty() {
            let named: Vec<String> = self
                .skipped
                .iter()
                .take(SKIPPED_NAMED)
                .map(ToString::to_string)
                .collect();
            summary.push_str(&format!("; {} skipped: {}", self.skipped.len(), named.join(", ")));
            let more = self.skipped.len().saturating_sub(SKIPPED_NAMED);
            if more > 0 {
                summary.push_str(&format!(" and {more} more"));
            }
        }
        summary.push('.');
        summary
    }
}

/// Reads every row of `table` as `mapping` says. The same table and mapping always give
/// the same conversion.
pub fn convert(table: &Table, mapping: &Mapping) -> Conversion {
    let reader = Reader::new(table, mapping);
    let mut conversion = Conversion {
        rows: table.rows.len(),
        drafts: Vec::with_capacity(table.rows.len()),
        skipped: Vec::new(),
        warnings: Vec::new(),
    };
    for row in &table.rows {
        match reader.draft(row, &mut conversion.warnings) {
            Ok(draft) => conversion.drafts.push(draft),
            Err(reason) => conversion.skipped.push(SkippedRow {
                row: row.number,
                reason,
            }),
        }
    }
    conversion
}

/// Everything about the mapping worked out once, so each row is a few lookups.
struct Reader<'a> {
    table: &'a Table,
    mapping: &'a Mapping,
    /// Each field's columns: the mapped one first, then its repeats (list fields).
    columns: Vec<Vec<usize>>,
    effort_range: Option<Range>,
    impact_range: Option<Range>,
    /// Urgency by lowercased word.
    urgency: HashMap<String, Urgency>,
    separator: char,
    stackplan: bool,
}

impl<'a> Reader<'a> {
    fn new(table: &'a Table, mapping: &'a Mapping) -> Reader<'a> {
        let columns: Vec<Vec<usize>> = Field::ALL
            .into_iter()
            .map(|field| {
                let mut columns: Vec<usize> = mapping.column(field).into_iter().collect();
                columns.extend(mapping.repeats(table, field));
                columns
            })
            .collect();
        let range = |field: Field| {
            let column = *columns[field.index()].first()?;
            range_of(table.rows.iter().map(|row| table.cell(row, column)))
        };
        Reader {
            effort_range: range(Field::Effort),
            impact_range: range(Field::Impact),
            urgency: mapping
                .urgency_words
                .iter()
                .map(|word| (word.word.to_lowercase(), word.urgency))
                .collect(),
            separator: mapping.list_separator.character(),
            stackplan: mapping.preset == Preset::Stackplan,
            table,
            mapping,
            columns,
        }
    }

    /// The cell of `field`'s mapped column; empty when unmapped. (The reader has already
    /// taken off the `'` exporters put before formulas.)
    fn cell(&self, row: &'a Row, field: Field) -> &'a str {
        match self.columns[field.index()].first() {
            Some(&column) => self.table.cell(row, column),
            None => "",
        }
    }

    fn draft(&self, row: &'a Row, warnings: &mut Vec<CellWarning>) -> Result<Draft, SkipReason> {
        let title = self.cell(row, Field::Title).trim();
        if title.is_empty() {
            let blank = row.cells.iter().all(|cell| cell.trim().is_empty());
            return Err(if blank {
                SkipReason::Blank
            } else {
                SkipReason::NoTitle
            });
        }
        let mut cells = Cells {
            row: row.number,
            warnings,
        };
        let key = Some(self.cell(row, Field::Key).trim()).filter(|key| !key.is_empty());
        let phase = Some(self.cell(row, Field::Phase).trim()).filter(|phase| !phase.is_empty());
        let effort = self.score(row, Field::Effort, &mut cells);
        let impact = self.score(row, Field::Impact, &mut cells);
        Ok(Draft {
            row: row.number,
            key: key.map(|key| cells.text(Field::Key, key)),
            title: cells.text(Field::Title, &one_line(title)),
            description: cells.text(Field::Description, self.cell(row, Field::Description)),
            effort,
            impact,
            effort_range: self.range(row, effort, [Field::EffortLow, Field::EffortHigh], &mut cells),
            impact_range: self.range(row, impact, [Field::ImpactLow, Field::ImpactHigh], &mut cells),
            urgency: self.urgency(row),
            due: self.due(row, &mut cells),
            phase: phase.map(|phase| cells.text(Field::Phase, phase)),
            owner: cells.text(Field::Owner, self.cell(row, Field::Owner).trim()),
            stakeholders: self.list(row, Field::Stakeholders, &mut cells),
            tags: self.list(row, Field::Tags, &mut cells),
            quick_win: self.quick_win(row, &mut cells),
            goals: self.list(row, Field::Goals, &mut cells),
            budget: self.budget(row, &mut cells),
            dependencies: self.list(row, Field::Dependencies, &mut cells),
            origin: self.origin(row),
        })
    }

    /// Effort or impact by its scale rule; an empty cell is the centre without a word.
    fn score(&self, row: &'a Row, field: Field, cells: &mut Cells<'_>) -> Score {
        self.scaled(row, field, Score::CENTRE, cells)
            .unwrap_or(Score::CENTRE)
    }

    /// A cell on Effort's or Impact's scale: `None` when blank, `kept` when unreadable.
    fn scaled(&self, row: &'a Row, field: Field, kept: Score, cells: &mut Cells<'_>) -> Option<Score> {
        let cell = self.cell(row, field);
        if is_blank(cell) {
            return None;
        }
        let (rule, range) = match field.scored_as() {
            Some(Field::Effort) => (self.mapping.effort_scale, self.effort_range),
            _ => (self.mapping.impact_scale, self.impact_range),
        };
        Some(match read_scale_value(cell) {
            Some(amount) => match rule.score(amount, range) {
                Some(score) => score,
                None => cells.warn(field, cell, CellProblem::NotASize { kept }),
            },
            None => cells.warn(field, cell, CellProblem::NotANumber { kept }),
        })
    }

    /// The range around `score` from its low and high ends' cells (a blank end is the score
    /// itself); none when both are blank, or when an end lies on the wrong side of the score.
    fn range(
        &self,
        row: &'a Row,
        score: Score,
        [low, high]: [Field; 2],
        cells: &mut Cells<'_>,
    ) -> Option<ScoreRange> {
        let low_end = self.scaled(row, low, score, cells);
        let high_end = self.scaled(row, high, score, cells);
        for (field, end, above) in [(low, low_end, true), (high, high_end, false)] {
            if end.is_some_and(|end| if above { end > score } else { end < score }) {
                return cells.warn(
                    field,
                    self.cell(row, field),
                    CellProblem::RangeEndOutside { score, above },
                );
            }
        }
        ScoreRange::around(score, low_end.unwrap_or(score), high_end.unwrap_or(score))
    }

    fn urgency(&self, row: &'a Row) -> Urgency {
        let cell = self.cell(row, Field::Urgency).trim();
        if cell.is_empty() {
            return Urgency::None;
        }
        // Most cells are spelled as the word's first appearance: no lowercased copy needed.
        let words = &self.mapping.urgency_words;
        if words.len() <= 16
            && let Some(word) = words.iter().find(|word| word.word == cell)
        {
            return word.urgency;
        }
        match self.urgency.get(&cell.to_lowercase()) {
            Some(&urgency) => urgency,
            None => guess_urgency(cell, self.mapping.preset == Preset::Linear),
        }
    }

    fn due(&self, row: &'a Row, cells: &mut Cells<'_>) -> Option<DueDate> {
        let cell = self.cell(row, Field::Due);
        if is_blank(cell) {
            return None;
        }
        match self.mapping.due_format().and_then(|format| format.parse(cell)) {
            Some(due) => Some(due),
            None => cells.warn(Field::Due, cell, CellProblem::NotADate),
        }
    }

    /// A list field from its column and repeats, split, trimmed, without repeats; Trello's
    /// label colours dropped from tags.
    fn list(&self, row: &'a Row, field: Field, cells: &mut Cells<'_>) -> Vec<String> {
        let strip_colour = field == Field::Tags && self.mapping.preset == Preset::Trello;
        let mut entries = Vec::new();
        for &column in &self.columns[field.index()] {
            push_entries(
                &mut entries,
                self.table.cell(row, column),
                self.separator,
                strip_colour,
            );
        }
        for entry in &mut entries {
            if entry.len() > MAX_TEXT_CHARS {
                *entry = cells.text(field, entry);
            }
        }
        entries
    }

    fn quick_win(&self, row: &'a Row, cells: &mut Cells<'_>) -> bool {
        let cell = self.cell(row, Field::QuickWin);
        read_yes_no(cell).unwrap_or_else(|| cells.warn(Field::QuickWin, cell, CellProblem::NotYesOrNo))
    }

    /// A budget of zero or more. Stackplan's own numbers are plain decimals ("1.125" is not
    /// 1125), so they are read as such first.
    fn budget(&self, row: &'a Row, cells: &mut Cells<'_>) -> Option<f64> {
        let cell = self.cell(row, Field::Budget);
        if is_blank(cell) {
            return None;
        }
        let plain = self.stackplan.then(|| cell.trim().parse::<f64>().ok()).flatten();
        match plain
            .filter(|amount| amount.is_finite())
            .or_else(|| values::read_amount(cell))
        {
            // `abs` turns a written "-0" into a plain 0.
            Some(amount) if amount >= 0.0 => Some(amount.abs()),
            Some(_) => cells.warn(Field::Budget, cell, CellProblem::BelowZero),
            None => cells.warn(Field::Budget, cell, CellProblem::NotAnAmount),
        }
    }

    /// Stackplan's `catalog_path` ("Modern Stacks > Data > Data Catalog"): the outline's
    /// title is the first heading, as the built-in catalog has it.
    fn origin(&self, row: &'a Row) -> Option<CatalogOrigin> {
        let cell = self.table.cell(row, self.mapping.origin_column()?).trim();
        let path: Vec<String> = cell
            .split(" > ")
            .map(|part| part.chars().take(MAX_TEXT_CHARS).collect())
            .collect();
        let catalog = path.first().filter(|_| !cell.is_empty())?.clone();
        Some(CatalogOrigin { catalog, path })
    }
}

/// Where one row's cell warnings go.
struct Cells<'w> {
    row: usize,
    warnings: &'w mut Vec<CellWarning>,
}

impl Cells<'_> {
    /// Records a warning and gives the value the field falls back to.
    fn warn<T: Fallback>(&mut self, field: Field, cell: &str, reason: CellProblem) -> T {
        self.warnings.push(CellWarning {
            row: self.row,
            field,
            cell: cell.trim().to_string(),
            reason,
        });
        T::fallback(reason)
    }

    /// A text as a roadmap file allows it: at most `MAX_TEXT_CHARS` characters, cut with a
    /// warning beyond.
    fn text(&mut self, field: Field, text: &str) -> String {
        if text.len() <= MAX_TEXT_CHARS || text.chars().count() <= MAX_TEXT_CHARS {
            return text.to_string();
        }
        self.warnings.push(CellWarning {
            row: self.row,
            field,
            cell: text.chars().take(100).collect(),
            reason: CellProblem::TooLong,
        });
        text.chars().take(MAX_TEXT_CHARS).collect()
    }
}

/// A title is one line (the Inspector edits it in a one-line box): a cell's line breaks, and the
/// spaces around them, become one space.
fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains(['\n', '\r']) {
        text.split_whitespace().collect::<Vec<_>>().join(" ").into()
    } else {
        text.into()
    }
}

/// What a field holds when its cell could not be read.
trait Fallback {
    fn fallback(reason: CellProblem) -> Self;
}

impl Fallback for Score {
    fn fallback(reason: CellProblem) -> Score {
        match reason {
            CellProblem::NotANumber { kept } | CellProblem::NotASize { kept } => kept,
            _ => Score::CENTRE,
        }
    }
}

impl<T> Fallback for Option<T> {
    fn fallback(_: CellProblem) -> Option<T> {
        None
    }
}

impl Fallback for bool {
    fn fallback(_: CellProblem) -> bool {
        false
    }
}
