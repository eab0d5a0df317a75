//! The roadmap file format: one path from text to a trusted `Roadmap`, for files and storage alike.
//!
//! Text is size-checked, parsed, its envelope read, migrated version by version up to
//! [`CURRENT_VERSION`], decoded with the path of any bad field, then checked for rules serde
//! cannot see (duplicate ids, dangling references, cycles). Nothing reaches the planner before
//! all of that passed.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;

use serde::Serialize;
use serde::de::{DeserializeSeed, Deserializer, Error as _, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use super::{
    Criterion, CriterionId, CriterionScale, Estimate, Initiative, InitiativeId, MATURITY_MAX, Roadmap, number,
};

/// The `format` every Stackplan roadmap file carries.
pub const FORMAT: &str = "stackplan.roadmap";
/// The version this build writes; older versions are migrated on import.
pub const CURRENT_VERSION: u64 = 1;
/// Largest file accepted: ten times a 10,000-initiative roadmap.
pub const MAX_FILE_BYTES: usize = 40 * 1024 * 1024;
/// Longest text accepted in any one field.
pub const MAX_TEXT_CHARS: usize = 10_000;

/// Upgrades a file of version N (index N - 1) to version N + 1.
pub type Migration = fn(Map<String, Value>) -> Result<Map<String, Value>, ImportError>;

/// Every migration, oldest first. Version 1 is the first public format, so none exist yet.
///
/// How a future version 2 is added (tldraw-style: numbered steps, typed failures):
/// 1. Write `fn v1_to_v2(object: Map<String, Value>) -> Result<Map<String, Value>, ImportError>`
///    that rewrites a version-1 object (without `format`/`version`) into the version-2 shape,
///    returning `ImportError::Invalid { path, reason }` for what it cannot convert.
/// 2. Append it here (`&[v1_to_v2]`; `MIGRATIONS[N - 1]` upgrades N → N + 1) and bump
///    [`CURRENT_VERSION`] to 2; `export` then writes version 2.
/// 3. Keep `tests/fixtures/roadmap-v1.json` unchanged: it becomes the v1 → v2 fixture. Change
///    `tests/file_format_fixtures.rs` so it checks the v1 fixture imports into the expected
///    roadmap (no longer byte-identical on re-export), and add `roadmap-v2.json`, exported by
///    the new build, as the byte-identical pin of version 2.
/// 4. Publish `public/schema/roadmap.v2.schema.json` next to the v1 schema.
pub const MIGRATIONS: &[Migration] = &[];

/// Why a text is not a roadmap Stackplan can open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    TooLarge {
        bytes: usize,
    },
    Empty,
    NotJson {
        line: usize,
        column: usize,
        reason: String,
    },
    NotAnObject,
    NotARoadmap {
        format: Option<String>,
    },
    BadVersion {
        found: String,
    },
    TooNew {
        version: u64,
    },
    Invalid {
        path: String,
        reason: String,
    },
}

impl std::error::Error for ImportError {}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::TooLarge { bytes } => write!(
                f,
                "The file is {:.1} MB; Stackplan opens roadmap files up to {} MB.",
                *bytes as f64 / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            ),
            ImportError::Empty => write!(f, "The file is empty."),
            ImportError::NotJson { line, column, reason } => {
                write!(
                    f,
                    "The file is not valid JSON at line {line}, column {column}: {reason}."
                )
            }
            ImportError::NotAnObject => write!(
                f,
                "The file is JSON, but not a Stackplan roadmap: it should be an object {{ … }} at the top."
            ),
            ImportError::NotARoadmap { format: None } => write!(
                f,
                "The file is JSON, but not a Stackplan roadmap: it has no \"format\": \"{FORMAT}\"."
            ),
            ImportError::NotARoadmap { format: Some(found) } => write!(
                f,
                "The file is a \"{}\" file, not a Stackplan roadmap (\"{FORMAT}\").",
                shorten(found)
            ),
            ImportError::BadVersion { found } => write!(
                f,
                "The file's \"version\" must be a whole number such as {CURRENT_VERSION}; it is {}.",
                shorten(found)
            ),
            ImportError::TooNew { version } => write!(
                f,
                "The file was written by a newer Stackplan (format version {version}); this one reads up to version {CURRENT_VERSION}. Open it with a newer Stackplan."
            ),
            ImportError::Invalid { path, reason } => write!(f, "At {}: {reason}.", shorten(path)),
        }
    }
}

/// Long user text cut down for a message.
fn shorten(text: &str) -> String {
    const KEEP: usize = 60;
    if text.chars().count() <= KEEP {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(KEEP).collect::<String>())
    }
}

fn invalid(path: impl Into<String>, reason: impl Into<String>) -> ImportError {
    ImportError::Invalid {
        path: path.into(),
        reason: reason.into(),
    }
}

/// Reads a roadmap file (or stored roadmap) of any supported version.
pub fn import(text: &str) -> Result<Roadmap, ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let value = parse(text)?;
    let Value::Object(mut object) = value else {
        return Err(ImportError::NotAnObject);
    };
    match object.remove("format") {
        Some(Value::String(format)) if format == FORMAT => {}
        Some(Value::String(format)) => return Err(ImportError::NotARoadmap { format: Some(format) }),
        _ => return Err(ImportError::NotARoadmap { format: None }),
    }
    let version_value = object.remove("version");
    let version = match &version_value {
        Some(Value::Number(number)) => number.as_u64().filter(|&version| version >= 1),
        _ => None,
    };
    let Some(version) = version else {
        let found = version_value.map_or_else(|| "missing".to_string(), |value| value.to_string());
        return Err(ImportError::BadVersion { found });
    };
    let object = migrate(object, version, MIGRATIONS)?;
    let roadmap: Roadmap = serde_path_to_error::deserialize(Value::Object(object)).map_err(|error| {
        let path = error.path().to_string();
        invalid(
            if path == "." {
                "the top level".to_string()
            } else {
                path
            },
            plain_reason(&error.inner().to_string()),
        )
    })?;
    validate(&roadmap)?;
    Ok(roadmap)
}

/// Applies migrations from `version` up to `version + migrations.len()`; each step is
/// `migrations[N - 1]` for N → N + 1.
pub fn migrate(
    mut object: Map<String, Value>,
    version: u64,
    migrations: &[Migration],
) -> Result<Map<String, Value>, ImportError> {
    if version == 0 {
        return Err(ImportError::BadVersion {
            found: "0".to_string(),
        });
    }
    let newest = migrations.len() as u64 + 1;
    if version > newest {
        return Err(ImportError::TooNew { version });
    }
    for step in &migrations[(version - 1) as usize..] {
        object = step(object)?;
    }
    Ok(object)
}

/// Parses JSON text, refusing a key given twice in one object: `serde_json::Value` would
/// silently keep the last one, so the file would mean something its author may not see.
fn parse(text: &str) -> Result<Value, ImportError> {
    let duplicate = RefCell::new(None);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let parsed = StrictValue {
        at: &Place::Top,
        duplicate: &duplicate,
    }
    .deserialize(&mut deserializer)
    .and_then(|value| deserializer.end().map(|()| value));
    parsed.map_err(|error| match duplicate.into_inner() {
        Some(DuplicateKey { path, reason }) => invalid(path, reason),
        None => ImportError::NotJson {
            line: error.line(),
            column: error.column(),
            reason: json_reason(&error),
        },
    })
}

/// A key given twice in one object, named by its path. An empty key has no path of its own,
/// so it is named by the object that holds it.
struct DuplicateKey {
    path: String,
    reason: String,
}

impl DuplicateKey {
    fn at(object: &Place<'_>, key: &str) -> Self {
        if key.is_empty() {
            let path = match object {
                Place::Top => "the top level".to_string(),
                inner => inner.to_string(),
            };
            return DuplicateKey {
                path,
                reason: "a field with an empty name appears twice".to_string(),
            };
        }
        DuplicateKey {
            path: Place::Key(object, key).to_string(),
            reason: format!("the field \"{}\" appears twice", shorten(key)),
        }
    }
}

/// Where a value sits in the document, kept as a chain on the stack so nothing is built
/// unless a duplicate key needs naming.
enum Place<'a> {
    Top,
    Key(&'a Place<'a>, &'a str),
    Item(&'a Place<'a>, usize),
}

impl fmt::Display for Place<'_> {
    /// The same path syntax as `serde_path_to_error`: `initiatives[2].effort`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::Top => Ok(()),
            Place::Key(Place::Top, key) => write!(f, "{key}"),
            Place::Key(parent, key) => write!(f, "{parent}.{key}"),
            Place::Item(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// Builds a `Value` like serde_json does, but records and refuses duplicate keys.
#[derive(Clone, Copy)]
struct StrictValue<'a> {
    at: &'a Place<'a>,
    duplicate: &'a RefCell<Option<DuplicateKey>>,
}

