//! Share links: the roadmap inside the page address's #fragment, which browsers never send to
//! a server. `#r=<link version>.<data>`, the data being the roadmap's compact JSON,
//! deflate-compressed and base64url-encoded. Opening one goes through the same [`import`] as a
//! file, after guards that refuse a damaged or hostile link before it can fill the memory.

use std::fmt;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as BASE64URL;

use super::{ImportError, MAX_FILE_BYTES, Roadmap, import, to_storage_text};

/// The version of the link's encoding (the roadmap inside carries its own file version).
pub const SHARE_LINK_VERSION: u32 = 1;
/// What starts the fragment of a share link, after the `#`.
pub const SHARE_PREFIX: &str = "r=";
/// Above this many characters, chat tools and mail clients tend to cut a link.
pub const LONG_LINK_CHARS: usize = 8_000;
const INCOMPLETE: &str = "its compressed roadmap is incomplete or changed";
/// Longest data accepted: base64 of a deflated file of the largest accepted size.
const MAX_DATA_CHARS: usize = MAX_FILE_BYTES / 3 * 4 + 4;

/// Why a share link could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Something after `#r=` that is not `<version>.<data>`.
    Malformed,
    /// A link from a newer Stackplan.
    NewerVersion(String),
    /// Cut off or changed on the way: not base64url, or not a deflate stream.
    Damaged(&'static str),
    /// The link is, or would inflate to, more than the largest file accepted.
    TooLarge,
    /// The roadmap inside did not pass the same checks as a file.
    Roadmap(ImportError),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::Malformed => write!(
                f,
                "The link is not a Stackplan share link (it should end in #r= followed by a version, a dot and the roadmap)."
            ),
            ShareError::NewerVersion(version) => write!(
                f,
                "The link was made by a newer Stackplan (link version {version}; this one reads version {SHARE_LINK_VERSION}). Open it in the newer Stackplan, or ask for a file."
            ),
            ShareError::Damaged(reason) => write!(
                f,
                "The link is damaged: {reason}. It may have been cut off when it was copied; ask for the whole link, or for a file."
            ),
            ShareError::TooLarge => write!(
                f,
                "The link holds more than the largest roadmap Stackplan opens ({} MB).",
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            ShareError::Roadmap(error) => write!(f, "The roadmap in the link is not valid. {error}"),
        }
    }
}

/// The fragment (without `#`) that carries `roadmap`: `r=1.<data>`.
pub fn share_fragment(roadmap: &Roadmap) -> String {
    let json = to_storage_text(roadmap);
    // Level 9: links are read many times and their length matters more than the time to make one.
    let deflated = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
    format!(
        "{SHARE_PREFIX}{SHARE_LINK_VERSION}.{}",
        BASE64URL.encode(deflated)
    )
}

/// Whether a page's fragment (without `#`) is meant as a share link.
pub fn is_share_fragment(fragment: &str) -> bool {
    fragment.starts_with(SHARE_PREFIX)
}

/// The roadmap in a share link's fragment (without `#`), checked like a file.
pub fn read_share_fragment(fragment: &str) -> Result<Roadmap, ShareError> {
    let rest = fragment.strip_prefix(SHARE_PREFIX).ok_or(ShareError::Malformed)?;
    let (version, data) = rest.split_once('.').ok_or(ShareError::Malformed)?;
    match version.parse::<u32>() {
        Ok(SHARE_LINK_VERSION) => {}
        Ok(newer) if newer > SHARE_LINK_VERSION => return Err(ShareError::NewerVersion(newer.to_string())),
        _ => return Err(ShareError::Malformed),
    }
    if data.len() > MAX_DATA_CHARS {
        return Err(ShareError::TooLarge);
    }
    let deflated = BASE64URL
        .decode(data.trim_end_matches('='))
        .map_err(|error| match error {
            base64::DecodeError::InvalidByte(..) => {
                ShareError::Damaged("its roadmap is not in the link's alphabet (base64url)")
            }
            // A length or last character that cannot end the data: the link was cut.
            _ => ShareError::Damaged(INCOMPLETE),
        })?;
    let json =
        miniz_oxide::inflate::decompress_to_vec_with_limit(&deflated, MAX_FILE_BYTES).map_err(|error| {
            if matches!(error.status, miniz_oxide::inflate::TINFLStatus::HasMoreOutput) {
                ShareError::TooLarge
            } else {
                ShareError::Damaged(INCOMPLETE)
            }
        })?;
    let json = String::from_utf8(json).map_err(|_| ShareError::Damaged("its roadmap is not UTF-8 text"))?;
    import(&json).map_err(ShareError::Roadmap)
}

/// What to say about a link of this many characters: its length, and above
/// [`LONG_LINK_CHARS`] that a file is the better choice.
pub fn link_length_note(chars: usize) -> String {
    let length = format!("{} characters", thousands(chars));
    if chars > LONG_LINK_CHARS {
        format!(
            "{length}: chat tools and mail clients often cut links this long, so a file (Export JSON) is the better choice."
        )
    } else {
        length
    }
}

