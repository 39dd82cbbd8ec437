//! The command line: clap definitions and one module per subcommand. Every subcommand goes
//! through the same core path as the workbench: `store` → `engine` → `report`.
//!
//! Exit codes: 0 success; 1 a project is invalid (or `check` found problems); 2 bad usage;
//! 3 a file could not be read or written (missing, permission denied, already exists).

pub mod actual;
pub mod check;
pub mod completions;
pub mod explain;
pub mod french_help;
pub mod goal_seek;
pub mod measure;
pub mod new;
pub mod portfolio;
pub mod report;
pub mod set;
pub mod table;
pub mod usage;

use crate::i18n::Lang;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "roi",
    version,
    about = "Decide which AI project to start, prove whether it pays, and keep measuring it.",
    long_about = "roi-workbench: a keyboard-driven terminal workbench for the ROI of AI projects.\n\n\
        Without a command, opens the workbench on PATH (a project file or a folder of projects),\n\
        or on your workspace folder, seeded with sample projects on first run.",
    after_help = "Exit codes: 0 success · 1 invalid project · 2 bad usage · 3 file unreadable or unwritable"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A project file or a folder of projects to open in the workbench.
    pub path: Option<PathBuf>,
    /// Language of the interface (default: from LANG).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<Lang>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check project files or folders; print each problem as file:line:column: message.
    Check(check::Args),
    /// Print a project's report as Markdown, HTML, JSON or CSV, or write it as an xlsx workbook.
    Report(report::Args),
    /// Create a new project file with the starter pack of five KPIs.
    New(new::Args),
    /// Set one value: `roi set FILE costs[1].monthly 750` (validated, atomic, comments kept).
    Set(set::Args),
    /// Add or replace one KPI measurement: `roi measure FILE adoption_rate 6 64`.
    Measure(measure::Args),
    /// Record the benefits measured since the start, by a month: `roi actual FILE 6 21000`.
    Actual(actual::Args),
    /// Find the value of one driver that reaches a target ROI, NPV or break-even month.
    GoalSeek(goal_seek::Args),
    /// The table of every project in a folder (invalid files included) with totals.
    Portfolio(portfolio::Args),
    /// Where a figure comes from: its formula, its values, its inputs down to the file.
    Explain(explain::Args),
    /// A two-way data table: a figure for every pair of values of two sliders.
    Table(table::Args),
    /// Print a shell completion script.
    Completions(completions::Args),
}

/// Exit code for an invalid project.
pub const EXIT_INVALID: u8 = 1;
/// Exit code for a command line that cannot be read (as clap's own refusals).
pub const EXIT_USAGE: u8 = 2;
/// Exit code for a file that cannot be read or written.
pub const EXIT_IO: u8 = 3;

impl Cli {
    /// Reads the command line; its help and refusals in `lang`, the language asked.
    pub fn read(args: &[std::ffi::OsString], lang: Lang) -> Result<Self, clap::Error> {
        use clap::{CommandFactory, FromArgMatches};
        let command = match lang {
            Lang::Fr => french_help::in_french(Self::command()),
            Lang::En => Self::command(),
        };
        Self::from_arg_matches(&command.try_get_matches_from(args)?)
    }

    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_else(Lang::detect)
    }
}

/// Runs a subcommand.
/// The command-line reference as a Markdown page: `roi --help`, then each command's `--help`,
/// at a fixed width (`docs/CLI-REFERENCE.md` is this page; a test keeps them equal).
pub fn reference() -> String {
    use clap::CommandFactory;
    let mut root = Cli::command().term_width(100);
    root.build();
    let help = |command: &mut clap::Command| {
        format!("```text\n{}\n```\n", command.render_long_help().to_string().trim_end())
    };
    let mut page = String::from(
        "# Command-line reference\n\nWhat `roi --help` and `roi COMMAND --help` print. \
         [CLI.md](CLI.md) says the same with examples.\n\n## roi\n\n",
    );
    page.push_str(&help(&mut root.clone()));
    for command in root.get_subcommands().filter(|c| c.get_name() != "help") {
        page.push_str(&format!("\n## roi {}\n\n", command.get_name()));
        page.push_str(&help(&mut command.clone()));
    }
    page
}

pub fn run(command: &Command, lang: Lang) -> ExitCode {
    match command {
        Command::Check(args) => check::run(args, lang),
        Command::Report(args) => report::run(args, lang),
        Command::New(args) => new::run(args, lang),
        Command::Set(args) => set::run(args, lang),
        Command::Measure(args) => measure::run(args, lang),
        Command::Actual(args) => actual::run(args, lang),
        Command::GoalSeek(args) => goal_seek::run(args, lang),
        Command::Portfolio(args) => portfolio::run(args, lang),
        Command::Explain(args) => explain::run(args, lang),
        Command::Table(args) => table::run(args, lang),
        Command::Completions(args) => completions::run(args),
    }
}

/// Writes text and a newline to stdout, its control characters escaped (a value from a file
/// cannot reach the terminal as a control sequence). A reader that went away
/// (`roi report … | head`) is not an error worth a panic: the output is simply cut.
pub fn emit(text: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stdout().lock(), "{}", crate::report::escape::terminal(text));
}

/// Writes a message and a newline to stderr, its control characters escaped.
pub fn tell(text: &str) {
    eprintln!("{}", crate::report::escape::terminal(text));
}

/// `eprintln!` for messages that may quote a file's values: see [`tell`].
#[macro_export]
macro_rules! tell {
    ($($arg:tt)*) => { $crate::cli::tell(&format!($($arg)*)) };
}

/// "Monte Carlo 3 200 / 10 000" on stderr while long work goes on, when stderr is a
/// terminal (a pipe or a file gets nothing); at most five times a second, from any thread.
pub struct Progress {
    label: &'static str,
    lang: Lang,
    shown: bool,
    last: std::sync::Mutex<std::time::Instant>,
}

impl Progress {
    pub fn on_stderr(label: &'static str, lang: Lang) -> Self {
        use std::io::IsTerminal;
        let last = std::sync::Mutex::new(std::time::Instant::now());
        Self { label, lang, shown: std::io::stderr().is_terminal(), last }
    }

    pub fn show(&self, done: usize, total: usize) {
        let Ok(mut last) = self.last.try_lock() else { return };
        if !self.shown || last.elapsed() < std::time::Duration::from_millis(200) {
            return;
        }
        *last = std::time::Instant::now();
        eprint!("\r{} {} / {}", self.label, self.lang.count(done), self.lang.count(total));
    }

    pub fn finish(&self) {
        if self.shown {
            eprint!("\r\x1b[2K");
        }
    }
}

/// Prints a load error on stderr and returns its exit code.
pub fn fail_load(error: &crate::store::LoadError, lang: Lang) -> ExitCode {
    for line in error.lines(lang) {
        tell(&line);
    }
    ExitCode::from(match error {
        crate::store::LoadError::Unreadable { .. } => EXIT_IO,
        crate::store::LoadError::Invalid { .. } => EXIT_INVALID,
    })
}
