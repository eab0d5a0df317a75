//! The planning domain: plain Rust, no browser, fully unit tested.

mod csv;
mod file_format;
mod history;
mod initiative;
mod outline;
mod phase;
mod quadrant;
mod roadmap;
mod score;
mod urgency;
mod workspace;

pub use csv::to_csv;
pub use file_format::{
    CURRENT_VERSION, FORMAT, ImportError, MAX_FILE_BYTES, MIGRATIONS, Migration, export, file_name, import,
    migrate, to_storage_text,
};
pub use history::{HISTORY_LIMIT, History};
pub use initiative::{CatalogOrigin, Initiative, InitiativeId, OUTLINE_GOALS, QuickWinStatus, split_list};
pub use outline::{MODERN_STACKS, Outline, OutlineEntry, OutlineError};
pub use phase::{Phase, PhaseId, PhaseLoad};
pub use quadrant::{Quadrant, QuadrantSplit};
pub use roadmap::{NUDGE_BIG_STEP, NUDGE_STEP, Nudge, Roadmap};
pub use score::{Score, ScoreError};
pub use urgency::{DueDate, DueDateError, Urgency};
pub use workspace::{RoadmapEntry, RoadmapId, Workspace};
