//! The `roi` binary: parse the command line and dispatch; nothing else.

use roi_workbench::cli::{self, Cli};
use std::process::ExitCode;

/// A folder of thousands of projects is mostly small allocations (parsed TOML, monthly
/// flows), freed at once: mimalloc makes them markedly cheaper than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // Past a file size limit (`ulimit -f`), a write fails with an error we report and clean
    // up after, rather than the signal killing the process mid-save.
    #[cfg(unix)]
    let _ = signal_hook::flag::register(
        signal_hook::consts::SIGXFSZ,
        std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false)),
    );
    // As the system gives them: a file name need not be UTF-8.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let asked = cli::usage::lang_asked(&args);
    let cli = match Cli::read(&args, asked) {
        Ok(cli) => cli,
        Err(error) => return cli::usage::refuse(&error, asked),
    };
    let lang = cli.lang();
    match &cli.command {
        Some(command) => cli::run(command, lang),
        None => match roi_workbench::tui::run(cli.path.as_deref(), lang) {
            Ok(code) => code,
            Err(error) => {
                eprintln!("roi: {error:#}");
                ExitCode::from(cli::EXIT_IO)
            }
        },
    }
}
