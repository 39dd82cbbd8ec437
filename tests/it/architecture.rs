//! The domain is pure: no terminal, no command line, no file access (ARCHITECTURE.md rule 1).
//! It is its own crate, `crates/roi-core`, whose manifest names no terminal, file or
//! command-line crate, so such a `use` does not compile; what a manifest cannot forbid —
//! `std::fs`, `std::io`, `std::env` — is checked here.

use std::path::Path;

const FORBIDDEN_CRATES: [&str; 6] = ["ratatui", "crossterm", "clap", "toml_edit", "tempfile", "directories"];
const FORBIDDEN_STD: [&str; 4] = ["std::fs", "std::io", "std::env", "std::process"];

fn core() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("crates/roi-core")
}

/// Every `.rs` file under `folder`, subfolders included.
fn rust_files(folder: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

#[test]
fn the_core_crate_depends_on_no_terminal_file_or_command_line_crate() {
    let manifest = std::fs::read_to_string(core().join("Cargo.toml")).unwrap();
    let dependencies = manifest.split("[dev-dependencies]").next().unwrap_or_default();
    for name in FORBIDDEN_CRATES {
        assert!(!dependencies.contains(name), "roi-core depends on {name}");
    }
}

#[test]
fn the_core_touches_no_file_process_or_environment() {
    let files = rust_files(&core().join("src"));
    assert!(files.len() > 20, "the domain's modules are there");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        // Tests may parse TOML to check the number format; the code above them may not.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for word in FORBIDDEN_STD {
            assert!(!code.contains(word), "{} mentions {word}", file.display());
        }
    }
}

/// `update` is pure, and so is everything it calls: the workbench's modules other than the
/// runtime (`src/tui/runtime*`) and the folder reader it runs (`workspace.rs`) read no file,
/// no environment, no clock. What IO learned reaches them through actions and the context.
#[test]
fn the_workbench_outside_its_runtime_does_no_io() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui");
    let files = rust_files(&folder);
    let shell = |path: &Path| {
        let inner = path.strip_prefix(&folder).unwrap().to_string_lossy();
        !inner.starts_with("runtime") && inner != "workspace.rs" && inner != "theme.rs"
    };
    let io = [
        "std::fs",
        "std::env",
        "std::process",
        "SystemTime::now",
        "Instant::now",
        "this_month()",
        "is_read_only",
    ];
    for file in files.iter().filter(|f| shell(f)) {
        let text = std::fs::read_to_string(file).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for word in io {
            assert!(!code.contains(word), "{} mentions {word}", file.display());
        }
    }
}

/// Issue 24: the file layer does not depend on the language layer — `store` returns typed
/// errors and `i18n` says them (an arrow from `store` to `i18n` made a loop of the two). Its
/// code names no `i18n` item; comments may name the layer that says its errors.
#[test]
fn the_file_layer_does_not_depend_on_the_language_layer() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = rust_files(&src.join("store"));
    files.push(src.join("store.rs"));
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let code: String =
            text.lines().filter(|line| !line.trim_start().starts_with("//")).collect::<Vec<_>>().join("\n");
        for word in ["crate::i18n", "super::i18n", "i18n::"] {
            assert!(!code.contains(word), "{} mentions {word}", file.display());
        }
    }
}
