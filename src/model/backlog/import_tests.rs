//! The whole way from a table to a roadmap: each known export from a small hand-written
//! sample, Stackplan's own CSV round trip, mapping memory, adding to a roadmap, and
//! properties that hold for any table.

use super::*;
use crate::model::{
    CatalogOrigin, DueDate, Estimate, Framework, Initiative, InitiativeId, JobSize, Roadmap, Score,
    ScoreRange, Urgency, export, import, to_csv,
};

/// A table from CSV text, read as a file is.
fn table(text: &str) -> Table {
    match read_table(text.as_bytes(), true) {
        Ok(reading) => reading.table,
        Err(error) => panic!("the sample does not read: {error}"),
    }
}

#[test]
fn a_title_with_line_breaks_becomes_one_line() {
    let (_, conversion, _) = imported(&table(
        "Title,Effort\r\n\"Two-line\r\n  title\",3\r\nKeep  two spaces,4\r\n",
    ));
    let titles: Vec<&str> = conversion
        .drafts
        .iter()
        .map(|draft| draft.title.as_str())
        .collect();
    assert_eq!(titles, ["Two-line title", "Keep  two spaces"]);
}

fn column_of(table: &Table, name: &str) -> Option<usize> {
    table.columns.iter().position(|column| column == name)
}

fn mapped_name<'a>(table: &'a Table, mapping: &Mapping, field: Field) -> Option<&'a str> {
    mapping.column(field).map(|column| table.columns[column].as_str())
}

fn day(text: &str) -> Option<DueDate> {
    text.parse().ok()
}

fn words(mapping: &Mapping) -> Vec<(&str, Urgency, usize)> {
    mapping
        .urgency_words
        .iter()
        .map(|word| (word.word.as_str(), word.urgency, word.rows))
        .collect()
}

/// The roadmap made from a table as proposed, checked to pass the roadmap's own import.
fn imported(table: &Table) -> (Mapping, Conversion, Roadmap) {
    let mapping = Mapping::propose(table);
    let conversion = convert(table, &mapping);
    let roadmap = roadmap_from("Backlog", &conversion, mapping.create_phases);
    assert_eq!(import(&export(&roadmap)).as_ref(), Ok(&roadmap));
    (mapping, conversion, roadmap)
}

fn phase_names(roadmap: &Roadmap) -> Vec<&str> {
    roadmap.phases.iter().map(|phase| phase.name.as_str()).collect()
}

fn phase_of<'a>(roadmap: &'a Roadmap, initiative: &Initiative) -> Option<&'a str> {
    let phase = roadmap.phase(initiative.phase.as_ref()?)?;
    Some(phase.name.as_str())
}

// ---- presets, each from a hand-written sample of its documented columns ----

const JIRA: &str = "\
Summary,Issue key,Issue id,Issue Type,Status,Priority,Assignee,Labels,Labels,Sprint,Sprint,Due date,Custom field (Story point estimate),Description,Inward issue link (Blocks)
Single sign-on,PLAT-12,10012,Story,In Progress,Highest,Ana Lima,security,auth,Sprint 4,Sprint 5,25/Feb/26 10:17 PM,8,\"SAML and OIDC, for every app\",
Audit log export,PLAT-13,10013,Story,To Do,Medium,,compliance,,Sprint 5,,03/Mar/2026 9:00 AM,21,,PLAT-12
Billing page,PLAT-14,10014,Bug,Done,low,Ben Ode,,,,,,,,
";

#[test]
fn jira_export_is_recognised_and_read() {
    let table = table(JIRA);
    let (mapping, conversion, roadmap) = imported(&table);
    assert_eq!(mapping.preset, Preset::Jira);
    assert_eq!(mapped_name(&table, &mapping, Field::Title), Some("Summary"));
    assert_eq!(mapped_name(&table, &mapping, Field::Key), Some("Issue key"));
    assert_eq!(mapped_name(&table, &mapping, Field::Phase), Some("Status"));
    assert_eq!(mapped_name(&table, &mapping, Field::Tags), Some("Labels"));
    assert_eq!(
        mapping.repeats(&table, Field::Tags),
        [column_of(&table, "Labels (2)").unwrap_or(99)]
    );
    assert_eq!(mapping.effort_scale, ScaleRule::StoryPoints);
    assert_eq!(mapping.due_format(), Some(DateFormat::Jira));
    assert_eq!(
        words(&mapping),
        [
            ("Highest", Urgency::Critical, 1),
            ("Medium", Urgency::Medium, 1),
            ("low", Urgency::Low, 1)
        ]
    );
    assert_eq!(conversion.summary(), "3 rows → 3 initiatives.");
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
    let sso = &conversion.drafts[0];
    assert_eq!(sso.key.as_deref(), Some("PLAT-12"));
    assert_eq!(sso.tags, ["security", "auth"]);
    assert_eq!(sso.due, day("2026-02-25"));
    assert_eq!(sso.effort, Score::clamped(1.0 + 7.0 / 20.0 * 9.0));
    assert_eq!(sso.description, "SAML and OIDC, for every app");
    assert_eq!(conversion.drafts[1].effort, Score::MAX);
    assert_eq!(conversion.drafts[1].due, day("2026-03-03"));
    assert_eq!(phase_names(&roadmap), ["In Progress", "To Do", "Done"]);
    let audit = &roadmap.initiatives[1];
    assert_eq!(
        audit.dependencies,
        [roadmap.initiatives[0].id.clone()],
        "resolved by key"
    );
    assert_eq!(audit.owner, "");
}

const DISCOVERY: &str = "\
Summary,Issue key,Issue id,Issue Type,Status,Custom field (Impact),Custom field (Effort),Custom field (Goal),Labels,Assignee,Description
Offline mode,DISC-3,20003,Idea,Next,4,2,Retention,mobile,Chloe Dunn,Work without a connection
Usage-based pricing,DISC-4,20004,Idea,Now,5,4,Revenue,,Dev Rao,
Dark theme,DISC-5,20005,Idea,Later,2,1,Retention,ui,,
";

#[test]
fn jira_product_discovery_export_is_told_from_jira() {
    let table = table(DISCOVERY);
    let (mapping, conversion, roadmap) = imported(&table);
    assert_eq!(mapping.preset, Preset::JiraProductDiscovery);
    assert_eq!(
        mapped_name(&table, &mapping, Field::Impact),
        Some("Custom field (Impact)")
    );
    assert_eq!(
        mapped_name(&table, &mapping, Field::Effort),
        Some("Custom field (Effort)")
    );
    assert_eq!(
        mapped_name(&table, &mapping, Field::Goals),
        Some("Custom field (Goal)")
    );
    assert_eq!(
        (mapping.impact_scale, mapping.effort_scale),
        (ScaleRule::OneToTen, ScaleRule::OneToTen)
    );
    let offline = &conversion.drafts[0];
    assert_eq!(
        (offline.impact, offline.effort),
        (Score::clamped(4.0), Score::clamped(2.0))
    );
    assert_eq!(offline.goals, ["Retention"]);
    assert_eq!(offline.owner, "Chloe Dunn");
    assert_eq!(phase_names(&roadmap), ["Next", "Now", "Later"]);
}