impl<'de> DeserializeSeed<'de> for StrictValue<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        // serde_json's recursion limit (128 levels) applies to this visitor too.
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for StrictValue<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E>(self, value: bool) -> Result<Value, E> {
        Ok(Value::Bool(value))
    }

    fn visit_i64<E>(self, value: i64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_u64<E>(self, value: u64) -> Result<Value, E> {
        Ok(Value::Number(value.into()))
    }

    fn visit_f64<E>(self, value: f64) -> Result<Value, E> {
        Ok(Number::from_f64(value).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, value: &str) -> Result<Value, E> {
        Ok(Value::String(value.to_string()))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            let place = Place::Item(self.at, items.len());
            let seed = StrictValue {
                at: &place,
                duplicate: self.duplicate,
            };
            match seq.next_element_seed(seed)? {
                Some(item) => items.push(item),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut object = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let place = Place::Key(self.at, &key);
            if object.contains_key(&key) {
                *self.duplicate.borrow_mut() = Some(DuplicateKey::at(self.at, &key));
                return Err(A::Error::custom("duplicate key"));
            }
            let value = map.next_value_seed(StrictValue {
                at: &place,
                duplicate: self.duplicate,
            })?;
            object.insert(key, value);
        }
        Ok(Value::Object(object))
    }
}

/// serde_json's syntax error in plain words, without the position (the message gives it).
fn json_reason(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let suffix = format!(" at line {} column {}", error.line(), error.column());
    let reason = text.strip_suffix(&suffix).unwrap_or(&text);
    let plain = match reason {
        "trailing comma" => "there is a comma before a closing bracket",
        "trailing characters" => "there is more text after the end of the roadmap",
        "key must be a string" => "a field name must be in double quotes",
        "number out of range" => "a number is too large",
        "invalid number" => "a number is written wrongly",
        "recursion limit exceeded" => "the data is nested too deeply",
        "expected value" | "expected ident" => {
            "expected a value (text in double quotes, a number, true, false, null, [ or {)"
        }
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "a text contains a raw line break or control character; write it as \\n or \\uXXXX"
        }
        "invalid escape" => "a backslash \\ in a text starts an unknown escape; write a backslash as \\\\",
        "unexpected end of hex escape"
        | "invalid unicode code point"
        | "lone leading surrogate in hex escape" => "a \\u escape in a text is not a valid character",
        reason if reason.starts_with("EOF while parsing") => "the file ends too early; it may be cut off",
        reason => return reason.replace('`', "\""),
    };
    plain.to_string()
}

/// serde's data error ("invalid type: string \"x\", expected f64") in planner words.
/// Anything not recognised is passed through; the user part is always last-split so text
/// from the file cannot confuse the parsing.
fn plain_reason(message: &str) -> String {
    let message = message.replace('`', "\"");
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.rsplit_once(", expected ")
    {
        return format!(
            "should be {}, not {}",
            plain_expected(expected),
            plain_found(found)
        );
    }
    if let Some(rest) = message.strip_prefix("unknown field ") {
        return match rest.rsplit_once(", expected ") {
            Some((field, known)) => {
                format!(
                    "{} is not a field Stackplan knows here (expected {known})",
                    shorten(field)
                )
            }
            None => format!("{} is not a field Stackplan knows here", shorten(rest)),
        };
    }
    if let Some(field) = message.strip_prefix("missing field ") {
        return format!("the field {field} is missing");
    }
    // Score errors print numbers in full: 1e300 would be a 301-digit number.
    if let Some((words, number)) = message.rsplit_once(" not ")
        && number.len() > 15
        && let Ok(value) = number.parse::<f64>()
    {
        return format!("{words} not {value:e}");
    }
    if let Some(rest) = message.strip_prefix("unknown variant ")
        && let Some((found, known)) = rest.rsplit_once(", expected ")
    {
        return format!("{} is not allowed here (expected {known})", shorten(found));
    }
    message
}

fn plain_expected(expected: &str) -> &str {
    match expected {
        "f64" | "f32" => "a number",
        "u64" | "i64" | "u8" => "a whole number",
        "a boolean" => "true or false",
        "a string" | "string or map" => "text in double quotes",
        "a sequence" => "a list [ … ]",
        "a map" => "an object { … }",
        expected if expected.starts_with("struct ") => "an object { … }",
        expected => expected,
    }
}

fn plain_found(found: &str) -> String {
    match found {
        "sequence" => "a list".to_string(),
        "map" => "an object".to_string(),
        "null" => "null".to_string(),
        found => {
            for (prefix, noun) in [
                ("integer ", "the number"),
                ("floating point ", "the number"),
                ("boolean ", ""),
            ] {
                if let Some(value) = found.strip_prefix(prefix) {
                    let value = value.trim_matches('"');
                    return if noun.is_empty() {
                        value.to_string()
                    } else {
                        format!("{noun} {value}")
                    };
                }
            }
            match found.strip_prefix("string ") {
                Some(text) => format!("the text {}", shorten(text)),
                None => found.to_string(),
            }
        }
    }
}

/// Rules about the roadmap as a whole, checked after every field decoded.
fn validate(roadmap: &Roadmap) -> Result<(), ImportError> {
    check_text("name", &roadmap.name)?;
    if let Some(aspect) = roadmap.maturity.off_scale() {
        return Err(invalid(
            format!("maturity.{}", aspect.key()),
            format!("a maturity score is a whole number from 0 to {MATURITY_MAX}"),
        ));
    }
    let criteria = check_criteria(roadmap)?;
    let phase_ids = check_phases(roadmap)?;
    let initiative_ids = check_initiatives(roadmap, &phase_ids, &criteria)?;
    check_dependencies(roadmap, &initiative_ids)
}

/// Checks each weighted criterion's id (valid, unique), name, weight and scale; returns them by id.
fn check_criteria(roadmap: &Roadmap) -> Result<HashMap<&CriterionId, &Criterion>, ImportError> {
    let mut criteria: HashMap<&CriterionId, (usize, &Criterion)> = HashMap::new();
    for (index, criterion) in roadmap.criteria.iter().enumerate() {
        let path = format!("criteria[{index}]");
        check_id(format_args!("{path}.id"), &criterion.id.0)?;
        if let Some((first, _)) = criteria.insert(&criterion.id, (index, criterion)) {
            return Err(invalid(
                format!("{path}.id"),
                format!(
                    "the id \"{}\" is already used by criteria[{first}]",
                    shorten(&criterion.id.0)
                ),
            ));
        }
        check_text(format_args!("{path}.name"), &criterion.name)?;
        if !(criterion.weight.is_finite() && criterion.weight >= 0.0) {
            return Err(invalid(
                format!("{path}.weight"),
                format!(
                    "a weight must be zero or a positive number, not {}",
                    shown(criterion.weight)
                ),
            ));
        }
        if let CriterionScale::Money { most } = criterion.scale
            && !(most.is_finite() && most > 0.0)
        {
            return Err(invalid(
                format!("{path}.scale.most"),
                format!(
                    "the most on a money scale must be more than 0, not {}",
                    shown(most)
                ),
            ));
        }
    }
    Ok(criteria
        .into_iter()
        .map(|(id, (_, criterion))| (id, criterion))
        .collect())
}

/// Checks that each grid score's range is a range and holds its score ("effort_range": low 3,
/// high 7 around effort 5).
fn check_score_ranges(path: &str, initiative: &Initiative) -> Result<(), ImportError> {
    for (name, score, range) in [
        ("effort", initiative.effort, initiative.effort_range),
        ("impact", initiative.impact, initiative.impact_range),
    ] {
        let Some(range) = range else { continue };
        let path = format!("{path}.{name}_range");
        if range.low >= range.high {
            return Err(invalid(
                path,
                format!("low ({}) must be below high ({})", range.low, range.high),
            ));
        }
        if !range.contains(score) {
            return Err(invalid(
                path,
                format!(
                    "the range {}–{} must hold the {name} itself ({score})",
                    range.low, range.high
                ),
            ));
        }
    }
    Ok(())
}

/// Checks the framework inputs of the initiative at `path` lie on their scales, and that its
/// criterion values name criteria in the file (`criteria`) and lie on theirs.
fn check_framework_inputs(
    path: &str,
    initiative: &Initiative,
    criteria: &HashMap<&CriterionId, &Criterion>,
) -> Result<(), ImportError> {
    let rice = &initiative.rice;
    check_estimate(
        format_args!("{path}.rice.reach"),
        rice.reach,
        "reach must be zero or more",
        |value| value >= 0.0,
    )?;
    check_estimate(
        format_args!("{path}.rice.effort"),
        rice.effort,
        "effort must be more than 0 person-months",
        |value| value > 0.0,
    )?;
    let ice = &initiative.ice;
    for (field, estimate) in [
        ("impact", ice.impact),
        ("confidence", ice.confidence),
        ("ease", ice.ease),
    ] {
        check_estimate(
            format_args!("{path}.ice.{field}"),
            estimate,
            "must be between 1 and 10",
            |value| (1.0..=10.0).contains(&value),
        )?;
    }
    let wsjf = &initiative.wsjf;
    for (field, estimate) in [
        ("business_value", wsjf.business_value),
        ("time_criticality", wsjf.time_criticality),
        ("risk_reduction", wsjf.risk_reduction),
    ] {
        check_estimate(
            format_args!("{path}.wsjf.{field}"),
            estimate,
            "must be between 1 and 20",
            |value| (1.0..=20.0).contains(&value),
        )?;
    }
    for (id, estimate) in &initiative.criteria {
        let Some(criterion) = criteria.get(id) else {
            return Err(invalid(
                format!("{path}.criteria.{}", id.0),
                format!(
                    "refers to criterion \"{}\", which is not in the file's criteria",
                    shorten(&id.0)
                ),
            ));
        };
        let scale = criterion.scale;
        let (least, most) = scale.bounds();
        let rule = match scale {
            CriterionScale::OneToTen => "must be between 1 and 10".to_string(),
            CriterionScale::Percent => "must be a percent between 0 and 100".to_string(),
            CriterionScale::Money { most } => format!("must be between 0 and {}", number(most)),
            CriterionScale::TShirt => "must be a T-shirt size written 1 (XS) to 5 (XL)".to_string(),
            CriterionScale::YesNo => "must be 0 (no) or 1 (yes)".to_string(),
        };
        check_estimate(
            format_args!("{path}.criteria.{}", id.0),
            Some(*estimate),
            &rule,
            |value| (least..=most).contains(&value) && (!scale.whole_steps() || value.fract() == 0.0),
        )?;
    }
    Ok(())
}

