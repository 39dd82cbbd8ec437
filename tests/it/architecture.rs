//! The domain is pure: no terminal, no command line, no file access (ARCHITECTURE.md rule 1).

use std::path::Path;

const FORBIDDEN: [&str; 7] = ["ratatui", "crossterm", "clap", "std::fs", "std::io", "toml_edit", "std::env"];

#[test]
fn the_domain_touches_no_terminal_no_file_and_no_command_line() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain");
    let mut files: Vec<_> = std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().path()).collect();
    files.push(folder.with_extension("rs"));
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // Tests may parse TOML to check the number format; the code above them may not.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for word in FORBIDDEN {
            assert!(!code.contains(word), "{} mentions {word}", file.display());
        }
    }
}
