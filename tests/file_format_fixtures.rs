//! Stored roadmap files that pin the file format across releases.
//!
//! `roadmap-v1.json` was exported by the version-1 code and must never be regenerated: it is
//! what real users' files look like. While version 1 is current, re-exporting it must give the
//! same bytes. When version 2 arrives (see `MIGRATIONS` in `src/model/file_format.rs`) it
//! becomes the v1 → v2 migration fixture: it must still import into `realistic_roadmap()`
//! (updated for whatever v2 adds), and a new `roadmap-v2.json` takes over the byte pin.

use stackplan::model::{
    CURRENT_VERSION, CatalogOrigin, DueDate, InitiativeId, MaturityAspect, PhaseId, QuadrantSplit, Roadmap,
    Score, Urgency, export, import,
};

const V1: &str = include_str!("fixtures/roadmap-v1.json");
/// The same roadmap after the optional data-maturity audit was added to version 1.
const V1_AUDIT: &str = include_str!("fixtures/roadmap-v1-audit.json");
/// The same roadmap after optional phase dates were added to version 1: two dated phases and
/// one with only a start.
const V1_DATES: &str = include_str!("fixtures/roadmap-v1-dates.json");

fn score(value: f64) -> Score {
    Score::exact(value).expect("a valid score")
}

fn origin(path: &[&str]) -> Option<CatalogOrigin> {
    Some(CatalogOrigin {
        catalog: "Modern Stacks".into(),
        path: path.iter().map(|part| part.to_string()).collect(),
    })
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|item| item.to_string()).collect()
}

/// The roadmap `roadmap-v1.json` holds, built through the model's own operations.
fn realistic_roadmap() -> Roadmap {
    let mut roadmap = Roadmap::new("Data platform 2027");
    roadmap.quadrant_split = QuadrantSplit {
        effort: score(5.0),
        impact: score(6.5),
    };
    let (foundations, scale, optimise) = (PhaseId("p1".into()), PhaseId("p2".into()), PhaseId("p3".into()));
    roadmap.update_phase(&foundations, |phase| {
        phase.name = "Foundations (Q1–Q2)".into();
        phase.capacity = Some(20.0);
    });
    roadmap.update_phase(&scale, |phase| {
        phase.name = "Scale".into();
        phase.capacity = Some(25.5);
    });
    roadmap.update_phase(&optimise, |phase| phase.name = "Optimise".into());

    let lake = roadmap.add_from_catalog(
        "Data Lake",
        origin(&["Modern Stacks", "Data", "Data Tech Stack", "Data Lake"]).unwrap(),
    );
    roadmap.update_initiative(&lake, |initiative| {
        initiative.description =
            "One governed store for raw and curated data.\nStart with sales & ops.".into();
        initiative.effort = score(7.5);
        initiative.impact = score(9.0);
        initiative.urgency = Urgency::High;
        initiative.due = DueDate::new(2027, 6, 30);
        initiative.phase = Some(foundations.clone());
        initiative.owner = "Dana Okafor".into();
        initiative.stakeholders = strings(&["Data team", "Finance"]);
        initiative.goals = strings(&["Product development"]);
        initiative.budget = Some(180_000.0);
        initiative.tags = strings(&["platform", "storage"]);
    });
    let iac = roadmap.add_from_catalog("IAC", origin(&["Modern Stacks", "Cloud", "IAC"]).unwrap());
    roadmap.update_initiative(&iac, |initiative| {
        initiative.title = "Infrastructure as code".into();
        initiative.effort = score(3.0);
        initiative.impact = score(7.2);
        initiative.quick_win = true;
        initiative.urgency = Urgency::Critical;
        initiative.due = DueDate::new(2027, 2, 28);
        initiative.phase = Some(foundations.clone());
        initiative.owner = "Sam Lee".into();
        initiative.stakeholders = strings(&["Ops"]);
        initiative.budget = Some(12_500.5);
        initiative.tags = strings(&["cloud"]);
    });
    let catalog = roadmap.add_from_catalog(
        "Data Catalog",
        origin(&["Modern Stacks", "Data", "Data Tech Stack", "Data Catalog"]).unwrap(),
    );
    roadmap.update_initiative(&catalog, |initiative| {
        initiative.effort = score(4.0);
        initiative.impact = score(6.5);
        initiative.urgency = Urgency::Medium;
        initiative.phase = Some(scale.clone());
        initiative.owner = "Dana Okafor".into();
        initiative.goals = strings(&["Customer retention and loyalty", "Market expansion"]);
        initiative.tags = strings(&["governance"]);
    });
    let streaming = roadmap.add_initiative("Event streaming with Kafka");
    roadmap.update_initiative(&streaming, |initiative| {
        initiative.description = "Replace nightly batch exports; see <https://kafka.apache.org>.".into();
        initiative.effort = score(8.8);
        initiative.impact = score(7.0);
        initiative.urgency = Urgency::Low;
        initiative.phase = Some(scale.clone());
        initiative.owner = "Priya Natarajan".into();
        initiative.stakeholders = strings(&["Data team", "Product"]);
        initiative.budget = Some(95_000.0);
    });
    let dashboards = roadmap.add_initiative("Self-service BI dashboards 📊");
    roadmap.update_initiative(&dashboards, |initiative| {
        initiative.description = "Titles like <b>Revenue</b> are shown as text, never as markup.".into();
        initiative.effort = score(5.5);
        initiative.impact = score(8.1);
        initiative.phase = Some(optimise.clone());
        initiative.owner = "Jörg Müller".into();
        initiative.stakeholders = strings(&["Sales", "Marketing", "Executive team"]);
        initiative.goals = strings(&["Market expansion"]);
        initiative.budget = Some(40_000.0);
        initiative.tags = strings(&["analytics", "self-service"]);
    });
    let ledger = roadmap.add_initiative("Archive the legacy ledger");
    roadmap.update_initiative(&ledger, |initiative| {
        initiative.effort = score(9.0);
        initiative.impact = score(1.5);
        initiative.urgency = Urgency::None;
        initiative.budget = Some(0.0);
    });
    assert!(roadmap.set_dependency(&lake, &iac, true));
    assert!(roadmap.set_dependency(&catalog, &lake, true));
    assert!(roadmap.set_dependency(&streaming, &lake, true));
    assert!(roadmap.set_dependency(&dashboards, &catalog, true));
    assert!(roadmap.set_dependency(&dashboards, &streaming, true));
    roadmap
}

