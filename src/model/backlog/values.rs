//! How one cell becomes a value: numbers as people write them, amounts of money, yes/no,
//! T-shirt sizes, lists and priority words. Every reader is total: `None` means "not readable".

use crate::model::Urgency;

/// Cells that mean "nothing here" in spreadsheets, treated like empty cells.
pub(super) fn is_blank(cell: &str) -> bool {
    matches!(cell.trim(), "" | "-" | "–" | "—" | "n/a" | "N/A" | "?")
}

/// A number written with a decimal point or comma, thousands separators or spaces
/// ("7", "1,5", "12 500", "1.250,50", "1,250.5", "-3"). Exponents, `inf` and `NaN` are refused.
pub(super) fn read_number(text: &str) -> Option<f64> {
    // Most cells are plain digits: read them without building a copy.
    let trimmed = text.trim();
    if !trimmed.is_empty() && trimmed.len() < 16 && trimmed.bytes().all(|byte| byte.is_ascii_digit()) {
        return trimmed.parse().ok();
    }
    let compact: String = text
        .chars()
        .filter(|character| !character.is_whitespace() && !matches!(character, '\'' | '’'))
        .collect();
    let (sign, digits) = match compact.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, compact.strip_prefix('+').unwrap_or(&compact)),
    };
    if !digits.bytes().any(|byte| byte.is_ascii_digit())
        || !digits
            .bytes()
            .all(|byte| byte.is_ascii_digit() || byte == b'.' || byte == b',')
    {
        return None;
    }
    let plain = with_decimal_point(digits)?;
    plain
        .parse::<f64>()
        .ok()
        .filter(|value| value.is_finite())
        .map(|value| sign * value)
}

/// Digits with `.` and `,` rewritten as digits with at most one decimal point. The separator
/// that comes last is the decimal one, unless it is repeated ("1,000,000") or stands alone
/// before exactly three digits ("1,250" is 1250; "0,125" and "1,5" are fractions). Thousands
/// groups must have three digits.
fn with_decimal_point(digits: &str) -> Option<String> {
    let Some(last) = digits.rfind(['.', ',']) else {
        return Some(digits.to_string());
    };
    let separator = if digits[last..].starts_with('.') { '.' } else { ',' };
    let other = if separator == '.' { ',' } else { '.' };
    let (head, tail) = (&digits[..last], &digits[last + 1..]);
    let decimal = if head.contains(other) {
        true
    } else if head.contains(separator) {
        false
    } else {
        !(tail.len() == 3 && !head.is_empty() && head != "0")
    };
    let (integer, thousands) = if decimal {
        (head, other)
    } else {
        (digits, separator)
    };
    if decimal && head.contains(separator) {
        return None;
    }
    if integer.contains(thousands) {
        let mut groups = integer.split(thousands);
        let first = groups.next().unwrap_or_default();
        if first.is_empty() || first.len() > 3 || !groups.all(|group| group.len() == 3) {
            return None;
        }
    }
    let mut plain: String = integer
        .chars()
        .filter(|&character| character != thousands)
        .collect();
    if decimal {
        plain.push('.');
        plain.push_str(tail);
    }
    Some(plain)
}

/// An amount of money: a number with a currency symbol or code around it ("$12,500",
/// "12 500 €", "EUR 1.250,50") and an optional k / m / bn multiplier ("12k", "1.5m").
pub(super) fn read_amount(text: &str) -> Option<f64> {
    let text = text.trim();
    let is_number_part = |character: char| {
        character.is_ascii_digit() || matches!(character, '.' | ',' | '-' | '+' | '\'' | '’')
    };
    let start = text.find(is_number_part)?;
    let end = text.rfind(|character: char| character.is_ascii_digit())? + 1;
    if end <= start {
        return None;
    }
    let (prefix, number, suffix) = (&text[..start], &text[start..end], &text[end..]);
    let prefix_words = words(prefix);
    let suffix_words = words(suffix);
    let plausible = |words: &[String]| words.len() <= 2 && words.iter().all(|word| word.chars().count() <= 4);
    if !plausible(&prefix_words) || !plausible(&suffix_words) {
        return None;
    }
    let multiplier = match suffix_words.first().map(String::as_str) {
        Some("k") => 1e3,
        Some("m" | "mn" | "mio") => 1e6,
        Some("bn") => 1e9,
        _ => 1.0,
    };
    read_number(number)
        .map(|value| value * multiplier)
        .filter(|value| value.is_finite())
}

