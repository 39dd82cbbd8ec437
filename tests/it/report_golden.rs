//! Golden reports: `roi report` in Markdown (French and English), JSON and CSV for every
//! sample project. Regenerate with `INSTA_UPDATE=always cargo test --test report_golden`
//! after an intended change, and review the diff.

use super::common;

use common::{AS_OF, report, sample, sample_files};

/// One test per golden report, so that a failure shows every report that changed.
macro_rules! golden_reports {
    ($($module:ident => $stem:literal),+ $(,)?) => {$(
        mod $module {
            use super::*;

            fn golden(suffix: &str, args: &[&str]) {
                insta::assert_snapshot!(format!("{}_{suffix}", $stem), report(&sample($stem), args));
            }

            #[test]
            fn md_fr() {
                golden("md_fr", &["--format", "md", "--lang", "fr", "--as-of", AS_OF]);
            }

            #[test]
            fn md_en() {
                golden("md_en", &["--format", "md", "--lang", "en", "--as-of", AS_OF]);
            }

            #[test]
            fn json() {
                golden("json", &["--format", "json", "--lang", "en"]);
            }

            #[test]
            fn json_fr() {
                golden("json_fr", &["--format", "json", "--lang", "fr"]);
            }

            #[test]
            fn kpis_csv() {
                golden("kpis_csv", &["--format", "csv", "--table", "kpis"]);
            }

            #[test]
            fn csv() {
                golden("csv", &["--format", "csv"]);
            }
        }
    )+};
}

golden_reports!(
    assistant_code => "assistant-code",
    assistant_service_client => "assistant-service-client",
    factures_fournisseurs => "factures-fournisseurs",
    personnalisation_emailing => "personnalisation-emailing",
    prevision_demande => "prevision-demande",
    tri_cv => "tri-cv",
);

#[test]
fn every_sample_has_its_golden_reports() {
    let stems: Vec<String> =
        sample_files().iter().map(|f| f.file_stem().unwrap().to_string_lossy().into_owned()).collect();
    let covered = [
        "assistant-code",
        "assistant-service-client",
        "factures-fournisseurs",
        "personnalisation-emailing",
        "prevision-demande",
        "tri-cv",
    ];
    assert_eq!(stems, covered, "a new sample needs its line in golden_reports!");
}
