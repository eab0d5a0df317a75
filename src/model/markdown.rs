//! The roadmap as Markdown, for documents and wikis: phases in order with their initiatives,
//! the unphased ones, a table of all, and under a framework other than effort vs impact a
//! ranked table of their scores. Every text the user wrote is escaped where Markdown
//! would read it as syntax, so that whatever it looks like (HTML, emphasis, links, table bars,
//! a list or heading marker) it renders as the literal text, and plain punctuation stays plain.

use std::collections::HashMap;
use std::fmt::Write;

use super::{
    FrameworkInput, Initiative, PhaseId, Roadmap, Urgency, framework_inputs, number, rank_initiatives,
};

/// Escapes a one-line text for Markdown (CommonMark, and GitHub's tables and strikethrough):
/// a backslash goes only before what would otherwise be read as syntax where the text may be
/// placed — at the start of a line, after a list marker or `## `, inside `**…**` or a table
/// cell. Line breaks fold into spaces, and spaces at the ends are dropped (Markdown drops them
/// too, and indentation would make code).
///
/// ```
/// use stackplan::model::escape_markdown;
/// assert_eq!(escape_markdown("Q2 scale-out v1.2 (C++)"), "Q2 scale-out v1.2 (C++)");
/// assert_eq!(escape_markdown("1. <b>*not*</b> | x"), "1\\. \\<b>\\*not\\*\\</b> \\| x");
/// ```
pub fn escape_markdown(text: &str) -> String {
    let folded: String = text
        .chars()
        .map(|character| match character {
            '\r' | '\n' | '\t' => ' ',
            character => character,
        })
        .collect();
    let characters: Vec<char> = folded.trim().chars().collect();
    let mut escaped = String::with_capacity(folded.len() + 8);
    for (at, &character) in characters.iter().enumerate() {
        if needs_escape(&characters, at) {
            escaped.push('\\');
        }
        escaped.push(character);
    }
    escaped
}

/// Whether `text[at]` would be read as Markdown syntax if written as it is.
fn needs_escape(text: &[char], at: usize) -> bool {
    let before = at.checked_sub(1).map(|index| text[index]);
    let after = text.get(at + 1).copied();
    let between_spaces = before == Some(' ') && after == Some(' ');
    match text[at] {
        // Code spans, links and images, HTML and autolinks, table cells: always syntax.
        '`' | '[' | ']' | '<' | '|' => true,
        // A backslash escapes the punctuation after it, and at the end of a line breaks it.
        '\\' => after.is_none_or(|next| next.is_ascii_punctuation()),
        // Emphasis and strikethrough delimiters, unless spaces on both sides leave them inert.
        '*' | '~' => !between_spaces,
        // `_` inside a word (`snake_case`) cannot open or close emphasis either.
        '_' => {
            let in_word = before.is_some_and(|c| c.is_ascii_alphanumeric())
                && after.is_some_and(|c| c.is_ascii_alphanumeric());
            !between_spaces && !in_word
        }
        // Only `&name;` and `&#…` are entities; `R&D` is text.
        '&' => starts_entity(&text[at + 1..]),
        // A heading marker at the start, or a closing `#` run at the end of a heading.
        '#' => at == 0 || (before == Some(' ') && text[at..].iter().all(|&c| c == '#')),
        // A block quote.
        '>' => at == 0,
        // A bullet (`- x`), a thematic break (`---`, `- - -`) or a setext underline (`===`).
        '-' | '+' | '=' => at == 0 && after.is_none_or(|next| next == ' ' || next == text[at]),
        // An ordered list marker: up to nine digits, then `.` or `)`, then a space or nothing.
        '.' | ')' => {
            (1..=9).contains(&at)
                && text[..at].iter().all(char::is_ascii_digit)
                && after.is_none_or(|next| next == ' ')
        }
        _ => false,
    }
}

/// Whether the text after a `&` would make it an entity or a numeric character reference.
fn starts_entity(rest: &[char]) -> bool {
    if rest.first() == Some(&'#') {
        return true;
    }
    let name = rest.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    name > 0 && rest.get(name) == Some(&';')
}