#[test]
fn v1_fixture_imports_into_the_expected_roadmap() {
    let roadmap = import(V1).expect("the v1 fixture imports");
    assert_eq!(roadmap, realistic_roadmap());
    assert_eq!(roadmap.phases.len(), 3);
    assert_eq!(roadmap.initiatives.len(), 6);
    let dashboards = roadmap.initiative(&InitiativeId("i5".into())).expect("present");
    assert_eq!(dashboards.dependencies.len(), 2);
}

#[test]
fn v1_fixture_re_exports_byte_for_byte() {
    assert_eq!(
        CURRENT_VERSION, 1,
        "version 2 exists: move the byte pin to roadmap-v2.json"
    );
    let roadmap = import(V1).expect("the v1 fixture imports");
    let again = export(&roadmap);
    assert!(
        again == V1,
        "format v1 changed; the first difference is at byte {}",
        first_difference(&again, V1)
    );
}

/// Whether a JSON value says something: not null, false, zero, an empty text or list.
fn is_set(value: &serde_json::Value) -> bool {
    use serde_json::Value;
    match value {
        Value::Null | Value::Bool(false) => false,
        Value::Number(number) => number.as_f64() != Some(0.0),
        Value::String(text) => !text.is_empty(),
        Value::Array(items) => !items.is_empty(),
        Value::Object(fields) => !fields.is_empty(),
        Value::Bool(true) => true,
    }
}

/// The byte pin covers only what the fixture holds: a field left at its default in every object
/// would pass it while its file form went untested.
#[test]
fn v1_fixture_gives_every_field_a_value_somewhere() {
    let file: serde_json::Value = serde_json::from_str(V1).expect("the fixture is JSON");
    let list =
        |key: &str| -> Vec<&serde_json::Value> { file[key].as_array().expect("a list").iter().collect() };
    for (kind, objects) in [
        ("roadmap", vec![&file]),
        ("phase", list("phases")),
        ("initiative", list("initiatives")),
    ] {
        assert!(!objects.is_empty(), "the fixture has no {kind}");
        let keys: std::collections::BTreeSet<&String> = objects
            .iter()
            .flat_map(|object| object.as_object().expect("an object").keys())
            .collect();
        for key in keys {
            assert!(
                objects.iter().any(|object| is_set(&object[key])),
                "no {kind} in the fixture sets \"{key}\""
            );
        }
    }
    // The audit is left out of this file while blank: the audit fixture gives it values.
    let audited: serde_json::Value = serde_json::from_str(V1_AUDIT).expect("the audit fixture is JSON");
    assert!(is_set(&audited["maturity"]));
}

