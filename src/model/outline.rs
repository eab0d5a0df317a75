//! The catalog: a Markdown outline of headings parsed into a tree of possible initiatives.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::CatalogOrigin;

/// The built-in "Modern Stacks" outline, embedded at build time.
pub const MODERN_STACKS: &str = include_str!("../../catalog/modern-stacks.md");

/// One heading of the outline, in document order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineEntry {
    /// The heading text as written.
    pub heading: String,
    /// The topic part of `Topic - Tool A, Tool B`; the whole heading otherwise.
    pub topic: String,
    /// Example tools named after ` - `, split on commas and slashes outside parentheses.
    pub tools: Vec<String>,
    /// Depth in the tree, 1 for top-level entries.
    pub depth: usize,
    /// Index of the parent entry, `None` at the top.
    pub parent: Option<usize>,
    pub has_children: bool,
}

/// A whole outline as a flat list in document order; tree shape is kept by `parent`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outline {
    pub entries: Vec<OutlineEntry>,
}

/// Largest outline file accepted.
pub const MAX_OUTLINE_BYTES: usize = 1024 * 1024;
/// Most headings an outline may have: a catalog, not a book.
pub const MAX_OUTLINE_HEADINGS: usize = 5_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OutlineError {
    #[error("the outline has no headings: write each item as a Markdown heading (# Area, ## Topic, …)")]
    NoHeadings,
    #[error("the file is {bytes} bytes; an outline may have at most 1 MB (1,048,576 bytes)")]
    TooLarge { bytes: usize },
    #[error("the file is not text (it is not UTF-8, or holds binary data): choose a Markdown (.md) file")]
    NotText,
    #[error("the outline has {count} headings; an outline may have at most 5,000")]
    TooManyHeadings { count: usize },
    #[error(
        "line {line} is a heading deeper than level 6 (more than six #); Markdown headings go from # to ######"
    )]
    TooDeep { line: usize },
}

impl Outline {
    /// Parses an outline file someone chose: refused with the reason when it is too large, not
    /// text, has a heading deeper than Markdown's six levels, or too many headings.
    pub fn parse_file(bytes: &[u8]) -> Result<Outline, OutlineError> {
        if bytes.len() > MAX_OUTLINE_BYTES {
            return Err(OutlineError::TooLarge { bytes: bytes.len() });
        }
        let text = std::str::from_utf8(bytes).map_err(|_| OutlineError::NotText)?;
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text
            .chars()
            .any(|character| character.is_control() && !matches!(character, '\n' | '\r' | '\t' | '\u{c}'))
        {
            return Err(OutlineError::NotText);
        }
        if let Some(line) = text.lines().position(|line| {
            let hashes = line
                .trim_start()
                .chars()
                .take_while(|&character| character == '#')
                .count();
            hashes > 6 && line.trim_start()[hashes..].starts_with([' ', '\t'])
        }) {
            return Err(OutlineError::TooDeep { line: line + 1 });
        }
        let outline = Outline::parse(text)?;
        if outline.entries.len() > MAX_OUTLINE_HEADINGS {
            return Err(OutlineError::TooManyHeadings {
                count: outline.entries.len(),
            });
        }
        Ok(outline)
    }

    /// The outline as Markdown headings, one level per depth; parsing it gives the outline back.
    pub fn to_markdown(&self) -> String {
        self.entries
            .iter()
            .map(|entry| {
                format!(
                    "{} {}\n\n",
                    "#".repeat(entry.depth.min(6)),
                    super::escape_markdown(&entry.heading)
                )
            })
            .collect()
    }

    /// Parses the headings (`#` … `######`) of a Markdown document; other text is ignored.
    /// HTML in a heading is kept as its text, never interpreted.
    pub fn parse(markdown: &str) -> Result<Outline, OutlineError> {
        let mut headings: Vec<(usize, String)> = Vec::new();
        let mut open: Option<(usize, String)> = None;
        for event in Parser::new(markdown) {
            match event {
                Event::Start(Tag::Heading { level, .. }) => open = Some((level as usize, String::new())),
                Event::Text(text) | Event::Code(text) | Event::InlineHtml(text) | Event::Html(text) => {
                    if let Some((_, heading)) = open.as_mut() {
                        heading.push_str(&text);
                    }
                }
                Event::End(TagEnd::Heading(_)) => {
                    if let Some((level, heading)) = open.take() {
                        let heading = heading.split_whitespace().collect::<Vec<_>>().join(" ");
                        if !heading.is_empty() {
                            headings.push((level, heading));
                        }
                    }
                }
                _ => {}
            }
        }
        if headings.is_empty() {
            return Err(OutlineError::NoHeadings);
        }
        Ok(Outline::from_headings(headings))
    }

