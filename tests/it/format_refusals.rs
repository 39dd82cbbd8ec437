//! Every refusal of the project file format, with the line (and column) it points at.

use roi_workbench::store::{Diagnostic, Original, parse, render};
use rust_decimal_macros::dec;

const HEAD: &str = "schema = 1\n[project]\nname = \"P\"\n";

fn refused(text: &str) -> Vec<Diagnostic> {
    parse(text).err().unwrap_or_else(|| panic!("accepted:\n{text}"))
}

/// The first problem's line, and what it says (`line:column: message — fix`, in English).
fn first(text: &str) -> (usize, String) {
    let diagnostic = refused(text).remove(0);
    let said = diagnostic.to_string();
    let fix = said.split_once(" — ").map_or("", |(_, fix)| fix);
    assert!(!fix.is_empty(), "every refusal says how to fix it: {said}");
    (diagnostic.line, said)
}

#[test]
fn toml_syntax_errors_point_at_the_mistake() {
    let (line, _) = first("schema = 1\n[project]\nname = \"P\n");
    assert_eq!(line, 3);
    let (line, _) = first("schema = 1\n[project\nname = \"P\"\n");
    assert_eq!(line, 2);
}

#[test]
fn an_unknown_key_is_refused_where_it_is() {
    let text = format!("{HEAD}[[costs]]\nname = \"Licences\"\nmontly = 600\n");
    let diagnostic = refused(&text).remove(0);
    assert_eq!((diagnostic.line, diagnostic.column), (6, 1));
    assert!(diagnostic.message.contains("unknown field `montly`"), "{}", diagnostic.message);
}

#[test]
fn wrong_types_are_refused() {
    let (line, message) = first(&format!("{HEAD}[[costs]]\nname = \"C\"\nmonthly = true\n"));
    assert_eq!(line, 6);
    assert!(message.contains("invalid type"), "{message}");
    let (line, _) = first(&format!("{HEAD}horizon_months = \"long\"\n"));
    assert_eq!(line, 4);
}

#[test]
fn scores_outside_one_to_ten() {
    let (line, message) = first(&format!("{HEAD}impact = 11\n"));
    assert_eq!(line, 4);
    assert!(message.contains("project.impact") && message.contains("1..=10"), "{message}");
    assert_eq!(first(&format!("{HEAD}feasibility = 0\n")).0, 4);
}

#[test]
fn fractions_and_probabilities_outside_zero_to_one() {
    let (line, message) = first(&format!("{HEAD}[[risks]]\nname = \"R\"\ncost = 100\nprobability = 1.5\n"));
    assert_eq!(line, 7);
    assert!(message.contains("risks[0].probability"), "{message}");
    let text = format!("{HEAD}[[benefits]]\nname = \"B\"\nkind = \"time_saving\"\nreallocation = -0.1\n");
    assert_eq!(first(&text).0, 7);
    assert_eq!(first(&format!("{HEAD}contingency = 2\n")).0, 4);
}

#[test]
fn negative_amounts() {
    let (line, message) = first(&format!("{HEAD}[[costs]]\nname = \"C\"\none_off = -5000\n"));
    assert_eq!(line, 6);
    assert!(message.contains("negative"), "{message}");
}

#[test]
fn end_month_before_start_month() {
    let text = format!("{HEAD}[[costs]]\nname = \"C\"\nmonthly = 5\nstart_month = 10\nend_month = 4\n");
    let (line, message) = first(&text);
    assert_eq!(line, 8);
    assert!(message.contains("before start_month"), "{message}");
}

#[test]
fn months_outside_the_horizon() {
    let text =
        format!("{HEAD}horizon_months = 36\n[[costs]]\nname = \"C\"\none_off = 5\none_off_month = 40\n");
    let (line, message) = first(&text);
    assert_eq!(line, 8);
    assert!(message.contains("outside the horizon"), "{message}");
}

#[test]
fn horizon_outside_6_to_120() {
    assert_eq!(first(&format!("{HEAD}horizon_months = 5\n")).0, 4);
    assert_eq!(first(&format!("{HEAD}horizon_months = 121\n")).0, 4);
    assert!(parse(&format!("{HEAD}horizon_months = 6\n")).is_ok());
    assert!(parse(&format!("{HEAD}horizon_months = 120\n")).is_ok());
}

#[test]
fn more_than_18_kpis() {
    let kpis: String = (0..19).map(|i| format!("[[kpis]]\nkey = \"k{i}\"\nname = \"K{i}\"\n")).collect();
    let (line, message) = first(&format!("{HEAD}{kpis}"));
    assert_eq!(line, 4 + 18 * 3, "points at the 19th KPI");
    assert!(message.contains("19 KPIs"), "{message}");
    let eighteen: String = (0..18).map(|i| format!("[[kpis]]\nkey = \"k{i}\"\nname = \"K{i}\"\n")).collect();
    assert!(parse(&format!("{HEAD}{eighteen}")).is_ok());
}