const LINEAR: &str = "\
ID,Title,Description,Status,Priority,Estimate,Labels,Due Date,Project,Cycle,Assignee,Team,Creator
ENG-101,Faster search,Index titles and bodies,In Progress,Urgent,5,\"Performance, Search\",2026-03-31,Search revamp,Cycle 12,ana@example.com,Engineering,ben@example.com
ENG-102,Saved filters,,Todo,No priority,13,Search,,Search revamp,,,Engineering,ben@example.com
ENG-103,Fix typo in footer,,Done,Low,1,,,,,,Engineering,ana@example.com
";

#[test]
fn linear_export_is_recognised_and_read() {
    let table = table(LINEAR);
    let (mapping, conversion, _) = imported(&table);
    assert_eq!(mapping.preset, Preset::Linear);
    assert_eq!(mapped_name(&table, &mapping, Field::Key), Some("ID"));
    assert_eq!(mapped_name(&table, &mapping, Field::Effort), Some("Estimate"));
    assert_eq!(mapped_name(&table, &mapping, Field::Owner), Some("Assignee"));
    assert_eq!(mapping.effort_scale, ScaleRule::Fibonacci);
    assert_eq!(
        words(&mapping),
        [
            ("Urgent", Urgency::Critical, 1),
            ("No priority", Urgency::None, 1),
            ("Low", Urgency::Low, 1)
        ]
    );
    let search = &conversion.drafts[0];
    assert_eq!(search.tags, ["Performance", "Search"]);
    assert_eq!(search.effort, Score::clamped(5.5));
    assert_eq!(conversion.drafts[1].effort, Score::clamped(8.5));
    assert_eq!(search.due, day("2026-03-31"));
}

#[test]
fn linear_numeric_priorities_are_read_as_linear_means_them() {
    let table = table(
        "ID,Title,Priority,Estimate,Cycle,Status,Project\nENG-1,A,1,1,,,\nENG-2,B,4,2,,,\nENG-3,C,0,3,,,\n",
    );
    let mapping = Mapping::propose(&table);
    assert_eq!(mapping.preset, Preset::Linear);
    let urgencies: Vec<Urgency> = mapping.urgency_words.iter().map(|word| word.urgency).collect();
    assert_eq!(urgencies, [Urgency::Critical, Urgency::Low, Urgency::None]);
}

const TRELLO: &str = "\
Card ID,Card Name,Card URL,Card Description,Labels,Members,Due Date,List Name,List ID,Board Name
5f1a,Onboarding checklist,https://trello.com/c/abc,Guide new users,\"Urgent (red), Growth (green)\",Ana Lima,2026-02-25T10:17:00.000Z,Next,l1,Roadmap
5f1b,Referral program,https://trello.com/c/def,,Growth (green),,,Later,l2,Roadmap
";

#[test]
fn trello_export_is_recognised_and_label_colours_dropped() {
    let table = table(TRELLO);
    let (mapping, conversion, roadmap) = imported(&table);
    assert_eq!(mapping.preset, Preset::Trello);
    assert_eq!(mapping.list_separator, ListSeparator::Comma);
    assert_eq!(mapped_name(&table, &mapping, Field::Title), Some("Card Name"));
    assert_eq!(mapped_name(&table, &mapping, Field::Phase), Some("List Name"));
    assert_eq!(mapping.due_format(), Some(DateFormat::IsoDateTime));
    assert_eq!(conversion.drafts[0].tags, ["Urgent", "Growth"]);
    assert_eq!(conversion.drafts[0].due, day("2026-02-25"));
    assert_eq!(conversion.drafts[0].description, "Guide new users");
    assert_eq!(phase_names(&roadmap), ["Next", "Later"]);
}

const ASANA: &str = "\
Task ID,Created At,Completed At,Last Modified,Name,Section/Column,Assignee,Assignee Email,Start Date,Due Date,Tags,Notes,Projects,Parent task,Priority
1204,2026-01-05,,2026-01-20,Launch webinar series,Q2,Ana Lima,ana@example.com,,2026-04-30,\"marketing,events\",Three sessions,Growth,,High
1205,2026-01-06,,2026-01-21,Partner directory,Q3,,,,,partners,,Growth,,Low
";

#[test]
fn asana_export_is_recognised_and_read() {
    let table = table(ASANA);
    let (mapping, conversion, roadmap) = imported(&table);
    assert_eq!(mapping.preset, Preset::Asana);
    assert_eq!(mapped_name(&table, &mapping, Field::Title), Some("Name"));
    assert_eq!(mapped_name(&table, &mapping, Field::Description), Some("Notes"));
    assert_eq!(mapped_name(&table, &mapping, Field::Due), Some("Due Date"));
    assert_eq!(
        mapped_name(&table, &mapping, Field::Phase),
        Some("Section/Column")
    );
    let webinar = &conversion.drafts[0];
    assert_eq!(webinar.tags, ["marketing", "events"]);
    assert_eq!(webinar.urgency, Urgency::High);
    assert_eq!(webinar.due, day("2026-04-30"));
    assert_eq!(webinar.key.as_deref(), Some("1204"));
    assert_eq!(phase_names(&roadmap), ["Q2", "Q3"]);
}

const GITLAB: &str = "\
Issue ID,URL,Title,State,Description,Author,Author Username,Assignee,Assignee Username,Confidential,Locked,Due Date,Created At (UTC),Updated At (UTC),Closed At (UTC),Milestone,Weight,Labels,Time Estimate,Time Spent
41,https://gitlab.example.com/g/p/-/issues/41,Container scanning,Open,Scan images on push,Ana Lima,ana,Ben Ode,ben,No,No,2026-05-15,2026-01-02 10:00:00,2026-01-03 10:00:00,,16.11,3,\"security,ci\",0,0
42,https://gitlab.example.com/g/p/-/issues/42,Merge train tuning,Open,,Ben Ode,ben,,,No,No,,2026-01-04 10:00:00,2026-01-04 10:00:00,,16.12,8,ci,0,0
";

#[test]
fn gitlab_export_is_recognised_and_read() {
    let table = table(GITLAB);
    let (mapping, conversion, roadmap) = imported(&table);
    assert_eq!(mapping.preset, Preset::GitLab);
    assert_eq!(mapped_name(&table, &mapping, Field::Key), Some("Issue ID"));
    assert_eq!(mapped_name(&table, &mapping, Field::Effort), Some("Weight"));
    assert_eq!(mapped_name(&table, &mapping, Field::Phase), Some("Milestone"));
    assert_eq!(mapped_name(&table, &mapping, Field::Owner), Some("Assignee"));
    assert_eq!(mapping.effort_scale, ScaleRule::OneToTen);
    assert_eq!(conversion.drafts[1].effort, Score::clamped(8.0));
    assert_eq!(conversion.drafts[0].tags, ["security", "ci"]);
    assert_eq!(phase_names(&roadmap), ["16.11", "16.12"]);
}

