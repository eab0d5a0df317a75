//! Hostile input, fuzzed (`./run.sh fuzz`; ignored by `cargo test`): each parser that takes
//! untrusted input (roadmap files, share links, outlines, backlog CSV and TSV) runs on generated
//! and mutated inputs
//! from a fixed seed, and the counts are printed. Any panic fails the run, and so does a
//! refusal without a message.
//!
//! `FUZZ_CASES` sets the inputs per parser (1,000,000 unless told); `FUZZ_SEED` the seed.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::Instant;

use stackplan::model::backlog::{first_row_looks_like_names, read_table};
use stackplan::model::{
    DueDate, MaturityAspect, Outline, Roadmap, Score, Urgency, export, import, read_share_fragment,
    share_fragment,
};

/// xorshift64*: small, fast, and the same sequence for the same seed on every machine.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }
}

/// Pieces of syntax spliced in: the tokens that make parsers take other paths.
const TOKENS: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"",
    b",",
    b":",
    b"null",
    b"true",
    b"-1",
    b"1e999",
    b"0.05",
    b"\\u0000",
    b"\\ud800",
    b"#",
    b"######## ",
    b"\n",
    b"\0",
    b"\xff",
    b"<script>",
    b"r=1.",
    b"r=9.",
    b"=",
    b"-",
    b"_",
    b"%",
    b"\"version\": 2",
    b"\"id\": \"i1\"",
    b"\"phase\": \"p9\"",
    b"\"dependencies\": [\"i1\"]",
    b"\"maturity\": {\"culture\": 9}",
    b"{\"low\": 5, \"likely\": 1, \"high\": 3}",
    b"\"kind\": \"money\"",
    b"\"c9\": 2",
    b";",
    b"\t",
    b"\r",
    b"\r\n",
    b"'",
    b"\"\"",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
];

fn mutate(seed: &[u8], random: &mut Random) -> Vec<u8> {
    let mut bytes = seed.to_vec();
    for _ in 0..=random.below(4) {
        let at = random.below(bytes.len() + 1);
        match random.below(6) {
            0 if !bytes.is_empty() => {
                let at = at.min(bytes.len() - 1);
                bytes[at] ^= 1 << random.below(8);
            }
            1 => bytes.insert(at, random.next() as u8),
            2 => {
                let end = (at + random.below(64)).min(bytes.len());
                bytes.drain(at..end);
            }
            3 => bytes.truncate(at),
            4 => {
                let token = TOKENS[random.below(TOKENS.len())];
                bytes.splice(at..at, token.iter().copied());
            }
            _ => {
                let start = random.below(bytes.len() + 1);
                let end = (start + random.below(32)).min(bytes.len());
                let copy = bytes[start..end].to_vec();
                bytes.splice(at..at, copy);
            }
        }
    }
    bytes
}

fn generated(random: &mut Random) -> Vec<u8> {
    let length = random.below(200);
    (0..length)
        .flat_map(|_| {
            if random.below(3) == 0 {
                TOKENS[random.below(TOKENS.len())].to_vec()
            } else {
                vec![random.next() as u8]
            }
        })
        .collect()
}

fn sample_roadmap() -> Roadmap {
    let mut roadmap = Roadmap::new("Fuzzed <b>roadmap</b> 🚀");
    let mut previous = None;
    for index in 0..6 {
        let id = roadmap.add_initiative(format!("Initiative {index} \"quoted\""));
        let phase = roadmap.phases[index % 3].id.clone();
        roadmap.update_initiative(&id, |initiative| {
            initiative.effort = Score::clamped(1.0 + index as f64 * 1.5);
            initiative.urgency = Urgency::ALL[index % Urgency::ALL.len()];
            initiative.due = DueDate::new(2027, 1 + index as u8, 28);
            initiative.phase = Some(phase);
            initiative.goals = vec!["Market expansion".into()];
        });
        if let Some(previous) = &previous {
            roadmap.set_dependency(&id, previous, true);
        }
        previous = Some(id);
    }
    roadmap.maturity.set(MaturityAspect::Culture, Some(3));
    roadmap
}

#[derive(Default)]
struct Tally {
    accepted: u64,
    refused: u64,
    silent_refusals: u64,
    panics: u64,
    first_panic: Option<String>,
}