/// Refuses an estimate with a value `fits` does not accept, naming the value (and which end of
/// a range it is): "must be between 1 and 10, not 12 (its high value)". `path` is formatted
/// only for an error, as in `check_id`.
fn check_estimate(
    path: impl fmt::Display,
    estimate: Option<Estimate>,
    rule: &str,
    fits: impl Fn(f64) -> bool,
) -> Result<(), ImportError> {
    let Some(estimate) = estimate else {
        return Ok(());
    };
    let ends = [
        ("low", estimate.low),
        ("likely", estimate.likely),
        ("high", estimate.high),
    ];
    match ends.into_iter().find(|&(_, value)| !fits(value)) {
        None => Ok(()),
        Some((_, value)) if !estimate.is_range() => {
            Err(invalid(path.to_string(), format!("{rule}, not {}", shown(value))))
        }
        Some((end, value)) => Err(invalid(
            path.to_string(),
            format!("{rule}, not {} (its {end} value)", shown(value)),
        )),
    }
}

/// A number from the file as a message shows it: as written, or in scientific notation where
/// that would run past 15 digits (1e300 is a 301-digit number).
fn shown(value: f64) -> String {
    let written = value.to_string();
    if written.len() > 15 {
        format!("{value:e}")
    } else {
        written
    }
}

/// Checks each phase's id (valid, unique), name and capacity; returns where each id is.
fn check_phases(roadmap: &Roadmap) -> Result<HashMap<&str, usize>, ImportError> {
    let mut phase_ids = HashMap::new();
    for (index, phase) in roadmap.phases.iter().enumerate() {
        let path = format!("phases[{index}]");
        check_id(format_args!("{path}.id"), phase.id.as_str())?;
        if let Some(first) = phase_ids.insert(phase.id.as_str(), index) {
            return Err(invalid(
                format!("{path}.id"),
                format!(
                    "the id \"{}\" is already used by phases[{first}]",
                    shorten(phase.id.as_str())
                ),
            ));
        }
        check_text(format_args!("{path}.name"), &phase.name)?;
        if let Some(capacity) = phase.capacity
            && !(capacity.is_finite() && capacity > 0.0)
        {
            return Err(invalid(
                format!("{path}.capacity"),
                "capacity must be a positive number of effort points",
            ));
        }
        if let Err(crossed) = super::Phase::check_dates(phase.start, phase.end) {
            return Err(invalid(format!("{path}.end"), crossed.to_string()));
        }
    }
    Ok(phase_ids)
}

/// Checks each initiative's id (valid, unique), texts, budget, phase (one of `phase_ids`) and
/// framework inputs (their criteria among `criteria`); returns where each id is.
fn check_initiatives<'a>(
    roadmap: &'a Roadmap,
    phase_ids: &HashMap<&str, usize>,
    criteria: &HashMap<&CriterionId, &Criterion>,
) -> Result<HashMap<&'a str, usize>, ImportError> {
    let mut initiative_ids: HashMap<&str, usize> = HashMap::new();
    for (index, initiative) in roadmap.initiatives.iter().enumerate() {
        let path = format!("initiatives[{index}]");
        check_id(format_args!("{path}.id"), initiative.id.as_str())?;
        if let Some(first) = initiative_ids.insert(initiative.id.as_str(), index) {
            return Err(invalid(
                format!("{path}.id"),
                format!(
                    "the id \"{}\" is already used by initiatives[{first}]",
                    shorten(initiative.id.as_str())
                ),
            ));
        }
        check_initiative_texts(&path, initiative)?;
        if let Some(budget) = initiative.budget
            && !(budget.is_finite() && budget >= 0.0)
        {
            return Err(invalid(
                format!("{path}.budget"),
                "the budget must be zero or a positive number",
            ));
        }
        if let Some(phase) = &initiative.phase
            && !phase_ids.contains_key(phase.as_str())
        {
            return Err(invalid(
                format!("{path}.phase"),
                format!(
                    "refers to phase \"{}\", which is not in the file's phases",
                    shorten(phase.as_str())
                ),
            ));
        }
        check_score_ranges(&path, initiative)?;
        check_framework_inputs(&path, initiative, criteria)?;
    }
    Ok(initiative_ids)
}

/// Checks the length of every text of the initiative at `path`, lists and origin included.
fn check_initiative_texts(path: &str, initiative: &Initiative) -> Result<(), ImportError> {
    for (field, text) in [
        ("title", &initiative.title),
        ("description", &initiative.description),
        ("owner", &initiative.owner),
    ] {
        check_text(format_args!("{path}.{field}"), text)?;
    }
    for (field, list) in [
        ("stakeholders", &initiative.stakeholders),
        ("goals", &initiative.goals),
        ("tags", &initiative.tags),
    ] {
        for (item, text) in list.iter().enumerate() {
            check_text(format_args!("{path}.{field}[{item}]"), text)?;
        }
    }
    if let Some(origin) = &initiative.origin {
        check_text(format_args!("{path}.origin.catalog"), &origin.catalog)?;
        for (item, text) in origin.path.iter().enumerate() {
            check_text(format_args!("{path}.origin.path[{item}]"), text)?;
        }
    }
    Ok(())
}

/// Checks every dependency names another initiative in the file (`initiative_ids`), once,
/// and that the dependencies go round in no circle.
fn check_dependencies(roadmap: &Roadmap, initiative_ids: &HashMap<&str, usize>) -> Result<(), ImportError> {
    for (index, initiative) in roadmap.initiatives.iter().enumerate() {
        for (item, dependency) in initiative.dependencies.iter().enumerate() {
            let path = || format!("initiatives[{index}].dependencies[{item}]");
            if dependency == &initiative.id {
                return Err(invalid(path(), "an initiative cannot depend on itself"));
            }
            if !initiative_ids.contains_key(dependency.as_str()) {
                return Err(invalid(
                    path(),
                    format!(
                        "refers to initiative \"{}\", which is not in the file",
                        shorten(dependency.as_str())
                    ),
                ));
            }
            if initiative.dependencies[..item].contains(dependency) {
                return Err(invalid(
                    path(),
                    format!("\"{}\" is listed twice", shorten(dependency.as_str())),
                ));
            }
        }
    }
    if let Some(index) = first_in_cycle(roadmap, initiative_ids) {
        return Err(invalid(
            format!("initiatives[{index}].dependencies"),
            "the dependencies go round in a circle; an initiative cannot wait on itself",
        ));
    }
    Ok(())
}

/// `path` is formatted only for an error: a file of 1,000 initiatives has some 10,000 paths.
fn check_id(path: impl fmt::Display, id: &str) -> Result<(), ImportError> {
    let valid = !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_');
    if valid {
        Ok(())
    } else {
        Err(invalid(
            path.to_string(),
            format!(
                "\"{}\" is not a valid id (1–64 letters, digits, - or _)",
                shorten(id)
            ),
        ))
    }
}

/// `path` is formatted only for an error, as in `check_id`.
fn check_text(path: impl fmt::Display, text: &str) -> Result<(), ImportError> {
    // Bytes first: a text no longer in bytes than the limit is within it in characters.
    if text.len() > MAX_TEXT_CHARS && text.chars().count() > MAX_TEXT_CHARS {
        return Err(invalid(
            path.to_string(),
            format!("the text is longer than {MAX_TEXT_CHARS} characters"),
        ));
    }
    Ok(())
}

/// Index of an initiative on a dependency cycle, found by depth-first colouring.
fn first_in_cycle(roadmap: &Roadmap, index_of: &HashMap<&str, usize>) -> Option<usize> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut marks = vec![Mark::New; roadmap.initiatives.len()];
    for start in 0..roadmap.initiatives.len() {
        if marks[start] != Mark::New {
            continue;
        }
        // Iterative walk: (initiative, next dependency to visit).
        let mut stack = vec![(start, 0usize)];
        marks[start] = Mark::Open;
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            let dependencies: &[InitiativeId] = &roadmap.initiatives[node].dependencies;
            if let Some(dependency) = dependencies.get(*next) {
                *next += 1;
                let Some(&target) = index_of.get(dependency.as_str()) else {
                    continue;
                };
                match marks[target] {
                    Mark::Open => return Some(target),
                    Mark::New => {
                        marks[target] = Mark::Open;
                        stack.push((target, 0));
                    }
                    Mark::Done => {}
                }
            } else {
                marks[node] = Mark::Done;
                stack.pop();
            }
        }
    }
    None
}

/// The envelope written in front of the roadmap's own fields.
#[derive(Serialize)]
struct Envelope<'a> {
    format: &'static str,
    version: u64,
    #[serde(flatten)]
    roadmap: &'a Roadmap,
}

/// The roadmap as a file: pretty-printed, keys in a fixed order, ending in a newline,
/// so two exports of one roadmap are byte-identical and diff well.
pub fn export(roadmap: &Roadmap) -> String {
    let envelope = Envelope {
        format: FORMAT,
        version: CURRENT_VERSION,
        roadmap,
    };
    // Serializing plain structs of strings and numbers into a String cannot fail.
    let mut text = serde_json::to_string_pretty(&envelope).unwrap_or_default();
    text.push('\n');
    text
}

/// The roadmap as compact text for browser storage; read back with [`import`].
pub fn to_storage_text(roadmap: &Roadmap) -> String {
    serde_json::to_string(&Envelope {
        format: FORMAT,
        version: CURRENT_VERSION,
        roadmap,
    })
    .unwrap_or_default()
}

/// About how many characters (UTF-16 code units) a browser keeps in localStorage for one site.
pub const STORAGE_LIMIT_CHARS: usize = 5_000_000;

/// A stored roadmap this large is saved, but the user is warned before it stops fitting.
pub fn storage_is_nearly_full(chars: usize) -> bool {
    chars * 10 >= STORAGE_LIMIT_CHARS * 7
}

