//! Text from a project file made inert, one function per kind of output. A file travels
//! between colleagues: its names, units and decisions must never become a spreadsheet formula,
//! Markdown structure or a terminal control sequence in whatever reads what we write.
//!
//! Control characters are C0 (but tab and line feed), DEL, C1 (U+0080–U+009F) and the
//! bidirectional controls: in reports they are dropped, in messages shown escaped (`\u{1b}`),
//! in JSON written as `\uXXXX` escapes.

use std::fmt::Write;

pub use crate::domain::inert::{is_control, without_controls};

/// For a terminal or a log: every control character written as `\u{…}`, so that a value
/// quoted in a message can neither move the cursor, retitle the window nor reset the screen.
pub fn terminal(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_control(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// For Markdown: structure characters backslashed, so that a project named `*draft*`, a line
/// starting with `#`, a `[link](javascript:…)` or `<script>` is shown as written; a line break
/// is a space and a `|` cannot end a table cell.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in without_controls(text).chars() {
        match c {
            '\\' | '*' | '_' | '`' | '<' | '>' | '[' | ']' | '#' | '|' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break. A cell a
/// spreadsheet would run as a formula — starting with `=`, `+`, `-`, `@`, a tab or a carriage
/// return — gets the customary `'` in front, unless it is a plain number (`-12.35`).
pub fn csv(text: &str) -> String {
    let is_number = text.parse::<rust_decimal::Decimal>().is_ok();
    // The full-width and small compatibility forms too: a spreadsheet may fold them to `=`…
    let starts_a_formula =
        text.starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠', '﹦', '﹢', '﹣', '﹫']);
    let clean = without_controls(text.strip_prefix('\r').unwrap_or(text));
    let cell = if starts_a_formula && !is_number { format!("'{clean}") } else { clean };
    if cell.contains([',', '"', '\n']) { format!("\"{}\"", cell.replace('"', "\"\"")) } else { cell }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 12: input → what each kind of output writes.
    #[test]
    fn every_output_kind_is_inert() {
        let cases: &[(&str, &str, &str, &str)] = &[
            // (file text, CSV, Markdown, terminal)
            ("plain", "plain", "plain", "plain"),
            (
                "=HYPERLINK(\"http://x\",\"y\")",
                "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"",
                "=HYPERLINK(\"http://x\",\"y\")",
                "=HYPERLINK(\"http://x\",\"y\")",
            ),
            ("+1+2", "'+1+2", "+1+2", "+1+2"),
            // Issue 23: compatibility forms a spreadsheet may fold to `=`, `+`, `-`, `@`.
            ("＝1+2", "'＝1+2", "＝1+2", "＝1+2"),
            ("﹢1", "'﹢1", "﹢1", "﹢1"),
            ("＠SUM(A1)", "'＠SUM(A1)", "＠SUM(A1)", "＠SUM(A1)"),
            ("-2+3", "'-2+3", "-2+3", "-2+3"),
            ("-12.35", "-12.35", "-12.35", "-12.35"),
            ("@SUM(A1)", "'@SUM(A1)", "@SUM(A1)", "@SUM(A1)"),
            ("\tx", "'\tx", " x", "\tx"),
            ("\rx", "'x", "x", "\\u{d}x"),
            ("a, b", "\"a, b\"", "a, b", "a, b"),
            ("<script>", "<script>", "\\<script\\>", "<script>"),
            (
                "[click](javascript:alert(1))",
                "[click](javascript:alert(1))",
                "\\[click\\](javascript:alert(1))",
                "[click](javascript:alert(1))",
            ),
            (
                "\"><img src=x onerror=1>",
                "\"\"\"><img src=x onerror=1>\"",
                "\"\\>\\<img src=x onerror=1\\>",
                "\"><img src=x onerror=1>",
            ),
            ("a|b", "a|b", "a\\|b", "a|b"),
            (
                "\u{1b}]0;pwned\u{7}\u{1b}[2J\u{1b}c",
                "]0;pwned[2J\u{63}",
                "\\]0;pwned\\[2Jc",
                "\\u{1b}]0;pwned\\u{7}\\u{1b}[2J\\u{1b}c",
            ),
            ("x\u{9b}y\u{7f}", "xy", "xy", "x\\u{9b}y\\u{7f}"),
        ];
        for (text, csv_cell, md, term) in cases {
            assert_eq!(&csv(text), csv_cell, "csv of {text:?}");
            assert_eq!(&markdown(text), md, "markdown of {text:?}");
            assert_eq!(&terminal(text), term, "terminal of {text:?}");
        }
    }
}
