//! `wegwijs simulate --html` as a municipal policy adviser reads it: in
//! Dutch by default, the summary first (what shifts, for how many signals,
//! by which rule, scaled with `--per-year`, and that the corpus is
//! synthetic), examples to open, a chart that prints and reads without
//! colour, the technical details last; no English in the Dutch page; text
//! from a bundle escaped; and, with headless Chromium, the summary above
//! the fold of a 1280×800 window.
//!
//! One corpus of 300 signals (seed 1) and region D against the national
//! defaults, simulated once per variant and shared by the tests.

use crate::util::{TempDir, example_bundle, wegwijs};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

const REGION_D: &str = "examples/regions/d-config-only";

fn ok(o: &Output) -> &Output {
    assert_eq!(o.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&o.stderr));
    o
}

/// One simulation's page and JSON report, and the directory holding them.
struct Simulated {
    html: String,
    json: serde_json::Value,
    path: PathBuf,
    _dir: TempDir,
}

/// Region D against national on the 300-signal corpus, with `extra` options.
fn simulate(label: &str, extra: &[&str]) -> Simulated {
    let dir = TempDir::new(label);
    let corpus = dir.0.join("corpus.jsonl");
    ok(&wegwijs(&["corpus", "--n", "300", "--seed", "1", "--out", corpus.to_str().unwrap()]));
    let path = dir.0.join("rapport.html");
    let mut args = vec![
        "simulate",
        "--corpus",
        corpus.to_str().unwrap(),
        "--region",
        REGION_D,
        "--against",
        "national",
        "--format",
        "json",
        "--html",
        path.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let o = wegwijs(&args);
    let json = serde_json::from_slice(&ok(&o).stdout).unwrap();
    let html = std::fs::read_to_string(&path).unwrap();
    Simulated { html, json, path, _dir: dir }
}

/// The Dutch page scaled to 1 000 signals a year.
fn per_year() -> &'static Simulated {
    static R: OnceLock<Simulated> = OnceLock::new();
    R.get_or_init(|| simulate("report-per-year", &["--per-year", "1000"]))
}

/// The Dutch page with the corpus's own counts.
fn plain() -> &'static Simulated {
    static R: OnceLock<Simulated> = OnceLock::new();
    R.get_or_init(|| simulate("report-plain", &[]))
}

/// The part of `html` from `<section id="{id}"` to its `</section>`.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let start = html.find(&format!("<section id=\"{id}\"")).unwrap_or_else(|| panic!("no section {id}"));
    let end = start + html[start..].find("</section>").unwrap();
    &html[start..end]
}

/// `count` of 300 signals scaled to `year`, rounded as the report rounds.
fn scaled(count: u64, year: u64) -> u64 {
    (count * year * 2 + 300) / 600
}

/// The largest shift in the JSON report: from, to, signals, rules.
fn first_shift(json: &serde_json::Value) -> (Vec<String>, Vec<String>, u64, Vec<String>) {
    let s = &json["shifts"][0];
    let names = |v: &serde_json::Value| v.as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()).collect();
    (names(&s["from"]), names(&s["to"]), s["signals"].as_u64().unwrap(), names(&s["rules"]))
}

#[test]
fn the_summary_comes_first_and_names_routes_counts_and_rules() {
    let r = per_year();
    let html = &r.html;
    assert!(html.contains("<html lang=\"nl\">"), "Dutch by default");
    // The summary is the first content after the title.
    let h1_end = html.find("</h1>").expect("a title");
    assert!(html[h1_end + "</h1>".len()..].trim_start().starts_with("<section id=\"samenvatting\">"), "{html}");

    // Region D moves single psychosocial questions from jeugd-GGZ to the POH-jeugd, citing RT-A2.
    let (from, to, signals, rules) = first_shift(&r.json);
    assert_eq!(
        (from.as_slice(), to.as_slice()),
        (["jeugd-ggz".to_string()].as_slice(), ["poh-jeugd".to_string()].as_slice())
    );
    assert!(signals > 0);
    assert!(rules.contains(&"RT-A2".to_string()), "{rules:?}");
    let summary = section(html, "samenvatting");
    let expected = format!(
        "Van de 1.000 signalen per jaar gaan er naar schatting {} naar de POH-jeugd in plaats van naar de jeugd-GGZ",
        scaled(signals, 1000)
    );
    assert!(summary.contains(&expected), "{expected}\n{summary}");
    assert!(summary.contains("<code>RT-A2</code>"), "{summary}");
    // Which route gains and which loses.
    assert!(summary.contains("meer signalen naar") && summary.contains("minder signalen naar"), "{summary}");
    assert!(summary.contains("POH-jeugd (+") && summary.contains("jeugd-GGZ (\u{2212}"), "{summary}");
    // The caveat, with the source of the corpus's proportions.
    for words in ["synthetisch", "Nader Onderzoek JGZ en Jeugdhulp", "CBS", "docs/corpus.md", "naar schatting"] {
        assert!(summary.contains(words), "{words}: {summary}");
    }
    // No throughput or configuration details before the appendix.
    let appendix = html.find("<section id=\"technische-bijlage\">").unwrap();
    assert!(html[appendix..].contains("Signalen per seconde"));
    assert!(!html[..appendix].contains("per seconde") && !html[..appendix].contains("threads"));
    assert!(html[appendix..].contains("--seed 1"), "the corpus's seed is in the appendix");
    assert!(html[appendix..].trim_end().ends_with("</section>\n</body>\n</html>"), "the appendix comes last");
}

