//! A report [`Document`] as one self-contained HTML page: inline CSS, inline SVG charts, no
//! script, no font or image to fetch, so it can be mailed, archived and printed to PDF as is.
//! Void elements are self-closed, so the page is well-formed XML too (the tests parse it).

use super::charts;
use super::document::{Align, Block, Chart, ChartData, Document, Table};
use super::markup::escape;
use crate::i18n::Lang;
use std::fmt::Write;

/// The page's style: readable on screen, and on A4 paper without a table row, a chart or a
/// highlighted box cut in two, headings kept with what follows, backgrounds printed.
const STYLE: &str = "\
*{box-sizing:border-box}
html{-webkit-print-color-adjust:exact;print-color-adjust:exact}
body{margin:0;background:#fff;color:#1a1a1a;font:15px/1.45 Helvetica,Arial,sans-serif}
main{max-width:860px;margin:0 auto;padding:32px 28px}
h1{font-size:26px;margin:0 0 4px;color:#1f3a5f}
.subtitle{margin:0 0 24px;color:#555}
h2{font-size:19px;margin:28px 0 10px;padding-bottom:4px;border-bottom:2px solid #1f3a5f;color:#1f3a5f}
h3{font-size:16px;margin:20px 0 8px}
.emphasis{margin:14px 0;padding:10px 14px;border-left:5px solid #1f3a5f;background:#e8eef6;font-weight:bold}
table{border-collapse:collapse;margin:10px 0;width:100%}
th,td{padding:5px 8px;border-bottom:1px solid #ccc;text-align:left;vertical-align:top}
thead th{border-bottom:2px solid #1f3a5f}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.facts{width:auto;min-width:60%}
table.facts th{font-weight:normal;color:#333;padding-right:24px}
table.facts td{text-align:right;font-weight:bold;font-variant-numeric:tabular-nums}
figure{margin:16px 0}
figure svg{display:block;max-width:100%;height:auto}
footer{margin-top:32px;padding-top:8px;border-top:1px solid #ccc;font-size:12px;color:#555}
@page{size:A4;margin:14mm 12mm}
@media print{
body{font-size:10pt}
main{max-width:none;padding:0}
h2,h3{break-after:avoid;page-break-after:avoid}
figure,.emphasis,table.facts,tr{break-inside:avoid;page-break-inside:avoid}
thead{display:table-header-group}
}
";

/// The whole page of `document`, each chart drawn from `data`.
pub fn render(document: &Document, data: &ChartData<'_>) -> String {
    let lang = document.lang;
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\"/>\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n",
        lang.code(),
        escape(&document.title)
    );
    let _ = writeln!(out, "<header>\n<h1>{}</h1>", escape(&document.title));
    if !document.subtitle.is_empty() {
        let _ = writeln!(out, "<p class=\"subtitle\">{}</p>", escape(&document.subtitle));
    }
    out.push_str("</header>\n");
    for block in &document.blocks {
        write_block(&mut out, block, data, lang);
    }
    if !document.footer.is_empty() {
        let _ = writeln!(out, "<footer>{}</footer>", escape(&document.footer));
    }
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn write_block(out: &mut String, block: &Block, data: &ChartData<'_>, lang: Lang) {
    match block {
        Block::Heading { level, text } => {
            // h1 is the document's title: sections start at h2, and HTML stops at h6.
            let level = (*level).clamp(2, 6);
            let _ = writeln!(out, "<h{level}>{}</h{level}>", escape(text));
        }
        Block::Paragraph(text) => {
            let _ = writeln!(out, "<p>{}</p>", escape(text));
        }
        Block::Emphasis(text) => {
            let _ = writeln!(out, "<p class=\"emphasis\">{}</p>", escape(text));
        }
        Block::Bullets(items) => {
            out.push_str("<ul>\n");
            for item in items {
                let _ = writeln!(out, "<li>{}</li>", escape(item));
            }
            out.push_str("</ul>\n");
        }
        Block::Facts(facts) => write_facts(out, facts),
        Block::Table(table) => write_table(out, table),
        Block::Chart(chart) => write_chart(out, *chart, data, lang),
    }
}

/// `label: value` pairs as a two-column table, labels as row headers.
fn write_facts(out: &mut String, facts: &[(String, String)]) {
    out.push_str("<table class=\"facts\">\n<tbody>\n");
    for (label, value) in facts {
        // A figure never breaks across lines (French groups digits with spaces); a sentence may.
        let class = if is_figure(value) { " class=\"num\"" } else { "" };
        let _ = writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td{class}>{}</td></tr>",
            escape(label),
            escape(value)
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// A value that reads as one figure: an amount, a percentage, a month.
fn is_figure(value: &str) -> bool {
    value.len() <= 32 && value.chars().next().is_some_and(|c| c.is_ascii_digit() || "-€$£".contains(c))
}

/// The class that right-aligns a number column.
fn align_class(align: Align) -> &'static str {
    match align {
        Align::Left => "",
        Align::Right => " class=\"num\"",
    }
}

fn write_table(out: &mut String, table: &Table) {
    out.push_str("<table>\n<thead>\n<tr>");
    for (title, align) in &table.columns {
        let _ = write!(out, "<th scope=\"col\"{}>{}</th>", align_class(*align), escape(title));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            // A row longer than the header has no column to take an alignment from.
            let align = table.columns.get(i).map_or(Align::Left, |(_, align)| *align);
            let _ = write!(out, "<td{}>{}</td>", align_class(align), escape(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The chart as an inline image. No caption: the document's headings title it, and the image
/// carries its own name for screen readers.
fn write_chart(out: &mut String, chart: Chart, data: &ChartData<'_>, lang: Lang) {
    let _ = writeln!(out, "<figure>\n{}\n</figure>", charts::render(chart, data, lang));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Drivers, Figures, Project};

    const HOSTILE: &str = "R&D <script>alert('x')</script> \"Ω\"";

    /// A document holding every kind of block, with markup characters in every text.
    fn document(lang: Lang) -> Document {
        Document {
            lang,
            title: HOSTILE.to_owned(),
            subtitle: "sub <i>".to_owned(),
            blocks: vec![
                Block::Heading { level: 2, text: "Situation & <b>".to_owned() },
                Block::Heading { level: 9, text: "deep".to_owned() },
                Block::Paragraph(HOSTILE.to_owned()),
                Block::Emphasis("Go <now>".to_owned()),
                Block::Bullets(vec!["a < b".to_owned(), "c & d".to_owned()]),
                Block::Facts(vec![("NPV <".to_owned(), "€1,000".to_owned())]),
                Block::Table(Table {
                    columns: vec![("Name".to_owned(), Align::Left), ("Amount".to_owned(), Align::Right)],
                    rows: vec![vec!["x & y".to_owned(), "12".to_owned(), "extra".to_owned()]],
                }),
            ]
            .into_iter()
            .chain(Chart::ALL.map(Block::Chart))
            .collect(),
            footer: "foot >".to_owned(),
        }
    }

    fn page(lang: Lang) -> String {
        let project = Project::named("p");
        let figures = Figures::compute(&project, &Drivers::default());
        render(
            &document(lang),
            &ChartData { project: &project, figures: &figures, tornado: &[], spider: &[], monte_carlo: None },
        )
    }

    fn parse(page: &str) -> roxmltree::Document<'_> {
        let options = roxmltree::ParsingOptions { allow_dtd: true, ..roxmltree::ParsingOptions::default() };
        roxmltree::Document::parse_with_options(page, options).unwrap_or_else(|e| panic!("{e}: {page}"))
    }

    fn element<'a>(parsed: &'a roxmltree::Document<'_>, tag: &str) -> Vec<roxmltree::Node<'a, 'a>> {
        parsed.descendants().filter(|n| n.has_tag_name(tag)).collect()
    }

    #[test]
    fn the_page_is_well_formed_in_the_document_language() {
        for (lang, code) in [(Lang::Fr, "fr"), (Lang::En, "en")] {
            let page = page(lang);
            assert!(page.starts_with("<!DOCTYPE html>\n"));
            let parsed = parse(&page);
            assert_eq!(parsed.root_element().attribute("lang"), Some(code));
            assert_eq!(element(&parsed, "meta")[0].attribute("charset"), Some("utf-8"));
        }
    }

    #[test]
    fn every_text_is_escaped() {
        let page = page(Lang::En);
        assert!(!page.contains("<script") && !page.contains("<i>") && !page.contains("<now>"), "{page}");
        let parsed = parse(&page);
        assert_eq!(element(&parsed, "title")[0].text(), Some(HOSTILE));
        assert_eq!(element(&parsed, "h1")[0].text(), Some(HOSTILE));
        assert_eq!(element(&parsed, "p")[1].text(), Some(HOSTILE), "the paragraph after the subtitle");
        assert_eq!(element(&parsed, "h2")[0].text(), Some("Situation & <b>"));
    }

    #[test]
    fn each_block_has_its_layout() {
        let page = page(Lang::En);
        let parsed = parse(&page);
        assert_eq!(element(&parsed, "h6")[0].text(), Some("deep"), "levels stop at h6");
        let emphasis = element(&parsed, "p").into_iter().find(|p| p.attribute("class") == Some("emphasis"));
        assert_eq!(emphasis.and_then(|p| p.text()), Some("Go <now>"));
        assert_eq!(element(&parsed, "li").len(), 2);
        let facts =
            element(&parsed, "table").into_iter().find(|t| t.attribute("class") == Some("facts")).unwrap();
        let cells: Vec<&str> =
            facts.descendants().filter(|n| n.is_element()).map(|n| n.tag_name().name()).collect();
        assert_eq!(cells, ["table", "tbody", "tr", "th", "td"], "label and value in two columns");
        let data_cells: Vec<Option<&str>> =
            element(&parsed, "td")[1..].iter().map(|n| n.attribute("class")).collect();
        assert_eq!(data_cells, [None, Some("num"), None], "numbers right-aligned, an extra cell left");
        assert_eq!(element(&parsed, "footer")[0].text(), Some("foot >"));
    }

    #[test]
    fn each_chart_block_becomes_an_inline_svg_in_its_place() {
        let page = page(Lang::Fr);
        let parsed = parse(&page);
        let labels: Vec<&str> =
            element(&parsed, "svg").iter().filter_map(|n| n.attribute("aria-label")).collect();
        let expected: Vec<&str> =
            Chart::ALL.into_iter().map(|chart| charts::title(chart, Lang::Fr)).collect();
        assert_eq!(labels, expected);
        let figure = element(&parsed, "figure")[0];
        assert_eq!(figure.prev_sibling_element().map(|n| n.tag_name().name()), Some("table"));
    }
}