    fn from_headings(headings: Vec<(usize, String)>) -> Outline {
        let mut entries: Vec<OutlineEntry> = Vec::with_capacity(headings.len());
        // Open ancestors as (heading level, entry index); a heading skipping levels
        // (### under #) still hangs under the nearest heading above it.
        let mut ancestors: Vec<(usize, usize)> = Vec::new();
        for (level, heading) in headings {
            while ancestors
                .last()
                .is_some_and(|&(open_level, _)| open_level >= level)
            {
                ancestors.pop();
            }
            let parent = ancestors.last().map(|&(_, index)| index);
            if let Some(parent) = parent {
                entries[parent].has_children = true;
            }
            let (topic, tools) = split_topic(&heading);
            ancestors.push((level, entries.len()));
            entries.push(OutlineEntry {
                heading,
                topic,
                tools,
                depth: ancestors.len(),
                parent,
                has_children: false,
            });
        }
        Outline { entries }
    }

    /// Title of the outline: its first heading.
    pub fn title(&self) -> &str {
        self.entries.first().map_or("", |entry| entry.heading.as_str())
    }

    /// Indexes of an entry's ancestors, nearest first.
    pub fn ancestors(&self, index: usize) -> impl Iterator<Item = usize> + '_ {
        std::iter::successors(
            self.entries.get(index).and_then(|entry| entry.parent),
            |&parent| self.entries[parent].parent,
        )
    }

    /// Headings from the top of the outline down to this entry.
    pub fn path(&self, index: usize) -> Vec<String> {
        let mut path: Vec<String> = self
            .ancestors(index)
            .map(|ancestor| self.entries[ancestor].heading.clone())
            .collect();
        path.reverse();
        if let Some(entry) = self.entries.get(index) {
            path.push(entry.heading.clone());
        }
        path
    }

    /// The origin an initiative made from this entry keeps.
    pub fn origin(&self, index: usize) -> CatalogOrigin {
        CatalogOrigin {
            catalog: self.title().to_string(),
            path: self.path(index),
        }
    }

    /// Which entries a search shows: the matches and every ancestor of a match.
    /// An empty query shows everything.
    pub fn search(&self, query: &str) -> Vec<bool> {
        let query = query.trim().to_lowercase();
        if query.is_empty() {
            return vec![true; self.entries.len()];
        }
        let mut shown = vec![false; self.entries.len()];
        for (index, entry) in self.entries.iter().enumerate() {
            if entry.heading.to_lowercase().contains(&query) {
                shown[index] = true;
                for ancestor in self.ancestors(index) {
                    shown[ancestor] = true;
                }
            }
        }
        shown
    }
}