const AHA: &str = "\
Feature reference #,Feature name,Feature description,Feature status,Release name,Feature tags,Feature assigned to,Feature score,Feature due date
APP-7,Team workspaces,Shared spaces for teams,In development,2026 Q2,\"collaboration, enterprise\",Ana Lima,74,2026-06-30
APP-8,Audit trail,,Ready to develop,2026 Q3,enterprise,,41,
APP-9,Emoji reactions,,Under consideration,,,,12,
";

#[test]
fn aha_export_is_recognised_and_read() {
    let table = table(AHA);
    let (mapping, conversion, roadmap) = imported(&table);
    assert_eq!(mapping.preset, Preset::Aha);
    assert_eq!(mapped_name(&table, &mapping, Field::Title), Some("Feature name"));
    assert_eq!(
        mapped_name(&table, &mapping, Field::Key),
        Some("Feature reference #")
    );
    assert_eq!(
        mapped_name(&table, &mapping, Field::Impact),
        Some("Feature score")
    );
    assert_eq!(mapped_name(&table, &mapping, Field::Phase), Some("Release name"));
    assert_eq!(mapping.impact_scale, ScaleRule::Percent);
    assert_eq!(conversion.drafts[0].impact, Score::clamped(1.0 + 0.74 * 9.0));
    assert_eq!(conversion.drafts[0].tags, ["collaboration", "enterprise"]);
    assert_eq!(phase_names(&roadmap), ["2026 Q2", "2026 Q3"]);
    assert_eq!(roadmap.initiatives[2].phase, None);
}

const PRODUCTBOARD: &str = "\
entity_name,entity_type,description,status_name,owner_email,Impact,Effort,parent_name
Bulk edit,feature,Edit many records at once,Candidate,ana@example.com,8,S,Data grid
Inline charts,feature,,Planned,,6,L,Reporting
Saved views,feature,,Planned,,7,3,Data grid
";

#[test]
fn productboard_export_is_recognised_and_sizes_read() {
    let table = table(PRODUCTBOARD);
    let (mapping, conversion, _) = imported(&table);
    assert_eq!(mapping.preset, Preset::Productboard);
    assert_eq!(mapped_name(&table, &mapping, Field::Title), Some("entity_name"));
    assert_eq!(mapped_name(&table, &mapping, Field::Phase), Some("status_name"));
    assert_eq!(mapped_name(&table, &mapping, Field::Owner), Some("owner_email"));
    assert_eq!(mapping.effort_scale, ScaleRule::TShirt);
    assert_eq!(conversion.drafts[1].effort, Score::clamped(7.75));
    assert_eq!(conversion.drafts[2].effort, Score::CENTRE);
    assert_eq!(
        conversion
            .warnings
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["row 4: Effort “3” is not a T-shirt size (XS–XL), so it stays at 5.5"]
    );
}

const AIRFOCUS: &str = "\
Name,Description,Status,Assignees,Labels,Value,Effort,Priority Score
Smart reminders,Nudge users before due dates,Next,Ana Lima,\"mobile, retention\",8,2,80
Calendar sync,,Later,,integrations,5,5,50
";

#[test]
fn airfocus_export_is_recognised_and_read() {
    let table = table(AIRFOCUS);
    let (mapping, conversion, _) = imported(&table);
    assert_eq!(mapping.preset, Preset::Airfocus);
    assert_eq!(mapped_name(&table, &mapping, Field::Impact), Some("Value"));
    assert_eq!(mapped_name(&table, &mapping, Field::Effort), Some("Effort"));
    assert_eq!(mapped_name(&table, &mapping, Field::Owner), Some("Assignees"));
    assert_eq!(conversion.drafts[0].impact, Score::clamped(8.0));
    assert_eq!(conversion.drafts[0].tags, ["mobile", "retention"]);
}

#[test]
fn a_plain_spreadsheet_gets_columns_from_common_names() {
    let table = table(
        "Feature,Notes,Size,Business value,Priority,Deadline,Quarter,Lead,Labels,Quick win?,Quick win,OKR,Cost estimate,Depends on\n\
         Self-serve signup,Cut sales calls,XL,90%,P1,25.02.2026,Q1,Ana,\"growth, web\",,yes,Grow ARR,\"$12,500\",\n\
         Pricing page,,M,40%,p2,01.03.2026,Q1,,,,no,,12 500 €,Self-serve signup\n",
    );
    let (mapping, conversion, roadmap) = imported(&table);
    assert_eq!(mapping.preset, Preset::Spreadsheet);
    let names: Vec<Option<&str>> = Field::ALL
        .map(|field| mapped_name(&table, &mapping, field))
        .to_vec();
    assert_eq!(
        names,
        [
            Some("Feature"),
            None,
            Some("Notes"),
            Some("Size"),
            Some("Business value"),
            None,
            None,
            None,
            None,
            Some("Priority"),
            Some("Deadline"),
            Some("Quarter"),
            Some("Lead"),
            None,
            Some("Labels"),
            Some("Quick win"),
            Some("OKR"),
            Some("Cost estimate"),
            Some("Depends on"),
        ]
    );
    assert_eq!(
        (mapping.effort_scale, mapping.impact_scale),
        (ScaleRule::TShirt, ScaleRule::Percent)
    );
    assert_eq!(mapping.due_format(), Some(DateFormat::DayMonthYearDots));
    let signup = &conversion.drafts[0];
    assert_eq!((signup.effort, signup.impact), (Score::MAX, Score::clamped(9.1)));
    assert_eq!(signup.urgency, Urgency::High);
    assert!(signup.quick_win);
    assert_eq!(signup.budget, Some(12_500.0));
    assert_eq!(conversion.drafts[1].budget, Some(12_500.0));
    assert_eq!(
        roadmap.initiatives[1].dependencies,
        [roadmap.initiatives[0].id.clone()],
        "by title"
    );
}

// ---- Stackplan's own CSV ----