/// A file name from a roadmap name: `Data 2027` → `Data-2027.stackplan.json`.
pub fn file_name(roadmap: &Roadmap) -> String {
    let stem: String = roadmap
        .display_name()
        .chars()
        .map(|character| {
            if character.is_alphanumeric() || "-_.".contains(character) {
                character
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem
        .split('-')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let stem = stem.trim_matches('.');
    format!(
        "{}.stackplan.json",
        if stem.is_empty() { "roadmap" } else { stem }
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        CatalogOrigin, Confidence, Direction, DueDate, Framework, IceInputs, JobSize, MaturityAspect,
        PhaseId, QuadrantSplit, RiceImpact, RiceInputs, Score, Urgency, WsjfInputs,
    };

    fn score(value: f64) -> Score {
        Score::exact(value).expect("a valid score")
    }

    /// A roadmap with every field set, every urgency used and text that looks like markup.
    fn sample() -> Roadmap {
        let mut roadmap = Roadmap::new("Data 2027 — «Plattform» 🚀 <b>bold</b>");
        roadmap.quadrant_split = QuadrantSplit {
            effort: score(4.5),
            impact: score(6.0),
        };
        let later = roadmap.add_phase(Some("Later & maybe".into()));
        roadmap.update_phase(&PhaseId("p1".into()), |phase| phase.capacity = Some(12.5));
        roadmap.update_phase(&later, |phase| phase.capacity = Some(30.0));
        for (index, urgency) in Urgency::ALL.into_iter().enumerate() {
            let id = roadmap.add_initiative(format!("Initiative {index}"));
            roadmap.update_initiative(&id, |initiative| {
                initiative.urgency = urgency;
                initiative.effort = score(1.0 + index as f64 * 2.2);
                initiative.impact = score(9.9 - index as f64 * 1.7);
            });
        }
        let lake = InitiativeId("i1".into());
        let full = InitiativeId("i2".into());
        roadmap.update_initiative(&full, |initiative| {
            initiative.title = "<script>alert(1)</script> Data lake \"quoted\" \\ back".into();
            initiative.description =
                "Line one\nLine two\t<img src=x onerror=alert(1)> — ünïcødé 日本語 🎉".into();
            initiative.quick_win = true;
            initiative.due = DueDate::new(2028, 2, 29);
            initiative.phase = Some(PhaseId("p1".into()));
            initiative.origin = Some(CatalogOrigin {
                catalog: "Modern Stacks".into(),
                path: vec!["Modern Stacks".into(), "Data".into(), "Data Lake".into()],
            });
            initiative.owner = "Dana O'Neil".into();
            initiative.stakeholders = vec!["Ops".into(), "Data team".into()];
            initiative.goals = vec!["Market expansion".into(), "Product development".into()];
            initiative.budget = Some(125_000.75);
            initiative.dependencies = vec![lake.clone()];
            initiative.tags = vec!["governance".into(), "&amp;".into()];
        });
        roadmap.update_initiative(&InitiativeId("i3".into()), |initiative| {
            initiative.phase = Some(later.clone());
            initiative.budget = Some(0.0);
            initiative.dependencies = vec![full.clone(), lake.clone()];
        });
        roadmap.maturity.set(MaturityAspect::Descriptive, Some(4));
        roadmap.maturity.set(MaturityAspect::Predictive, Some(0));
        roadmap.maturity.set(MaturityAspect::Culture, Some(5));
        roadmap
    }

    fn refused(text: &str) -> ImportError {
        match import(text) {
            Ok(_) => panic!("expected the import to fail for:\n{}", shorten(text)),
            Err(error) => error,
        }
    }

    /// The sample's export as JSON, changed by `edit`, back to text.
    fn edited(edit: impl FnOnce(&mut Value)) -> String {
        let mut value: Value = serde_json::from_str(&export(&sample())).expect("export is JSON");
        edit(&mut value);
        value.to_string()
    }

    /// Asserts the failure names `path` and that its message contains `words`.
    fn assert_invalid(text: &str, path: &str, words: &str) {
        let error = refused(text);
        let message = error.to_string();
        match &error {
            ImportError::Invalid { path: found, .. } => assert_eq!(found, path, "{message}"),
            other => panic!("expected Invalid at {path}, got {other:?}"),
        }
        assert!(message.starts_with(&format!("At {path}: ")), "{message}");
        assert!(message.contains(words), "{message:?} should contain {words:?}");
    }

    // ---- export ----

    #[test]
    fn storage_warns_from_seventy_percent_of_the_limit() {
        assert!(!storage_is_nearly_full(3_499_999));
        assert!(storage_is_nearly_full(3_500_000));
        assert!(storage_is_nearly_full(STORAGE_LIMIT_CHARS));
    }

    #[test]
    fn export_is_pretty_printed_with_format_and_version_first() {
        let text = export(&sample());
        assert!(
            text.starts_with("{\n  \"format\": \"stackplan.roadmap\",\n  \"version\": 1,\n  \"name\": "),
            "{text}"
        );
        assert!(text.ends_with("}\n"));
        assert!(
            text.contains("\n      \"id\": \"p1\",\n"),
            "nested keys are indented"
        );
    }

    #[test]
    fn export_writes_unicode_as_is_not_escaped() {
        let text = export(&sample());
        assert!(text.contains("«Plattform» 🚀"));
        assert!(text.contains("日本語 🎉"));
        assert!(!text.contains("\\u"), "no \\u escapes for printable text");
    }

    #[test]
    fn export_keeps_a_fixed_key_order() {
        let mut roadmap = Roadmap::new("Tiny");
        roadmap.phases.truncate(1);
        roadmap.add_initiative("Lineage");
        let expected = r#"{
  "format": "stackplan.roadmap",
  "version": 1,
  "name": "Tiny",
  "quadrant_split": {
    "effort": 5.5,
    "impact": 5.5
  },
  "phases": [
    {
      "id": "p1",
      "name": "Phase 1",
      "capacity": null
    }
  ],
  "initiatives": [
    {
      "id": "i1",
      "title": "Lineage",
      "description": "",
      "effort": 5.5,
      "impact": 5.5,
      "quick_win": false,
      "urgency": "none",
      "due": null,
      "phase": null,
      "origin": null,
      "owner": "",
      "stakeholders": [],
      "goals": [],
      "budget": null,
      "dependencies": [],
      "tags": []
    }
  ]
}
"#;
        assert_eq!(export(&roadmap), expected);
    }

    #[test]
    fn the_maturity_audit_sits_after_the_split_with_only_its_scored_aspects() {
        let mut roadmap = Roadmap::new("Tiny");
        roadmap.phases.clear();
        roadmap.maturity.set(MaturityAspect::Team, Some(2));
        roadmap.maturity.set(MaturityAspect::Diagnostic, Some(3));
        let text = export(&roadmap);
        assert!(
            text.contains(
                "\"impact\": 5.5\n  },\n  \"maturity\": {\n    \"diagnostic\": 3,\n    \"team\": 2\n  },\n  \"phases\": []"
            ),
            "{text}"
        );
        assert_eq!(import(&text).expect("imports").maturity, roadmap.maturity);
    }

    #[test]
    fn a_file_without_a_maturity_audit_imports_with_a_blank_one() {
        let text = edited(|value| {
            value.as_object_mut().expect("an object").remove("maturity");
        });
        assert!(import(&text).expect("imports").maturity.is_blank());
    }

    #[test]
    fn import_refuses_maturity_scores_off_the_scale_or_unknown() {
        let text = edited(|value| value["maturity"]["culture"] = 6.into());
        assert_invalid(&text, "maturity.culture", "a whole number from 0 to 5");
        let text = edited(|value| value["maturity"]["team"] = 2.5.into());
        assert_invalid(
            &text,
            "maturity.team",
            "should be a whole number, not the number 2.5",
        );
        let text = edited(|value| value["maturity"]["vision"] = 2.into());
        assert_invalid(&text, "maturity.vision", "is not a field Stackplan knows");
    }

    #[test]
    fn exporting_twice_is_byte_identical() {
        let roadmap = sample();
        assert_eq!(export(&roadmap).as_bytes(), export(&roadmap.clone()).as_bytes());
        let reimported = import(&export(&roadmap)).expect("imports");
        assert_eq!(export(&reimported), export(&roadmap));
    }

    #[test]
    fn export_then_import_gives_back_every_field() {
        let roadmap = sample();
        let back = import(&export(&roadmap)).expect("own export imports");
        assert_eq!(back, roadmap);
        let full = &back.initiatives[1];
        assert_eq!(
            full.title,
            "<script>alert(1)</script> Data lake \"quoted\" \\ back"
        );
        assert!(full.quick_win);
        assert_eq!(full.budget, Some(125_000.75));
        assert_eq!(full.due.map(|due| due.to_string()).as_deref(), Some("2028-02-29"));
        assert_eq!(back.phases[0].capacity, Some(12.5));
        let urgencies: Vec<_> = back.initiatives.iter().map(|i| i.urgency).collect();
        assert_eq!(urgencies, Urgency::ALL);
    }

    #[test]
    fn storage_text_round_trips_and_is_compact() {
        let roadmap = sample();
        let text = to_storage_text(&roadmap);
        assert!(text.starts_with("{\"format\":\"stackplan.roadmap\",\"version\":1,"));
        assert!(!text.contains('\n'));
        assert_eq!(import(&text), Ok(roadmap));
    }

    #[test]
    fn html_and_script_text_survives_verbatim() {
        let script = "<script>alert(1)</script>";
        let mut roadmap = Roadmap::new(script);
        let id = roadmap.add_initiative(script);
        roadmap.update_initiative(&id, |initiative| {
            initiative.description = "</textarea><svg onload=alert(1)>&lt;&#x3C;".into();
            initiative.tags = vec![script.into()];
        });
        let text = export(&roadmap);
        assert!(
            text.contains(script),
            "exported as plain text, not entity-escaped"
        );
        let back = import(&text).expect("markup-like text is just text");
        assert_eq!(back.name, script);
        assert_eq!(back.initiatives[0].title, script);
        assert_eq!(
            back.initiatives[0].description,
            "</textarea><svg onload=alert(1)>&lt;&#x3C;"
        );
        assert_eq!(back, roadmap);
    }

    #[test]
    fn import_accepts_a_byte_order_mark() {
        let text = format!("\u{feff}{}", export(&sample()));
        assert_eq!(import(&text), Ok(sample()));
    }

    #[test]
    fn file_names_come_from_the_roadmap_name() {
        assert_eq!(file_name(&Roadmap::new("Data 2027")), "Data-2027.stackplan.json");
        assert_eq!(
            file_name(&Roadmap::new("<script>/../x")),
            "script-..-x.stackplan.json"
        );
        assert_eq!(file_name(&Roadmap::new("  ")), "Untitled-roadmap.stackplan.json");
        assert_eq!(file_name(&Roadmap::new("...")), "roadmap.stackplan.json");
    }

    // ---- hostile input: the envelope ----

    #[test]
    fn import_refuses_text_that_is_not_json() {
        let error = refused("name: Data 2027");
        assert!(matches!(error, ImportError::NotJson { line: 1, .. }), "{error:?}");
        assert!(
            error
                .to_string()
                .starts_with("The file is not valid JSON at line 1, column 2: expected a value"),
            "{error}"
        );
    }

    #[test]
    fn import_explains_a_cut_off_file() {
        let text = export(&sample());
        let error = refused(&text[..text.len() / 2]);
        assert!(
            error
                .to_string()
                .contains("the file ends too early; it may be cut off"),
            "{error}"
        );
    }

    #[test]
    fn import_explains_a_trailing_comma_with_its_position() {
        let error = refused("{\n  \"format\": \"stackplan.roadmap\",\n}");
        assert_eq!(
            error.to_string(),
            "The file is not valid JSON at line 3, column 1: there is a comma before a closing bracket."
        );
    }

    #[test]
    fn each_kind_of_broken_json_gets_its_own_explanation() {
        let cases = [
            ("[1,]", "there is a comma before a closing bracket"),
            ("{} x", "there is more text after the end of the roadmap"),
            ("{1: 2}", "a field name must be in double quotes"),
            ("1e999", "a number is too large"),
            ("01", "a number is written wrongly"),
            (
                "x",
                "expected a value (text in double quotes, a number, true, false, null, [ or {)",
            ),
            (
                "\"a\nb\"",
                "a text contains a raw line break or control character; write it as \\n or \\uXXXX",
            ),
            (
                "\"\\q\"",
                "a backslash \\ in a text starts an unknown escape; write a backslash as \\\\",
            ),
            ("\"\\uD800\"", "a \\u escape in a text is not a valid character"),
            ("[1", "the file ends too early; it may be cut off"),
            // Anything else is serde_json's own words, with its backticks as plain quotes.
            ("{\"a\" 1}", "expected \":\""),
            ("[1 2]", "expected \",\" or \"]\""),
        ];
        for (text, explanation) in cases {
            let message = refused(text).to_string();
            assert!(
                message.ends_with(&format!(": {explanation}.")),
                "{text:?} gave {message:?}"
            );
        }
    }

    #[test]
    fn a_type_serde_names_in_its_own_words_is_passed_through() {
        // No field of format version 1 has such a type today; a future one must not be
        // described as an object.
        assert_eq!(
            plain_reason("invalid type: integer `5`, expected a tuple of size 2"),
            "should be a tuple of size 2, not the number 5"
        );
        assert_eq!(
            plain_reason("invalid type: map, expected struct Phase"),
            "should be an object { … }, not an object"
        );
    }

    #[test]
    fn import_refuses_an_empty_file() {
        assert_eq!(import(""), Err(ImportError::Empty));
        assert_eq!(import(" \n\t "), Err(ImportError::Empty));
        assert_eq!(import("\u{feff}"), Err(ImportError::Empty));
        assert_eq!(ImportError::Empty.to_string(), "The file is empty.");
    }

    #[test]
    fn import_refuses_a_top_level_array_or_value() {
        for text in [
            "[]",
            "[{\"format\": \"stackplan.roadmap\"}]",
            "42",
            "\"roadmap\"",
            "null",
        ] {
            let error = refused(text);
            assert_eq!(error, ImportError::NotAnObject, "{text}");
            assert!(error.to_string().contains("not a Stackplan roadmap"));
        }
    }

    #[test]
    fn import_refuses_a_wrong_or_missing_format() {
        let error = refused(&edited(|value| value["format"] = "excalidraw".into()));
        assert_eq!(
            error.to_string(),
            "The file is a \"excalidraw\" file, not a Stackplan roadmap (\"stackplan.roadmap\")."
        );
        let missing = refused(&edited(|value| {
            value.as_object_mut().map(|object| object.remove("format"));
        }));
        assert_eq!(missing, ImportError::NotARoadmap { format: None });
        assert!(
            missing
                .to_string()
                .contains("it has no \"format\": \"stackplan.roadmap\"")
        );
        let number = refused(&edited(|value| value["format"] = 1.into()));
        assert_eq!(number, ImportError::NotARoadmap { format: None });
    }

    #[test]
    fn import_refuses_a_missing_or_malformed_version() {
        let with_version = |version: &str| {
            export(&sample()).replacen("\"version\": 1,", &format!("\"version\": {version},"), 1)
        };
        for (version, found) in [
            ("\"1\"", "\"1\""),
            ("0", "0"),
            ("1.0", "1.0"),
            ("1.5", "1.5"),
            ("-1", "-1"),
            ("null", "null"),
            ("[1]", "[1]"),
        ] {
            let error = refused(&with_version(version));
            assert_eq!(
                error,
                ImportError::BadVersion { found: found.into() },
                "{version}"
            );
            assert_eq!(
                error.to_string(),
                format!("The file's \"version\" must be a whole number such as 1; it is {found}.")
            );
        }
        let missing = refused(&edited(|value| {
            value.as_object_mut().map(|object| object.remove("version"));
        }));
        assert_eq!(
            missing.to_string(),
            "The file's \"version\" must be a whole number such as 1; it is missing."
        );
    }

    #[test]
    fn import_refuses_newer_version() {
        for version in [2, 7, u64::MAX] {
            let error = refused(&edited(|value| value["version"] = version.into()));
            assert_eq!(error, ImportError::TooNew { version });
            assert!(error.to_string().contains(&format!("format version {version}")));
            assert!(error.to_string().contains("Open it with a newer Stackplan"));
        }
    }

    #[test]
    fn import_refuses_a_huge_number_as_a_number_too_large() {
        let text = export(&sample()).replacen("\"effort\": 1.0", "\"effort\": 1e400", 1);
        let error = refused(&text);
        assert!(matches!(error, ImportError::NotJson { .. }), "{error:?}");
        assert!(error.to_string().ends_with(": a number is too large."), "{error}");
    }

    #[test]
    fn import_survives_deeply_nested_json() {
        for text in [
            "[".repeat(10_000),
            "{\"a\":".repeat(10_000),
            format!("{}{}", "[".repeat(100_000), "]".repeat(100_000)),
            format!(
                "{{\"format\": \"stackplan.roadmap\", \"version\": 1, \"name\": {}",
                "[".repeat(10_000)
            ),
        ] {
            let error = refused(&text);
            assert!(matches!(error, ImportError::NotJson { .. }), "{error:?}");
        }
        let error = refused(&format!("{}{}", "[".repeat(1_000), "]".repeat(1_000)));
        assert!(error.to_string().contains("nested too deeply"), "{error}");
    }

    #[test]
    fn import_refuses_a_file_over_the_size_limit() {
        let text = " ".repeat(MAX_FILE_BYTES + 1);
        assert_eq!(
            import(&text),
            Err(ImportError::TooLarge {
                bytes: MAX_FILE_BYTES + 1
            })
        );
        assert_eq!(
            ImportError::TooLarge {
                bytes: 45 * 1_048_576
            }
            .to_string(),
            "The file is 45.0 MB; Stackplan opens roadmap files up to 40 MB."
        );
        // Just under the limit the size check passes and the content is judged.
        assert_eq!(import(&" ".repeat(MAX_FILE_BYTES)), Err(ImportError::Empty));
    }

    // ---- hostile input: fields ----

    #[test]
    fn import_names_the_field_with_a_wrong_type() {
        let text = edited(|value| value["initiatives"][2]["effort"] = "high".into());
        assert_invalid(
            &text,
            "initiatives[2].effort",
            "should be a number, not the text \"high\"",
        );
        let text = edited(|value| value["initiatives"][0]["quick_win"] = 0.into());
        assert_invalid(
            &text,
            "initiatives[0].quick_win",
            "should be true or false, not the number 0",
        );
        let text = edited(|value| value["initiatives"][1]["tags"] = Value::Null);
        assert_invalid(&text, "initiatives[1].tags", "should be a list [ … ], not null");
        let text = edited(|value| value["initiatives"][1]["tags"][1] = 7.into());
        assert_invalid(
            &text,
            "initiatives[1].tags[1]",
            "should be text in double quotes, not the number 7",
        );
        let text = edited(|value| value["phases"] = serde_json::json!({"p1": "Phase 1"}));
        assert_invalid(&text, "phases", "should be a list [ … ], not an object");
        let text = edited(|value| value["quadrant_split"] = 5.into());
        assert_invalid(
            &text,
            "quadrant_split",
            "should be an object { … }, not the number 5",
        );
        let text = edited(|value| value["initiatives"][0]["urgency"] = "urgent".into());
        assert_invalid(
            &text,
            "initiatives[0].urgency",
            "\"urgent\" is not allowed here (expected one of \"none\"",
        );
        let text = edited(|value| value["initiatives"][0]["due"] = "next week".into());
        assert_invalid(
            &text,
            "initiatives[0].due",
            "must be a date written YYYY-MM-DD, not \"next week\"",
        );
        let text = edited(|value| value["initiatives"][0]["due"] = "2027-02-29".into());
        assert_invalid(&text, "initiatives[0].due", "not \"2027-02-29\"");
    }

    #[test]
    fn import_names_a_missing_field() {
        let text = edited(|value| {
            value["initiatives"][3]
                .as_object_mut()
                .map(|object| object.remove("owner"));
        });
        assert_invalid(&text, "initiatives[3]", "the field \"owner\" is missing");
        let text = edited(|value| {
            value.as_object_mut().map(|object| object.remove("name"));
        });
        assert_invalid(&text, "the top level", "the field \"name\" is missing");
    }

    #[test]
    fn import_names_an_unknown_field() {
        let text = edited(|value| value["initiatives"][0]["quick_wins"] = true.into());
        assert_invalid(
            &text,
            "initiatives[0].quick_wins",
            "\"quick_wins\" is not a field Stackplan knows here (expected one of \"id\", \"title\"",
        );
        let text = edited(|value| value["theme"] = "dark".into());
        assert_invalid(&text, "theme", "\"theme\" is not a field Stackplan knows here");
    }

    #[test]
    fn import_refuses_a_field_given_twice() {
        // Regression: serde_json kept the last of two equal keys, so a file could say two things.
        let text = export(&sample()).replacen(
            "\"owner\": \"Dana O'Neil\",",
            "\"owner\": \"A\", \"owner\": \"B\",",
            1,
        );
        assert_invalid(&text, "initiatives[1].owner", "the field \"owner\" appears twice");
        let text = export(&sample()).replacen("\"name\": ", "\"name\": \"x\", \"name\": ", 1);
        assert_invalid(&text, "name", "the field \"name\" appears twice");
        assert_invalid(
            r#"{"format":"stackplan-roadmap","":1,"":2}"#,
            "the top level",
            "a field with an empty name appears twice",
        );
        let nested = r#"{"format":"stackplan-roadmap","version":1,"name":"R","phases":[],"initiatives":[{"":1,"":2}]}"#;
        assert_invalid(
            nested,
            "initiatives[0]",
            "a field with an empty name appears twice",
        );
    }

    #[test]
    fn unknown_field_names_containing_position_words_are_kept_whole() {
        // Regression: " at line " inside a field name cut the message short.
        let text = edited(|value| value["initiatives"][0]["x at line 3"] = 1.into());
        assert_invalid(
            &text,
            "initiatives[0].x at line 3",
            "\"x at line 3\" is not a field",
        );
    }

    #[test]
    fn import_refuses_duplicate_initiative_ids() {
        let text = edited(|value| value["initiatives"][3]["id"] = "i2".into());
        assert_invalid(
            &text,
            "initiatives[3].id",
            "the id \"i2\" is already used by initiatives[1]",
        );
    }

    #[test]
    fn import_refuses_duplicate_phase_ids() {
        let text = edited(|value| value["phases"][2]["id"] = "p1".into());
        assert_invalid(
            &text,
            "phases[2].id",
            "the id \"p1\" is already used by phases[0]",
        );
    }

    #[test]
    fn import_refuses_malformed_ids() {
        for id in ["", "has space", "<b>", "ä", &"x".repeat(65)] {
            let text = edited(|value| value["initiatives"][0]["id"] = id.into());
            assert_invalid(
                &text,
                "initiatives[0].id",
                "is not a valid id (1–64 letters, digits, - or _)",
            );
        }
        let text = edited(|value| value["phases"][0]["id"] = "p 1".into());
        assert_invalid(&text, "phases[0].id", "\"p 1\" is not a valid id");
    }

    #[test]
    fn ids_may_use_letters_digits_hyphens_and_underscores() {
        let exported = export(&sample());
        let first = sample().initiatives[0].id.as_str().to_string();
        for id in ["i-1", "i_1", "A9", &"x".repeat(64)] {
            // Renamed wherever it appears: its own id and the dependencies on it.
            let text = exported.replace(&format!("\"{first}\""), &format!("\"{id}\""));
            assert!(import(&text).is_ok(), "{id} should be a valid id");
        }
    }

    #[test]
    fn import_refuses_a_dangling_phase_reference() {
        let text = edited(|value| value["initiatives"][4]["phase"] = "p9".into());
        assert_invalid(
            &text,
            "initiatives[4].phase",
            "refers to phase \"p9\", which is not in the file's phases",
        );
    }

    #[test]
    fn import_refuses_a_dangling_dependency() {
        let text = edited(|value| value["initiatives"][2]["dependencies"][1] = "i42".into());
        assert_invalid(
            &text,
            "initiatives[2].dependencies[1]",
            "refers to initiative \"i42\", which is not in the file",
        );
    }

    #[test]
    fn import_refuses_a_self_dependency() {
        let text = edited(|value| value["initiatives"][0]["dependencies"] = serde_json::json!(["i1"]));
        assert_invalid(
            &text,
            "initiatives[0].dependencies[0]",
            "an initiative cannot depend on itself",
        );
    }

    #[test]
    fn import_refuses_a_dependency_listed_twice() {
        let text = edited(|value| value["initiatives"][1]["dependencies"] = serde_json::json!(["i1", "i1"]));
        assert_invalid(&text, "initiatives[1].dependencies[1]", "\"i1\" is listed twice");
    }

    #[test]
    fn import_refuses_a_dependency_cycle() {
        // i1 → i3 → i2 → i1 (i2 and i3 already depend on i1 and i2).
        let text = edited(|value| value["initiatives"][0]["dependencies"] = serde_json::json!(["i3"]));
        let error = refused(&text);
        assert!(
            matches!(&error, ImportError::Invalid { path, .. } if path.ends_with("].dependencies")),
            "{error:?}"
        );
        assert!(
            error
                .to_string()
                .contains("the dependencies go round in a circle"),
            "{error}"
        );
    }

    #[test]
    fn import_refuses_scores_out_of_range_or_too_precise() {
        for (score, words) in [
            ("0.9", "must be between 1 and 10, not 0.9"),
            ("11", "must be between 1 and 10, not 11"),
            ("-3", "must be between 1 and 10, not -3"),
            ("5.55", "may have at most one decimal place, not 5.55"),
            ("1e300", "must be between 1 and 10, not 1e300"),
            // Up to 15 digits are shown as written; longer numbers in scientific notation.
            ("123456789012345", "must be between 1 and 10, not 123456789012345"),
        ] {
            let text = export(&sample()).replacen("\"impact\": 9.9", &format!("\"impact\": {score}"), 1);
            assert_invalid(&text, "initiatives[0].impact", words);
        }
        let text = edited(|value| value["quadrant_split"]["effort"] = 10.5.into());
        assert_invalid(&text, "quadrant_split.effort", "must be between 1 and 10");
    }

    #[test]
    fn import_refuses_a_negative_budget_or_capacity() {
        let text = edited(|value| value["initiatives"][1]["budget"] = (-1.5).into());
        assert_invalid(
            &text,
            "initiatives[1].budget",
            "the budget must be zero or a positive number",
        );
        let text = edited(|value| value["phases"][0]["capacity"] = 0.into());
        assert_invalid(
            &text,
            "phases[0].capacity",
            "capacity must be a positive number of effort points",
        );
    }

    #[test]
    fn import_refuses_a_phase_that_ends_before_it_starts() {
        let text = edited(|value| {
            value["phases"][2]["start"] = "2027-03-01".into();
            value["phases"][2]["end"] = "2027-01-01".into();
        });
        assert_invalid(
            &text,
            "phases[2].end",
            "the end 2027-01-01 is before the start 2027-03-01",
        );
        assert_eq!(
            refused(&text).to_string(),
            "At phases[2].end: the end 2027-01-01 is before the start 2027-03-01."
        );
    }

    #[test]
    fn import_refuses_a_malformed_phase_date() {
        let text = edited(|value| value["phases"][1]["start"] = "2027-02-30".into());
        assert_invalid(
            &text,
            "phases[1].start",
            "must be a date written YYYY-MM-DD, not \"2027-02-30\"",
        );
        let text = edited(|value| value["phases"][0]["end"] = 20270101.into());
        assert_invalid(&text, "phases[0].end", "not the number 20270101");
    }

    #[test]
    fn phase_dates_round_trip_and_undated_phases_write_no_date_fields() {
        let mut roadmap = sample();
        let undated = export(&roadmap);
        assert!(!undated.contains("\"start\"") && !undated.contains("\"end\""));
        let first = roadmap.phases[0].id.clone();
        let start = "2028-01-01".parse().ok();
        roadmap.update_phase(&first, |phase| phase.start = start);
        roadmap.update_phase(&first, |phase| phase.end = "2028-03-31".parse().ok());
        let dated = export(&roadmap);
        assert!(
            dated.contains("\"start\": \"2028-01-01\",\n      \"end\": \"2028-03-31\""),
            "{dated}"
        );
        assert_eq!(import(&dated), Ok(roadmap));
    }

    // ---- frameworks ----

    /// The sample with RICE active, ICE as an average, three criteria and every framework's
    /// inputs somewhere, points and ranges.
    fn framed() -> Roadmap {
        let mut roadmap = sample();
        roadmap.framework = Framework::Rice;
        roadmap.ice_average = true;
        roadmap.criteria = vec![
            Criterion {
                id: CriterionId("c1".into()),
                name: "Strategic fit".into(),
                weight: 50.0,
                direction: Direction::Benefit,
                scale: CriterionScale::OneToTen,
            },
            Criterion {
                id: CriterionId("c2".into()),
                name: "Licence cost".into(),
                weight: 30.0,
                direction: Direction::Cost,
                scale: CriterionScale::Money { most: 250_000.0 },
            },
            Criterion {
                id: CriterionId("c3".into()),
                name: "Size".into(),
                weight: 20.0,
                direction: Direction::Cost,
                scale: CriterionScale::TShirt,
            },
        ];
        let range = |low, likely, high| Estimate::new(low, likely, high).ok();
        roadmap.update_initiative(&InitiativeId("i1".into()), |initiative| {
            initiative.rice = RiceInputs {
                reach: range(1500.0, 2000.0, 3000.0),
                impact: Some(RiceImpact::High),
                confidence: Some(Confidence::High),
                effort: Some(Estimate::point(3.0)),
            };
            initiative.ice = IceInputs {
                impact: Some(Estimate::point(8.0)),
                confidence: range(5.0, 6.0, 8.0),
                ease: Some(Estimate::point(4.0)),
            };
            initiative.wsjf = WsjfInputs {
                business_value: Some(Estimate::point(13.0)),
                time_criticality: range(5.0, 8.0, 13.0),
                risk_reduction: Some(Estimate::point(3.0)),
                job_size: JobSize::new(8.0),
            };
            initiative.criteria = [
                ("c1", Estimate::point(7.0)),
                (
                    "c2",
                    range(40_000.0, 60_000.0, 120_000.0).unwrap_or(Estimate::point(0.0)),
                ),
                ("c3", Estimate::point(3.0)),
            ]
            .into_iter()
            .map(|(id, value)| (CriterionId(id.into()), value))
            .collect();
        });
        roadmap.update_initiative(&InitiativeId("i2".into()), |initiative| {
            initiative.rice.reach = Some(Estimate::point(0.0));
            initiative.wsjf.job_size = JobSize::new(1.0);
            initiative
                .criteria
                .insert(CriterionId("c3".into()), Estimate::point(5.0));
        });
        roadmap
    }

    /// `framed()`'s export as JSON, changed by `edit`, back to text.
    fn framed_edited(edit: impl FnOnce(&mut Value)) -> String {
        let mut value: Value = serde_json::from_str(&export(&framed())).expect("export is JSON");
        edit(&mut value);
        value.to_string()
    }

    #[test]
    fn framework_settings_and_inputs_round_trip() {
        let roadmap = framed();
        let text = export(&roadmap);
        assert_eq!(import(&text), Ok(roadmap.clone()));
        assert_eq!(import(&to_storage_text(&roadmap)), Ok(roadmap));
        // After the audit, before the phases; a range as its three values, a point as a number.
        assert!(
            text.contains("\"culture\": 5\n  },\n  \"framework\": \"rice\",\n  \"ice_average\": true,\n  \"criteria\": [\n    {\n      \"id\": \"c1\",\n      \"name\": \"Strategic fit\",\n      \"weight\": 50.0,\n      \"direction\": \"benefit\",\n      \"scale\": {\n        \"kind\": \"one_to_ten\"\n      }\n    },"),
            "{text}"
        );
        assert!(
            text.contains("\"rice\": {\n        \"reach\": {\n          \"low\": 1500.0,\n          \"likely\": 2000.0,\n          \"high\": 3000.0\n        },\n        \"impact\": 2.0,\n        \"confidence\": 80,\n        \"effort\": 3.0\n      },"),
            "{text}"
        );
        assert!(
            text.contains("\"scale\": {\n        \"kind\": \"money\",\n        \"most\": 250000.0\n      }")
        );
        assert!(text.contains("\"job_size\": 8\n"));
    }

    #[test]
    fn a_roadmap_without_frameworks_writes_no_framework_fields() {
        let text = export(&sample());
        for key in [
            "framework",
            "ice_average",
            "criteria",
            "\"rice\"",
            "\"ice\"",
            "\"wsjf\"",
        ] {
            assert!(!text.contains(key), "{key} in {text}");
        }
        // Cleared again, a framed roadmap writes what it wrote before.
        let mut cleared = framed();
        cleared.framework = Framework::EffortImpact;
        cleared.ice_average = false;
        cleared.criteria.clear();
        for initiative in &mut cleared.initiatives {
            let initiative = std::sync::Arc::make_mut(initiative);
            initiative.rice = RiceInputs::default();
            initiative.ice = IceInputs::default();
            initiative.wsjf = WsjfInputs::default();
            initiative.criteria.clear();
        }
        assert_eq!(export(&cleared), text);
    }

    #[test]
    fn import_refuses_framework_inputs_off_their_scales() {
        for (edit, path, words) in [
            (
                ("rice", "confidence", serde_json::json!(70)),
                "initiatives[0].rice.confidence",
                "one of 20, 50, 80, 100",
            ),
            (
                ("rice", "impact", serde_json::json!(1.5)),
                "initiatives[0].rice.impact",
                "one of 3, 2, 1, 0.5, 0.25",
            ),
            (
                ("rice", "reach", serde_json::json!(-1)),
                "initiatives[0].rice.reach",
                "reach must be zero or more, not -1",
            ),
            (
                (
                    "rice",
                    "reach",
                    serde_json::json!({"low": -5, "likely": 10, "high": 20}),
                ),
                "initiatives[0].rice.reach",
                "reach must be zero or more, not -5 (its low value)",
            ),
            (
                ("rice", "effort", serde_json::json!(0)),
                "initiatives[0].rice.effort",
                "effort must be more than 0 person-months, not 0",
            ),
            (
                ("ice", "impact", serde_json::json!(11)),
                "initiatives[0].ice.impact",
                "must be between 1 and 10, not 11",
            ),
            (
                (
                    "ice",
                    "ease",
                    serde_json::json!({"low": 2, "likely": 5, "high": 12}),
                ),
                "initiatives[0].ice.ease",
                "must be between 1 and 10, not 12 (its high value)",
            ),
            (
                ("ice", "confidence", serde_json::json!(0.5)),
                "initiatives[0].ice.confidence",
                "must be between 1 and 10, not 0.5",
            ),
            (
                ("wsjf", "business_value", serde_json::json!(21)),
                "initiatives[0].wsjf.business_value",
                "must be between 1 and 20, not 21",
            ),
            (
                ("wsjf", "time_criticality", serde_json::json!(0)),
                "initiatives[0].wsjf.time_criticality",
                "must be between 1 and 20, not 0",
            ),
            (
                ("wsjf", "risk_reduction", serde_json::json!(1e300)),
                "initiatives[0].wsjf.risk_reduction",
                "must be between 1 and 20, not 1e300",
            ),
            (
                ("wsjf", "job_size", serde_json::json!(4)),
                "initiatives[0].wsjf.job_size",
                "one of 1, 2, 3, 5, 8, 13, 20",
            ),
        ] {
            let ((framework, field, value), path, words) = (edit, path, words);
            let text = framed_edited(|file| file["initiatives"][0][framework][field] = value);
            assert_invalid(&text, path, words);
        }
    }

    #[test]
    fn a_score_range_must_hold_its_score_and_be_a_range() {
        let impact = framed().initiatives[0].impact.value();
        for (range, words) in [
            (
                serde_json::json!({"low": 1.0, "high": 2.0}),
                format!("the range 1.0–2.0 must hold the impact itself ({impact:.1})"),
            ),
            (
                serde_json::json!({"low": impact, "high": impact}),
                format!("low ({impact:.1}) must be below high ({impact:.1})"),
            ),
        ] {
            let text = framed_edited(|file| file["initiatives"][0]["impact_range"] = range);
            assert_eq!(
                refused(&text).to_string(),
                format!("At initiatives[0].impact_range: {words}.")
            );
        }
        let text = framed_edited(|file| {
            file["initiatives"][0]["effort_range"] = serde_json::json!({"low": 1.0, "high": 10.0})
        });
        assert_eq!(
            import(&text).map(|roadmap| roadmap.initiatives[0].effort_range),
            Ok(Some(crate::model::ScoreRange {
                low: Score::MIN,
                high: Score::MAX
            }))
        );
    }

    #[test]
    fn a_confidence_off_its_steps_is_refused_in_words() {
        let text =
            framed_edited(|file| file["initiatives"][3]["rice"] = serde_json::json!({"confidence": 75}));
        assert_eq!(
            refused(&text).to_string(),
            "At initiatives[3].rice.confidence: one of 20, 50, 80, 100."
        );
    }

    #[test]
    fn import_refuses_a_range_out_of_order_or_of_another_shape() {
        let text = framed_edited(|file| {
            file["initiatives"][0]["rice"]["reach"] =
                serde_json::json!({"low": 3000, "likely": 2000, "high": 4000})
        });
        assert_invalid(
            &text,
            "initiatives[0].rice.reach",
            "low 3000 is above likely 2000",
        );
        let text = framed_edited(|file| {
            file["initiatives"][0]["ice"]["ease"] = serde_json::json!({"low": 2, "likely": 5, "high": 4})
        });
        assert_invalid(&text, "initiatives[0].ice.ease", "high 4 is below likely 5");
        let text =
            framed_edited(|file| file["initiatives"][0]["rice"]["reach"] = serde_json::json!([1, 2, 3]));
        assert_invalid(
            &text,
            "initiatives[0].rice.reach",
            "should be a number, or {\"low\", \"likely\", \"high\"} numbers, not a list",
        );
        let text = framed_edited(|file| file["initiatives"][0]["rice"]["reach"] = "2000".into());
        assert_invalid(&text, "initiatives[0].rice.reach", "not the text \"2000\"");
        let text = framed_edited(|file| {
            file["initiatives"][0]["rice"]["reach"] = serde_json::json!({"low": 1, "likely": "2", "high": 3})
        });
        assert_invalid(
            &text,
            "initiatives[0].rice.reach.likely",
            "should be a number, not the text \"2\"",
        );
        let text = framed_edited(|file| {
            file["initiatives"][0]["rice"]["reach"] = serde_json::json!({"low": 1, "likely": 2})
        });
        assert_invalid(
            &text,
            "initiatives[0].rice.reach",
            "the field \"high\" is missing",
        );
        let text = framed_edited(|file| file["initiatives"][0]["rice"]["reach_people"] = 5.into());
        assert_invalid(
            &text,
            "initiatives[0].rice.reach_people",
            "\"reach_people\" is not a field Stackplan knows here",
        );
    }

    #[test]
    fn import_refuses_an_unknown_framework() {
        let text = framed_edited(|file| file["framework"] = "moscow".into());
        assert_invalid(
            &text,
            "framework",
            "\"moscow\" is not allowed here (expected one of \"effort_impact\", \"rice\"",
        );
        let text = framed_edited(|file| file["ice_average"] = "yes".into());
        assert_invalid(&text, "ice_average", "should be true or false");
    }

    #[test]
    fn import_refuses_criteria_that_are_malformed_or_repeated() {
        let text = framed_edited(|file| file["criteria"][2]["id"] = "c1".into());
        assert_invalid(
            &text,
            "criteria[2].id",
            "the id \"c1\" is already used by criteria[0]",
        );
        let text = framed_edited(|file| file["criteria"][1]["id"] = "c 2".into());
        assert_invalid(&text, "criteria[1].id", "\"c 2\" is not a valid id");
        let text = framed_edited(|file| file["criteria"][1]["weight"] = (-5).into());
        assert_invalid(
            &text,
            "criteria[1].weight",
            "a weight must be zero or a positive number, not -5",
        );
        let text = framed_edited(|file| file["criteria"][1]["scale"]["most"] = 0.into());
        assert_invalid(
            &text,
            "criteria[1].scale.most",
            "the most on a money scale must be more than 0, not 0",
        );
        let text = framed_edited(|file| file["criteria"][1]["scale"] = serde_json::json!({"kind": "money"}));
        assert_invalid(&text, "criteria[1].scale", "the field \"most\" is missing");
        let text = framed_edited(|file| {
            file["criteria"][0]["scale"] = serde_json::json!({"kind": "percent", "most": 5})
        });
        assert_invalid(
            &text,
            "criteria[0].scale",
            "\"most\" is not a field Stackplan knows here (expected \"kind\")",
        );
        let text = framed_edited(|file| file["criteria"][0]["scale"] = serde_json::json!({"kind": "stars"}));
        assert_invalid(&text, "criteria[0].scale.kind", "\"stars\" is not allowed here");
        let text = framed_edited(|file| file["criteria"][0]["direction"] = "more".into());
        assert_invalid(&text, "criteria[0].direction", "\"more\" is not allowed here");
        let text = framed_edited(|file| file["criteria"][0]["name"] = "x".repeat(MAX_TEXT_CHARS + 1).into());
        assert_invalid(
            &text,
            "criteria[0].name",
            "the text is longer than 10000 characters",
        );
        // A weight of zero is allowed: the criterion counts for nothing.
        let text = framed_edited(|file| file["criteria"][0]["weight"] = 0.into());
        assert!(import(&text).is_ok());
    }

    #[test]
    fn import_refuses_a_value_for_a_criterion_not_in_the_file() {
        let text = framed_edited(|file| file["initiatives"][1]["criteria"]["c9"] = 3.into());
        assert_invalid(
            &text,
            "initiatives[1].criteria.c9",
            "refers to criterion \"c9\", which is not in the file's criteria",
        );
        // Removing a criterion leaves the values given for it dangling.
        let text = framed_edited(|file| {
            file["criteria"].as_array_mut().map(|criteria| criteria.remove(2));
        });
        assert_invalid(&text, "initiatives[0].criteria.c3", "refers to criterion \"c3\"");
    }

    #[test]
    fn import_refuses_criterion_values_off_their_scale() {
        let scale = |file: &mut Value, kind: Value| file["criteria"][0]["scale"] = kind;
        for (kind, value, words) in [
            (
                serde_json::json!({"kind": "one_to_ten"}),
                serde_json::json!(0),
                "must be between 1 and 10, not 0",
            ),
            (
                serde_json::json!({"kind": "percent"}),
                serde_json::json!(120),
                "must be a percent between 0 and 100, not 120",
            ),
            (
                serde_json::json!({"kind": "money", "most": 1000000}),
                serde_json::json!({"low": 5, "likely": 10, "high": 2000000}),
                "must be between 0 and 1,000,000, not 2000000 (its high value)",
            ),
            (
                serde_json::json!({"kind": "t_shirt"}),
                serde_json::json!(2.5),
                "must be a T-shirt size written 1 (XS) to 5 (XL), not 2.5",
            ),
            (
                serde_json::json!({"kind": "t_shirt"}),
                serde_json::json!(6),
                "must be a T-shirt size written 1 (XS) to 5 (XL), not 6",
            ),
            (
                serde_json::json!({"kind": "yes_no"}),
                serde_json::json!(0.5),
                "must be 0 (no) or 1 (yes), not 0.5",
            ),
        ] {
            let text = framed_edited(|file| {
                scale(file, kind);
                file["initiatives"][0]["criteria"]["c1"] = value;
            });
            assert_invalid(&text, "initiatives[0].criteria.c1", words);
        }
        // On every scale both ends are values.
        for (kind, least, most) in [
            (serde_json::json!({"kind": "percent"}), 0, 100),
            (serde_json::json!({"kind": "t_shirt"}), 1, 5),
            (serde_json::json!({"kind": "yes_no"}), 0, 1),
        ] {
            let text = framed_edited(|file| {
                scale(file, kind);
                file["initiatives"][0]["criteria"]["c1"] =
                    serde_json::json!({"low": least, "likely": least, "high": most});
            });
            assert!(import(&text).is_ok(), "{text}");
        }
    }

    #[test]
    fn import_refuses_text_over_the_length_limit() {
        // Exactly the limit, counted in characters (not bytes), passes.
        let at_limit = "é".repeat(MAX_TEXT_CHARS);
        let text = edited(|value| value["initiatives"][0]["tags"] = serde_json::json!([at_limit]));
        assert!(import(&text).is_ok());
        let text =
            edited(|value| value["initiatives"][0]["tags"] = serde_json::json!(["ok", "x".repeat(10_001)]));
        assert_invalid(
            &text,
            "initiatives[0].tags[1]",
            "the text is longer than 10000 characters",
        );
    }

    #[test]
    fn long_values_are_shortened_in_messages() {
        let long = "y".repeat(5_000);
        let text = edited(|value| value["initiatives"][0]["urgency"] = long.clone().into());
        let message = refused(&text).to_string();
        assert!(message.len() < 400, "{message}");
        assert!(message.contains("…"));
        let text = edited(|value| value["initiatives"][0][long.as_str()] = 1.into());
        assert!(refused(&text).to_string().len() < 600);
    }

    // ---- migrations ----

    fn step_to_2(mut object: Map<String, Value>) -> Result<Map<String, Value>, ImportError> {
        // A fake v1 → v2 change: `name` is renamed `title`.
        let name = object.remove("name").unwrap_or_default();
        object.insert("title".into(), name);
        Ok(object)
    }

    fn step_to_3(mut object: Map<String, Value>) -> Result<Map<String, Value>, ImportError> {
        let steps = object.get("steps").and_then(Value::as_u64).unwrap_or(0);
        object.insert("steps".into(), (steps + 1).into());
        Ok(object)
    }

    fn failing_step(_: Map<String, Value>) -> Result<Map<String, Value>, ImportError> {
        Err(invalid("phases[0]", "version 2 phases need a start date"))
    }

    fn object(value: Value) -> Map<String, Value> {
        match value {
            Value::Object(object) => object,
            _ => panic!("not an object"),
        }
    }

    #[test]
    fn migrate_applies_each_step_from_the_file_version_up() {
        let chain: &[Migration] = &[step_to_2, step_to_3];
        let from_1 = migrate(object(serde_json::json!({"name": "Plan"})), 1, chain).expect("migrates");
        assert_eq!(
            Value::Object(from_1),
            serde_json::json!({"title": "Plan", "steps": 1})
        );
        let from_2 = migrate(object(serde_json::json!({"title": "Plan"})), 2, chain).expect("migrates");
        assert_eq!(
            Value::Object(from_2),
            serde_json::json!({"title": "Plan", "steps": 1})
        );
        let current = migrate(object(serde_json::json!({"title": "Plan"})), 3, chain).expect("no steps");
        assert_eq!(Value::Object(current), serde_json::json!({"title": "Plan"}));
    }

    #[test]
    fn migrate_refuses_versions_beyond_the_chain() {
        let chain: &[Migration] = &[step_to_2, step_to_3];
        assert_eq!(
            migrate(Map::new(), 4, chain),
            Err(ImportError::TooNew { version: 4 })
        );
        assert_eq!(
            migrate(Map::new(), 2, &[]),
            Err(ImportError::TooNew { version: 2 })
        );
    }

    #[test]
    fn migrate_refuses_version_zero_instead_of_panicking() {
        // Regression: `version - 1` underflowed for 0 (public API; import filtered it first).
        assert_eq!(
            migrate(Map::new(), 0, MIGRATIONS),
            Err(ImportError::BadVersion { found: "0".into() })
        );
    }

    #[test]
    fn a_failing_migration_step_stops_the_import_with_its_error() {
        let chain: &[Migration] = &[step_to_2, failing_step];
        let error = migrate(object(serde_json::json!({"name": "Plan"})), 1, chain);
        assert_eq!(
            error.map_err(|error| error.to_string()),
            Err("At phases[0]: version 2 phases need a start date.".to_string())
        );
        // Starting past the failing step skips it.
        assert!(migrate(Map::new(), 3, chain).is_ok());
    }

    #[test]
    fn current_version_matches_the_migration_chain() {
        assert_eq!(CURRENT_VERSION, MIGRATIONS.len() as u64 + 1);
        assert_eq!(
            migrate(object(serde_json::json!({"a": 1})), CURRENT_VERSION, MIGRATIONS).map(Value::Object),
            Ok(serde_json::json!({"a": 1}))
        );
    }
}