/// Runs `parse` on `cases` inputs, half mutated from `seeds`, half generated.
fn fuzz<E: std::fmt::Display>(
    name: &str,
    seeds: &[Vec<u8>],
    cases: u64,
    random: &mut Random,
    parse: impl Fn(&[u8]) -> Result<(), E>,
) -> Tally {
    let started = Instant::now();
    let mut tally = Tally::default();
    for case in 0..cases {
        let input = if case % 2 == 0 {
            mutate(&seeds[random.below(seeds.len())], random)
        } else {
            generated(random)
        };
        match catch_unwind(AssertUnwindSafe(|| parse(&input))) {
            Ok(Ok(())) => tally.accepted += 1,
            Ok(Err(error)) => {
                tally.refused += 1;
                if error.to_string().trim().is_empty() {
                    tally.silent_refusals += 1;
                }
            }
            Err(_) => {
                tally.panics += 1;
                tally
                    .first_panic
                    .get_or_insert_with(|| String::from_utf8_lossy(&input).into_owned());
            }
        }
    }
    println!(
        "| {name} | {cases} | {} | {} | {} | {} | {:.1} s |",
        tally.accepted,
        tally.refused,
        tally.silent_refusals,
        tally.panics,
        started.elapsed().as_secs_f64()
    );
    tally
}

/// What every table read must be, or the run counts a panic: each row as wide as the header,
/// numbered upward from after it.
fn square_and_numbered(table: &stackplan::model::backlog::Table, names: bool) {
    let mut previous = usize::from(names);
    for row in &table.rows {
        assert_eq!(
            row.cells.len(),
            table.columns.len(),
            "a row as wide as the header"
        );
        assert!(row.number > previous, "rows numbered upward");
        previous = row.number;
    }
}

#[test]
#[ignore = "long: run with ./run.sh fuzz"]
fn hostile_input_never_panics_and_every_refusal_says_why() {
    let cases: u64 = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(1_000_000);
    let seed: u64 = std::env::var("FUZZ_SEED")
        .ok()
        .and_then(|text| text.parse().ok())
        .unwrap_or(0x5eed_2026);
    let mut random = Random(seed | 1);
    // Panics are counted, not printed one by one.
    std::panic::set_hook(Box::new(|_| {}));

    let roadmap = sample_roadmap();
    let file = export(&roadmap).into_bytes();
    // The frameworks fixture brings criteria, every framework's inputs and ranges.
    let files = vec![
        file.clone(),
        export(&Roadmap::new("Empty")).into_bytes(),
        include_bytes!("fixtures/roadmap-v1-frameworks.json").to_vec(),
    ];
    let links = vec![
        share_fragment(&roadmap).into_bytes(),
        share_fragment(&Roadmap::new("Empty")).into_bytes(),
    ];
    let outlines = vec![
        stackplan::model::MODERN_STACKS.as_bytes().to_vec(),
        b"# Team\n\n## Hiring - Recruiter, Job board/Referrals\n\n### Onboarding <b>buddy</b>\n".to_vec(),
    ];

    let tables = vec![
        b"Summary,Issue key,Status,Story Points\r\n\"Build \"\"the\"\" API, v2\",SP-1,Open,3\r\n\r\n'=SUM(A1),SP-2,,\r\n".to_vec(),
        b"Titel;Aufwand;F\xe4llig\n\"Zeile\neins\";1,5;31.03.2026\n;;\n".to_vec(),
        b"Title\tEffort\rData lake\t3\rBI\t\"x\ty\"\r".to_vec(),
        b"\xff\xfeT\0i\0\t\0E\0\r\0\n\0A\0\t\x003\0".to_vec(),
    ];

    println!("seed {seed}, {cases} inputs per parser (half mutated from valid ones, half generated)\n");
    println!("| parser | inputs | accepted | refused with a message | refused silently | panics | time |");
    println!("|---|---:|---:|---:|---:|---:|---:|");
    let tallies = [
        fuzz("roadmap file (import)", &files, cases, &mut random, |bytes| {
            import(&String::from_utf8_lossy(bytes)).map(|_| ())
        }),
        fuzz("share link (#r=)", &links, cases, &mut random, |bytes| {
            read_share_fragment(&String::from_utf8_lossy(bytes)).map(|_| ())
        }),
        fuzz(
            "outline (Import outline)",
            &outlines,
            cases,
            &mut random,
            |bytes| Outline::parse_file(bytes).map(|_| ()),
        ),
        fuzz("backlog table (CSV/TSV)", &tables, cases, &mut random, |bytes| {
            let names = first_row_looks_like_names(bytes);
            read_table(bytes, names).map(|reading| square_and_numbered(&reading.table, names))
        }),
    ];
    let _ = std::panic::take_hook();
    for tally in &tallies {
        assert_eq!(
            tally.panics, 0,
            "a parser panicked, first on: {:?}",
            tally.first_panic
        );
        assert_eq!(tally.silent_refusals, 0, "a refusal came without a message");
    }
}