/// A roadmap using every field, with text that has tripped up CSV and spreadsheets before.
fn rich_roadmap() -> Roadmap {
    let mut roadmap = Roadmap::new("Data 2027");
    roadmap.phases[0].name = "Now".into();
    roadmap.phases[1].name = "Next".into();
    roadmap.phases[2].name = "Later".into();
    let (now, next) = (roadmap.phases[0].id.clone(), roadmap.phases[1].id.clone());
    let origin = CatalogOrigin {
        catalog: "Modern Stacks".into(),
        path: ["Modern Stacks", "Data", "Data Tech Stack", "Data Catalog"]
            .map(String::from)
            .to_vec(),
    };
    let catalog = roadmap.add_from_catalog("Data Catalog", origin);
    let formula = roadmap.add_initiative("=SUM(A1) looks like a formula");
    let comma = roadmap.add_initiative("Lineage, with a comma");
    let unicode = roadmap.add_initiative("日本語 🚀 \"quoted\" <script>alert(1)</script>");
    let medium = roadmap.add_initiative("Medium one");
    roadmap.update_initiative(&catalog, |initiative| {
        initiative.description = "Line one\r\nLine \"two\", with comma\n<b>bold</b>".into();
        initiative.effort = Score::clamped(3.5);
        initiative.impact = Score::clamped(8.0);
        initiative.quick_win = true;
        initiative.urgency = Urgency::High;
        initiative.due = day("2027-03-31");
        initiative.owner = "Ana Lima".into();
        initiative.stakeholders = vec!["Data team".into(), "Finance, EMEA".into()];
        initiative.goals = vec!["Market expansion".into(), "Product development".into()];
        initiative.budget = Some(12_500.5);
        initiative.tags = vec!["data".into(), "platform".into()];
        initiative.effort_range =
            ScoreRange::around(initiative.effort, Score::clamped(2.0), Score::clamped(6.5));
        initiative.impact_range =
            ScoreRange::around(initiative.impact, Score::clamped(8.0), Score::clamped(9.5));
    });
    roadmap.update_initiative(&formula, |initiative| {
        initiative.description = "-starts with a minus".into();
        initiative.owner = "@handle".into();
        initiative.tags = vec!["+plus".into()];
        initiative.budget = Some(0.125);
        initiative.urgency = Urgency::Critical;
        initiative.effort = Score::MIN;
        initiative.impact = Score::MAX;
        initiative.impact_range = ScoreRange::around(initiative.impact, Score::clamped(7.0), Score::MAX);
    });
    roadmap.update_initiative(&unicode, |initiative| {
        initiative.urgency = Urgency::Low;
        initiative.due = day("2026-02-28");
        initiative.budget = Some(1e9);
        initiative.goals = vec!["Customer retention and loyalty".into()];
    });
    roadmap.update_initiative(&medium, |initiative| {
        initiative.urgency = Urgency::Medium;
        initiative.budget = Some(1.125);
        initiative.stakeholders = vec!["Ops".into()];
        initiative.effort = Score::clamped(9.9);
    });
    roadmap.assign_phase(&catalog, Some(now.clone()));
    roadmap.assign_phase(&formula, Some(next.clone()));
    roadmap.assign_phase(&unicode, Some(next));
    roadmap.assign_phase(&medium, Some(now));
    roadmap.set_dependency(&formula, &catalog, true);
    roadmap.set_dependency(&comma, &catalog, true);
    roadmap.set_dependency(&comma, &formula, true);
    roadmap.set_dependency(&unicode, &medium, true);
    roadmap
}

#[test]
fn stackplan_csv_is_proposed_field_for_field() {
    let roadmap = rich_roadmap();
    let table = table(&to_csv(&roadmap));
    let mapping = Mapping::propose(&table);
    assert_eq!(mapping.preset, Preset::Stackplan);
    for field in Field::ALL {
        let own = match field {
            Field::Key => "id",
            Field::Due => "due",
            Field::QuickWin => "quick_win",
            other => &other.label().to_lowercase().replace(' ', "_"),
        };
        assert_eq!(mapped_name(&table, &mapping, field), Some(own), "{field:?}");
    }
    assert_eq!(
        (mapping.effort_scale, mapping.impact_scale),
        (ScaleRule::OneToTen, ScaleRule::OneToTen)
    );
    assert_eq!(mapping.list_separator, ListSeparator::Semicolon);
    assert!(mapping.create_phases);
    for word in &mapping.urgency_words {
        assert_eq!(word.word, word.urgency.as_str());
    }
    assert_eq!(mapping.due_format(), Some(DateFormat::Iso));
}

/// Stackplan's CSV read back gives the same initiatives, field for field. What a CSV cannot
/// carry is not compared: phases nobody is in, phase capacities and the phases' order (they
/// come back in order of first appearance), the quadrant split and the maturity audit.
#[test]
fn stackplan_csv_round_trips() {
    let roadmap = rich_roadmap();
    assert_csv_gives_back(&roadmap, &roadmap);
}

/// Reads `written`'s CSV back and checks it gives `expected`'s initiatives field for field.
fn assert_csv_gives_back(written: &Roadmap, expected: &Roadmap) {
    let table = table(&to_csv(written));
    let mapping = Mapping::propose(&table);
    let conversion = convert(&table, &mapping);
    assert_eq!(conversion.summary(), "5 rows → 5 initiatives.");
    assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
    let back = roadmap_from(&expected.name, &conversion, mapping.create_phases);
    assert_eq!(back.initiatives.len(), expected.initiatives.len());
    for (original, read) in expected.initiatives.iter().zip(&back.initiatives) {
        assert_eq!(
            phase_of(&back, read),
            phase_of(expected, original),
            "{}",
            original.title
        );
        let mut read = Initiative::clone(read);
        read.phase = original.phase.clone();
        assert_eq!(&read, original.as_ref());
    }
    assert_eq!(phase_names(&back), ["Now", "Next"]);
    assert_eq!(import(&export(&back)).as_ref(), Ok(&back));
}

/// Under another framework the CSV gains columns after its own; it is still Stackplan's, and
/// its own fields still come back. The framework inputs are not read back: the columns only
/// show them.
#[test]
fn stackplan_csv_with_a_frameworks_columns_is_still_recognised_and_round_trips() {
    let mut roadmap = rich_roadmap();
    let plain = roadmap.clone();
    roadmap.framework = Framework::Wsjf;
    for (index, initiative) in roadmap.initiatives.iter_mut().enumerate() {
        let initiative = std::sync::Arc::make_mut(initiative);
        initiative.wsjf.business_value = Some(Estimate::point(1.0 + index as f64));
        initiative.wsjf.job_size = JobSize::new(3.0);
        initiative.wsjf.risk_reduction = Estimate::new(1.0, 2.0, 8.0).ok().filter(|_| index != 2);
    }
    let table = table(&to_csv(&roadmap));
    assert_eq!(
        &table.columns[17..],
        [
            "effort_low",
            "effort_high",
            "impact_low",
            "impact_high",
            "framework",
            "score",
            "rank",
            "formula",
            "inputs"
        ]
    );
    let mapping = Mapping::propose(&table);
    assert_eq!(mapping.preset, Preset::Stackplan);
    for field in Field::ALL {
        assert_eq!(
            mapped_name(&table, &mapping, field),
            mapped_name(&table, &Mapping::propose(&self::table(&to_csv(&plain))), field),
            "{field:?}"
        );
    }
    assert_csv_gives_back(&roadmap, &plain);
}