/// The facts of one initiative in a phase list, after its title.
fn facts(initiative: &Initiative) -> String {
    let mut facts = vec![
        format!("effort {}", initiative.effort_text()),
        format!("impact {}", initiative.impact_text()),
    ];
    if initiative.urgency != Urgency::None {
        facts.push(format!("urgency {}", initiative.urgency.as_str()));
    }
    if let Some(due) = initiative.due {
        facts.push(format!("due {due}"));
    }
    if initiative.quick_win {
        facts.push("★ quick win".to_string());
    }
    if !initiative.owner.trim().is_empty() {
        facts.push(format!("owner {}", escape_markdown(initiative.owner.trim())));
    }
    facts.join(" · ")
}

fn list(markdown: &mut String, initiatives: &[&Initiative]) {
    if initiatives.is_empty() {
        markdown.push_str("No initiatives.\n");
    }
    for initiative in initiatives {
        let _ = writeln!(
            markdown,
            "- **{}** — {}",
            escape_markdown(initiative.display_title()),
            facts(initiative)
        );
    }
}

/// The roadmap as a Markdown document, ending in a newline.
pub fn to_markdown(roadmap: &Roadmap) -> String {
    let mut by_phase: HashMap<Option<&PhaseId>, Vec<&Initiative>> = HashMap::new();
    for initiative in &roadmap.initiatives {
        by_phase
            .entry(initiative.phase.as_ref())
            .or_default()
            .push(initiative);
    }
    let none = Vec::new();
    let mut markdown = format!("# {}\n", escape_markdown(roadmap.display_name()));
    for phase in &roadmap.phases {
        let initiatives = by_phase.get(&Some(&phase.id)).unwrap_or(&none);
        // Folded from +0.0: an empty sum of floats is -0.0, which would print as "-0".
        let effort = initiatives
            .iter()
            .fold(0.0, |sum, initiative| sum + initiative.effort.value());
        let effort = (effort * 10.0).round() / 10.0;
        let load = match phase.capacity {
            Some(capacity) => format!("effort {effort} of {capacity}"),
            None => format!("effort {effort}"),
        };
        let _ = write!(markdown, "\n## {}\n\n", escape_markdown(phase.display_name()));
        // Dates only where set, so an undated roadmap's document reads as before.
        let dates = phase
            .dates_text()
            .map(|dates| format!(" · {dates}"))
            .unwrap_or_default();
        let _ = writeln!(
            markdown,
            "{} initiative{} · {load}{dates}\n",
            initiatives.len(),
            if initiatives.len() == 1 { "" } else { "s" }
        );
        list(&mut markdown, initiatives);
    }
    markdown.push_str("\n## Unphased\n\n");
    list(&mut markdown, by_phase.get(&None).unwrap_or(&none));

    markdown.push_str("\n## All initiatives\n\n");
    markdown.push_str(
        "| Initiative | Effort | Impact | Quadrant | Urgency | Due | Quick win | Phase | Owner |\n",
    );
    markdown.push_str("|---|---:|---:|---|---|---|---|---|---|\n");
    let phase_names: HashMap<&PhaseId, &str> = roadmap
        .phases
        .iter()
        .map(|phase| (&phase.id, phase.display_name()))
        .collect();
    for initiative in &roadmap.initiatives {
        let phase = initiative
            .phase
            .as_ref()
            .and_then(|id| phase_names.get(id))
            .map_or_else(|| "Unphased".to_string(), |name| escape_markdown(name));
        let _ = writeln!(
            markdown,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            escape_markdown(initiative.display_title()),
            initiative.effort_text(),
            initiative.impact_text(),
            initiative.quadrant(&roadmap.quadrant_split).label(),
            initiative.urgency.as_str(),
            initiative.due.map(|due| due.to_string()).unwrap_or_default(),
            if initiative.quick_win { "★" } else { "" },
            phase,
            escape_markdown(initiative.owner.trim()),
        );
    }
    // Only under another framework, so that a roadmap without one reads as it always did.
    if !roadmap.framework.is_default() {
        priority(&mut markdown, roadmap);
    }
    markdown
}

