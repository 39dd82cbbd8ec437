//! `roi portfolio DIR`: one row per project file of a folder, invalid files included, with
//! the portfolio's totals.

use super::{EXIT_INVALID, EXIT_IO};
use crate::domain::portfolio::{PortfolioRow, PortfolioTotals, SortKey, sort};
use crate::i18n::Lang;
use crate::report;
use crate::report::request::Format;
use crate::store::portfolio::{ScanOptions, Scanned, scan_with};
use crate::store::summary_cache;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder of project files.
    pub dir: PathBuf,
    /// md, json or csv: the HTML page and the workbook are one project's reports.
    #[arg(long, short, value_enum, default_value_t = Format::Md)]
    pub format: Format,
    /// Also read the subfolders.
    #[arg(long, short)]
    pub recursive: bool,
    /// Read every file, without the summary cache (kept in the user's cache directory).
    #[arg(long)]
    pub no_cache: bool,
}

/// 0 when every file is valid, 1 when one is not (the table is printed all the same), 3
/// when the folder cannot be read.
pub fn run(args: &Args, lang: Lang) -> ExitCode {
    if matches!(args.format, Format::Html | Format::Xlsx) {
        crate::tell!("{}: {}", args.dir.display(), lang.t(crate::i18n::CliText::PortfolioFormats));
        return ExitCode::from(2);
    }
    let cache_dir = if args.no_cache { None } else { summary_cache::cache_dir() };
    let progress = super::Progress::on_stderr(lang.t(crate::i18n::CliText::Reading), lang);
    let show = |_: &[Scanned], done: usize, total: usize| progress.show(done, total);
    let options = ScanOptions {
        cache_dir: cache_dir.as_deref(),
        progress: Some(&show),
        ..ScanOptions::new(args.recursive, lang)
    };
    let scanned = scan_with(&args.dir, options);
    progress.finish();
    let scanned = match scanned {
        Ok(scanned) => scanned.rows,
        Err(error) => {
            crate::tell!("{}", crate::i18n::errors::folder_unreadable(lang, &args.dir, &error));
            return ExitCode::from(EXIT_IO);
        }
    };
    let mut rows: Vec<PortfolioRow> = scanned.into_iter().map(|s| s.row).collect();
    sort(&mut rows, SortKey::Rank);
    let totals = PortfolioTotals::of(&rows);
    let text = match args.format {
        Format::Md => report::portfolio::markdown(&rows, &totals, lang),
        Format::Json => report::portfolio::json(&rows, &totals),
        Format::Csv => report::portfolio::csv(&rows),
        Format::Html | Format::Xlsx => String::new(), // Refused above.
    };
    super::emit(text.trim_end());
    if totals.invalid > 0 { ExitCode::from(EXIT_INVALID) } else { ExitCode::SUCCESS }
}