// ---- mapping: changes and memory ----

#[test]
fn changing_a_column_re_derives_what_depends_on_it() {
    let table = table(
        "Title,Points,Percent,When,Other date,Level\nA,2,40%,2026-02-25,25/02/2026,High\nB,40,90%,,01/03/2026,Low\n",
    );
    let mut mapping = Mapping::propose(&table);
    assert_eq!(mapping.due_format(), None, "no column is called a due date");
    mapping.set_column(&table, Field::Due, Some(3));
    assert_eq!(mapping.due_format(), Some(DateFormat::Iso));
    mapping.set_column(&table, Field::Due, Some(4));
    assert_eq!(mapping.due_format(), Some(DateFormat::DayMonthYear));
    mapping.set_column(&table, Field::Effort, Some(1));
    assert_eq!(mapping.effort_scale, ScaleRule::StoryPoints);
    assert_eq!(
        mapping.scale_note(&table, Field::Effort),
        "Story points 1–21 onto 1–10: 1 → 1.0, 21 → 10.0"
    );
    mapping.effort_scale = ScaleRule::ColumnRange;
    assert_eq!(
        mapping.scale_note(&table, Field::Effort),
        "The column's lowest to highest, 2 to 40, onto 1–10"
    );
    mapping.set_column(&table, Field::Impact, Some(2));
    assert_eq!(mapping.impact_scale, ScaleRule::Percent);
    assert_eq!(mapping.scale_note(&table, Field::Title), "");
    mapping.set_column(&table, Field::Urgency, Some(5));
    assert_eq!(
        words(&mapping),
        [("High", Urgency::High, 1), ("Low", Urgency::Low, 1)]
    );
    mapping.set_column(&table, Field::Urgency, None);
    assert!(mapping.urgency_words.is_empty());
    mapping.set_column(&table, Field::Owner, Some(99));
    assert_eq!(
        mapping.column(Field::Owner),
        None,
        "a column the table does not have is none"
    );
}

#[test]
fn a_remembered_mapping_comes_back_by_column_name() {
    let table = table(JIRA);
    let mut mapping = Mapping::propose(&table);
    mapping.effort_scale = ScaleRule::Fibonacci;
    mapping.urgency_words[1].urgency = Urgency::High;
    mapping.create_phases = false;
    mapping.set_column(&table, Field::Owner, None);
    let saved = mapping.saved(&table);
    let json = serde_json::to_string(&saved).unwrap_or_default();
    assert!(!json.contains('\n') && json.len() < 600, "{json}");
    assert!(
        json.contains("\"urgency\":{\"medium\":\"high\"}"),
        "only the changed word: {json}"
    );
    let read: SavedMapping = serde_json::from_str(&json).unwrap_or_else(|error| panic!("{error}: {json}"));
    assert_eq!(read, saved);
    assert_eq!(Mapping::restore(&read, &table), mapping);
}

#[test]
fn a_remembered_mapping_leaves_missing_columns_unmapped() {
    let table = table(JIRA);
    let saved = Mapping::propose(&table).saved(&table);
    let narrower = super::Table::new(
        ["Summary", "Priority", "Status"].map(String::from).to_vec(),
        vec![["Search", "Blocker", "Done"].map(String::from).to_vec()],
    );
    let restored = Mapping::restore(&saved, &narrower);
    assert_eq!(restored.column(Field::Title), Some(0));
    assert_eq!(restored.column(Field::Key), None);
    assert_eq!(words(&restored), [("Blocker", Urgency::Critical, 1)]);
    assert_eq!(restored.due_format(), None);
}

#[test]
fn header_signatures_ignore_case_and_spaces() {
    let a = ["Summary", " Issue key "].map(String::from);
    let b = ["summary", "ISSUE KEY"].map(String::from);
    assert_eq!(header_signature(&a), header_signature(&b));
    assert_ne!(
        header_signature(&a),
        header_signature(&["Summary,Issue key".to_string()])
    );
}

// ---- rows and cells ----

#[test]
fn rows_without_a_title_are_skipped_and_summarised() {
    let mut text = String::from("Title,Effort\n");
    for row in 0..9 {
        text.push_str(if row % 3 == 0 { "Keep,3\n" } else { ",4\n" });
    }
    // Blank rows never count: the reader leaves them out.
    text.push_str(",\n\n");
    let conversion = convert(&table(&text), &Mapping::propose(&table(&text)));
    assert_eq!(
        conversion.summary(),
        "9 rows → 3 initiatives; 6 skipped: row 3 has no title, row 4 has no title, \
         row 6 has no title, row 7 has no title, row 9 has no title and 1 more."
    );
    let one = table("Title\nOnly\n");
    assert_eq!(
        convert(&one, &Mapping::propose(&one)).summary(),
        "1 row → 1 initiative."
    );
    // A table built otherwise may hold a blank row: it is named as such.
    let two = Table::new(vec!["Title".into()], vec![vec!["A".into()], vec![" ".into()]]);
    assert_eq!(
        convert(&two, &Mapping::propose(&two)).summary(),
        "2 rows → 1 initiative; 1 skipped: row 3 is empty."
    );
}

#[test]
fn range_ends_are_read_on_their_scores_scale_and_must_lie_on_their_side() {
    let table = table(
        "Title,Story points,Points min,Points max,Impact,Impact low\n\
         A,5,3,8,6,4\n\
         B,5,8,13,6,7\n\
         C,5,,8,6,\n",
    );
    let mut mapping = Mapping::propose(&table);
    mapping.set_column(&table, Field::EffortLow, Some(2));
    mapping.set_column(&table, Field::EffortHigh, Some(3));
    assert_eq!(
        mapped_name(&table, &mapping, Field::ImpactLow),
        Some("Impact low")
    );
    assert_eq!(mapping.effort_scale, ScaleRule::StoryPoints);
    assert_eq!(
        mapping.scale_note(&table, Field::EffortLow),
        "Read on the Effort scale."
    );
    let conversion = convert(&table, &mapping);
    let warnings: Vec<String> = conversion.warnings.iter().map(ToString::to_string).collect();
    let story = |cell: &str| {
        let amount = scale::read_scale_value(cell).expect("a number");
        mapping.effort_scale.score(amount, None).expect("on the scale")
    };
    let b_effort = story("5");
    assert_eq!(
        warnings,
        [
            format!("row 3: Effort low “8” is above the score {b_effort}, so no range is kept"),
            "row 3: Impact low “7” is above the score 6.0, so no range is kept".to_string(),
        ]
    );
    let [a, b, c] = [0, 1, 2].map(|row| &conversion.drafts[row]);
    assert_eq!(
        a.effort_range,
        ScoreRange::around(story("5"), story("3"), story("8"))
    );
    assert_eq!(
        a.impact_range,
        ScoreRange::around(Score::clamped(6.0), Score::clamped(4.0), Score::clamped(6.0))
    );
    assert_eq!(
        (b.effort_range, b.impact_range),
        (None, None),
        "the impact low 7 lies above 6 too"
    );
    assert_eq!(
        c.effort_range,
        ScoreRange::around(story("5"), story("5"), story("8"))
    );
    assert_eq!(c.impact_range, None);
}

