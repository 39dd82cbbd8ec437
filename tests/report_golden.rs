#![allow(clippy::unwrap_used, clippy::expect_used)]
//! Golden reports: `roi report` in Markdown (French and English), JSON and CSV for every
//! sample project. Regenerate with `INSTA_UPDATE=always cargo test --test report_golden`
//! after an intended change, and review the diff.

use assert_cmd::Command;
use std::path::Path;

fn report(file: &Path, args: &[&str]) -> String {
    let output = Command::cargo_bin("roi").unwrap().arg("report").arg(file).args(args).output().unwrap();
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn every_sample_in_every_format() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-data");
    let files = roi_workbench::store::project_files(&folder, false).unwrap();
    assert!(files.len() >= 6);
    for file in files {
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        insta::assert_snapshot!(
            format!("{stem}_md_fr"),
            report(&file, &["--format", "md", "--lang", "fr", "--as-of", "2026-11"])
        );
        insta::assert_snapshot!(
            format!("{stem}_md_en"),
            report(&file, &["--format", "md", "--lang", "en", "--as-of", "2026-11"])
        );
        insta::assert_snapshot!(format!("{stem}_json"), report(&file, &["--format", "json", "--lang", "en"]));
        insta::assert_snapshot!(
            format!("{stem}_json_fr"),
            report(&file, &["--format", "json", "--lang", "fr"])
        );
        insta::assert_snapshot!(
            format!("{stem}_kpis_csv"),
            report(&file, &["--format", "csv", "--table", "kpis"])
        );
        insta::assert_snapshot!(format!("{stem}_csv"), report(&file, &["--format", "csv"]));
    }
}
