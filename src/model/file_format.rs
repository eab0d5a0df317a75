//! The roadmap file format: one path from text to a trusted `Roadmap`, for files and storage alike.
//!
//! Text is size-checked, parsed, its envelope read, migrated version by version up to
//! [`CURRENT_VERSION`], decoded with the path of any bad field, then checked for rules serde
//! cannot see (duplicate ids, dangling references, cycles). Nothing reaches the planner before
//! all of that passed.

use std::collections::HashMap;
use std::fmt;

use serde::Serialize;
use serde_json::{Map, Value};

use super::{InitiativeId, Roadmap};

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

/// Every migration, oldest first. Version 1 is the first public format, so none exist yet;
/// a change to the format adds a function here and a fixture under `tests/fixtures/`.
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
                    "The file is not valid JSON (line {line}, column {column}: {reason})."
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
                "The file's \"version\" must be a whole number from 1 to {CURRENT_VERSION}; it is {}.",
                shorten(found)
            ),
            ImportError::TooNew { version } => write!(
                f,
                "The file was written by a newer Stackplan (format version {version}); this one reads up to version {CURRENT_VERSION}. Open it with a newer Stackplan."
            ),
            ImportError::Invalid { path, reason } => write!(f, "At {path}: {reason}."),
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
    let value: Value = serde_json::from_str(text).map_err(|error| ImportError::NotJson {
        line: error.line(),
        column: error.column(),
        reason: json_reason(&error),
    })?;
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
            serde_reason(error.inner()),
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
    let newest = migrations.len() as u64 + 1;
    if version > newest {
        return Err(ImportError::TooNew { version });
    }
    for step in &migrations[(version - 1) as usize..] {
        object = step(object)?;
    }
    Ok(object)
}

fn json_reason(error: &serde_json::Error) -> String {
    let text = error.to_string();
    // serde_json appends " at line L column C"; the message already says where.
    match text.rfind(" at line ") {
        Some(cut) => text[..cut].to_string(),
        None => text,
    }
}

fn serde_reason(error: &serde_json::Error) -> String {
    json_reason(error).replace('`', "\"")
}

/// Rules about the roadmap as a whole, checked after every field decoded.
fn validate(roadmap: &Roadmap) -> Result<(), ImportError> {
    check_text("name", &roadmap.name)?;
    let mut phase_ids = HashMap::new();
    for (index, phase) in roadmap.phases.iter().enumerate() {
        let path = format!("phases[{index}]");
        check_id(&format!("{path}.id"), phase.id.as_str())?;
        if let Some(first) = phase_ids.insert(phase.id.as_str(), index) {
            return Err(invalid(
                format!("{path}.id"),
                format!(
                    "the id \"{}\" is already used by phases[{first}]",
                    shorten(phase.id.as_str())
                ),
            ));
        }
        check_text(&format!("{path}.name"), &phase.name)?;
        if let Some(capacity) = phase.capacity
            && !(capacity.is_finite() && capacity > 0.0)
        {
            return Err(invalid(
                format!("{path}.capacity"),
                "capacity must be a positive number of effort points",
            ));
        }
    }
    let mut initiative_ids: HashMap<&str, usize> = HashMap::new();
    for (index, initiative) in roadmap.initiatives.iter().enumerate() {
        let path = format!("initiatives[{index}]");
        check_id(&format!("{path}.id"), initiative.id.as_str())?;
        if let Some(first) = initiative_ids.insert(initiative.id.as_str(), index) {
            return Err(invalid(
                format!("{path}.id"),
                format!(
                    "the id \"{}\" is already used by initiatives[{first}]",
                    shorten(initiative.id.as_str())
                ),
            ));
        }
        for (field, text) in [
            ("title", &initiative.title),
            ("description", &initiative.description),
            ("owner", &initiative.owner),
        ] {
            check_text(&format!("{path}.{field}"), text)?;
        }
        for (field, list) in [
            ("stakeholders", &initiative.stakeholders),
            ("goals", &initiative.goals),
            ("tags", &initiative.tags),
        ] {
            for (item, text) in list.iter().enumerate() {
                check_text(&format!("{path}.{field}[{item}]"), text)?;
            }
        }
        if let Some(origin) = &initiative.origin {
            check_text(&format!("{path}.origin.catalog"), &origin.catalog)?;
            for (item, text) in origin.path.iter().enumerate() {
                check_text(&format!("{path}.origin.path[{item}]"), text)?;
            }
        }
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
    }
    for (index, initiative) in roadmap.initiatives.iter().enumerate() {
        for (item, dependency) in initiative.dependencies.iter().enumerate() {
            let path = format!("initiatives[{index}].dependencies[{item}]");
            if dependency == &initiative.id {
                return Err(invalid(path, "an initiative cannot depend on itself"));
            }
            if !initiative_ids.contains_key(dependency.as_str()) {
                return Err(invalid(
                    path,
                    format!(
                        "refers to initiative \"{}\", which is not in the file",
                        shorten(dependency.as_str())
                    ),
                ));
            }
            if initiative.dependencies[..item].contains(dependency) {
                return Err(invalid(
                    path,
                    format!("\"{}\" is listed twice", shorten(dependency.as_str())),
                ));
            }
        }
    }
    if let Some(index) = first_in_cycle(roadmap, &initiative_ids) {
        return Err(invalid(
            format!("initiatives[{index}].dependencies"),
            "the dependencies go round in a circle; an initiative cannot wait on itself",
        ));
    }
    Ok(())
}

fn check_id(path: &str, id: &str) -> Result<(), ImportError> {
    let valid = !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_');
    if valid {
        Ok(())
    } else {
        Err(invalid(
            path,
            format!(
                "\"{}\" is not a valid id (1–64 letters, digits, - or _)",
                shorten(id)
            ),
        ))
    }
}

fn check_text(path: &str, text: &str) -> Result<(), ImportError> {
    if text.chars().count() > MAX_TEXT_CHARS {
        return Err(invalid(
            path,
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