/// The "Priority" section: every initiative by its score under the active framework, highest
/// first, with the formula and the inputs (ranges as low–likely–high); those still missing
/// inputs last, with no rank or score but what they need.
fn priority(markdown: &mut String, roadmap: &Roadmap) {
    let _ = write!(
        markdown,
        "\n## Priority\n\nFramework: {}, highest score first.\n\n",
        roadmap.framework.label()
    );
    markdown.push_str("| Rank | Initiative | Score | Formula | Inputs |\n");
    markdown.push_str("|---:|---|---:|---|---|\n");
    for line in rank_initiatives(roadmap) {
        let initiative = &roadmap.initiatives[line.index];
        let inputs: Vec<String> = framework_inputs(roadmap, initiative)
            .iter()
            .filter_map(FrameworkInput::text)
            .collect();
        let rank = line.rank.map_or_else(|| "—".to_string(), |rank| rank.to_string());
        let (score, formula) = match line.score {
            Ok(score) => (number(score.value), score.formula),
            Err(missing) => ("—".to_string(), missing.to_string()),
        };
        let _ = writeln!(
            markdown,
            "| {rank} | {} | {score} | {} | {} |",
            escape_markdown(initiative.display_title()),
            escape_markdown(&formula),
            escape_markdown(&inputs.join("; ")),
        );
    }
}