#[test]
fn unknown_kinds_categories_classes_and_departments() {
    let kind = format!("{HEAD}[[benefits]]\nname = \"B\"\nkind = \"magic\"\n");
    let (line, message) = first(&kind);
    assert_eq!(line, 6);
    assert!(message.contains("time_saving"), "lists the kinds: {message}");
    assert_eq!(first(&format!("{HEAD}[[costs]]\nname = \"C\"\ncategory = \"coffee\"\n")).0, 6);
    let class = format!("{HEAD}[[benefits]]\nname = \"B\"\nkind = \"other\"\nvalue_class = \"fun\"\n");
    assert_eq!(first(&class).0, 7);
    assert_eq!(first(&format!("{HEAD}department = \"legal\"\n")).0, 4);
}

#[test]
fn schema_and_name_are_required() {
    assert_eq!(first("[project]\nname = \"P\"\n").0, 1);
    assert!(first("schema = 2\n[project]\nname = \"P\"\n").1.contains("schema 2"));
    assert!(parse("schema = 1\n[project]\nowner = \"X\"\n").is_err());
}

#[test]
fn every_problem_of_a_file_is_reported_in_file_order() {
    let text =
        format!("{HEAD}impact = 0\nfeasibility = 11\n[[risks]]\nname = \"R\"\ncost = -1\nprobability = 2\n");
    let lines: Vec<usize> = refused(&text).iter().map(|d| d.line).collect();
    assert_eq!(lines, [4, 5, 8, 9]);
}

#[test]
fn amounts_load_exactly_whatever_their_spelling() {
    let text = format!(
        "{HEAD}contingency = 0.1\n[[costs]]\nname = \"A\"\nmonthly = 1250\n[[costs]]\nname = \"B\"\nmonthly = \"1250.50\"\n[[costs]]\nname = \"C\"\none_off = 0.3\n"
    );
    let project = parse(&text).unwrap();
    assert_eq!(project.project.contingency, Some(dec!(0.1)));
    assert_eq!(project.costs[0].monthly, Some(dec!(1250)));
    assert_eq!(project.costs[1].monthly, Some(dec!(1250.50)));
    assert_eq!(project.costs[2].one_off, Some(dec!(0.3)));
}

#[test]
fn load_save_load_gives_the_same_model_on_every_sample() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    for file in roi_workbench::store::project_files(&folder, false).unwrap() {
        let text = std::fs::read_to_string(&file).unwrap();
        let project = parse(&text).unwrap();
        let fresh = render(&project, None).unwrap();
        assert_eq!(parse(&fresh).unwrap(), project, "{}", file.display());
        let original = Original::of(text.clone(), &project);
        assert_eq!(
            render(&project, Some(&original)).unwrap(),
            text,
            "an unchanged project saves byte for byte"
        );
    }
}

#[test]
fn saving_one_change_keeps_every_comment_and_changes_one_line() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data/factures-fournisseurs.toml");
    let text = std::fs::read_to_string(path).unwrap();
    let mut project = parse(&text).unwrap();
    let original = Original::of(text.clone(), &project);
    project.costs[1].monthly = Some(dec!(475));
    let saved = render(&project, Some(&original)).unwrap();
    let changed: Vec<(&str, &str)> = text.lines().zip(saved.lines()).filter(|(a, b)| a != b).collect();
    assert_eq!(changed, [("monthly = 450", "monthly = 475")]);
    assert_eq!(text.lines().count(), saved.lines().count());
}

#[test]
fn ranges_round_trip_and_bad_ranges_are_refused() {
    let text = format!(
        "{HEAD}[[costs]]\nname = \"C\"\nmonthly = {{ low = 400, likely = 500, high = 800 }}\nsource = \"devis\"\nconfidence = \"high\"\n"
    );
    let project = parse(&text).unwrap();
    assert_eq!(project.costs[0].monthly, Some(dec!(500)), "figures use the likely value");
    assert_eq!(render(&project, Some(&Original::of(text.clone(), &project))).unwrap(), text);
    assert_eq!(parse(&render(&project, None).unwrap()).unwrap(), project);
    let reversed =
        format!("{HEAD}[[costs]]\nname = \"C\"\nmonthly = {{ low = 900, likely = 500, high = 800 }}\n");
    assert_eq!(first(&reversed).0, 6);
    let stray = format!("{HEAD}discount_rate = {{ low = 0.05, likely = 0.1, high = 0.2 }}\n");
    assert!(first(&stray).1.contains("cannot be a range"));
}
