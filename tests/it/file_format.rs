//! The project file format (DOMAIN.md §7): every refusal with its line and column and a
//! message that names the problem; exact loading of numbers; load → save → load; saving a
//! commented file after one change touches only that line.

use roi_workbench::domain::project::{BenefitKind, CostCategory, Department, Maturity, Project, ValueClass};
use roi_workbench::store::{self, Diagnostic, Original, parse, render};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// Lines 1–3 of every small file below; the next line is line 4.
const HEAD: &str = "schema = 1\n[project]\nname = \"Cas\"\n";

/// The §7 example, comments included.
const EXAMPLE: &str = include_str!("../fixtures/domain-example.toml");

fn refused(text: &str) -> Vec<Diagnostic> {
    match parse(text) {
        Ok(project) => panic!("accepted:\n{text}\n{project:#?}"),
        Err(diagnostics) => diagnostics,
    }
}

/// The file is refused with exactly one problem, at `line`:`column`, whose message contains
/// every one of `words`; the problem also says how to fix it.
fn assert_refused(text: &str, line: usize, column: usize, words: &[&str]) {
    let diagnostics = refused(text);
    assert_eq!(diagnostics.len(), 1, "one problem expected in\n{text}\n{diagnostics:#?}");
    let d = &diagnostics[0];
    // The printed form is `line:column: message — fix`.
    let said = d.to_string();
    assert_eq!((d.line, d.column), (line, column), "position of `{said}` in\n{text}");
    for word in words {
        assert!(said.contains(word), "`{said}` does not name `{word}`");
    }
    let fix = said.split_once(" — ").map_or("", |(_, fix)| fix);
    assert!(!fix.trim().is_empty(), "no fix for `{said}`");
    assert!(said.starts_with(&format!("{line}:{column}: ")), "{said}");
}

// ---------------------------------------------------------------------------------------
// Refusals, one rule each
// ---------------------------------------------------------------------------------------

#[test]
fn toml_syntax_errors() {
    // An unterminated string on line 3.
    assert_refused("schema = 1\n[project]\nname = \"Cas\n", 3, 12, &["string"]);
    // A table header without its closing bracket, line 2.
    let d = refused("schema = 1\n[project\nname = \"Cas\"\n");
    assert_eq!(d.len(), 1);
    assert_eq!(d[0].line, 2, "{d:?}");
    // `= =` on line 4, at the second `=`.
    assert_refused(&format!("{HEAD}impact = = 3\n"), 4, 10, &["="]);
    // A key defined twice: the second definition, line 4.
    assert_refused(&format!("{HEAD}name = \"Autre\"\n"), 4, 1, &["duplicate"]);
}

#[test]
fn unknown_keys_are_refused_with_their_line_and_column() {
    // `montly` (sic) in a [[costs]] on line 6: a typo must not silently drop a cost.
    let text = format!("{HEAD}[[costs]]\nname = \"Licences\"\nmontly = 600\n");
    assert_refused(&text, 6, 1, &["unknown field `montly`", "`monthly`"]);
    // In [project], indented: the column is the key's.
    assert_refused(
        &format!("{HEAD}  horizon = 36\n"),
        4,
        3,
        &["unknown field `horizon`", "`horizon_months`"],
    );
    // In a benefit.
    let text = format!("{HEAD}[[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_valeur = 10\n");
    assert_refused(&text, 7, 1, &["unknown field `monthly_valeur`"]);
    // An unknown table: `[benefit]` for `[[benefits]]`, on line 4 (the name inside the brackets).
    assert_refused(
        &format!("{HEAD}[benefit]\nname = \"x\"\n"),
        4,
        2,
        &["unknown field `benefit`", "`benefits`"],
    );
    // In a KPI measurement's inline table.
    let text =
        format!("{HEAD}[[kpis]]\nkey = \"k\"\nname = \"K\"\nmeasurements = [{{ month = 1, valeur = 3 }}]\n");
    let d = refused(&text);
    assert_eq!(d[0].line, 7, "{d:?}");
    assert!(d[0].message.contains("valeur"), "{d:?}");
    // In a scenario.
    let text = format!("{HEAD}[scenarios.pessimiste]\nbenefit = 0.7\n");
    assert_refused(&text, 5, 1, &["unknown field `benefit`", "`benefits`"]);
}

