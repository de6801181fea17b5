//! The simulation report as a page a policy officer can open: one HTML file
//! with its styles inline and the chart as inline SVG, no scripts, fonts or
//! anything else fetched from elsewhere, so it can be mailed or archived as
//! it is. The chart alone can also be written as a standalone SVG file.

use super::report::{Report, Row, shift, thousands};
use std::fmt::Write as _;

/// The chart shows at most this many rows (the largest shifts first); the
/// table below it has them all.
const CHART_ROWS: usize = 40;

/// The rows the chart shows: with two configurations only those that
/// shifted (what a region changes is the point of the picture), unless none
/// did; with one, all. At most [`CHART_ROWS`].
fn chart_rows(report: &Report) -> Vec<&Row> {
    let changed: Vec<&Row> = report.rows.iter().filter(|r| r.shift_pp.is_some_and(|pp| pp != 0.0)).collect();
    let rows = if changed.is_empty() { report.rows.iter().collect() } else { changed };
    rows.into_iter().take(CHART_ROWS).collect()
}

/// Chart geometry, in pixels.
const WIDTH: usize = 920;
const LABEL: usize = 300;
const SCALE: f64 = 480.0;
const BAR: usize = 11;
const HEADER: usize = 34;

/// Column colours: baseline grey, the region under study blue; both readable
/// on white and told apart without colour by their order and legend.
const COLOURS: [&str; 2] = ["#8c959f", "#0969da"];

/// Region names, ids and file paths are the bundle's and the user's text.
fn escape(s: &str) -> String {
    crate::escape::markup(s)
}

fn colour(column: usize, columns: usize) -> &'static str {
    // With one configuration its bars are the "region" colour.
    if columns == 1 { COLOURS[1] } else { COLOURS[column.min(1)] }
}

/// The bar chart. `standalone` adds the SVG namespace a file of its own
/// needs; inline in HTML it is implied.
pub(crate) fn svg(report: &Report, standalone: bool) -> String {
    let rows = chart_rows(report);
    let columns = report.configurations.len();
    let row_height = columns * (BAR + 2) + 10;
    let height = HEADER + rows.len() * row_height + 10;
    let mut s = String::new();
    let ns = if standalone { " xmlns=\"http://www.w3.org/2000/svg\"" } else { "" };
    let _ = writeln!(
        s,
        "<svg{ns} width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" font-family=\"sans-serif\" font-size=\"12\">"
    );
    let _ = writeln!(
        s,
        "<title>Share of signals per measure, {}</title>",
        escape(&report.configurations.iter().map(|c| c.id.as_str()).collect::<Vec<_>>().join(" versus "))
    );
    // Legend.
    let mut x = LABEL;
    for (i, c) in report.configurations.iter().enumerate() {
        let _ = writeln!(s, "<rect x=\"{x}\" y=\"8\" width=\"12\" height=\"12\" fill=\"{}\"/>", colour(i, columns));
        let text = format!("{} ({})", c.id, c.role);
        let _ = writeln!(s, "<text x=\"{}\" y=\"19\">{}</text>", x + 16, escape(&text));
        x += 40 + text.chars().count() * 7;
    }
    // Gridlines at 0, 25, 50, 75 and 100 %.
    for q in 0..=4 {
        let gx = LABEL as f64 + SCALE * f64::from(q) / 4.0;
        let _ = writeln!(
            s,
            "<line x1=\"{gx:.1}\" y1=\"{}\" x2=\"{gx:.1}\" y2=\"{}\" stroke=\"#d0d7de\" stroke-width=\"1\"/>",
            HEADER - 4,
            height - 6
        );
    }
    for (i, row) in rows.iter().enumerate() {
        let top = HEADER + i * row_height;
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            LABEL - 8,
            top + row_height / 2 + 2,
            escape(&row.label)
        );
        for (c, p) in row.percent.iter().enumerate() {
            let y = top + 4 + c * (BAR + 2);
            let w = (p / 100.0 * SCALE).max(0.0);
            let _ = writeln!(
                s,
                "<rect x=\"{LABEL}\" y=\"{y}\" width=\"{w:.1}\" height=\"{BAR}\" fill=\"{}\"><title>{}: {p:.1} %</title></rect>",
                colour(c, columns),
                escape(&report.configurations[c].id)
            );
            let _ = writeln!(
                s,
                "<text x=\"{:.1}\" y=\"{}\" font-size=\"10\">{p:.1} %</text>",
                LABEL as f64 + w + 4.0,
                y + BAR - 1
            );
        }
        if let Some(pp) = row.shift_pp {
            let _ = writeln!(
                s,
                "<text x=\"{}\" y=\"{}\" text-anchor=\"end\" font-weight=\"bold\">{} pp</text>",
                WIDTH - 4,
                top + row_height / 2 + 2,
                shift(pp)
            );
        }
    }
    s.push_str("</svg>\n");
    s
}

