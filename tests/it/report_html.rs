//! `roi report --format html`: golden pages, every sample well-formed and self-contained, and a
//! real browser — headless Chromium — drawing the page and printing it to PDF.
//!
//! Regenerate the golden pages with `INSTA_UPDATE=always cargo test report_html` after an
//! intended change, and review the diff. Without Chromium the browser test is skipped and says
//! so, unless `ROI_REQUIRE_EXTERNAL_TOOLS=1` (CI), where it fails.

use super::common;

use common::{AS_OF, report, sample, sample_files};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

fn html(file: &Path, lang: &str) -> String {
    report(file, &["--format", "html", "--lang", lang, "--as-of", AS_OF])
}

/// One project that breaks even and one that never does, in both languages.
#[test]
fn golden_page_service_client_fr() {
    golden_page("assistant-service-client", "fr");
}

#[test]
fn golden_page_service_client_en() {
    golden_page("assistant-service-client", "en");
}

#[test]
fn golden_page_cv_fr() {
    golden_page("tri-cv", "fr");
}

#[test]
fn golden_page_cv_en() {
    golden_page("tri-cv", "en");
}

fn golden_page(stem: &str, lang: &str) {
    insta::assert_snapshot!(format!("{stem}_html_{lang}"), html(&sample(stem), lang));
}

/// What would make a browser fetch something, or run something.
const OUTSIDE: [&str; 10] =
    ["http://", "https://", "<link", "<script", "src=", "href=", "url(", "@import", "<iframe", "<img"];

/// Every element the page may use: none of them loads anything.
const ELEMENTS: [&str; 28] = [
    "html", "head", "meta", "title", "style", "body", "main", "header", "footer", "h1", "h2", "h3", "h4",
    "h5", "h6", "p", "ul", "li", "table", "thead", "tbody", "tr", "th", "td", "figure", "svg", "line",
    "rect",
];
const SVG_ELEMENTS: [&str; 2] = ["polyline", "text"];

#[test]
fn every_sample_is_well_formed_and_self_contained() {
    for file in sample_files() {
        for lang in ["fr", "en"] {
            let page = html(&file, lang);
            for needle in OUTSIDE {
                assert!(!page.contains(needle), "{} ({lang}) holds `{needle}`", file.display());
            }
            let options =
                roxmltree::ParsingOptions { allow_dtd: true, ..roxmltree::ParsingOptions::default() };
            let parsed = roxmltree::Document::parse_with_options(&page, options)
                .unwrap_or_else(|e| panic!("{} ({lang}): {e}", file.display()));
            assert_eq!(parsed.root_element().attribute("lang"), Some(lang));
            for node in parsed.descendants().filter(|n| n.is_element()) {
                let tag = node.tag_name().name();
                assert!(
                    ELEMENTS.contains(&tag) || SVG_ELEMENTS.contains(&tag),
                    "<{tag}> in {}",
                    file.display()
                );
            }
            let charts = parsed.descendants().filter(|n| n.has_tag_name("svg")).count();
            // A run over the file's ranges adds what drives the NPV's uncertainty.
            use roi_workbench::i18n::{Lang, Text};
            let run = [Lang::Fr, Lang::En].iter().any(|l| page.contains(l.t(Text::UncertainInput)));
            let expected = 4 + usize::from(run);
            assert_eq!(charts, expected, "{} ({lang}): cash flow, TCO, tornado, spider", file.display());
        }
    }
}

/// A project name with markup in it reaches the page as text.
#[test]
fn the_project_name_is_escaped() {
    let folder = tempfile::tempdir().unwrap();
    let file = folder.path().join("p.toml");
    std::fs::write(&file, "schema = 1\n[project]\nname = \"R&D <script>x</script>\"\n").unwrap();
    let page = html(&file, "en");
    assert!(!page.contains("<script"), "{page}");
    assert!(page.contains("<title>R&amp;D &lt;script&gt;x&lt;/script&gt;</title>"), "{page}");
}

/// The browser: `chromium` or `chromium-browser` on the PATH.
fn browser() -> Option<PathBuf> {
    common::external_tool(
        &["chromium", "chromium-browser"],
        "the HTML report drawn and printed by a browser",
        "apt-get install chromium",
    )
}

/// Runs the browser headless on `page` with one more argument (what to produce), killing it
/// and failing after a minute so that the suite cannot hang.
fn run_browser(browser: &Path, page: &Path, output: &str) {
    use std::os::unix::process::CommandExt;
    let profile = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
            "--window-size=1200,3200",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(output)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        // Its own process group, so that a timeout kills the browser's helper processes too.
        .process_group(0)
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "{} {output} failed: {status}", browser.display());
            return;
        }
        if Instant::now() > deadline {
            use rustix::process::{Pid, Signal, kill_process_group};
            if let Some(group) = i32::try_from(child.id()).ok().and_then(Pid::from_raw) {
                let _ = kill_process_group(group, Signal::KILL);
            }
            let _ = child.wait();
            panic!("{} {output} did not finish within 60 s", browser.display());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The pixels of a PNG as RGB triples.
fn pixels(png_file: &Path) -> Vec<[u8; 3]> {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(png_file).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buffer = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut buffer).unwrap();
    assert_eq!(frame.bit_depth, png::BitDepth::Eight);
    let channels = match frame.color_type {
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        other => panic!("unexpected PNG colour type {other:?}"),
    };
    buffer[..frame.buffer_size()].chunks(channels).map(|p| [p[0], p[1], p[2]]).collect()
}

/// How many pixels are `colour`, give or take a little antialiasing.
fn count_near(pixels: &[[u8; 3]], colour: [u8; 3]) -> usize {
    pixels.iter().filter(|p| p.iter().zip(colour).all(|(a, b)| a.abs_diff(b) <= 6)).count()
}

#[test]
fn a_browser_draws_the_page_and_prints_it_to_pdf() {
    let Some(browser) = browser() else { return };
    let folder = tempfile::tempdir().unwrap();
    let page = folder.path().join("report.html");
    std::fs::write(&page, html(&sample("tri-cv"), "fr")).unwrap();

    let screenshot = folder.path().join("report.png");
    run_browser(&browser, &page, &format!("--screenshot={}", screenshot.display()));
    let pixels = pixels(&screenshot);
    assert_eq!(pixels.len(), 1200 * 3200);
    let inked = pixels.iter().filter(|p| p.iter().any(|c| *c < 230)).count();
    assert!(inked * 100 > pixels.len() * 3, "only {inked} of {} pixels are not white", pixels.len());
    // Colours only the charts use: the TCO bars, the tornado's "driver lowered" bars.
    for colour in [[0x4a, 0x6d, 0x96], [0xb4, 0xc4, 0xda]] {
        let count = count_near(&pixels, colour);
        assert!(count > 2_000, "{count} pixels of {colour:02x?}: the charts were not drawn");
    }

    let pdf = folder.path().join("report.pdf");
    run_browser(&browser, &page, &format!("--print-to-pdf={}", pdf.display()));
    let bytes = std::fs::read(&pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"), "not a PDF");
    assert!(bytes.len() > 20_000, "a PDF of {} bytes cannot hold the report", bytes.len());
}