#[test]
fn wrong_types_are_refused() {
    // A text where a whole number of months is expected.
    assert_refused(
        &format!("{HEAD}horizon_months = \"trente-six\"\n"),
        4,
        18,
        &["invalid type", "trente-six"],
    );
    // A decimal score.
    assert_refused(&format!("{HEAD}impact = 8.5\n"), 4, 10, &["invalid type", "8.5"]);
    // A number where text is expected (line 3).
    assert_refused("schema = 1\n[project]\nname = 12\n", 3, 8, &["invalid type", "12"]);
    // A boolean amount.
    let text = format!("{HEAD}[[costs]]\nname = \"C\"\nmonthly = true\n");
    assert_refused(&text, 6, 11, &["invalid type", "true"]);
    // A word where an amount is expected.
    let text = format!("{HEAD}[[costs]]\nname = \"C\"\nmonthly = \"beaucoup\"\n");
    assert_refused(&text, 6, 11, &["beaucoup", "not a number"]);
    // A month that is not YYYY-MM.
    assert_refused(&format!("{HEAD}start = \"janvier\"\n"), 4, 9, &["janvier", "YYYY-MM"]);
    // A table where a value is expected.
    let text = format!("{HEAD}owner = {{ name = \"X\" }}\n");
    assert_eq!(refused(&text)[0].line, 4);
}

#[test]
fn an_invalid_month_gets_the_fix_for_values_not_for_syntax() {
    let d = refused(&format!("{HEAD}start = \"janvier\"\n")).remove(0);
    assert!(!d.fix.contains("TOML syntax"), "the file's syntax is fine: {}", d.fix);
    assert!(d.message.contains("YYYY-MM"), "{}", d.message);
    assert!(d.fix.contains("as the message says"), "{}", d.fix);
}

#[test]
fn impact_and_feasibility_are_scores_from_1_to_10() {
    assert_refused(&format!("{HEAD}impact = 11\n"), 4, 10, &["project.impact", "11", "1..=10"]);
    assert_refused(&format!("{HEAD}feasibility = 0\n"), 4, 15, &["project.feasibility", "0", "1..=10"]);
    assert_refused(&format!("{HEAD}impact = -3\n"), 4, 10, &["project.impact", "-3"]);
    assert!(parse(&format!("{HEAD}impact = 1\nfeasibility = 10\n")).is_ok());
}

#[test]
fn fractions_outside_0_to_1() {
    // probability 1.5, line 7 of a [[risks]].
    let text = format!("{HEAD}[[risks]]\nname = \"R\"\ncost = 1000\nprobability = 1.5\n");
    assert_refused(&text, 7, 15, &["risks[0].probability", "1.5", "0..=1"]);
    // reallocation −0.1, line 7 of a [[benefits]].
    let text = format!("{HEAD}[[benefits]]\nname = \"B\"\nkind = \"time_saving\"\nreallocation = -0.1\n");
    assert_refused(&text, 7, 16, &["benefits[0].reallocation", "-0.1"]);
    // The second benefit's uplift, written as a string.
    let text = format!(
        "{HEAD}[[benefits]]\nname = \"A\"\nkind = \"other\"\n\n[[benefits]]\nname = \"B\"\nkind = \"revenue\"\nuplift = \"1.02\"\n"
    );
    assert_refused(&text, 11, 10, &["benefits[1].uplift", "1.02"]);
    // Project-level rates.
    assert_refused(&format!("{HEAD}contingency = 1.1\n"), 4, 15, &["project.contingency"]);
    assert_refused(&format!("{HEAD}discount_rate = -0.01\n"), 4, 17, &["project.discount_rate"]);
    assert_refused(&format!("{HEAD}maturity_factor = 1.5\n"), 4, 19, &["project.maturity_factor"]);
    // 0 and 1 themselves are fractions.
    let text = format!("{HEAD}contingency = 0\n[[risks]]\nname = \"R\"\ncost = 1\nprobability = 1\n");
    assert!(parse(&text).is_ok());
}