/// The self-contained HTML page.
pub(crate) fn page(report: &Report) -> String {
    let two = report.configurations.len() > 1;
    let title = format!(
        "wegwijs simulation: {}",
        report.configurations.iter().map(|c| c.id.as_str()).collect::<Vec<_>>().join(" versus ")
    );
    let mut h = String::new();
    let _ = writeln!(h, "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">");
    let _ = writeln!(h, "<title>{}</title>", escape(&title));
    h.push_str(
        "<style>\nbody{font-family:sans-serif;margin:2em auto;max-width:960px;color:#1f2328;line-height:1.4}\n\
         table{border-collapse:collapse;margin:1em 0}\nth,td{padding:.25em .6em;border-bottom:1px solid #d0d7de;text-align:left}\n\
         td.n{text-align:right;font-variant-numeric:tabular-nums}\ncaption{text-align:left;font-weight:bold;padding:.4em 0}\n\
         .note{color:#59636e;font-size:.9em}\n</style>\n</head>\n<body>\n",
    );
    let _ = writeln!(h, "<h1>{}</h1>", escape(&title));
    let _ = writeln!(
        h,
        "<p>{} signals from the corpus <code>{}</code>, decided in {} configuration{} on {} thread{}.</p>",
        thousands(report.corpus.signals),
        escape(&report.corpus.path),
        report.configurations.len(),
        if two { "s" } else { "" },
        report.threads,
        if report.threads == 1 { "" } else { "s" }
    );
    h.push_str("<table>\n<caption>Configurations</caption>\n<tr><th>role</th><th>id</th><th>name</th><th>from</th><th>revision</th><th>signals/s</th><th>seconds</th></tr>\n");
    for c in &report.configurations {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{:.2}</td></tr>",
            c.role,
            escape(&c.id),
            escape(&c.name),
            escape(&c.source),
            c.revision.map_or_else(|| "—".to_string(), |r| r.to_string()),
            thousands(c.signals_per_second.round() as u64),
            c.seconds
        );
    }
    h.push_str("</table>\n");
    let _ = writeln!(
        h,
        "<h2>Shares of signals</h2>\n<p class=\"note\">{}</p>",
        if two {
            "Each bar is the share of all signals with that outcome; the figure on the right is the shift from the baseline to the region, in percentage points. Largest shifts first."
        } else {
            "Each bar is the share of all signals with that outcome."
        }
    );
    let charted = chart_rows(report).len();
    if charted < report.rows.len() {
        let _ = writeln!(
            h,
            "<p class=\"note\">The chart shows {charted} of the {} measures{}; the table below has all.</p>",
            report.rows.len(),
            if two { ", those that shifted" } else { "" }
        );
    }
    h.push_str("<figure>\n");
    h.push_str(&svg(report, false));
    h.push_str("</figure>\n");
    h.push_str("<table>\n<caption>All measures</caption>\n<tr><th>measure</th>");
    for c in &report.configurations {
        let _ = write!(h, "<th>{}</th>", escape(&c.id));
    }
    if two {
        h.push_str("<th>shift (pp)</th>");
    }
    h.push_str("</tr>\n");
    for r in &report.rows {
        let _ = write!(h, "<tr><td>{}</td>", escape(&r.label));
        for (p, n) in r.percent.iter().zip(&r.counts) {
            let _ = write!(h, "<td class=\"n\">{p:.1} % <span class=\"note\">({n})</span></td>");
        }
        if let Some(pp) = r.shift_pp {
            let _ = write!(h, "<td class=\"n\">{}</td>", shift(pp));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</table>\n");
    h.push_str(
        "<p class=\"note\">A signal counts once per row, however many routes it has. The corpus is synthetic \
         (see docs/corpus.md for where its proportions come from): the shares show what a configuration changes, \
         not how many real children are affected. Every decision is a recommendation; nothing was sent anywhere.</p>\n",
    );
    h.push_str("</body>\n</html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a<b & \"c\"'"), "a&lt;b &amp; &quot;c&quot;&#39;");
    }
}