#[test]
fn unreadable_cells_fall_back_with_a_warning() {
    let table = table(
        "Title,Effort,Due,Quick win,Budget,Impact\n\
         A,abc,31/02/2026,maybe,lots,\n\
         B,,01/02/2026,,-5,\n",
    );
    let mapping = Mapping::propose(&table);
    let conversion = convert(&table, &mapping);
    let warnings: Vec<String> = conversion.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        [
            "row 2: Effort “abc” is not a number, so it stays at 5.5",
            "row 2: Due date “31/02/2026” is not a date, so it is left empty",
            "row 2: Quick win “maybe” is not yes or no, so it is left unmarked",
            "row 2: Budget “lots” is not an amount, so it is left empty",
            "row 3: Budget “-5” is below zero, so it is left empty",
        ]
    );
    let b = &conversion.drafts[1];
    assert_eq!(
        (b.effort, b.impact, b.quick_win, b.budget),
        (Score::CENTRE, Score::CENTRE, false, None)
    );
    assert_eq!(b.due, day("2026-02-01"));
}

#[test]
fn scores_read_decimal_commas_percent_signs_and_spaces() {
    let table = table("Title,Effort,Impact\nA,\"1,5\", 40% \nB, 10 ,100%\n");
    let conversion = convert(&table, &Mapping::propose(&table));
    let scores: Vec<(f64, f64)> = conversion
        .drafts
        .iter()
        .map(|draft| (draft.effort.value(), draft.impact.value()))
        .collect();
    assert_eq!(scores, [(1.5, 4.6), (10.0, 10.0)]);
}

#[test]
fn texts_longer_than_a_roadmap_file_allows_are_cut() {
    let long = "é".repeat(crate::model::file_format::MAX_TEXT_CHARS + 5);
    let table = super::Table::new(
        ["Title", "Tags"].map(String::from).to_vec(),
        vec![vec![long.clone(), format!("ok, {long}")]],
    );
    let (_, conversion, roadmap) = imported(&table);
    assert_eq!(conversion.warnings.len(), 2);
    assert!(
        conversion.warnings[0]
            .to_string()
            .ends_with("is longer than 10,000 characters, so it is cut there")
    );
    assert_eq!(
        roadmap.initiatives[0].title.chars().count(),
        crate::model::file_format::MAX_TEXT_CHARS
    );
}

// ---- adding to a roadmap ----

fn drafts_table() -> Table {
    table(
        "Key,Title,Phase,Depends on\n\
         K-1,Search,next,\n\
         K-2,Filters,Backlog,\"K-1, Existing work, Nowhere\"\n\
         K-3,Export,,\"filters, K-3\"\n\
         K-4,Loop A,Backlog,K-5\n\
         K-5,Loop B,phase 1,K-4\n",
    )
}

#[test]
fn drafts_join_a_roadmap_with_phases_matched_by_name() {
    let mut roadmap = Roadmap::new("Plan");
    roadmap.phases[1].name = "Next".into();
    let existing = roadmap.add_initiative("Existing work");
    let table = drafts_table();
    let mapping = Mapping::propose(&table);
    let conversion = convert(&table, &mapping);
    let report = add_with_report(&mut roadmap, &conversion, false);
    assert_eq!(
        report.added.iter().map(InitiativeId::as_str).collect::<Vec<_>>(),
        ["i2", "i3", "i4", "i5", "i6"]
    );
    assert_eq!(
        roadmap.add_initiative("after").as_str(),
        "i7",
        "ids continue as the roadmap numbers them"
    );
    assert_eq!(report.unknown_phases, ["Backlog"]);
    assert!(report.new_phases.is_empty());
    assert_eq!(report.unresolved_dependencies, 1, "Nowhere");
    assert_eq!(
        report.circular_dependencies, 2,
        "K-3 on itself, and K-5 closing the loop"
    );
    let by_id = |id: &InitiativeId| {
        roadmap
            .initiative(id)
            .cloned()
            .unwrap_or_else(|| panic!("{id:?}"))
    };
    let search = by_id(&report.added[0]);
    assert_eq!(phase_of(&roadmap, &search), Some("Next"));
    let filters = by_id(&report.added[1]);
    assert_eq!(filters.phase, None);
    assert_eq!(filters.dependencies, [report.added[0].clone(), existing]);
    assert_eq!(
        by_id(&report.added[2]).dependencies,
        [report.added[1].clone()],
        "title in any case"
    );
    assert_eq!(by_id(&report.added[3]).dependencies, [report.added[4].clone()]);
    assert!(by_id(&report.added[4]).dependencies.is_empty());
    assert_eq!(phase_of(&roadmap, &by_id(&report.added[4])), Some("Phase 1"));
    assert_eq!(report.notes().len(), 3);
    assert_eq!(import(&export(&roadmap)).as_ref(), Ok(&roadmap));
}

#[test]
fn new_phases_are_created_in_order_of_first_appearance() {
    let mut roadmap = Roadmap::new("Plan");
    let table = drafts_table();
    let conversion = convert(&table, &Mapping::propose(&table));
    let report = add_with_report(&mut roadmap, &conversion, true);
    assert_eq!(report.new_phases, ["next", "Backlog"]);
    assert_eq!(
        phase_names(&roadmap),
        ["Phase 1", "Phase 2", "Phase 3", "next", "Backlog"]
    );
    let fresh = roadmap_from("Fresh", &conversion, true);
    assert_eq!(phase_names(&fresh), ["next", "Backlog", "phase 1"]);
    let defaults = roadmap_from("Fresh", &conversion, false);
    assert_eq!(phase_names(&defaults), ["Phase 1", "Phase 2", "Phase 3"]);
    assert_eq!(add_to_roadmap(&mut Roadmap::new("x"), &conversion, true).len(), 5);
}

#[test]
fn a_long_chain_of_dependencies_is_kept_whole() {
    let mut text = String::from("Title,Depends on\n");
    for row in 0..2_000 {
        text.push_str(&format!(
            "T{row},{}\n",
            if row > 0 {
                format!("T{}", row - 1)
            } else {
                String::new()
            }
        ));
    }
    text.push_str("T-last,T1999\n");
    let (_, _, roadmap) = imported(&table(&text));
    let waiting = roadmap
        .initiatives
        .iter()
        .filter(|initiative| initiative.dependencies.len() == 1);
    assert_eq!(waiting.count(), 2_000);
}