#[test]
fn negative_amounts_are_refused() {
    let text = format!("{HEAD}[[costs]]\nname = \"C\"\none_off = -500\n");
    assert_refused(&text, 6, 11, &["costs[0].one_off", "-500", "negative"]);
    let text = format!("{HEAD}[[costs]]\nname = \"C\"\nmonthly = \"-12.50\"\n");
    assert_refused(&text, 6, 11, &["costs[0].monthly", "negative"]);
    let text = format!("{HEAD}[[benefits]]\nname = \"B\"\nkind = \"other\"\nmonthly_value = -1\n");
    assert_refused(&text, 7, 17, &["benefits[0].monthly_value", "negative"]);
    let text = format!("{HEAD}[[risks]]\nname = \"R\"\ncost = -1\nprobability = 0.5\n");
    assert_refused(&text, 6, 8, &["risks[0].cost", "negative"]);
}

#[test]
fn end_month_before_start_month() {
    let text = format!("{HEAD}[[costs]]\nname = \"C\"\nmonthly = 100\nstart_month = 6\nend_month = 3\n");
    assert_refused(&text, 8, 13, &["costs[0].end_month", "3", "start_month 6"]);
    // Equal months are one month of cost, not an error.
    let text = format!("{HEAD}[[costs]]\nname = \"C\"\nmonthly = 100\nstart_month = 6\nend_month = 6\n");
    assert!(parse(&text).is_ok());
    // A start past the horizon is one mistake, not also an end_month the file never wrote.
    let text = format!("{HEAD}[[costs]]\nname = \"C\"\nmonthly = 100\nstart_month = 40\n");
    assert_refused(&text, 7, 15, &["costs[0].start_month", "40"]);
}

#[test]
fn months_outside_the_horizon() {
    // one_off_month 40 with horizon 36, line 8.
    let text =
        format!("{HEAD}horizon_months = 36\n[[costs]]\nname = \"C\"\none_off = 1000\none_off_month = 40\n");
    assert_refused(&text, 8, 17, &["costs[0].one_off_month", "40", "1..=36"]);
    // The default horizon is 36 too.
    let text = format!("{HEAD}[[costs]]\nname = \"C\"\none_off = 1000\none_off_month = 37\n");
    assert_refused(&text, 7, 17, &["costs[0].one_off_month", "37", "1..=36"]);
    // A benefit starting after the horizon.
    let text = format!(
        "{HEAD}horizon_months = 12\n[[benefits]]\nname = \"B\"\nkind = \"other\"\nstart_month = 13\n"
    );
    assert_refused(&text, 8, 15, &["benefits[0].start_month", "13", "1..=12"]);
    // Month 0 does not exist.
    let text = format!("{HEAD}[[costs]]\nname = \"C\"\nmonthly = 1\nstart_month = 0\n");
    assert_refused(&text, 7, 15, &["costs[0].start_month", "0"]);
    // A KPI measured after the horizon: line 7, at the month inside the inline table.
    let text =
        format!("{HEAD}[[kpis]]\nkey = \"k\"\nname = \"K\"\nmeasurements = [{{ month = 40, value = 1 }}]\n");
    assert_refused(&text, 7, 27, &["kpis[0].measurements[0].month", "40"]);
}

#[test]
fn the_horizon_is_6_to_120_months() {
    assert_refused(
        &format!("{HEAD}horizon_months = 5\n"),
        4,
        18,
        &["project.horizon_months", "5", "6..=120"],
    );
    assert_refused(
        &format!("{HEAD}horizon_months = 121\n"),
        4,
        18,
        &["project.horizon_months", "121", "6..=120"],
    );
    assert!(parse(&format!("{HEAD}horizon_months = 6\n")).is_ok());
    assert!(parse(&format!("{HEAD}horizon_months = 120\n")).is_ok());
}

fn with_kpis(count: usize) -> String {
    let mut text = HEAD.to_owned();
    for i in 0..count {
        // Four lines each: blank, header, key, name. KPI i's header is on line 5 + 4 i.
        text.push_str(&format!("\n[[kpis]]\nkey = \"k{i}\"\nname = \"KPI {i}\"\n"));
    }
    text
}

#[test]
fn at_most_18_kpis() {
    assert_eq!(parse(&with_kpis(18)).unwrap().kpis.len(), 18);
    // The 19th KPI (index 18) starts on line 5 + 4 × 18 = 77.
    assert_refused(&with_kpis(19), 77, 1, &["19 KPIs", "18"]);
    // Not a silent drop: 25 KPIs are refused too, at the 19th.
    assert_refused(&with_kpis(25), 77, 1, &["25 KPIs"]);
}

