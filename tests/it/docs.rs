//! Issue 24: the documentation stands alone and says what the program does. The README is a
//! front page (at most 2 000 words); every link of every page leads to a file of the
//! repository and, with an anchor, to one of its headings; the key reference is the keymap's
//! and the command-line reference is clap's, regenerated with `ROI_WRITE_DOCS=1 cargo test
//! --test it docs::` after a change.

use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every Markdown page of the documentation.
fn pages() -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> =
        ["README.md", "FORMAT.md", "CONTRIBUTING.md"].iter().map(|p| root().join(p)).collect();
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    pages.extend(docs);
    pages
}

/// GitHub's anchor of a heading: lower case, spaces to `-`, punctuation but `-` and `_` dropped.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

fn anchors(text: &str) -> Vec<String> {
    text.lines().filter(|l| l.starts_with('#')).map(|l| slug(l.trim_start_matches('#'))).collect()
}

/// The targets of the inline links `[text](target)` of a page, outside code.
fn links(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut in_code = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
        }
        if in_code {
            continue;
        }
        let mut rest = line;
        while let Some(at) = rest.find("](") {
            let tail = &rest[at + 2..];
            let Some(end) = tail.find(')') else { break };
            found.push(tail[..end].to_owned());
            rest = &tail[end..];
        }
    }
    found
}

#[test]
fn the_readme_is_a_front_page() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let words = readme.split_whitespace().count();
    assert!(words <= 2_000, "README.md has {words} words");
    assert!(readme.contains("cargo test"), "the README gives the test command");
    assert!(pages().iter().filter(|p| p.starts_with(root().join("docs"))).count() >= 3);
}

#[test]
fn every_link_leads_inside_the_repository_to_what_it_names() {
    for page in pages() {
        let text = std::fs::read_to_string(&page).unwrap();
        for link in links(&text) {
            assert!(!link.contains("://"), "{}: {link} leaves the repository", page.display());
            // A page never climbs out of its folder: what it names above it, it names in words.
            assert!(!link.starts_with("../"), "{}: {link} climbs out of its folder", page.display());
            let (file, anchor) = link.split_once('#').unwrap_or((&link, ""));
            let target = if file.is_empty() { page.clone() } else { page.parent().unwrap().join(file) };
            assert!(target.exists(), "{}: {link}: no {}", page.display(), target.display());
            if !anchor.is_empty() {
                let heads = anchors(&std::fs::read_to_string(&target).unwrap());
                assert!(heads.contains(&anchor.to_owned()), "{}: {link}: no such heading", page.display());
            }
        }
    }
}

/// A generated page equals what its source says now, or is rewritten when asked.
fn generated(path: &str, expected: &str) {
    let path = root().join(path);
    if std::env::var_os("ROI_WRITE_DOCS").is_some() {
        std::fs::write(&path, expected).unwrap();
    }
    let written = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        written == expected,
        "{} is not what the program says; run ROI_WRITE_DOCS=1 cargo test --test it docs::",
        path.display()
    );
}

#[test]
fn the_key_reference_is_the_keymap() {
    generated("docs/KEYS.md", &roi_workbench::tui::keymap::reference(roi_workbench::i18n::Lang::En));
}

#[test]
fn the_command_line_reference_is_clap_s() {
    generated("docs/CLI-REFERENCE.md", &roi_workbench::cli::reference());
}

#[test]
fn anchors_are_github_s() {
    assert_eq!(slug(" Spreadsheet report (`--format xlsx`)"), "spreadsheet-report---format-xlsx");
    assert_eq!(slug("Shared folders: what is guaranteed"), "shared-folders-what-is-guaranteed");
}
