//! Golden reports: `roi report` in Markdown (French and English), JSON and CSV for every
//! sample project. Regenerate with `INSTA_UPDATE=always cargo test --test report_golden`
//! after an intended change, and review the diff.

use super::common;

use common::{AS_OF, report, sample_files};

#[test]
fn every_sample_in_every_format() {
    for file in sample_files() {
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        insta::assert_snapshot!(
            format!("{stem}_md_fr"),
            report(&file, &["--format", "md", "--lang", "fr", "--as-of", AS_OF])
        );
        insta::assert_snapshot!(
            format!("{stem}_md_en"),
            report(&file, &["--format", "md", "--lang", "en", "--as-of", AS_OF])
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