#[test]
fn a_kpi_key_used_twice() {
    let text = format!("{HEAD}[[kpis]]\nkey = \"a\"\nname = \"A\"\n[[kpis]]\nkey = \"a\"\nname = \"B\"\n");
    assert_refused(&text, 8, 7, &["kpis[1].key", "`a`", "twice"]);
}

#[test]
fn unknown_values_of_a_closed_list() {
    let text = format!("{HEAD}[[benefits]]\nname = \"B\"\nkind = \"time_savings\"\n");
    assert_refused(&text, 6, 8, &["unknown variant `time_savings`", "`time_saving`"]);
    let text = format!("{HEAD}[[costs]]\nname = \"C\"\ncategory = \"licenses\"\n");
    assert_refused(&text, 6, 12, &["unknown variant `licenses`", "`licences`"]);
    let text = format!("{HEAD}[[benefits]]\nname = \"B\"\nkind = \"other\"\nvalue_class = \"quick\"\n");
    assert_refused(&text, 7, 15, &["unknown variant `quick`", "`productivity`"]);
    assert_refused(
        &format!("{HEAD}department = \"sales\"\n"),
        4,
        14,
        &["unknown variant `sales`", "`customer_service`"],
    );
    assert_refused(&format!("{HEAD}maturity = \"prod\"\n"), 4, 12, &["unknown variant `prod`", "`mature`"]);
    assert_refused(&format!("{HEAD}status = \"done\"\n"), 4, 10, &["unknown variant `done`", "`deployed`"]);
    let text = format!("{HEAD}[[kpis]]\nkey = \"k\"\nname = \"K\"\ndirection = \"up\"\n");
    assert_refused(&text, 7, 13, &["unknown variant `up`", "`higher`"]);
}

#[test]
fn only_schema_1_is_read() {
    assert_refused("schema = 2\n[project]\nname = \"Cas\"\n", 1, 10, &["schema", "2", "not supported"]);
    assert_refused("schema = 0\n[project]\nname = \"Cas\"\n", 1, 10, &["schema", "0"]);
    assert_refused("[project]\nname = \"Cas\"\n", 1, 1, &["missing field `schema`"]);
}

#[test]
fn project_name_is_required() {
    // Missing: the [project] table on line 2 is where it belongs.
    assert_refused("schema = 1\n[project]\nowner = \"Claire\"\n", 2, 1, &["missing field `name`"]);
    // Blank.
    assert_refused("schema = 1\n[project]\nname = \"  \"\n", 3, 8, &["project.name"]);
    // No [project] at all.
    assert_refused("schema = 1\n", 1, 1, &["missing field `project`"]);
    // A benefit line needs a name and a kind.
    let text = format!("{HEAD}[[benefits]]\nname = \"B\"\n");
    let d = refused(&text);
    assert!(d[0].message.contains("missing field `kind`"), "{d:?}");
    assert!(d[0].line >= 4, "{d:?}");
}

#[test]
fn every_problem_of_a_file_is_listed_in_file_order() {
    let text = "schema = 1\n\
                [project]\n\
                name = \"Cas\"\n\
                impact = 11\n\
                feasibility = 0\n\
                horizon_months = 121\n\
                [[risks]]\n\
                name = \"R\"\n\
                cost = -1\n\
                probability = 1.5\n";
    let positions: Vec<(usize, usize)> = refused(text).iter().map(|d| (d.line, d.column)).collect();
    assert_eq!(positions, [(4, 10), (5, 15), (6, 18), (9, 8), (10, 15)]);
}

#[test]
fn only_schema_and_project_name_are_required_and_defaults_apply() {
    let p = parse("schema = 1\n[project]\nname = \"Minimal\"\n").unwrap();
    assert_eq!(p.project.name, "Minimal");
    assert_eq!(p.horizon(), 36);
    assert_eq!(p.project.maturity(), Maturity::Mature);
    assert_eq!(p.project.maturity_factor().fraction(), Decimal::ONE);
    assert_eq!(p.project.discount_rate().fraction(), dec!(0.10));
    assert_eq!(p.project.contingency().fraction(), Decimal::ZERO);
    assert_eq!(p.project.currency(), "EUR");
    assert_eq!(p.project.department(), Department::Other);
    assert_eq!(p.project.status().key(), "idea");
    assert_eq!((p.project.impact, p.project.feasibility), (None, None));
}