/// `Data-2027.stackplan.json` → `Data-2027.md`.
pub fn markdown_file_name(roadmap: &Roadmap) -> String {
    let name = super::file_name(roadmap);
    format!("{}.md", name.strip_suffix(".stackplan.json").unwrap_or(&name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Criterion, CriterionId, CriterionScale, Direction, DueDate, Estimate, Framework, JobSize, Score,
        ScoreRange, WsjfInputs,
    };
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

    const HOSTILE: &str =
        "<script>alert(1)</script> *not bold* _no_ [link](http://x) `code` | bar # &amp; \\ 1. ~~gone~~ <b>";

    /// What GitHub-flavoured renderers read on top of CommonMark.
    fn gfm() -> Options {
        Options::ENABLE_TABLES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS
            | Options::ENABLE_FOOTNOTES
    }

    /// The text a Markdown renderer shows, and whether it saw any HTML, emphasis, link or code.
    fn rendered(markdown: &str) -> (String, bool) {
        let mut text = String::new();
        let mut markup = false;
        for event in Parser::new_ext(markdown, gfm()) {
            match event {
                Event::Text(words) => text.push_str(&words),
                Event::Html(_) | Event::InlineHtml(_) | Event::Code(_) => markup = true,
                Event::Start(Tag::Emphasis | Tag::Strikethrough | Tag::Link { .. } | Tag::Image { .. }) => {
                    markup = true
                }
                Event::End(TagEnd::TableCell) => text.push('¦'),
                Event::SoftBreak | Event::HardBreak | Event::End(_) => text.push('\n'),
                _ => {}
            }
        }
        (text, markup)
    }

    fn sample() -> Roadmap {
        let mut roadmap = Roadmap::new("Data 2027");
        let first = roadmap.phases[0].id.clone();
        roadmap.update_phase(&first, |phase| {
            phase.name = "Foundations".into();
            phase.capacity = Some(10.0);
        });
        let lake = roadmap.add_initiative("Data Lake");
        roadmap.update_initiative(&lake, |initiative| {
            initiative.effort = Score::clamped(7.5);
            initiative.impact = Score::clamped(9.0);
            initiative.urgency = Urgency::High;
            initiative.due = DueDate::new(2027, 6, 30);
            initiative.owner = "Dana".into();
            initiative.phase = Some(first.clone());
        });
        let iac = roadmap.add_initiative("IAC");
        roadmap.update_initiative(&iac, |initiative| {
            initiative.effort = Score::clamped(2.0);
            initiative.impact = Score::clamped(8.0);
            initiative.quick_win = true;
            initiative.phase = Some(first.clone());
        });
        roadmap.add_initiative("Ledger archive");
        roadmap
    }

    #[test]
    fn a_ranged_score_shows_its_range_beside_it() {
        let mut roadmap = sample();
        let lake = roadmap.initiatives[0].id.clone();
        roadmap.update_initiative(&lake, |initiative| {
            initiative.effort_range =
                ScoreRange::around(initiative.effort, Score::clamped(5.0), Score::clamped(9.0));
        });
        let markdown = to_markdown(&roadmap);
        assert!(
            markdown.contains("- **Data Lake** — effort 7.5 (5.0–9.0) · impact 9.0 · urgency high"),
            "{markdown}"
        );
        assert!(
            markdown.contains("| Data Lake | 7.5 (5.0–9.0) | 9.0 | Big bets |"),
            "{markdown}"
        );
    }

    #[test]
    fn phases_come_in_order_with_their_initiatives_then_the_unphased_then_a_table() {
        let markdown = to_markdown(&sample());
        let expected_start = "# Data 2027\n\n## Foundations\n\n2 initiatives · effort 9.5 of 10\n\n\
            - **Data Lake** — effort 7.5 · impact 9.0 · urgency high · due 2027-06-30 · owner Dana\n\
            - **IAC** — effort 2.0 · impact 8.0 · ★ quick win\n\n\
            ## Phase 2\n\n0 initiatives · effort 0\n\nNo initiatives.\n";
        assert!(markdown.starts_with(expected_start), "{markdown}");
        assert!(
            markdown.contains("## Unphased\n\n- **Ledger archive** — effort 5.5 · impact 5.5\n"),
            "{markdown}"
        );
        assert!(
            markdown.contains(
                "| Data Lake | 7.5 | 9.0 | Big bets | high | 2027-06-30 |  | Foundations | Dana |\n"
            )
        );
        assert!(markdown.contains("| IAC | 2.0 | 8.0 | Quick wins | none |  | ★ | Foundations |  |\n"));
        assert!(markdown.contains("| Ledger archive | 5.5 | 5.5 | Big bets | none |  |  | Unphased |  |\n"));
        assert!(markdown.ends_with("|\n"));
    }

    #[test]
    fn dated_phases_show_their_dates_after_their_load() {
        let mut roadmap = sample();
        let (first, second) = (roadmap.phases[0].id.clone(), roadmap.phases[1].id.clone());
        roadmap.update_phase(&first, |phase| {
            phase.start = DueDate::new(2027, 1, 1);
            phase.end = DueDate::new(2027, 3, 31);
        });
        roadmap.update_phase(&second, |phase| phase.start = DueDate::new(2027, 4, 1));
        let markdown = to_markdown(&roadmap);
        assert!(
            markdown
                .contains("## Foundations\n\n2 initiatives · effort 9.5 of 10 · 2027-01-01 to 2027-03-31\n"),
            "{markdown}"
        );
        assert!(
            markdown.contains("## Phase 2\n\n0 initiatives · effort 0 · from 2027-04-01\n"),
            "{markdown}"
        );
        assert!(
            markdown.contains("## Phase 3\n\n0 initiatives · effort 0\n"),
            "{markdown}"
        );
    }

    /// The sample with WSJF active: Data Lake scored, IAC missing its job size, the ledger with
    /// no inputs at all.
    fn prioritised() -> Roadmap {
        let mut roadmap = sample();
        roadmap.framework = Framework::Wsjf;
        let [lake, iac, _] = [0, 1, 2].map(|index| roadmap.initiatives[index].id.clone());
        roadmap.update_initiative(&lake, |initiative| {
            initiative.wsjf = WsjfInputs {
                business_value: Estimate::new(5.0, 8.0, 13.0).ok(),
                time_criticality: None,
                risk_reduction: Some(Estimate::point(3.0)),
                job_size: JobSize::new(5.0),
            };
        });
        roadmap.update_initiative(&iac, |initiative| {
            initiative.wsjf.business_value = Some(Estimate::point(20.0));
            initiative.wsjf.risk_reduction = Some(Estimate::point(1.0));
        });
        roadmap
    }

    #[test]
    fn a_framework_adds_a_priority_section_ranked_by_score_with_formula_and_inputs() {
        let markdown = to_markdown(&prioritised());
        // Data Lake: PERT mean of 5–8–13 is 8.33; high urgency and a due date propose 20.
        let expected = "\n## Priority\n\nFramework: WSJF, highest score first.\n\n\
            | Rank | Initiative | Score | Formula | Inputs |\n\
            |---:|---|---:|---|---|\n\
            | 1 | Data Lake | 6.27 | WSJF = (8.33 + 20 + 3) ÷ 5 = 6.27 | Business value 5–8–13; Time criticality 20 (proposed); Risk reduction 3; Job size 5 |\n\
            | — | IAC | — | needs Job size | Business value 20; Time criticality 1 (proposed); Risk reduction 1 |\n\
            | — | Ledger archive | — | needs Business value, Risk reduction and Job size | Time criticality 1 (proposed) |\n";
        assert!(markdown.ends_with(expected), "{markdown}");
        let (text, markup) = rendered(&markdown);
        assert!(!markup, "{text}");
        assert!(text.contains("WSJF = (8.33 + 20 + 3) ÷ 5 = 6.27¦"), "{text}");
    }

    #[test]
    fn under_effort_vs_impact_there_is_no_priority_section() {
        let mut roadmap = prioritised();
        roadmap.framework = Framework::EffortImpact;
        let markdown = to_markdown(&roadmap);
        assert!(!markdown.contains("Priority"), "{markdown}");
        assert_eq!(markdown, to_markdown(&sample()), "inputs alone change nothing");
    }

    #[test]
    fn the_priority_table_parses_with_a_row_per_initiative_and_names_render_as_themselves() {
        let mut roadmap = sample();
        roadmap.framework = Framework::Weighted;
        roadmap.criteria = vec![Criterion {
            id: CriterionId("c1".into()),
            name: HOSTILE.into(),
            weight: 1.0,
            direction: Direction::Benefit,
            scale: CriterionScale::TShirt,
        }];
        let id = roadmap.initiatives[2].id.clone();
        roadmap.update_initiative(&id, |initiative| {
            initiative.title = HOSTILE.into();
            initiative
                .criteria
                .insert(CriterionId("c1".into()), Estimate::point(4.0));
        });
        let markdown = to_markdown(&roadmap);
        let priority = &markdown[markdown.find("## Priority").expect("a priority section")..];
        let rows = Parser::new_ext(priority, Options::ENABLE_TABLES)
            .filter(|event| matches!(event, Event::Start(Tag::TableRow)))
            .count();
        assert_eq!(rows, 3);
        let (text, markup) = rendered(priority);
        assert!(!markup, "{text}");
        assert!(
            text.contains(&format!(
                "1¦{HOSTILE}¦75¦Weighted = 100 × (100% × 0.75) = 75¦{HOSTILE} L¦"
            )),
            "{text}"
        );
        assert!(
            text.contains("—¦Data Lake¦—¦needs a value for 1 criterion¦¦"),
            "{text}"
        );
    }

    #[test]
    fn the_table_parses_as_a_table_with_a_row_per_initiative() {
        let markdown = to_markdown(&sample());
        let rows = Parser::new_ext(&markdown, pulldown_cmark::Options::ENABLE_TABLES)
            .filter(|event| matches!(event, Event::Start(Tag::TableRow)))
            .count();
        assert_eq!(rows, 3);
    }

    #[test]
    fn text_that_looks_like_html_or_markdown_renders_as_itself() {
        let mut roadmap = sample();
        roadmap.name = HOSTILE.into();
        let id = roadmap.initiatives[0].id.clone();
        roadmap.update_initiative(&id, |initiative| {
            initiative.title = HOSTILE.into();
            initiative.owner = HOSTILE.into();
        });
        let first = roadmap.phases[0].id.clone();
        roadmap.update_phase(&first, |phase| phase.name = HOSTILE.into());
        let (text, markup) = rendered(&to_markdown(&roadmap));
        assert!(!markup, "no HTML, emphasis, link or code in:\n{text}");
        // Heading, phase heading, list title and owner; in the table the title, the owner and
        // the phase of both initiatives in it.
        assert_eq!(text.matches(HOSTILE).count(), 8, "{text}");
    }

    /// Each block the renderer makes, as `kind: text` with whitespace collapsed: `h2`, `li`,
    /// `td`, `p`. `**` marks bold; `‹…›` marks anything else (HTML, code, emphasis, links,
    /// quotes, rules, breaks…), so a text that turned into syntax cannot compare equal.
    fn blocks(markdown: &str) -> Vec<String> {
        let mut blocks: Vec<String> = Vec::new();
        for event in Parser::new_ext(markdown, gfm()) {
            let words = match event {
                Event::Start(Tag::Heading { level, .. }) => {
                    blocks.push(format!("{level}: "));
                    continue;
                }
                Event::Start(Tag::Item) => {
                    blocks.push("li: ".into());
                    continue;
                }
                Event::Start(Tag::TableCell) => {
                    blocks.push("td: ".into());
                    continue;
                }
                Event::Start(Tag::Paragraph) => {
                    blocks.push("p: ".into());
                    continue;
                }
                Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) => " ** ".to_string(),
                Event::Start(Tag::List(_) | Tag::Table(_) | Tag::TableHead | Tag::TableRow)
                | Event::End(_) => {
                    continue;
                }
                Event::Text(words) => words.to_string(),
                Event::SoftBreak => " ".to_string(),
                other => format!(" ‹{other:?}› "),
            };
            match blocks.last_mut() {
                Some(block) => block.push_str(&words),
                None => blocks.push(words),
            }
        }
        blocks.iter().map(|block| collapse(block)).collect()
    }

    fn collapse(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn plain_punctuation_stays_as_it_is() {
        for text in [
            "Q2 scale-out",
            "v1.2",
            "C++ (legacy)",
            "a: b",
            "50% off!",
            "e-mail",
            "snake_case_name",
            "R&D, \"quoted\" {braces} = 3 + 4 - 1",
            "Tom & Jerry; 2 * 3 ~ 6",
            "C# and F#",
            "C:\\Users\\dana",
            "-5 degrees",
            "2024 review",
            "3.5 days",
            "See https://example.com/a_b?c=d",
        ] {
            assert_eq!(escape_markdown(text), text);
            assert_eq!(
                blocks(&format!("- {}\n", escape_markdown(text))),
                [format!("li: {text}")]
            );
        }
    }

    #[test]
    fn what_markdown_would_read_as_syntax_is_escaped() {
        for (text, escaped) in [
            ("# not a heading", "\\# not a heading"),
            ("> not a quote", "\\> not a quote"),
            ("- not a bullet", "\\- not a bullet"),
            ("+ not a bullet", "\\+ not a bullet"),
            ("* not a bullet", "\\* not a bullet"),
            ("1. not a list", "1\\. not a list"),
            ("2024) not a list", "2024\\) not a list"),
            ("---", "\\---"),
            ("===", "\\==="),
            ("Closing #", "Closing \\#"),
            ("*not bold*", "\\*not bold\\*"),
            ("_not_ em", "\\_not\\_ em"),
            ("~~gone~~", "\\~\\~gone\\~\\~"),
            ("`code`", "\\`code\\`"),
            ("[link](x) ![image](y)", "\\[link\\](x) !\\[image\\](y)"),
            ("<b> &amp; &#42;", "\\<b> \\&amp; \\&#42;"),
            ("a | b", "a \\| b"),
            ("ends in \\", "ends in \\\\"),
            ("\\*", "\\\\\\*"),
            ("    indented code", "indented code"),
        ] {
            assert_eq!(escape_markdown(text), escaped, "{text}");
        }
    }

    #[test]
    fn a_title_at_the_start_of_a_line_does_not_start_a_block() {
        for text in [
            "# not a heading",
            "## not a heading ##",
            "> not a quote",
            "- not a bullet",
            "+ not a bullet",
            "* not a bullet",
            "1. not a list",
            "7) not a list",
            "[ ] not a task",
            "[^1]: not a footnote",
            "[x]: /not-a-definition",
            "---",
            "- - -",
            "***",
            "___",
            "===",
            "```",
            "~~~ not a fence",
            "<div>not html</div>",
            "<!-- not a comment -->",
            "| not | a table |",
            "    not code",
        ] {
            let line = escape_markdown(text);
            let text = collapse(text);
            assert_eq!(blocks(&format!("- {line}\n")), [format!("li: {text}")]);
            assert_eq!(blocks(&format!("## {line}\n")), [format!("h2: {text}")]);
            assert_eq!(blocks(&format!("{line}\n")), [format!("p: {text}")]);
            // After a paragraph line, `---` and `===` would underline it into a heading.
            assert_eq!(blocks(&format!("Intro\n{line}\n")), [format!("p: Intro {text}")]);
        }
    }

    #[test]
    fn line_breaks_in_a_title_stay_on_one_line() {
        assert_eq!(escape_markdown("one\ntwo\r\nthree"), "one two  three");
        assert_eq!(escape_markdown("plain words 42"), "plain words 42");
        assert_eq!(escape_markdown("a|b"), "a\\|b");
    }

    #[test]
    fn the_file_is_named_after_the_roadmap() {
        assert_eq!(markdown_file_name(&sample()), "Data-2027.md");
    }

    // proptest runs natively only.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// Pieces of Markdown syntax, so that generated texts often start with a marker, hold
        /// an entity or a delimiter run; the rest is any printable character.
        const SYNTAX: &[&str] = &[
            "#",
            "## ",
            ">",
            "- ",
            "+ ",
            "* ",
            "1. ",
            "2) ",
            "---",
            "===",
            "***",
            "___",
            "```",
            "~~~",
            "    ",
            "`",
            "*",
            "_",
            "**",
            "__",
            "~",
            "~~",
            "[",
            "]",
            "(",
            ")",
            "![",
            "[ ] ",
            "[^1]",
            "]: ",
            "<",
            ">",
            "<b>",
            "</b>",
            "<!--",
            "<http://x.y>",
            "&",
            ";",
            "&amp;",
            "&#42;",
            "&#x2A;",
            "&copy",
            "|",
            "\\",
            "\\\\",
            "\\*",
            "!",
            ":",
            ".",
            "-",
            "=",
            "$",
            " ",
            "\t",
            "\n",
            "a",
            "1",
            "\u{a0}",
            "é",
        ];

        /// A one-line-or-more printable text made of syntax pieces and any other characters.
        fn text() -> impl Strategy<Value = String> {
            prop::collection::vec(
                prop_oneof![
                    3 => prop::sample::select(SYNTAX).prop_map(str::to_string),
                    1 => "[ -~]",
                    1 => "\\PC",
                ],
                0..12,
            )
            .prop_map(|pieces| pieces.concat())
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(1_000))]

            /// The real guarantee: wherever a caller puts an escaped text — at the start of a
            /// line, after a bullet or `## `, inside bold, in a table cell — it renders as
            /// exactly that text, whitespace collapsed.
            #[test]
            fn an_escaped_text_renders_as_itself_wherever_it_is_placed(text in text()) {
                let line = escape_markdown(&text);
                prop_assert!(!line.contains('\n'));
                let text = collapse(&text);
                let alone = if text.is_empty() { vec![] } else { vec![format!("p: {text}")] };
                prop_assert_eq!(blocks(&format!("{line}\n")), alone);
                prop_assert_eq!(blocks(&format!("Intro\n{line}\n")), [collapse(&format!("p: Intro {text}"))]);
                prop_assert_eq!(blocks(&format!("- {line}\n")), [collapse(&format!("li: {text}"))]);
                prop_assert_eq!(blocks(&format!("## {line}\n")), [collapse(&format!("h2: {text}"))]);
                prop_assert_eq!(
                    blocks(&format!("| Title |\n|---|\n| {line} |\n")),
                    ["td: Title".to_string(), collapse(&format!("td: {text}"))]
                );
                if !text.is_empty() {
                    prop_assert_eq!(
                        blocks(&format!("- **{line}** — effort 5\n")),
                        [format!("li: ** {text} ** — effort 5")]
                    );
                }
            }

            /// The same through the whole export: every text the user wrote comes back as
            /// itself, in the heading, the phase heading, the list and the table, and the
            /// document has exactly the blocks it should.
            #[test]
            fn every_text_in_the_export_renders_as_itself(
                name in text(),
                phase_name in text(),
                title in text(),
                owner in text(),
            ) {
                let mut roadmap = Roadmap::new(name);
                roadmap.phases.truncate(1);
                let phase = roadmap.phases[0].id.clone();
                roadmap.update_phase(&phase, |phase| phase.name = phase_name);
                let id = roadmap.add_initiative("");
                roadmap.update_initiative(&id, |initiative| {
                    initiative.title = title;
                    initiative.owner = owner;
                    initiative.phase = Some(phase.clone());
                });
                let initiative = roadmap.initiatives[0].clone();
                let (title, owner) = (initiative.display_title(), initiative.owner.trim());
                let phase_name = roadmap.phases[0].display_name();
                let owned = if owner.is_empty() { String::new() } else { format!(" · owner {owner}") };
                let mut expected = vec![
                    format!("h1: {}", roadmap.display_name()),
                    format!("h2: {phase_name}"),
                    "p: 1 initiative · effort 5.5".to_string(),
                    format!("li: ** {title} ** — effort 5.5 · impact 5.5{owned}"),
                    "h2: Unphased".to_string(),
                    "p: No initiatives.".to_string(),
                    "h2: All initiatives".to_string(),
                ];
                for cell in [
                    "Initiative", "Effort", "Impact", "Quadrant", "Urgency", "Due", "Quick win", "Phase", "Owner",
                    title, "5.5", "5.5", "Big bets", "none", "", "", phase_name, owner,
                ] {
                    expected.push(format!("td: {cell}"));
                }
                let expected: Vec<String> = expected.iter().map(|block| collapse(block)).collect();
                prop_assert_eq!(blocks(&to_markdown(&roadmap)), expected);
            }
        }
    }
}
