//! The executive summary written beside the project's file (`E`), as `roi report` writes it.

use super::review_month;
use crate::domain::Drivers;
use crate::i18n::Text;
use crate::report::request::{self, CsvTable, Format, Rendered, Request};
use crate::tui::app::{App, SimulationState};
use crate::tui::effect::Effect;
use std::path::{Path, PathBuf};

/// Where the summary of a project file goes: `<stem>.summary.EXTENSION` beside it.
pub fn summary_path(file: &Path, extension: &str) -> PathBuf {
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    file.with_file_name(format!("{stem}.summary.{extension}"))
}

/// Asks the runtime to write the executive summary beside the project's file: Markdown to
/// read or paste, and the HTML page with its charts to print for the committee.
pub fn write_summary(app: &mut App) -> Effect {
    let Some(file) = &app.path else {
        app.warn(app.lang.t(Text::NoFile));
        return Effect::None;
    };
    let files = vec![
        (summary_path(file, "md"), summary_markdown(app)),
        (summary_path(file, "html"), summary_html(app)),
    ];
    Effect::WriteSummary { files }
}

/// The executive summary of the project as saved (the sliders aside), in the UI's language,
/// through the very request `roi report` makes: reviewed as of this month, the tornado shown,
/// and the Monte Carlo run when one was made without sliders (a run with sliders is of other
/// inputs).
pub(super) fn summary_text(app: &App, format: Format) -> String {
    let run = match &app.simulation {
        SimulationState::Done(run) if app.drivers.is_neutral() => Some(run.as_ref()),
        _ => None,
    };
    let request = Request {
        project: &app.project,
        format,
        table: CsvTable::Monthly,
        lang: app.lang,
        drivers: Drivers::default(),
        scenario: None,
        tornado_width: app.tornado_width,
        monte_carlo: run,
        as_of: review_month(app),
    };
    match request::render(&request) {
        Ok(Rendered::Text(text)) => format!("{}\n", text.trim_end()),
        // Markdown and HTML are text and never fail.
        Ok(Rendered::Workbook(_)) | Err(_) => String::new(),
    }
}

pub fn summary_markdown(app: &App) -> String {
    summary_text(app, Format::Md)
}

pub fn summary_html(app: &App) -> String {
    summary_text(app, Format::Html)
}