#[test]
fn counts_scale_with_the_signals_per_year() {
    let (_, _, signals, _) = first_shift(&plain().json);
    let summary = section(&plain().html, "samenvatting");
    let expected = format!(
        "Van de 300 signalen in het gesimuleerde corpus gaan er {signals} naar de POH-jeugd in plaats van naar de jeugd-GGZ"
    );
    assert!(summary.contains(&expected), "{expected}\n{summary}");
    assert!(summary.contains("--per-year"), "the summary says how to scale");
    assert!(!summary.contains("naar schatting"), "counts of the corpus are not estimates");
    let scaled_summary = section(&per_year().html, "samenvatting");
    assert!(scaled_summary.contains(&format!("naar schatting {} naar de POH-jeugd", scaled(signals, 1000))));
    assert_eq!(per_year().json["per_year"], 1000);
    // The chart's axis follows.
    assert!(per_year().html.contains("Signalen per jaar, naar schatting (van de 1.000)"));
    assert!(plain().html.contains("Aantal signalen (van de 300 in het corpus)"));
}

#[test]
fn every_shift_has_its_rules_and_an_example_to_open() {
    let html = &per_year().html;
    let shifts = section(html, "verschuivingen");
    let first = &shifts[shifts.find("<article").unwrap()..];
    let first = &first[..first.find("</article>").unwrap()];
    assert!(first.contains("<h3>jeugd-GGZ \u{2192} POH-jeugd</h3>"), "{first}");
    assert!(first.contains("<code>RT-A2</code>"), "{first}");
    assert!(first.contains("<details>") && first.contains("<pre>"), "{first}");
    // The example is the corpus's first signal with this shift, as JSON.
    let pre = &first[first.find("<pre>").unwrap() + 5..first.find("</pre>").unwrap()];
    let json: serde_json::Value = serde_json::from_str(&unescape(pre)).expect("the example is JSON");
    assert!(json["signal_id"].as_str().unwrap().starts_with("syn-1-"), "{json}");
    let line = per_year().json["shifts"][0]["example"]["line"].as_u64().unwrap();
    assert_eq!(json["signal_id"], format!("syn-1-{:06}", line - 1));
    assert!(first.contains(&format!("regel {line} van het corpus")), "{first}");
}

#[test]
fn the_chart_has_axes_a_legend_and_prints_on_white() {
    let html = &per_year().html;
    let chart = section(html, "grafiek");
    assert!(chart.contains("Route naar"), "a label on the vertical axis");
    assert!(chart.contains("(vergelijkingsbasis)") && chart.contains("(onderzochte regeling)"), "a legend");
    assert!(chart.contains("stroke-dasharray"), "the baseline is striped, not told apart by colour alone");
    assert!(chart.contains(" (+") && chart.contains(" (\u{2212}"), "bars labelled with their change");
    assert!(html.contains("@media print") && html.contains("@page{size:A4"), "print styles for A4");
    assert!(!html.contains("background:#0") && !html.contains("background:#1"), "no dark backgrounds");
}

/// `&lt;` and the other entities the report writes, back to characters.
fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// The text a reader sees, for the language check: no tags, no styles, and
/// without the text that is not ours to translate: what a region, a
/// component or the user wrote (class `regiotekst`), the example signals'
/// JSON (`<pre>`) and titles (`<title>` cannot mark the region's name in
/// it as the region's; the same words are checked where the page shows them).
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        out.push(' ');
        let tag_end = lt + rest[lt..].find('>').unwrap() + 1;
        let tag = &rest[lt..tag_end];
        rest = &rest[tag_end..];
        // Skip the content of elements that are not our text.
        let skip_to = if tag.starts_with("<style") {
            Some("</style>")
        } else if tag.starts_with("<title") {
            Some("</title>")
        } else if tag.starts_with("<pre") {
            Some("</pre>")
        } else if tag.contains("class=\"regiotekst\"") {
            Some("<")
        } else {
            None
        };
        if let Some(end) = skip_to {
            rest = &rest[rest.find(end).unwrap()..];
        }
    }
    out.push_str(rest);
    unescape(&out)
}

#[test]
fn the_dutch_report_has_no_english() {
    for page in [&per_year().html, &plain().html] {
        let text = visible_text(page);
        assert!(text.contains("Samenvatting") && text.contains("Technische bijlage"));
        if let Some(word) = wegwijs_kit::english_word_in(&text) {
            let at = text.to_lowercase().find(&format!(" {word} ")).unwrap_or(0);
            panic!(
                "English word {word:?} in the Dutch report: …{}…",
                &text[at.saturating_sub(120)..(at + 120).min(text.len())]
            );
        }
    }
}