// ---- properties ----

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Header names from every preset and some nobody knows.
    const NAMES: [&str; 24] = [
        "Title",
        "Summary",
        "Issue key",
        "Labels",
        "Labels",
        "Sprint",
        "Priority",
        "Status",
        "Effort",
        "Impact",
        "Due date",
        "Card Name",
        "List Name",
        "Estimate",
        "Cycle",
        "Value",
        "Budget",
        "Quick win",
        "Depends on",
        "catalog_path",
        "quadrant",
        "id",
        "",
        "Notes",
    ];

    /// Cells that every reader has an opinion about.
    const CELLS: [&str; 30] = [
        "",
        " ",
        "High",
        "p1",
        "No priority",
        "3",
        "1,5",
        "40%",
        "13",
        "XL",
        "abc",
        "2026-02-25",
        "25/Feb/26 10:17 PM",
        "31/02/2026",
        "02/25/2026",
        "yes",
        "maybe",
        "$12,500",
        "-5",
        "Now",
        "next",
        "a, b, a",
        "Urgent (red)",
        "=SUM(A1)",
        "'=x",
        "A > B > C",
        "<script>",
        "K-1",
        "Title",
        "日本語",
    ];

    fn tables() -> impl Strategy<Value = Table> {
        (1usize..8).prop_flat_map(|width| {
            (
                prop::collection::vec(prop::sample::select(NAMES.to_vec()), width),
                prop::collection::vec(
                    prop::collection::vec(prop::sample::select(CELLS.to_vec()), width),
                    0..12,
                ),
            )
                .prop_map(|(header, rows)| {
                    Table::new(
                        header.into_iter().map(String::from).collect(),
                        rows.into_iter()
                            .map(|row| row.into_iter().map(String::from).collect())
                            .collect(),
                    )
                })
        })
    }

    /// Text with what CSV and spreadsheets trip on: quotes, separators, line breaks, markup,
    /// formula starts and the `'` that defuses them, other scripts.
    fn text() -> impl Strategy<Value = String> {
        const PIECES: [&str; 17] = [
            "a", "Data", " ", ",", "\"", "\n", "\r\n", "<b>", "=", "+", "-", "@", "'", "日本", "🚀", "é", "1",
        ];
        prop::collection::vec(prop::sample::select(PIECES.to_vec()), 1..8).prop_map(|pieces| pieces.concat())
    }

    /// Text as a trimmed one-line name: titles, owners and list entries are trimmed on import.
    fn name() -> impl Strategy<Value = String> {
        text().prop_map(|text| {
            let line = text.replace(['\n', '\r', ';', '>'], " ");
            let mut name = line.trim().to_string();
            if name.is_empty() {
                name.push('n');
            }
            name
        })
    }

    fn names() -> impl Strategy<Value = Vec<String>> {
        prop::collection::vec(name(), 0..4).prop_map(|mut names| {
            let mut seen = std::collections::HashSet::new();
            names.retain(|name| seen.insert(name.clone()));
            names
        })
    }

    /// A formula start up front sometimes, as `=SUM(A1)` titles have, or text that looks
    /// defused already.
    fn leading() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec!["", "", "=", "-", "+", "@", "'=", "''-"])
    }

    prop_compose! {
        fn initiative()(
            lead in leading(),
            title in name(),
            description in prop_oneof![Just(String::new()), text()],
            effort in 10u8..=100,
            impact in 10u8..=100,
            quick_win: bool,
            urgency in prop::sample::select(Urgency::ALL.to_vec()),
            due in proptest::option::of((1u16..=9999, 1u8..=12, 1u8..=28)),
            phase in proptest::option::of(0usize..3),
            owner in prop_oneof![Just(String::new()), name()],
            stakeholders in names(),
            goals in names(),
            budget in proptest::option::of(0u64..100_000_000_000),
            tags in names(),
            origin in proptest::option::of(prop::collection::vec(name(), 1..5)),
            dependencies in prop::collection::vec(any::<prop::sample::Index>(), 0..3),
        ) -> (Initiative, Option<usize>, Vec<prop::sample::Index>) {
            let mut initiative = Initiative::new(InitiativeId(String::new()), format!("{lead}{title}"));
            initiative.description = description;
            initiative.effort = Score::exact(f64::from(effort) / 10.0).unwrap_or(Score::CENTRE);
            initiative.impact = Score::exact(f64::from(impact) / 10.0).unwrap_or(Score::CENTRE);
            initiative.quick_win = quick_win;
            initiative.urgency = urgency;
            initiative.due = due.and_then(|(year, month, day)| DueDate::new(year, month, day));
            initiative.owner = owner;
            initiative.stakeholders = stakeholders;
            initiative.goals = goals;
            initiative.budget = budget.map(|cents| cents as f64 / 100.0);
            initiative.tags = tags;
            initiative.origin = origin.map(|path| CatalogOrigin { catalog: path[0].clone(), path });
            (initiative, phase, dependencies)
        }
    }

    /// A roadmap of such initiatives with unique titles (dependencies travel as titles), each
    /// depending only on earlier ones.
    fn roadmaps() -> impl Strategy<Value = Roadmap> {
        prop::collection::vec(initiative(), 0..8).prop_map(|drafts| {
            let mut roadmap = Roadmap::new("Round trip");
            let phases: Vec<_> = roadmap.phases.iter().map(|phase| phase.id.clone()).collect();
            for (number, (mut initiative, phase, dependencies)) in drafts.into_iter().enumerate() {
                initiative.title = format!("{} #{number}", initiative.title);
                let id = roadmap.add_initiative(initiative.title.clone());
                let earlier: Vec<InitiativeId> = roadmap.initiatives[..number]
                    .iter()
                    .map(|i| i.id.clone())
                    .collect();
                initiative.id = id.clone();
                initiative.phase = phase.map(|index| phases[index].clone());
                roadmap.update_initiative(&id, |stored| *stored = initiative);
                for index in dependencies.iter().filter(|_| !earlier.is_empty()) {
                    roadmap.set_dependency(&id, &earlier[index.index(earlier.len())], true);
                }
            }
            roadmap
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// The same table always gives the same mapping and the same conversion.
        #[test]
        fn the_same_table_gives_the_same_result(table in tables()) {
            let mapping = Mapping::propose(&table);
            prop_assert_eq!(&Mapping::propose(&table.clone()), &mapping);
            let conversion = convert(&table, &mapping);
            prop_assert_eq!(&convert(&table.clone(), &mapping.clone()), &conversion);
            prop_assert_eq!(conversion.drafts.len() + conversion.skipped.len(), table.rows.len());
            let saved = mapping.saved(&table);
            prop_assert_eq!(&Mapping::restore(&saved, &table), &mapping);
        }

        /// Stackplan's own CSV read back gives every initiative back, field for field, under
        /// any framework (whose columns the reader leaves alone).
        #[test]
        fn stackplan_csv_round_trips_any_roadmap(
            mut roadmap in roadmaps(),
            framework in prop::sample::select(Framework::ALL.to_vec()),
        ) {
            roadmap.framework = framework;
            let table = table(&to_csv(&roadmap));
            let mapping = Mapping::propose(&table);
            let conversion = convert(&table, &mapping);
            prop_assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
            let back = roadmap_from(&roadmap.name, &conversion, mapping.create_phases);
            prop_assert_eq!(back.initiatives.len(), roadmap.initiatives.len());
            for (original, read) in roadmap.initiatives.iter().zip(&back.initiatives) {
                prop_assert_eq!(phase_of(&back, read), phase_of(&roadmap, original));
                let mut read = Initiative::clone(read);
                read.phase = original.phase.clone();
                prop_assert_eq!(&read, original.as_ref());
            }
        }

        /// Whatever the table, the roadmap it makes is one the roadmap's own import accepts,
        /// alone or added to a roadmap that already has initiatives.
        #[test]
        fn any_table_makes_a_valid_roadmap(table in tables(), create_phases: bool) {
            let mapping = Mapping::propose(&table);
            let conversion = convert(&table, &mapping);
            let roadmap = roadmap_from("Backlog", &conversion, create_phases);
            let back = import(&export(&roadmap));
            prop_assert_eq!(back.as_ref(), Ok(&roadmap));
            let mut existing = roadmap.clone();
            add_to_roadmap(&mut existing, &conversion, create_phases);
            let back = import(&export(&existing));
            prop_assert_eq!(back.as_ref(), Ok(&existing));
        }
    }
}

// ---- speed ----

/// Run with `cargo test --release --lib backlog::import_tests::convert_speed -- --ignored --nocapture`.
#[test]
#[ignore = "timing: run in release"]
fn convert_speed() {
    let header: Vec<String> = [
        "Summary",
        "Issue key",
        "Issue id",
        "Status",
        "Priority",
        "Assignee",
        "Labels",
        "Labels",
        "Sprint",
        "Due date",
        "Custom field (Story point estimate)",
        "Custom field (Impact)",
        "Description",
        "Reporter",
        "Created",
        "Updated",
        "Resolution",
        "Issue Type",
        "Inward issue link (Blocks)",
        "Components",
    ]
    .map(String::from)
    .to_vec();
    let rows: Vec<Vec<String>> = (0..50_000).map(speed_row).collect();
    let table = Table::new(header, rows);
    let started = std::time::Instant::now();
    let mapping = Mapping::propose(&table);
    let proposed = started.elapsed();
    let conversion = convert(&table, &mapping);
    let converted = started.elapsed();
    let roadmap = roadmap_from("Speed", &conversion, true);
    let added = started.elapsed();
    println!(
        "50,000 rows × 20 columns: propose {proposed:?}, convert {:?}, roadmap {:?}",
        converted - proposed,
        added - converted
    );
    assert_eq!(roadmap.initiatives.len(), 50_000);
}

/// One row of the timing table: Jira-like cells, repeated words and a dependency chain.
fn speed_row(row: usize) -> Vec<String> {
    let priorities = ["Highest", "High", "Medium", "Low", "Lowest"];
    vec![
        format!("Initiative number {row} with a fairly ordinary title"),
        format!("PLAT-{row}"),
        format!("{}", 10_000 + row),
        format!("Status {}", row % 7),
        priorities[row % 5].to_string(),
        format!("Person {}", row % 40),
        "security".into(),
        "auth".into(),
        format!("Sprint {}", row % 20),
        format!("{:02}/Feb/26 10:17 PM", 1 + row % 28),
        format!("{}", [1, 2, 3, 5, 8, 13, 21][row % 7]),
        format!("{}", 1 + row % 10),
        "A description of a few words, as most rows have.".into(),
        "Reporter".into(),
        "2026-01-01".into(),
        "2026-01-02".into(),
        "Unresolved".into(),
        "Story".into(),
        if row > 0 {
            format!("PLAT-{}", row - 1)
        } else {
            String::new()
        },
        "Backend".into(),
    ]
}

#[test]
fn cells_pasted_without_names_take_their_title_from_the_first_column_of_words() {
    let pasted = "3\tAudit log\t9\n7\tFeature store\t6\n4\tChurn model\t4\n";
    let reading = read_table(pasted.as_bytes(), false).expect("pasted cells read");
    assert_eq!(reading.table.columns, ["Column A", "Column B", "Column C"]);
    let mapping = Mapping::propose(&reading.table);
    assert_eq!(mapping.column(Field::Title), Some(1));
    let titles: Vec<String> = convert(&reading.table, &mapping)
        .drafts
        .into_iter()
        .map(|draft| draft.title)
        .collect();
    assert_eq!(titles, ["Audit log", "Feature store", "Churn model"]);
    // Numbers only: no column is proposed, and the user picks one.
    let numbers = table("Column A,Column B\n1,2\n3,4\n");
    assert_eq!(Mapping::propose(&numbers).column(Field::Title), None);
}

#[test]
fn columns_chosen_before_row_1_is_read_again_stay_chosen() {
    let cells = "2\tAudit log\t9\n7\tFeature store\t6\n";
    let without = read_table(cells.as_bytes(), false).expect("cells read").table;
    let mut chosen = Mapping::propose(&without);
    chosen.set_column(&without, Field::Effort, Some(0));
    let with_names = read_table(cells.as_bytes(), true).expect("cells read").table;
    let mut again = Mapping::propose(&with_names);
    again.keep_columns(&with_names, &chosen);
    assert_eq!(again.column(Field::Effort), Some(0));
    assert_eq!(again.column(Field::Title), chosen.column(Field::Title));
    // A field chosen in neither keeps the new proposal.
    assert_eq!(
        again.column(Field::Impact),
        Mapping::propose(&with_names).column(Field::Impact)
    );
}

#[test]
fn defused_cells_are_restored_once() {
    // The reader takes the exporters' mark off; the conversion of Stackplan's own CSV must
    // not take off another.
    let table = table(
        "id,title,effort,impact,quadrant,quick_win,urgency,phase\n\
         i1,'=SUM(A1),1,1,,no,,\ni2,'-5 ideas,2,2,,no,,\ni3,'quoted',3,3,,no,,\ni4,''=x,4,4,,no,,\n",
    );
    let (mapping, conversion, _) = imported(&table);
    assert_eq!(mapping.preset, Preset::Stackplan);
    let titles: Vec<&str> = conversion
        .drafts
        .iter()
        .map(|draft| draft.title.as_str())
        .collect();
    assert_eq!(titles, ["=SUM(A1)", "-5 ideas", "'quoted'", "'=x"]);
}
