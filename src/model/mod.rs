//! The planning domain: plain Rust, no browser, fully unit tested.

pub mod backlog;
mod board;
mod calendar;
mod changes;
mod conflicts;
mod consensus;
mod csv;
mod dependency_lines;
mod fields;
mod file_format;
mod framework;
mod framework_axes;
mod history;
mod icalendar;
mod initiative;
mod insight;
mod markdown;
mod maturity;
mod outline;
mod outline_library;
mod phase;
mod phasing;
mod quadrant;
mod rank_stability;
mod roadmap;
mod score;
mod share;
mod stored;
mod timeline;
mod urgency;
mod workspace;

pub use board::{BoardGeometry, BoardItem, BoardMark, BoardPlan, CHIP_SCALE, PlacedLabel, Rect, plan_board};
pub use calendar::{MAX_SPRINT_WEEKS, PhaseCalendar, Weekday, days_in_month, is_leap_year};
pub use changes::RoadmapChanges;
pub use conflicts::{Conflict, conflicts};
pub use consensus::{
    Consensus, InitiativeConsensus, Keep, LeftOut, ParticipantFile, Scored, Spread, merge_scores,
};
pub use csv::{to_csv, write_table};
pub use dependency_lines::{DependencyLine, route_dependency};
pub use fields::{
    Choices, DependencyChoices, EstimateInputError, FieldError, InitiativeField, InputBounds,
    LABEL_CHARACTERS, card_label, dependency_choices, import_summary, parse_budget, parse_estimate,
    parse_score, parse_score_range, short_label,
};
pub use file_format::{
    CURRENT_VERSION, FORMAT, ImportError, MAX_FILE_BYTES, MIGRATIONS, Migration, STORAGE_LIMIT_CHARS, export,
    file_name, import, migrate, storage_is_nearly_full, to_storage_text,
};
pub use framework::{
    Confidence, Criterion, CriterionId, CriterionScale, Direction, Estimate, EstimateError, Framework,
    FrameworkInput, FrameworkScore, IceInputs, JobSize, MissingInputs, RankedInitiative, RiceImpact,
    RiceInputs, T_SHIRTS, WSJF_SCALE, WsjfInputs, framework_inputs, framework_score, number,
    proposed_time_criticality, rank_initiatives,
};
pub use framework_axes::{axes_mapping, framework_axes};
pub use history::{HISTORY_LIMIT, History};
pub use icalendar::{CalendarEvent, Stamp, calendar_events, calendar_file_name, escape_text, to_icalendar};
pub use initiative::{CatalogOrigin, Initiative, InitiativeId, OUTLINE_GOALS, QuickWinStatus, split_list};
pub use insight::{
    AreaCoverage, Counts, Coverage, GoalAlignment, GoalServed, MatrixPoint, PhaseFigures, counts,
    goal_alignment, matrix_points, outline_coverage, phase_figures,
};
pub use markdown::{escape_markdown, markdown_file_name, to_markdown};
pub use maturity::{
    MATURITY_MAX, MATURITY_STEPS, MaturityAspect, MaturityAudit, MaturityGroup, MaturityScoreError,
    parse_maturity,
};
pub use outline::{
    MAX_OUTLINE_BYTES, MAX_OUTLINE_HEADINGS, MODERN_STACKS, Outline, OutlineEntry, OutlineError,
};
pub use outline_library::{BUILT_IN_OUTLINE, ImportedOutline, OutlineLibrary};
pub use phase::{EndBeforeStart, Phase, PhaseId, PhaseLoad};
pub use phasing::{DescribedMove, PhaseMove, PhaseReason, PhaseSuggestion, suggest_phases};
pub use quadrant::{Quadrant, QuadrantSplit};
pub use rank_stability::{
    CLOSE_LEAST, CLOSE_MOST, CloseCall, DRAWS, MOST_SIMULATED, RankInterval, RankStability, ScoreInput,
    StabilityRun, TornadoBar, WeightTipping, default_top_k, rank_stability, score_inputs, tornado,
    weight_sensitivity,
};
pub use roadmap::{NUDGE_BIG_STEP, NUDGE_STEP, Nudge, Roadmap};
pub use score::{Score, ScoreError, ScoreRange};
pub use share::{
    LONG_LINK_CHARS, SHARE_LINK_VERSION, ShareError, is_share_fragment, link_length_note,
    read_share_fragment, share_fragment,
};
pub use stored::{read_storage_text, storage_text};
pub use timeline::{
    AXIS_HEIGHT, BAND_HEAD, DueTick, TimeAxis, TimelineArrow, TimelineBand, TimelineBar, TimelinePlan,
    font_for_row, plan_timeline, plan_timeline_fitted, timeline_height,
};
pub use urgency::{DueDate, DueDateError, Urgency};
pub use workspace::{RoadmapEntry, RoadmapId, Workspace};
