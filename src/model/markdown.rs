//! The roadmap as Markdown, for documents and wikis: phases in order with their initiatives,
//! the unphased ones, and a table of all. Every text the user wrote is escaped, so that
//! whatever it looks like (HTML, emphasis, links, table bars) it renders as the literal text.

use std::collections::HashMap;
use std::fmt::Write;

use super::{Initiative, Phase, PhaseId, Roadmap, Urgency};

/// Backslash-escapes every character Markdown (CommonMark and GitHub's tables) could read as
/// syntax, and folds line breaks into spaces so a text stays on its line.
pub fn escape_markdown(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for character in text.chars() {
        match character {
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '<' | '>' | '#' | '+' | '-'
            | '.' | '!' | '|' | '~' | '&' | '"' | '=' | ':' => {
                escaped.push('\\');
                escaped.push(character);
            }
            '\r' | '\n' | '\t' => escaped.push(' '),
            character => escaped.push(character),
        }
    }
    escaped
}

fn phase_title(phase: &Phase) -> &str {
    let name = phase.name.trim();
    if name.is_empty() { "Untitled phase" } else { name }
}

/// The facts of one initiative in a phase list, after its title.
fn facts(initiative: &Initiative) -> String {
    let mut facts = vec![
        format!("effort {}", initiative.effort),
        format!("impact {}", initiative.impact),
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
        let _ = write!(markdown, "\n## {}\n\n", escape_markdown(phase_title(phase)));
        let _ = writeln!(
            markdown,
            "{} initiative{} · {load}\n",
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
        .map(|phase| (&phase.id, phase_title(phase)))
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
            initiative.effort,
            initiative.impact,
            initiative.quadrant(&roadmap.quadrant_split).label(),
            initiative.urgency.as_str(),
            initiative.due.map(|due| due.to_string()).unwrap_or_default(),
            if initiative.quick_win { "★" } else { "" },
            phase,
            escape_markdown(initiative.owner.trim()),
        );
    }
    markdown
}

/// `Data-2027.stackplan.json` → `Data-2027.md`.
pub fn markdown_file_name(roadmap: &Roadmap) -> String {
    let name = super::file_name(roadmap);
    format!("{}.md", name.strip_suffix(".stackplan.json").unwrap_or(&name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DueDate, Score};
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};

    const HOSTILE: &str =
        "<script>alert(1)</script> *not bold* _no_ [link](http://x) `code` | bar # &amp; \\ 1. ~~gone~~ <b>";

    /// The text a Markdown renderer shows, and whether it saw any HTML, emphasis, link or code.
    fn rendered(markdown: &str) -> (String, bool) {
        let mut text = String::new();
        let mut markup = false;
        for event in Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_TABLES) {
            match event {
                Event::Text(words) => text.push_str(&words),
                Event::Html(_) | Event::InlineHtml(_) | Event::Code(_) => markup = true,
                Event::Start(Tag::Emphasis | Tag::Link { .. } | Tag::Image { .. }) => markup = true,
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
}
