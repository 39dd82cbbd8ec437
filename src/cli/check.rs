//! `roi check PATH…`: validate files and folders; every problem on its own line.

use super::EXIT_INVALID;
use crate::store;
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

pub fn run(args: &Args) -> ExitCode {
    let mut failed = false;
    let mut checked = 0;
    for path in &args.paths {
        let files = if path.is_dir() {
            match store::project_files(path, args.recursive) {
                Ok(files) => files,
                Err(error) => {
                    eprintln!("{}: cannot read the folder: {error}", path.display());
                    failed = true;
                    continue;
                }
            }
        } else {
            vec![path.clone()]
        };
        for file in files {
            checked += 1;
            if let Err(error) = store::load(&file) {
                failed = true;
                for line in error.lines() {
                    super::emit(&line);
                }
            }
        }
    }
    if failed {
        ExitCode::from(EXIT_INVALID)
    } else {
        eprintln!("{checked} project file(s) valid");
        ExitCode::SUCCESS
    }
}