/// `Data Storage - Amazon S3, Hadoop HDFS` → ("Data Storage", ["Amazon S3", "Hadoop HDFS"]).
fn split_topic(heading: &str) -> (String, Vec<String>) {
    let Some((topic, tools)) = heading.split_once(" - ") else {
        return (heading.to_string(), Vec::new());
    };
    let mut parts = Vec::new();
    let mut current = String::new();
    let mut depth = 0usize;
    for character in tools.chars() {
        match character {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            ',' | '/' if depth == 0 => {
                parts.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(character);
    }
    parts.push(current);
    let tools = parts
        .into_iter()
        .map(|part| part.trim().to_string())
        .filter(|part| !part.is_empty())
        .collect();
    (topic.trim().to_string(), tools)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn modern_stacks() -> Outline {
        Outline::parse(MODERN_STACKS).expect("the built-in outline parses")
    }

    fn index_of(outline: &Outline, heading: &str) -> usize {
        outline
            .entries
            .iter()
            .position(|entry| entry.heading == heading)
            .unwrap_or_else(|| panic!("{heading} is in the outline"))
    }

    #[test]
    fn an_outline_file_is_refused_when_too_large_binary_too_deep_or_too_long() {
        let big = format!("# Big\n{}", "x".repeat(MAX_OUTLINE_BYTES));
        assert_eq!(
            Outline::parse_file(big.as_bytes()),
            Err(OutlineError::TooLarge { bytes: big.len() })
        );
        assert_eq!(
            Outline::parse_file(&[0xff, 0xfe, b'#']),
            Err(OutlineError::NotText)
        );
        assert_eq!(
            Outline::parse_file(b"# Title\n\x00\x01binary"),
            Err(OutlineError::NotText)
        );
        assert_eq!(
            Outline::parse_file(b"# Top\n\n####### Seventh\n"),
            Err(OutlineError::TooDeep { line: 3 })
        );
        assert_eq!(
            Outline::parse_file(b"just text\n\n- a list\n"),
            Err(OutlineError::NoHeadings)
        );
        let many: String = (0..=MAX_OUTLINE_HEADINGS)
            .map(|index| format!("## H{index}\n"))
            .collect();
        assert_eq!(
            Outline::parse_file(many.as_bytes()),
            Err(OutlineError::TooManyHeadings {
                count: MAX_OUTLINE_HEADINGS + 1
            })
        );
        let most: String = (0..MAX_OUTLINE_HEADINGS)
            .map(|index| format!("## H{index}\n"))
            .collect();
        assert_eq!(
            Outline::parse_file(most.as_bytes()).map(|outline| outline.entries.len()),
            Ok(MAX_OUTLINE_HEADINGS)
        );
        assert!(
            Outline::parse_file("\u{feff}# With a byte order mark\r\n\tindented text".as_bytes()).is_ok()
        );
    }

    #[test]
    fn every_refusal_says_what_is_wrong() {
        for (error, words) in [
            (OutlineError::NoHeadings, "no headings"),
            (OutlineError::TooLarge { bytes: 2_000_000 }, "at most 1 MB"),
            (OutlineError::NotText, "not text"),
            (OutlineError::TooManyHeadings { count: 6_000 }, "6000 headings"),
            (
                OutlineError::TooDeep { line: 4 },
                "line 4 is a heading deeper than level 6",
            ),
        ] {
            assert!(error.to_string().contains(words), "{error}");
        }
    }

    #[test]
    fn html_in_a_heading_stays_text() {
        let outline = Outline::parse("# Data <b>Lake</b> <script>alert(1)</script>\n").expect("parses");
        assert_eq!(
            outline.entries[0].heading,
            "Data <b>Lake</b> <script>alert(1)</script>"
        );
    }

    #[test]
    fn the_built_in_outline_round_trips_through_its_markdown() {
        let outline = modern_stacks();
        assert_eq!(Outline::parse(&outline.to_markdown()), Ok(outline));
    }

    // proptest runs natively only.
    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(500))]

            #[test]
            fn any_headings_are_read_back_as_written_and_round_trip(
                headings in proptest::collection::vec((1usize..=6, "[ -~]{0,30}"), 1..40)
            ) {
                let markdown: String = headings
                    .iter()
                    .map(|(level, text)| format!("{} {}\n\n", "#".repeat(*level), crate::model::escape_markdown(text)))
                    .collect();
                // A blank heading is skipped; every other one is read back as written.
                let written: Vec<String> = headings
                    .iter()
                    .map(|(_, text)| text.split_whitespace().collect::<Vec<_>>().join(" "))
                    .filter(|text| !text.is_empty())
                    .collect();
                match Outline::parse(&markdown) {
                    Ok(outline) => {
                        let read: Vec<&str> = outline.entries.iter().map(|entry| entry.heading.as_str()).collect();
                        prop_assert_eq!(read, written);
                        prop_assert_eq!(Outline::parse(&outline.to_markdown()), Ok(outline));
                    }
                    Err(error) => {
                        prop_assert_eq!(error, OutlineError::NoHeadings);
                        prop_assert!(written.is_empty(), "refused, yet it has headings: {:?}", written);
                    }
                }
            }

            #[test]
            fn parsing_any_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
                let _ = Outline::parse_file(&bytes);
            }
        }
    }

    #[test]
    fn built_in_outline_keeps_every_heading_in_order() {
        let outline = modern_stacks();
        let heading_lines = MODERN_STACKS.lines().filter(|line| line.starts_with('#')).count();
        assert_eq!(outline.entries.len(), heading_lines);
        assert_eq!(outline.title(), "Modern Stacks");
        let tops: Vec<_> = outline
            .entries
            .iter()
            .filter(|entry| entry.depth == 2)
            .map(|entry| entry.heading.as_str())
            .collect();
        assert_eq!(tops, ["Data", "MLOps", "Cloud", "ML"]);
    }

    #[test]
    fn built_in_outline_reaches_six_levels() {
        let outline = modern_stacks();
        let ab_testing = index_of(&outline, "A/B testing");
        assert_eq!(outline.entries[ab_testing].depth, 6);
        assert_eq!(
            outline.path(ab_testing),
            [
                "Modern Stacks",
                "Data",
                "Data Strategy",
                "1. Alignment with business goals",
                "Product Development (features/benefits)",
                "A/B testing"
            ]
        );
    }

    #[test]
    fn topic_and_tools_are_shown_apart() {
        let outline = modern_stacks();
        let storage = &outline.entries[index_of(
            &outline,
            "Data Storage - Amazon S3, Hadoop HDFS, Snowflake, Amazon Redshift",
        )];
        assert_eq!(storage.topic, "Data Storage");
        assert_eq!(
            storage.tools,
            ["Amazon S3", "Hadoop HDFS", "Snowflake", "Amazon Redshift"]
        );
        let ingestion = &outline.entries[index_of(
            &outline,
            "Data Ingestion - Apache Kafka/Apache Nifi/Amazon Kinesis",
        )];
        assert_eq!(ingestion.tools, ["Apache Kafka", "Apache Nifi", "Amazon Kinesis"]);
    }

    #[test]
    fn commas_inside_parentheses_do_not_split_tools() {
        let (topic, tools) = split_topic(
            "Data Access/Querying - SQL-based query engines (Apache Hive, Presto), Cloud based services - AWS Athena",
        );
        assert_eq!(topic, "Data Access/Querying");
        assert_eq!(
            tools,
            [
                "SQL-based query engines (Apache Hive, Presto)",
                "Cloud based services - AWS Athena"
            ]
        );
    }

    #[test]
    fn headings_without_a_dash_have_no_tools() {
        assert_eq!(
            split_topic("AWS/Azure/GCP"),
            ("AWS/Azure/GCP".to_string(), vec![])
        );
    }

    #[test]
    fn skipped_levels_hang_under_the_nearest_heading() {
        let outline = Outline::parse("# Top\n### Deep\n## Middle\nsome text\n#### Deeper").expect("parses");
        let parents: Vec<_> = outline.entries.iter().map(|entry| entry.parent).collect();
        assert_eq!(parents, [None, Some(0), Some(0), Some(2)]);
        assert_eq!(outline.entries[3].depth, 3);
        assert!(outline.entries[0].has_children && !outline.entries[1].has_children);
    }

    #[test]
    fn inline_markup_in_headings_becomes_plain_text() {
        let outline = Outline::parse("# The *bold* `plan`").expect("parses");
        assert_eq!(outline.title(), "The bold plan");
    }

    #[test]
    fn text_without_headings_is_refused() {
        assert_eq!(
            Outline::parse("just a paragraph\n- and a list"),
            Err(OutlineError::NoHeadings)
        );
        assert_eq!(Outline::parse("#\n"), Err(OutlineError::NoHeadings));
    }

    #[test]
    fn search_shows_matches_with_their_ancestors() {
        let outline = modern_stacks();
        let shown = outline.search("kafka");
        let visible: Vec<_> = outline
            .entries
            .iter()
            .zip(&shown)
            .filter(|(_, shown)| **shown)
            .map(|(entry, _)| entry.heading.as_str())
            .collect();
        assert!(visible.contains(&"Data Tech Stack"));
        assert!(visible.contains(&"Kafka, Amazon SNS, Amazon SQS"));
        assert!(!visible.contains(&"MLOps"));
        assert!(outline.search(" ").iter().all(|shown| *shown));
    }

    #[test]
    fn origin_names_the_catalog_and_path() {
        let outline = modern_stacks();
        let origin = outline.origin(index_of(&outline, "Terraform/Ansible"));
        assert_eq!(origin.catalog, "Modern Stacks");
        assert_eq!(
            origin.path,
            ["Modern Stacks", "Cloud", "IAC", "Terraform/Ansible"]
        );
    }
}