// ---------------------------------------------------------------------------------------
// Numbers load exactly
// ---------------------------------------------------------------------------------------

#[test]
fn amounts_load_exactly_as_integers_floats_or_strings() {
    let text = format!(
        "{HEAD}discount_rate = 0.1\ncontingency = \"0.07\"\nmaturity_factor = 0.3\n\
         [[benefits]]\nname = \"B\"\nkind = \"time_saving\"\nvolume_per_month = 1_000\n\
         minutes_saved_per_unit = 2.5\nhourly_cost = \"47.35\"\nreallocation = 0.7\n\
         [[costs]]\nname = \"C\"\none_off = 25000\nmonthly = \"1250.50\"\n\
         [[costs]]\nname = \"D\"\none_off = 0.1\nmonthly = \" 1 250.05 \"\n\
         [[risks]]\nname = \"R\"\ncost = 1e4\nprobability = 0.33\n"
    );
    let p = parse(&text).unwrap();
    // Exactly, not 0.1000000000000000055511151231257827 (the f64 nearest 0.1).
    assert_eq!(p.project.discount_rate, Some(dec!(0.1)));
    assert_eq!(p.project.discount_rate.unwrap().to_string(), "0.1");
    assert_eq!(p.project.contingency, Some(dec!(0.07)));
    assert_eq!(p.project.maturity_factor, Some(dec!(0.3)));
    let b = &p.benefits[0];
    assert_eq!(b.volume_per_month, Some(dec!(1000)));
    assert_eq!(b.minutes_saved_per_unit, Some(dec!(2.5)));
    assert_eq!(b.hourly_cost, Some(dec!(47.35)));
    assert_eq!(b.reallocation, Some(dec!(0.7)));
    assert_eq!(p.costs[0].one_off, Some(dec!(25000)));
    assert_eq!(p.costs[0].monthly, Some(dec!(1250.50)));
    assert_eq!(p.costs[1].one_off, Some(dec!(0.1)));
    assert_eq!(p.costs[1].monthly, Some(dec!(1250.05)));
    assert_eq!(p.risks[0].cost, dec!(10000));
    assert_eq!(p.risks[0].probability, dec!(0.33));
    // And the figures use those exact values: 3 × 0.1 = 0.3 exactly (a float would not).
    let text = format!("{HEAD}horizon_months = 6\n[[costs]]\nname = \"C\"\nmonthly = 0.1\nend_month = 3\n");
    let f = roi_workbench::domain::Figures::compute(&parse(&text).unwrap(), &Default::default());
    assert_eq!(f.flows.at_horizon().tco, dec!(0.3));
}

#[test]
fn the_same_value_written_three_ways_loads_the_same() {
    let costs =
        |spelling: &str| parse(&format!("{HEAD}[[costs]]\nname = \"C\"\nmonthly = {spelling}\n")).unwrap();
    let as_integer = costs("600");
    assert_eq!(as_integer.costs[0].monthly, Some(dec!(600)));
    assert_eq!(costs("600.0"), as_integer);
    assert_eq!(costs("\"600\""), as_integer);
    assert_eq!(costs("\"600.00\""), as_integer);
}

// ---------------------------------------------------------------------------------------
// Load → save → load, and saving a commented file
// ---------------------------------------------------------------------------------------

#[test]
fn the_example_file_loads_with_every_value() {
    let p = parse(EXAMPLE).unwrap();
    assert_eq!(p.project.name, "Automatisation du traitement des factures");
    assert_eq!(p.project.department, Some(Department::Finance));
    assert_eq!(p.project.maturity, Some(Maturity::Scale));
    assert_eq!(p.project.contingency, Some(dec!(0.10)));
    assert_eq!(p.baseline.as_ref().unwrap().period_months(), Some(4));
    assert_eq!(p.benefits[0].kind, BenefitKind::TimeSaving);
    assert_eq!(p.benefits[0].value_class, Some(ValueClass::Productivity));
    assert_eq!(p.costs[0].category, Some(CostCategory::Integration));
    assert_eq!(p.costs[1].monthly, Some(dec!(600)));
    assert_eq!(p.risks[0].probability, dec!(0.2));
    assert_eq!(p.kpis[0].measurements.len(), 2);
    assert_eq!(p.scenarios["pessimiste"].delay_months, Some(3));
}

