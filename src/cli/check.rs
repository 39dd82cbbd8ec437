//! `roi check PATH…`: validate files and folders; every problem on its own line.

use super::{EXIT_INVALID, EXIT_IO};
use crate::store::{self, LoadError};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Project files or folders of projects.
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// Also check the subfolders of folders.
    #[arg(long, short)]
    pub recursive: bool,
}

/// 0 when every file is valid; 1 when one is invalid; 3 when one cannot be read.
pub fn run(args: &Args, lang: crate::i18n::Lang) -> ExitCode {
    let mut code = 0;
    let mut checked = 0;
    for path in &args.paths {
        let files = if path.is_dir() {
            match store::project_files(path, args.recursive) {
                Ok(files) => files,
                Err(error) => {
                    crate::tell!("{}", crate::i18n::errors::folder_unreadable(lang, path, &error));
                    code = EXIT_IO;
                    continue;
                }
            }
        } else {
            vec![path.clone()]
        };
        for file in files {
            checked += 1;
            match store::load(&file) {
                Ok(_) => {}
                Err(error @ LoadError::Invalid { .. }) => {
                    code = code.max(EXIT_INVALID);
                    error.lines(lang).iter().for_each(|line| super::emit(line));
                }
                Err(error @ LoadError::Unreadable { .. }) => {
                    code = EXIT_IO;
                    error.lines(lang).iter().for_each(|line| crate::tell!("{line}"));
                }
            }
        }
    }
    if code == 0 {
        crate::tell!("{}", crate::i18n::cli_text::files_valid(lang, checked));
    }
    ExitCode::from(code)
}