#[test]
fn v1_fixture_holds_every_urgency_and_the_awkward_numbers() {
    for key in [
        "\"capacity\": 25.5",
        "\"quick_win\": true",
        "\"urgency\": \"none\"",
        "\"urgency\": \"low\"",
        "\"urgency\": \"medium\"",
        "\"urgency\": \"high\"",
        "\"urgency\": \"critical\"",
        "\"due\": \"2027-02-28\"",
        "\"catalog\": \"Modern Stacks\"",
        "\"budget\": 12500.5",
        "\"effort\": 8.8",
    ] {
        assert!(V1.contains(key), "the fixture should contain {key}");
    }
}

/// `realistic_roadmap()` with part of its data-maturity audit scored.
fn audited_roadmap() -> Roadmap {
    let mut roadmap = realistic_roadmap();
    for (aspect, score) in [
        (MaturityAspect::Descriptive, 4),
        (MaturityAspect::Diagnostic, 3),
        (MaturityAspect::Predictive, 1),
        (MaturityAspect::Prescriptive, 0),
        (MaturityAspect::Infrastructure, 3),
        (MaturityAspect::Kpis, 2),
        (MaturityAspect::Team, 2),
        (MaturityAspect::Culture, 5),
    ] {
        roadmap.maturity.set(aspect, Some(score));
    }
    roadmap
}

#[test]
fn v1_audit_fixture_imports_and_re_exports_byte_for_byte() {
    let roadmap = import(V1_AUDIT).expect("the audit fixture imports");
    assert_eq!(roadmap, audited_roadmap());
    assert_eq!(roadmap.maturity.score(MaturityAspect::Processes), None);
    let again = export(&roadmap);
    assert!(
        again == V1_AUDIT,
        "the audit's file form changed; the first difference is at byte {}",
        first_difference(&again, V1_AUDIT)
    );
}

#[test]
fn a_roadmap_without_an_audit_writes_no_audit_field() {
    let mut roadmap = audited_roadmap();
    assert!(export(&roadmap).contains("\"maturity\": {\n    \"descriptive\": 4,"));
    for aspect in MaturityAspect::ALL {
        roadmap.maturity.set(aspect, None);
    }
    let blank = export(&roadmap);
    assert!(!blank.contains("maturity"), "{blank}");
    assert_eq!(blank, export(&realistic_roadmap()));
    assert_eq!(
        blank, V1,
        "a blanked audit writes the file as before audits existed"
    );
}

/// `realistic_roadmap()` with its phases in time.
fn dated_roadmap() -> Roadmap {
    let mut roadmap = realistic_roadmap();
    let day = |text: &str| text.parse::<DueDate>().ok();
    for (phase, start, end) in [
        ("p1", day("2027-01-01"), day("2027-06-30")),
        ("p2", day("2027-07-01"), day("2027-12-31")),
        ("p3", day("2028-01-01"), None),
    ] {
        let phase = PhaseId(phase.into());
        assert_eq!(roadmap.set_phase_start(&phase, start), Ok(true));
        assert_eq!(roadmap.set_phase_end(&phase, end), Ok(true));
    }
    roadmap
}

#[test]
fn v1_dates_fixture_imports_and_re_exports_byte_for_byte() {
    let roadmap = import(V1_DATES).expect("the dates fixture imports");
    assert_eq!(roadmap, dated_roadmap());
    let again = export(&roadmap);
    assert!(
        again == V1_DATES,
        "the phase dates' file form changed; the first difference is at byte {}",
        first_difference(&again, V1_DATES)
    );
}

#[test]
fn a_roadmap_without_phase_dates_writes_no_date_fields() {
    let mut roadmap = dated_roadmap();
    for phase in &mut roadmap.phases {
        phase.start = None;
        phase.end = None;
    }
    assert_eq!(
        export(&roadmap),
        V1,
        "undated phases write the file as before dates existed"
    );
}

fn first_difference(a: &str, b: &str) -> usize {
    a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
}