#[test]
fn load_save_load_gives_the_same_project() {
    let loaded = parse(EXAMPLE).unwrap();
    // Saved fresh (no original text).
    let fresh = render(&loaded, None).unwrap();
    assert_eq!(parse(&fresh).unwrap(), loaded, "{fresh}");
    // Saved over its own text, unchanged: the file stays byte for byte the same.
    assert_eq!(render(&loaded, Some(&Original::of(EXAMPLE.into(), &loaded))).unwrap(), EXAMPLE);
    // And the fresh text saved again is stable.
    let reread = parse(&fresh).unwrap();
    assert_eq!(render(&reread, Some(&Original::of(fresh.clone(), &reread))).unwrap(), fresh);
}

#[test]
fn load_save_load_through_the_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("projet.toml");
    std::fs::write(&path, EXAMPLE).unwrap();
    let loaded = store::load(&path).unwrap();
    let mut changed = loaded.project.clone();
    changed.risks[0].probability = dec!(0.25);
    store::save::save_checked(&path, &changed, Some(&loaded.original()), Some(&loaded.fingerprint)).unwrap();
    let again = store::load(&path).unwrap();
    assert_eq!(again.project, changed);
    assert_ne!(again.project, loaded.project);
}

/// The lines of `after` that differ from `before`, as (line number, before, after); both
/// texts must have the same number of lines.
fn changed_lines<'a>(before: &'a str, after: &'a str) -> Vec<(usize, &'a str, &'a str)> {
    assert_eq!(before.lines().count(), after.lines().count(), "lines added or removed:\n{after}");
    before
        .lines()
        .zip(after.lines())
        .enumerate()
        .filter(|(_, (a, b))| a != b)
        .map(|(i, (a, b))| (i + 1, a, b))
        .collect()
}

fn line_of(text: &str, needle: &str) -> usize {
    text.lines().position(|l| l.starts_with(needle)).unwrap() + 1
}

#[test]
fn saving_after_one_change_touches_only_that_line() {
    let mut p = parse(EXAMPLE).unwrap();
    let original = Original::of(EXAMPLE.into(), &p);
    p.costs[1].monthly = Some(dec!(750));
    let saved = render(&p, Some(&original)).unwrap();
    assert_eq!(
        changed_lines(EXAMPLE, &saved),
        [(line_of(EXAMPLE, "monthly = 600"), "monthly = 600", "monthly = 750")]
    );
    assert_eq!(parse(&saved).unwrap(), p);
}

#[test]
fn a_changed_value_keeps_its_own_comment() {
    let mut p = parse(EXAMPLE).unwrap();
    let original = Original::of(EXAMPLE.into(), &p);
    p.project.impact = Some(9);
    let saved = render(&p, Some(&original)).unwrap();
    let line = line_of(EXAMPLE, "impact = 8");
    assert_eq!(
        changed_lines(EXAMPLE, &saved),
        [(line, "impact = 8                    # 1..=10", "impact = 9                    # 1..=10")]
    );
    let mut p = parse(EXAMPLE).unwrap();
    let original = Original::of(EXAMPLE.into(), &p);
    p.project.department = Some(Department::Hr);
    let saved = render(&p, Some(&original)).unwrap();
    let changes = changed_lines(EXAMPLE, &saved);
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert!(changes[0].2.starts_with("department = \"hr\""), "{changes:?}");
    assert!(
        changes[0]
            .2
            .ends_with("# customer_service | software | marketing | hr | finance | operations | other"),
        "{changes:?}"
    );
}

#[test]
fn every_comment_survives_a_save_that_adds_and_removes_lines() {
    let comments: Vec<&str> = EXAMPLE.lines().filter_map(|l| l.find('#').map(|i| &l[i..])).collect();
    assert!(comments.len() >= 5, "the example has comments");
    let mut p = parse(EXAMPLE).unwrap();
    let original = Original::of(EXAMPLE.into(), &p);
    p.risks.push(roi_workbench::domain::project::Risk {
        name: "Indisponibilité".into(),
        cost: dec!(5000),
        probability: dec!(0.1),
        ..Default::default()
    });
    p.benefits[0].ramp_months = None;
    let saved = render(&p, Some(&original)).unwrap();
    for comment in &comments {
        assert!(saved.contains(comment), "lost `{comment}`:\n{saved}");
    }
    assert_eq!(parse(&saved).unwrap(), p);
    // The lines of the original are all still there, in order, except the removed one.
    let mut remaining = saved.lines();
    for line in EXAMPLE.lines().filter(|l| !l.starts_with("ramp_months")) {
        assert!(remaining.any(|l| l == line), "`{line}` missing or out of order:\n{saved}");
    }
}

