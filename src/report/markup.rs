//! Escaping for HTML and SVG, and a small writer of SVG elements: every piece of text that
//! reaches the markup goes through [`escape`], and every coordinate through one formatter.

use std::fmt::Write;

/// Text made safe for an HTML or XML text node or a quoted attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in super::escape::without_controls(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// A coordinate with one decimal: a tenth of a pixel is below what a screen or a printer shows,
/// and it keeps the files (and their golden snapshots) short.
fn coord(value: f64) -> String {
    format!("{value:.1}")
}

/// Where a text sits relative to its point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

impl Anchor {
    fn keyword(self) -> &'static str {
        match self {
            Anchor::Start => "start",
            Anchor::Middle => "middle",
            Anchor::End => "end",
        }
    }
}

/// An SVG image being written, one element a line (so that golden pages diff readably). `paint` arguments are presentation attributes chosen by the
/// charts (constants, never user text), so the image looks the same inside the page and alone.
pub struct Svg {
    out: String,
}

impl Svg {
    /// An image `width` × `height` units wide, scaling to its container; `label` names it for
    /// screen readers. It is written to sit inside an HTML page, which puts it in the SVG
    /// namespace by itself: no `xmlns`, so the page holds no address at all.
    pub fn new(width: f64, height: f64, label: &str) -> Self {
        let mut out = String::new();
        let _ = writeln!(
            out,
            r#"<svg viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{label}" font-family="Helvetica, Arial, sans-serif" font-size="12">"#,
            w = coord(width),
            h = coord(height),
            label = escape(label),
        );
        Self { out }
    }

    pub fn line(&mut self, from: (f64, f64), to: (f64, f64), paint: &str) {
        let _ = writeln!(
            self.out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" {paint}/>"#,
            coord(from.0),
            coord(from.1),
            coord(to.0),
            coord(to.1)
        );
    }

    /// A rectangle between two corners given in any order (SVG refuses negative sizes).
    pub fn rect(&mut self, corner: (f64, f64), opposite: (f64, f64), paint: &str) {
        let _ = writeln!(
            self.out,
            r#"<rect x="{}" y="{}" width="{}" height="{}" {paint}/>"#,
            coord(corner.0.min(opposite.0)),
            coord(corner.1.min(opposite.1)),
            coord((opposite.0 - corner.0).abs()),
            coord((opposite.1 - corner.1).abs())
        );
    }

    pub fn polyline(&mut self, points: &[(f64, f64)], paint: &str) {
        let points: Vec<String> =
            points.iter().map(|(x, y)| format!("{},{}", coord(*x), coord(*y))).collect();
        let _ = writeln!(self.out, r#"<polyline points="{}" fill="none" {paint}/>"#, points.join(" "));
    }

    pub fn text(&mut self, at: (f64, f64), anchor: Anchor, paint: &str, text: &str) {
        let _ = writeln!(
            self.out,
            r#"<text x="{}" y="{}" text-anchor="{}" {paint}>{}</text>"#,
            coord(at.0),
            coord(at.1),
            anchor.keyword(),
            escape(text)
        );
    }

    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_every_markup_character() {
        assert_eq!(escape(r#"R&D <IA> "ok" l'équipe"#), "R&amp;D &lt;IA&gt; &quot;ok&quot; l&#39;équipe");
    }

    #[test]
    fn a_rectangle_given_backwards_has_a_positive_size() {
        let mut svg = Svg::new(10.0, 10.0, "t");
        svg.rect((8.0, 6.0), (2.0, 1.0), "");
        let text = svg.finish();
        assert!(text.contains("<rect x=\"2.0\" y=\"1.0\" width=\"6.0\" height=\"5.0\" />\n"), "{text}");
    }

    #[test]
    fn text_and_label_are_escaped_and_the_image_is_well_formed() {
        let mut svg = Svg::new(100.0, 50.0, "a<b");
        svg.text((1.0, 2.0), Anchor::End, r##"fill="#000""##, "R&D <script>");
        let text = svg.finish();
        let parsed = roxmltree::Document::parse(&text).unwrap();
        let node = parsed.descendants().find(|n| n.has_tag_name("text")).unwrap();
        assert_eq!(node.text(), Some("R&D <script>"));
        assert_eq!(parsed.root_element().attribute("aria-label"), Some("a<b"));
    }
}
