//! A `Document` as Markdown. Charts have no Markdown form: the HTML report draws them.

use super::document::{Align, Block, Document, Table};
use std::fmt::Write;

pub fn render(document: &Document) -> String {
    let mut out = format!("# {}\n\n{}\n", escape(&document.title), escape(&document.subtitle));
    for block in &document.blocks {
        write_block(&mut out, block);
    }
    let _ = write!(out, "\n---\n{}\n", escape(&document.footer));
    out
}

fn write_block(out: &mut String, block: &Block) {
    match block {
        Block::Heading { level, text } => {
            let _ = write!(out, "\n{} {}\n", "#".repeat(usize::from(*level)), escape(text));
        }
        Block::Paragraph(text) => {
            let _ = write!(out, "\n{}\n", escape(text));
        }
        Block::Emphasis(text) => {
            let _ = write!(out, "\n> **{}**\n", escape(text));
        }
        Block::Bullets(items) => {
            out.push('\n');
            for item in items {
                let _ = writeln!(out, "- {}", escape(item));
            }
        }
        Block::Facts(facts) => {
            let rows = facts.iter().map(|(label, value)| vec![label.clone(), value.clone()]).collect();
            let columns = vec![(String::new(), Align::Left), (String::new(), Align::Right)];
            write_table(out, &Table { columns, rows });
        }
        Block::Table(table) => write_table(out, table),
        Block::Chart(_) => {}
    }
}

fn write_table(out: &mut String, table: &Table) {
    let _ = write!(out, "\n{}", self::table(table));
}

/// A table in Markdown: titles, alignment rule, one line per row; every cell escaped by the
/// one rule of `escape::markdown`, so a `|` or a line break cannot end a cell or a row.
pub fn table(table: &Table) -> String {
    let cells = |row: &[String]| row.iter().map(|c| escape(c)).collect::<Vec<_>>().join(" | ");
    let titles: Vec<String> = table.columns.iter().map(|(title, _)| title.clone()).collect();
    let rule: Vec<&str> = table
        .columns
        .iter()
        .map(|(_, align)| match align {
            Align::Left => "---",
            Align::Right => "---:",
        })
        .collect();
    let mut out = format!("| {} |\n|{}|\n", cells(&titles), rule.join("|"));
    for row in &table.rows {
        let _ = writeln!(out, "| {} |", cells(row));
    }
    out
}

use super::escape::markdown as escape;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    fn document(blocks: Vec<Block>) -> Document {
        Document {
            lang: Lang::En,
            title: "Title".into(),
            subtitle: "sub".into(),
            blocks,
            footer: "foot".into(),
        }
    }

    #[test]
    fn tables_keep_their_alignment_and_escape_pipes() {
        let table = Table {
            columns: vec![("Name".into(), Align::Left), ("Value".into(), Align::Right)],
            rows: vec![vec!["a|b".into(), "1".into()]],
        };
        let text = render(&document(vec![Block::Table(table)]));
        assert!(text.contains("| Name | Value |\n|---|---:|\n| a\\|b | 1 |\n"), "{text}");
    }

    #[test]
    fn file_text_cannot_inject_markdown() {
        let text = render(&document(vec![Block::Paragraph("# *big* <b>".into())]));
        assert!(text.contains("\\# \\*big\\* \\<b\\>"), "{text}");
    }

    #[test]
    fn headings_emphasis_and_bullets() {
        let blocks = vec![
            Block::Heading { level: 2, text: "Impact".into() },
            Block::Emphasis("Scale".into()),
            Block::Bullets(vec!["one".into(), "two".into()]),
        ];
        let text = render(&document(blocks));
        assert!(text.contains("\n## Impact\n\n> **Scale**\n\n- one\n- two\n"), "{text}");
        assert!(text.ends_with("\n---\nfoot\n"));
    }
}