#[test]
fn a_value_rewritten_in_another_spelling_is_not_a_change() {
    // The file says 0.10; the model holds 0.1: saving keeps the user's spelling.
    let text = format!(
        "{HEAD}discount_rate = 0.10\ncontingency = \"0.05\"\n[[costs]]\nname = \"C\"\nmonthly = 600.00\n"
    );
    let p = parse(&text).unwrap();
    assert_eq!(render(&p, Some(&Original::of(text.clone(), &p))).unwrap(), text);
}

#[test]
fn a_new_project_round_trips() {
    let p = Project::starter("Nouveau", Some(Department::Marketing));
    let text = render(&p, None).unwrap();
    assert_eq!(parse(&text).unwrap(), p, "{text}");
    assert_eq!(p.kpis.len(), 5);
}

#[test]
fn a_windows_file_loads_with_the_right_line_numbers() {
    let text = EXAMPLE.replace('\n', "\r\n");
    assert_eq!(parse(&text).unwrap(), parse(EXAMPLE).unwrap());
    let bad = "schema = 1\r\n[project]\r\nname = \"Cas\"\r\nimpact = 11\r\n";
    assert_refused(bad, 4, 10, &["project.impact"]);
    // A byte-order mark from a Windows editor is accepted too.
    assert!(parse(&format!("\u{feff}{EXAMPLE}")).is_ok());
}

#[test]
fn a_windows_file_keeps_its_crlf_line_endings() {
    let text = EXAMPLE.replace('\n', "\r\n");
    let mut p = parse(&text).unwrap();
    let original = Original::of(text.clone(), &p);
    assert_eq!(render(&p, Some(&original)).unwrap(), text, "an unchanged file is saved byte for byte");
    p.costs[1].monthly = Some(dec!(750));
    let saved = render(&p, Some(&original)).unwrap();
    assert_eq!(saved, text.replace("monthly = 600\r\n", "monthly = 750\r\n"));
}

/// Issue 25: a text typed in a number field is refused with how to type a number in the UI's
/// language, and the example it gives is accepted; a range typed as one number is refused as
/// such, with an example that is accepted; a range written into the file is spaced like the
/// rest (`likely = 300`, not `likely =300`).
#[test]
fn what_a_refusal_shows_as_an_example_is_accepted() {
    use roi_workbench::domain::validate::FieldPath;
    use roi_workbench::i18n::Lang;
    use roi_workbench::store::edit::set_value;
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/tri-cv.toml"),
    )
    .unwrap();
    let project = roi_workbench::store::parse(&text).unwrap();
    let value = FieldPath::parse("costs[0].monthly").unwrap();
    let range = FieldPath::parse("costs[0].monthly.range").unwrap();
    for lang in [Lang::Fr, Lang::En] {
        let refused = set_value(&project, &value, "abc", lang.convention()).unwrap_err();
        let said = lang.edit_error(&refused);
        let example = said.rsplit(' ').next().unwrap();
        assert!(set_value(&project, &value, example, lang.convention()).is_ok(), "{lang:?}: {said}");
        let at_300 = set_value(&project, &value, "300", lang.convention()).unwrap();
        let refused = set_value(&at_300, &range, "300", lang.convention()).unwrap_err();
        let said = lang.edit_error(&refused);
        assert!(!said.contains("not a number") && !said.contains("pas un nombre"), "{said}");
        let example = said.rsplit(' ').next().unwrap();
        let ranged = set_value(&at_300, &range, example, lang.convention())
            .unwrap_or_else(|e| panic!("{lang:?}: {said}: {e:?}"));
        let saved = roi_workbench::store::render(&ranged, None).unwrap();
        assert!(saved.contains("monthly = { low = 250, likely = 300, high = 350 }"), "{saved}");
    }
}