/// The runs of letters in a text around an amount, lowercased: currency codes and multipliers.
fn words(part: &str) -> Vec<String> {
    part.split(|character: char| !character.is_alphabetic())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A yes/no cell: yes, y, true, 1, x, ✓ and their opposites, in any case; blank is no.
pub(super) fn read_yes_no(text: &str) -> Option<bool> {
    let text = text.trim();
    let any = |words: &[&str]| words.iter().any(|word| word.eq_ignore_ascii_case(text));
    if any(&["yes", "y", "true", "1", "x", "✓", "✔", "☑", "quick win"]) {
        Some(true)
    } else if any(&["no", "n", "false", "0", "", "-", "✗", "✘", "☐"]) {
        Some(false)
    } else {
        None
    }
}

/// A T-shirt size as a 1–10 value, sizes evenly spaced: XS 1, S 3.25, M 5.5, L 7.75, XL 10
/// (XXS and XXL sit at the ends too).
pub(super) fn read_size(text: &str) -> Option<f64> {
    // The letters and digits, lowercased, in a small buffer: no size is longer, and this
    // runs for every effort and impact cell.
    let mut word = [0u8; 12];
    let mut length = 0;
    for character in text.chars().filter(|character| character.is_alphanumeric()) {
        if !character.is_ascii() || length == word.len() {
            return None;
        }
        word[length] = character.to_ascii_lowercase() as u8;
        length += 1;
    }
    match &word[..length] {
        b"xs" | b"xxs" | b"2xs" | b"extrasmall" => Some(1.0),
        b"s" | b"small" => Some(3.25),
        b"m" | b"medium" => Some(5.5),
        b"l" | b"large" => Some(7.75),
        b"xl" | b"xxl" | b"2xl" | b"extralarge" => Some(10.0),
        _ => None,
    }
}

/// The entries of a list cell split on `separator`, trimmed, without blanks, added to
/// `entries` unless already there (so repeated columns join into one list).
pub(super) fn push_entries(entries: &mut Vec<String>, cell: &str, separator: char, strip_colour: bool) {
    for entry in cell.split(separator) {
        let entry = entry.trim();
        let entry = if strip_colour {
            without_colour(entry)
        } else {
            entry
        };
        if !entry.is_empty() && !entries.iter().any(|known| known == entry) {
            entries.push(entry.to_string());
        }
    }
}

/// Trello writes labels as "Urgent (red)"; the colour is not part of the name. A label
/// without a name ("(green)") keeps its colour as its name.
pub(super) fn without_colour(label: &str) -> &str {
    let Some(inner) = label.strip_suffix(')') else {
        return label;
    };
    let Some(open) = inner.rfind('(') else {
        return label;
    };
    let colour = &inner[open + 1..];
    let base = colour
        .strip_suffix("_dark")
        .or_else(|| colour.strip_suffix("_light"))
        .unwrap_or(colour);
    const TRELLO_COLOURS: [&str; 10] = [
        "green", "yellow", "orange", "red", "purple", "blue", "sky", "lime", "pink", "black",
    ];
    if !TRELLO_COLOURS.contains(&base) {
        return label;
    }
    match inner[..open].trim_end() {
        "" => colour,
        name => name,
    }
}

/// The urgency a priority word usually means, in Jira, Linear, Asana and spreadsheets alike.
/// Words like "P1 - High" are read by their first known part. With `linear_numbers`, Linear's
/// numeric priorities count too: 1 urgent, 2 high, 3 medium, 4 low, 0 none.
pub(super) fn guess_urgency(word: &str, linear_numbers: bool) -> Urgency {
    let word = word.trim().to_lowercase();
    if linear_numbers {
        match word.as_str() {
            "0" => return Urgency::None,
            "1" => return Urgency::Critical,
            "2" => return Urgency::High,
            "3" => return Urgency::Medium,
            "4" => return Urgency::Low,
            _ => {}
        }
    }
    if let Some(urgency) = urgency_word(&word) {
        return urgency;
    }
    word.split(|character: char| !character.is_alphanumeric())
        .find_map(urgency_word)
        .unwrap_or(Urgency::None)
}

fn urgency_word(word: &str) -> Option<Urgency> {
    match word {
        "critical" | "blocker" | "urgent" | "highest" | "p0" | "showstopper" | "immediate" => {
            Some(Urgency::Critical)
        }
        "high" | "major" | "p1" | "important" => Some(Urgency::High),
        "medium" | "normal" | "p2" | "moderate" | "med" => Some(Urgency::Medium),
        "low" | "lowest" | "minor" | "trivial" | "p3" | "p4" | "p5" => Some(Urgency::Low),
        "none" | "no priority" | "no" => Some(Urgency::None),
        _ => None,
    }
}

/// A cell quoted in a message, cut short when long.
pub(super) fn quoted(cell: &str) -> String {
    const KEEP: usize = 40;
    let cell = cell.trim();
    if cell.chars().count() <= KEEP {
        format!("“{cell}”")
    } else {
        format!("“{}…”", cell.chars().take(KEEP).collect::<String>())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_decimal_commas_spaces_and_thousands() {
        for (text, number) in [
            ("7", 7.0),
            (" 1,5 ", 1.5),
            ("2.5", 2.5),
            ("12 500", 12_500.0),
            ("12\u{a0}500", 12_500.0),
            ("1.250,50", 1_250.5),
            ("1,250.50", 1_250.5),
            ("1,250", 1_250.0),
            ("1.250", 1_250.0),
            ("0,125", 0.125),
            ("1'000'000", 1_000_000.0),
            ("-3", -3.0),
            ("1,000,000", 1_000_000.0),
        ] {
            assert_eq!(read_number(text), Some(number), "{text}");
        }
    }

    #[test]
    fn numbers_refuse_words_exponents_and_odd_separators() {
        for text in ["", "abc", "1e5", "inf", "NaN", "1.2.3,4", "5 points", "--1", "."] {
            assert_eq!(read_number(text), None, "{text}");
        }
    }

    #[test]
    fn amounts_read_currencies_and_multipliers() {
        for (text, amount) in [
            ("$12,500", 12_500.0),
            ("12 500 €", 12_500.0),
            ("1.250,50", 1_250.5),
            ("EUR 1.250,50", 1_250.5),
            ("£3.5k", 3_500.0),
            ("1.5m", 1_500_000.0),
            ("2 bn USD", 2e9),
            ("CHF 1'000", 1_000.0),
            ("0", 0.0),
        ] {
            assert_eq!(read_amount(text), Some(amount), "{text}");
        }
        for text in ["", "TBD", "lots of money 5", "5 and 6", "$"] {
            assert_eq!(read_amount(text), None, "{text}");
        }
        assert_eq!(read_amount("-500"), Some(-500.0), "the caller refuses negatives");
        let huge = format!("{}bn", "9".repeat(305));
        assert_eq!(read_amount(&huge), None, "no infinite budgets");
    }

    #[test]
    fn yes_and_no_in_their_many_spellings() {
        for text in ["yes", "Y", "TRUE", "1", "x", "✓", " Yes "] {
            assert_eq!(read_yes_no(text), Some(true), "{text}");
        }
        for text in ["no", "N", "false", "0", "", "  "] {
            assert_eq!(read_yes_no(text), Some(false), "{text}");
        }
        assert_eq!(read_yes_no("maybe"), None);
    }

    #[test]
    fn t_shirt_sizes_are_evenly_spaced() {
        let sizes = ["XS", "S", "M", "L", "XL"].map(read_size);
        assert_eq!(sizes, [Some(1.0), Some(3.25), Some(5.5), Some(7.75), Some(10.0)]);
        assert_eq!(read_size("Extra small"), Some(1.0));
        assert_eq!(read_size("extra-large"), Some(10.0));
        assert_eq!(read_size("huge"), None);
    }

    #[test]
    fn list_entries_are_trimmed_deduplicated_and_joined_across_columns() {
        let mut entries = Vec::new();
        push_entries(&mut entries, " ops, data team,,ops ", ',', false);
        push_entries(&mut entries, "data team; x", ',', false);
        assert_eq!(entries, ["ops", "data team", "data team; x"]);
    }

    #[test]
    fn trello_label_colours_are_dropped() {
        assert_eq!(without_colour("Urgent (red)"), "Urgent");
        assert_eq!(without_colour("Ops (sky_dark)"), "Ops");
        assert_eq!(without_colour("(green)"), "green");
        assert_eq!(without_colour("Backend (v2)"), "Backend (v2)");
        let mut entries = Vec::new();
        push_entries(
            &mut entries,
            "Urgent (red), Backend (blue), Urgent (orange)",
            ',',
            true,
        );
        assert_eq!(entries, ["Urgent", "Backend"]);
    }

    #[test]
    fn priority_words_map_to_urgency() {
        for (word, urgency) in [
            ("Blocker", Urgency::Critical),
            ("Highest", Urgency::Critical),
            ("P0", Urgency::Critical),
            ("Major", Urgency::High),
            ("P1 - High", Urgency::High),
            ("Normal", Urgency::Medium),
            ("Trivial", Urgency::Low),
            ("p4", Urgency::Low),
            ("No priority", Urgency::None),
            ("whenever", Urgency::None),
            ("1", Urgency::None),
        ] {
            assert_eq!(guess_urgency(word, false), urgency, "{word}");
        }
        assert_eq!(guess_urgency("1", true), Urgency::Critical);
        assert_eq!(guess_urgency("4", true), Urgency::Low);
        assert_eq!(guess_urgency("0", true), Urgency::None);
    }

    #[test]
    fn long_cells_are_cut_in_messages() {
        assert_eq!(quoted(" abc "), "“abc”");
        assert_eq!(quoted(&"a".repeat(50)), format!("“{}…”", "a".repeat(40)));
    }
}