#[test]
fn the_english_report_is_in_english() {
    let r = simulate("report-en", &["--lang", "en", "--per-year", "1000"]);
    assert!(r.html.contains("<html lang=\"en\">"));
    let summary = section(&r.html, "samenvatting");
    assert!(summary.contains("Of the 1,000 signals a year, an estimated"), "{summary}");
    assert!(summary.contains("go to the POH-jeugd instead of jeugd-GGZ"), "{summary}");
    assert!(summary.contains("synthetic"), "{summary}");
    assert!(r.html.contains("Technical appendix"));
}

#[test]
fn text_from_a_bundle_is_escaped() {
    let bundle = example_bundle("d-config-only");
    let toml = bundle.0.join("region.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    let name_line = text.lines().find(|l| l.starts_with("name = ")).unwrap();
    std::fs::write(&toml, text.replace(name_line, r#"name = "Regio <b>D</b> & 'co' \"x\"""#)).unwrap();
    let dir = TempDir::new("report-escape");
    let corpus = dir.0.join("corpus.jsonl");
    ok(&wegwijs(&["corpus", "--n", "120", "--seed", "1", "--out", corpus.to_str().unwrap()]));
    let path = dir.0.join("r.html");
    let o = wegwijs(&[
        "simulate",
        "--corpus",
        corpus.to_str().unwrap(),
        "--region",
        bundle.0.to_str().unwrap(),
        "--against",
        "--html",
        path.to_str().unwrap(),
    ]);
    ok(&o);
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(!html.contains("<b>D</b>"), "markup from a bundle stays text");
    assert!(html.contains("Regio &lt;b&gt;D&lt;/b&gt; &amp; &#39;co&#39; &quot;x&quot;"), "{html}");
}

/// A headless Chromium: `WEGWIJS_CHROMIUM`, or the first of the usual
/// names on the PATH.
fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("WEGWIJS_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome-headless-shell"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
}

/// Runs Chromium headless in a 1280×800 window on `page` with `args`.
fn headless(browser: &Path, profile: &Path, args: &[&str], page: &Path) -> Output {
    Command::new(browser)
        .args(["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1280,800"])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs")
}

/// The number in attribute `name` of the dumped DOM's `<body>`.
fn attribute(dom: &str, name: &str) -> f64 {
    let at = dom.find(&format!("{name}=\"")).unwrap_or_else(|| panic!("no {name} in the DOM:\n{dom}"));
    let rest = &dom[at + name.len() + 2..];
    rest[..rest.find('"').unwrap()].parse().unwrap()
}

#[test]
fn in_a_browser_the_summary_is_above_the_fold() {
    let Some(browser) = chromium() else {
        eprintln!(
            "SKIPPED in_a_browser_the_summary_is_above_the_fold: no Chromium found (install the Debian package \
             `chromium`, or set WEGWIJS_CHROMIUM to a headless Chrome or Chromium)"
        );
        return;
    };
    let r = per_year();
    let dir = TempDir::new("report-browser");
    let profile = dir.0.join("profile");

    // A screenshot of the page as it is, as a person would first see it.
    let shot = dir.0.join("boven.png");
    let o = headless(&browser, &profile, &[&format!("--screenshot={}", shot.display())], &r.path);
    let png =
        std::fs::read(&shot).unwrap_or_else(|e| panic!("no screenshot ({e}): {}", String::from_utf8_lossy(&o.stderr)));
    assert!(png.starts_with(b"\x89PNG"), "a PNG screenshot");

    // The layout, measured by the browser: a copy of the page with a
    // script that writes where the summary ends and the chart begins into
    // the DOM that --dump-dom prints. (The report itself has no scripts.)
    let probe = dir.0.join("meting.html");
    let script = "<script>(function(){var s=document.getElementById('samenvatting').getBoundingClientRect();\
        var c=document.querySelector('#grafiek svg').getBoundingClientRect();\
        document.body.setAttribute('data-samenvatting-onder',Math.round(s.bottom));\
        document.body.setAttribute('data-grafiek-boven',Math.round(c.top));\
        document.body.setAttribute('data-venster',window.innerHeight);})();</script></body>";
    std::fs::write(&probe, r.html.replace("</body>", script)).unwrap();
    let o = headless(&browser, &profile, &["--dump-dom", "--virtual-time-budget=2000"], &probe);
    let dom = String::from_utf8_lossy(&o.stdout);
    let summary_bottom = attribute(&dom, "data-samenvatting-onder");
    let chart_top = attribute(&dom, "data-grafiek-boven");
    let window = attribute(&dom, "data-venster");
    assert!(window > 0.0 && window <= 800.0, "the window is at most 800 pixels high: {window}");
    assert!(summary_bottom <= window, "the summary ends at {summary_bottom} px, below the fold at {window} px");
    assert!(chart_top > summary_bottom, "the chart ({chart_top} px) comes after the summary ({summary_bottom} px)");
    // And in the document's order: the title, then the summary, before any chart.
    let h1 = dom.find("<h1").unwrap();
    let summary = dom.find("id=\"samenvatting\"").unwrap();
    assert!(h1 < summary && summary < dom.find("<svg").unwrap());
}