/// 1840 → "1,840".
pub(crate) fn thousands(number: usize) -> String {
    let digits = number.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    grouped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{MaturityAspect, Score, Urgency};

    fn sample() -> Roadmap {
        let mut roadmap = Roadmap::new("Data 2027 <b>«shared»</b> 🚀");
        for index in 0..5 {
            let id = roadmap.add_initiative(format!("Initiative {index} \"quoted\""));
            roadmap.update_initiative(&id, |initiative| {
                initiative.effort = Score::clamped(1.0 + index as f64);
                initiative.urgency = Urgency::High;
            });
        }
        roadmap.maturity.set(MaturityAspect::Culture, Some(3));
        roadmap
    }

    #[test]
    fn a_link_opens_as_the_same_roadmap() {
        let roadmap = sample();
        let fragment = share_fragment(&roadmap);
        assert!(fragment.starts_with("r=1."), "{fragment}");
        assert!(is_share_fragment(&fragment));
        assert_eq!(read_share_fragment(&fragment), Ok(roadmap));
    }

    #[test]
    fn the_data_uses_only_characters_safe_in_a_url_fragment() {
        let fragment = share_fragment(&sample());
        let data = fragment.split_once('.').map(|(_, data)| data).unwrap_or_default();
        assert!(!data.is_empty());
        assert!(
            data.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
            "{data}"
        );
    }

    #[test]
    fn a_link_is_much_shorter_than_the_file() {
        let roadmap = sample();
        assert!(share_fragment(&roadmap).len() * 2 < crate::model::export(&roadmap).len());
    }

    #[test]
    fn other_fragments_are_not_share_links() {
        assert!(!is_share_fragment(""));
        assert!(!is_share_fragment("section-2"));
        assert_eq!(read_share_fragment("x=1.abc"), Err(ShareError::Malformed));
        assert_eq!(read_share_fragment("r="), Err(ShareError::Malformed));
        assert_eq!(read_share_fragment("r=abc"), Err(ShareError::Malformed));
        assert_eq!(read_share_fragment("r=one.abc"), Err(ShareError::Malformed));
        assert_eq!(read_share_fragment("r=0.abc"), Err(ShareError::Malformed));
    }

    #[test]
    fn a_link_from_a_newer_stackplan_is_refused_by_name() {
        let error = read_share_fragment("r=7.abc").expect_err("refused");
        assert_eq!(error, ShareError::NewerVersion("7".into()));
        assert!(
            error.to_string().contains("newer Stackplan (link version 7"),
            "{error}"
        );
    }

    #[test]
    fn a_link_cut_anywhere_is_damaged_and_says_so() {
        let fragment = share_fragment(&sample());
        for cut in 1..=12 {
            let error = read_share_fragment(&fragment[..fragment.len() - cut]).expect_err("refused");
            assert_eq!(error, ShareError::Damaged(INCOMPLETE), "cut by {cut}");
            assert!(error.to_string().contains("cut off"), "{error}");
        }
    }

    #[test]
    fn characters_outside_base64url_are_damage() {
        assert_eq!(
            read_share_fragment("r=1.abc$def"),
            Err(ShareError::Damaged(
                "its roadmap is not in the link's alphabet (base64url)"
            ))
        );
    }

    #[test]
    fn text_that_inflates_but_is_not_a_roadmap_gets_the_file_message() {
        let deflated = miniz_oxide::deflate::compress_to_vec(br#"{"format":"other"}"#, 9);
        let fragment = format!("r=1.{}", BASE64URL.encode(deflated));
        match read_share_fragment(&fragment) {
            Err(ShareError::Roadmap(ImportError::NotARoadmap { .. })) => {}
            other => panic!("expected the file format's refusal, got {other:?}"),
        }
        let not_utf8 = miniz_oxide::deflate::compress_to_vec(&[0xff, 0xfe, 0x00], 9);
        assert_eq!(
            read_share_fragment(&format!("r=1.{}", BASE64URL.encode(not_utf8))),
            Err(ShareError::Damaged("its roadmap is not UTF-8 text"))
        );
    }

    #[test]
    fn a_decompression_bomb_is_refused_before_it_fills_the_memory() {
        let bomb = miniz_oxide::deflate::compress_to_vec(&vec![b' '; MAX_FILE_BYTES + 10], 9);
        let fragment = format!("r=1.{}", BASE64URL.encode(bomb));
        assert!(
            fragment.len() < 100_000,
            "the bomb itself is small: {}",
            fragment.len()
        );
        assert_eq!(read_share_fragment(&fragment), Err(ShareError::TooLarge));
    }

    #[test]
    fn an_oversized_link_is_refused_before_decoding() {
        let fragment = format!("r=1.{}", "A".repeat(MAX_DATA_CHARS + 1));
        assert_eq!(read_share_fragment(&fragment), Err(ShareError::TooLarge));
        assert!(ShareError::TooLarge.to_string().contains("40 MB"));
    }

    #[test]
    fn the_length_note_counts_in_thousands_and_advises_a_file_for_long_links() {
        assert_eq!(link_length_note(0), "0 characters");
        assert_eq!(link_length_note(999), "999 characters");
        assert_eq!(link_length_note(1_840), "1,840 characters");
        assert_eq!(link_length_note(LONG_LINK_CHARS), "8,000 characters");
        let long = link_length_note(LONG_LINK_CHARS + 1);
        assert!(long.starts_with("8,001 characters: "), "{long}");
        assert!(long.contains("a file (Export JSON) is the better choice"));
        assert_eq!(thousands(1_234_567), "1,234,567");
    }
}
