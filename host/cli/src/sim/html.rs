//! The simulation report as a page a municipal policy adviser can act on,
//! in the language of `--lang` (Dutch unless English was asked for): one
//! HTML file with its styles inline and the chart as inline SVG, no
//! scripts, fonts or anything else fetched from elsewhere, so it can be
//! mailed, printed or archived as it is. The chart alone can also be
//! written as a standalone SVG file.
//!
//! The page, top to bottom:
//!
//! 1. The title, then at once the summary (`<section id="samenvatting">`):
//!    how many signals get another partner, the largest shifts as whole
//!    sentences with their counts and rule ids ("Van de 1.000 signalen per
//!    jaar gaan er naar schatting 30 naar de POH-jeugd in plaats van naar
//!    de jeugd-GGZ (regel RT-A2)."), which routes gain and which lose, and
//!    the caveat that the corpus is synthetic, with where its proportions
//!    come from (docs/corpus.md). With `--per-year N` every count is scaled
//!    to the municipality's N signals a year and called an estimate;
//!    without it, counts are of the corpus.
//! 2. Every shift (`id="verschuivingen"`): the rules behind it and one
//!    example signal, the first of the corpus with that shift. The example
//!    is embedded in a `<details>` element, not written to a file next to
//!    the report: the page stays one self-contained file, and the example
//!    cannot get separated from the report it explains. It shows the
//!    reasons the configuration studied gave (the rule ids with their
//!    texts, which name a region's setting) and the signal as indented
//!    JSON to save and open with `wegwijs run`. Fields that could identify
//!    a child (`bsn`, `name`, `address`, `notes`, `local_id`) are left out
//!    of it, in case a corpus of real signals is simulated, and a birth date
//!    is shown as the age in months the components see, so the example
//!    decides the same.
//! 3. The chart (`id="grafiek"`): signals per route partner, a bar per
//!    configuration, with labelled axes, a legend, and each bar labelled
//!    with its number. The baseline's bars are striped and the studied
//!    configuration's solid, so the chart reads in black and white.
//! 4. All outcomes (`id="alle-uitkomsten"`): every measure of the tally,
//!    named with the glossary's terms.
//! 5. The technical appendix (`id="technische-bijlage"`): corpus file,
//!    seed, threads, timings, bundle sources and revisions, versions.
//!
//! Numbers are written the reader's way (`1.000` and `12,5%` in Dutch).
//! Every string that comes from a bundle, a region, a signal or the command
//! line passes through [`crate::escape::markup`]; text a region or a
//! component wrote, and paths, sit in elements of class `regiotekst`,
//! since their language is theirs, not the reader's. The page prints on A4
//! (`@page`, `@media print`) on white, the appendix on a page of its own.

use super::report::{ConfigSummary, EXAMPLES, Report, Row, ShiftRow};
use super::shift::Partners;
use super::words::{
    decimal, int, join, measure, partners_as_terms, partners_in_sentence, pct, pp, role, route_term, scale, signed,
};
use std::fmt::Write as _;
use wegwijs::types::say;
use wegwijs::{Language, NATIONAL_DEFAULT};

/// Region names, ids, rule ids, reasons and file paths are the bundle's,
/// the components' and the user's text.
fn escape(s: &str) -> String {
    crate::escape::markup(s)
}

/// Text a region, a component or the user wrote, marked as such (its
/// language is its own).
fn theirs(s: &str) -> String {
    format!("<span class=\"regiotekst\">{}</span>", escape(s))
}

/// The largest shifts the summary names one by one.
const SUMMARY_SHIFTS: usize = 5;

/// The chart shows at most this many route partners.
const CHART_ROWS: usize = 18;

/// A configuration as a reader names it: the national defaults in the
/// reader's words, a region by its own name (escaped, marked as theirs).
fn name_of(c: &ConfigSummary, lang: Language) -> String {
    if c.id == NATIONAL_DEFAULT {
        lang.pick("de landelijke standaard", "the national defaults").to_string()
    } else {
        theirs(&c.name)
    }
}

/// The same as plain text, for `<title>` and SVG `<title>` (escaped).
fn plain_name_of(c: &ConfigSummary, lang: Language) -> String {
    if c.id == NATIONAL_DEFAULT {
        lang.pick("de landelijke standaard", "the national defaults").to_string()
    } else {
        escape(&c.name)
    }
}

/// How the counts of a report are given: of the corpus, or scaled to the
/// municipality's signals per year.
#[derive(Clone, Copy)]
struct Basis {
    lang: Language,
    signals: u64,
    per_year: Option<u64>,
}

impl Basis {
    fn of(report: &Report, lang: Language) -> Basis {
        Basis { lang, signals: report.corpus.signals, per_year: report.per_year }
    }

    /// A count of the corpus as the reader gets it: scaled, or as it is.
    fn n(self, count: u64) -> u64 {
        self.per_year.map_or(count, |y| scale(count, self.signals, y))
    }

    /// A signed difference of counts, scaled the same way.
    fn diff(self, d: i64) -> i64 {
        let n = i64::try_from(self.n(d.unsigned_abs())).unwrap_or(i64::MAX);
        if d < 0 { -n } else { n }
    }

    /// "Van de 1.000 signalen per jaar" / "Van de 300 signalen in het corpus".
    fn scope(self) -> String {
        let lang = self.lang;
        match self.per_year {
            Some(y) => {
                let y = int(y, lang);
                say!(lang, "Van de {y} signalen per jaar", "Of the {y} signals a year")
            }
            None => {
                let n = int(self.signals, lang);
                say!(
                    lang,
                    "Van de {n} signalen in het gesimuleerde corpus",
                    "Of the {n} signals in the simulated corpus"
                )
            }
        }
    }

    /// A count with "naar schatting" when it is scaled.
    fn count(self, count: u64) -> String {
        let n = int(self.n(count), self.lang);
        match self.per_year {
            Some(_) => say!(self.lang, "naar schatting {n}", "an estimated {n}"),
            None => n,
        }
    }
}

/// "regel RT-A2" / "regels RT-A2 en RG-X" / "geen regel genoemd", ids in `<code>`.
fn rules_phrase(rules: &[String], lang: Language) -> String {
    let codes: Vec<String> = rules.iter().map(|r| format!("<code>{}</code>", escape(r))).collect();
    match codes.len() {
        0 => lang.pick("geen regel genoemd", "no rule cited").to_string(),
        1 => {
            let one = &codes[0];
            say!(lang, "regel {one}", "rule {one}")
        }
        _ => {
            let all = join(&codes, lang);
            say!(lang, "regels {all}", "rules {all}")
        }
    }
}

/// One shift as a sentence of the summary.
fn shift_sentence(row: &ShiftRow, basis: Basis) -> String {
    let lang = basis.lang;
    let scope = basis.scope();
    let count = basis.count(row.signals);
    let rules = rules_phrase(&row.rules, lang);
    let (from, to) = (partners_in_sentence(row.key.from, lang), partners_in_sentence(row.key.to, lang));
    match (row.key.from != 0, row.key.to != 0) {
        (true, true) => say!(
            lang,
            "{scope} gaan er {count} naar {to} in plaats van naar {from} ({rules}).",
            "{scope}, {count} go to {to} instead of {from} ({rules})."
        ),
        (false, true) => say!(
            lang,
            "{scope} krijgen er {count} een extra route naar {to} ({rules}).",
            "{scope}, {count} get an extra route to {to} ({rules})."
        ),
        _ => say!(
            lang,
            "{scope} gaan er {count} niet meer naar {from} ({rules}).",
            "{scope}, {count} no longer go to {from} ({rules})."
        ),
    }
}

/// A shift as a heading: "jeugd-GGZ → POH-jeugd".
fn shift_heading(key_from: Partners, key_to: Partners, lang: Language) -> String {
    let (from, to) = (partners_as_terms(key_from, lang), partners_as_terms(key_to, lang));
    match (key_from != 0, key_to != 0) {
        (true, true) => format!("{} \u{2192} {}", escape(&from), escape(&to)),
        (false, true) => {
            let to = escape(&to);
            say!(lang, "extra route naar {to}", "extra route to {to}")
        }
        _ => {
            let from = escape(&from);
            say!(lang, "geen route meer naar {from}", "no route to {from} any more")
        }
    }
}

/// Route partners that gain and lose signals, from the route rows.
fn gains_and_losses(report: &Report, basis: Basis) -> String {
    let lang = basis.lang;
    let mut gains = Vec::new();
    let mut losses = Vec::new();
    for r in report.rows.iter().filter(|r| r.group == "route") {
        let (Some(first), Some(last)) = (r.counts.first(), r.counts.last()) else { continue };
        let d = i64::try_from(*last).unwrap_or(i64::MAX) - i64::try_from(*first).unwrap_or(i64::MAX);
        let item = format!("{} ({})", escape(&route_term(&r.key, lang)), signed(basis.diff(d), lang));
        if d > 0 {
            gains.push((d, item));
        } else if d < 0 {
            losses.push((-d, item));
        }
    }
    gains.sort_by_key(|g| std::cmp::Reverse(g.0));
    losses.sort_by_key(|l| std::cmp::Reverse(l.0));
    let gains: Vec<String> = gains.into_iter().map(|(_, i)| i).collect();
    let losses: Vec<String> = losses.into_iter().map(|(_, i)| i).collect();
    let per =
        if basis.per_year.is_some() { lang.pick(" (per jaar, naar schatting)", " (a year, estimated)") } else { "" };
    let gains =
        if gains.is_empty() { lang.pick("geen enkele route", "no route").to_string() } else { join(&gains, lang) };
    let losses =
        if losses.is_empty() { lang.pick("geen enkele route", "no route").to_string() } else { join(&losses, lang) };
    say!(
        lang,
        "Per route{per}: meer signalen naar {gains}; minder signalen naar {losses}.",
        "By route{per}: more signals go to {gains}; fewer go to {losses}."
    )
}

/// The caveat: the corpus is made up, and where its proportions come from.
fn caveat(report: &Report, lang: Language) -> String {
    let n = int(report.corpus.signals, lang);
    let mut s = say!(
        lang,
        "<strong>Let op:</strong> dit zijn geen echte kinderen. Het corpus is synthetisch: {n} verzonnen signalen. \
         Voor de partners die naar jeugdhulp verwijzen volgt de verdeling van de melders de landelijke \
         verwijzercijfers van het CBS (jeugdhulptrajecten naar verwijzer in 2017, uit het onderzoeksrapport \
         <cite>Nader Onderzoek JGZ en Jeugdhulp</cite>); de andere verhoudingen zijn aannames, elk verantwoord in \
         het document over het corpus in de wegwijs-repository (<code>docs/corpus.md</code>). \
         De aantallen laten zien wat een regeling verandert, niet hoeveel kinderen in uw gemeente het zal raken.",
        "<strong>Note:</strong> these are not real children. The corpus is synthetic: {n} made-up signals. \
         For the partners that refer to jeugdhulp, the mix of who reports follows the national verwijzer figures \
         of CBS (youth-care trajectories by verwijzer in 2017, from the research report \
         <cite>Nader Onderzoek JGZ en Jeugdhulp</cite>); the other proportions are assumptions, each accounted for \
         in the document on the corpus in the wegwijs repository (<code>docs/corpus.md</code>). \
         The counts show what a configuration changes, not how many children in your municipality it will affect."
    );
    if let Some(y) = report.per_year {
        let y = int(y, lang);
        s.push(' ');
        s.push_str(&say!(
            lang,
            "De schattingen per jaar rekenen de verhoudingen van het corpus om naar {y} signalen: een ordegrootte, geen voorspelling.",
            "The estimates a year scale the corpus's proportions to {y} signals: an order of magnitude, not a forecast."
        ));
    }
    s.push(' ');
    s.push_str(lang.pick(
        "Elk advies blijft een aanbeveling aan de professional; er is niets verstuurd.",
        "Every decision stays a recommendation to the professional; nothing was sent anywhere.",
    ));
    s
}

/// The summary section: the first content after the title.
fn summary(report: &Report, lang: Language) -> String {
    let basis = Basis::of(report, lang);
    let mut h = String::new();
    h.push_str("<section id=\"samenvatting\">\n");
    let _ = writeln!(h, "<h2>{}</h2>", lang.pick("Samenvatting", "Summary"));
    match report.configurations.as_slice() {
        [baseline, .., studied] => {
            let (base, study) = (name_of(baseline, lang), name_of(studied, lang));
            let shifted = report.shifted.unwrap_or(0);
            if shifted == 0 {
                let _ = writeln!(
                    h,
                    "<p class=\"kern\">{}</p>",
                    say!(
                        lang,
                        "Met de regels van {study} gaat geen enkel signaal naar een andere partner dan met {base}. \
                         Verschillen in urgentie, soort route of actie staan onder Alle uitkomsten.",
                        "Under the rules of {study} no signal goes to another partner than under {base}. \
                         Differences in urgency, kind of route or action are under All outcomes."
                    )
                );
            } else {
                let scope = basis.scope();
                let count = basis.count(shifted);
                let share = pct(shifted as f64 * 100.0 / report.corpus.signals.max(1) as f64, lang);
                let _ = writeln!(
                    h,
                    "<p class=\"kern\">{}</p>",
                    say!(
                        lang,
                        "{scope} gaan er met de regels van {study} <strong>{count}</strong> ({share}) naar een andere partner dan met {base}.",
                        "{scope}, <strong>{count}</strong> ({share}) go to another partner under the rules of {study} than under {base}."
                    )
                );
                h.push_str("<ul class=\"kort\">\n");
                for row in report.shifts.iter().take(SUMMARY_SHIFTS) {
                    let _ = writeln!(h, "<li>{}</li>", shift_sentence(row, basis));
                }
                h.push_str("</ul>\n");
                let rest: Vec<&ShiftRow> = report.shifts.iter().skip(SUMMARY_SHIFTS).collect();
                if !rest.is_empty() {
                    let k = int(rest.len() as u64, lang);
                    let c = basis.count(rest.iter().map(|r| r.signals).sum());
                    let _ = writeln!(
                        h,
                        "<p>{}</p>",
                        say!(
                            lang,
                            "Daarnaast {k} kleinere verschuivingen met samen {c} signalen; zie Wat verschuift.",
                            "Besides, {k} smaller shifts with {c} signals together; see What shifts."
                        )
                    );
                }
                let _ = writeln!(h, "<p>{}</p>", gains_and_losses(report, basis));
            }
            if report.per_year.is_none() {
                let _ = writeln!(
                    h,
                    "<p class=\"tip\">{}</p>",
                    lang.pick(
                        "Geef bij het simuleren het aantal signalen per jaar in uw gemeente op (<code>--per-year</code>) \
                         om deze aantallen om te rekenen naar een jaar.",
                        "Give your municipality's number of signals a year when simulating (<code>--per-year</code>) \
                         to scale these counts to a year."
                    )
                );
            }
        }
        [only] => {
            let study = name_of(only, lang);
            let scope = basis.scope();
            let mut routes: Vec<&Row> = report.rows.iter().filter(|r| r.group == "route").collect();
            routes.sort_by(|a, b| b.counts.first().cmp(&a.counts.first()).then(a.key.cmp(&b.key)));
            let items: Vec<String> = routes
                .iter()
                .take(SUMMARY_SHIFTS)
                .map(|r| {
                    let label = escape(&measure("route", &r.key, lang));
                    format!("{} {label}", basis.count(r.counts.first().copied().unwrap_or(0)))
                })
                .collect();
            let items = join(&items, lang);
            let _ = writeln!(
                h,
                "<p class=\"kern\">{}</p>",
                say!(
                    lang,
                    "Alleen {study} is doorgerekend, dus er is geen verschuiving te tonen. {scope} krijgen de meeste een {items}.",
                    "Only {study} was simulated, so there is no shift to show. {scope}, most get a {items}."
                )
            );
            let _ = writeln!(
                h,
                "<p class=\"tip\">{}</p>",
                lang.pick(
                    "Vergelijk met de landelijke standaard door ook <code>--against national</code> op te geven.",
                    "Compare with the national defaults by also giving <code>--against national</code>."
                )
            );
        }
        [] => {}
    }
    let _ = writeln!(h, "<p class=\"let-op\">{}</p>", caveat(report, lang));
    h.push_str("</section>\n");
    h
}

/// The section with every shift, its rules and its example.
fn shifts(report: &Report, lang: Language) -> String {
    let basis = Basis::of(report, lang);
    let Some(studied) = report.configurations.last() else { return String::new() };
    let mut h = String::new();
    h.push_str("<section id=\"verschuivingen\">\n");
    let _ =
        writeln!(h, "<h2>{}</h2>", lang.pick("Wat verschuift, en door welke regel", "What shifts, and by which rule"));
    if report.shifts.is_empty() {
        let _ = writeln!(
            h,
            "<p>{}</p>",
            lang.pick("Geen enkel signaal gaat naar een andere partner.", "No signal goes to another partner.")
        );
    }
    for (i, row) in report.shifts.iter().take(EXAMPLES).enumerate() {
        let _ = writeln!(h, "<article class=\"verschuiving\" id=\"verschuiving-{}\">", i + 1);
        let _ = writeln!(h, "<h3>{}</h3>", shift_heading(row.key.from, row.key.to, lang));
        let n = int(row.signals, lang);
        let share = pct(row.signals as f64 * 100.0 / report.corpus.signals.max(1) as f64, lang);
        let mut line = say!(
            lang,
            "{n} signalen in het corpus ({share} van alle signalen)",
            "{n} signals in the corpus ({share} of all)"
        );
        if let Some(y) = report.per_year {
            let est = int(scale(row.signals, report.corpus.signals, y), lang);
            let y = int(y, lang);
            line.push_str(&say!(
                lang,
                "; naar schatting {est} van de {y} per jaar",
                "; an estimated {est} of the {y} a year"
            ));
        }
        let _ = writeln!(h, "<p>{line}.</p>");
        let rules = rules_phrase(&row.rules, lang);
        let study = name_of(studied, lang);
        let _ = writeln!(h, "<p>{}</p>", say!(lang, "Oorzaak in {study}: {rules}.", "Cause in {study}: {rules}."));
        if let Some(ex) = &row.example {
            let line_no = int(ex.line as u64, lang);
            let _ = writeln!(
                h,
                "<details>\n<summary>{}</summary>",
                say!(
                    lang,
                    "Voorbeeldsignaal (regel {line_no} van het corpus) openen",
                    "Open the example signal (line {line_no} of the corpus)"
                )
            );
            if !ex.reasons.is_empty() {
                let _ = writeln!(
                    h,
                    "<p>{}</p>\n<ul class=\"redenen\">",
                    lang.pick("Zo motiveert de regeling dit advies:", "How the configuration explains this decision:")
                );
                for (rule, text) in &ex.reasons {
                    let _ = writeln!(h, "<li><code>{}</code> {}</li>", escape(rule), theirs(text));
                }
                h.push_str("</ul>\n");
            }
            let region =
                if studied.id == NATIONAL_DEFAULT { String::new() } else { format!("--region {} ", studied.source) };
            let command = format!("<code class=\"regiotekst\">wegwijs run {}voorbeeld.json</code>", escape(&region));
            let _ = writeln!(
                h,
                "<p>{}</p>",
                say!(
                    lang,
                    "Het signaal, zonder velden die een kind kunnen identificeren (de geboortedatum staat er als leeftijd in maanden). Bewaar het als voorbeeld.json en bekijk het advies met {command}.",
                    "The signal, without fields that could identify a child (the birth date is given as the age in months). Save it as voorbeeld.json and see the decision with {command}."
                )
            );
            let _ = writeln!(h, "<pre>{}</pre>\n</details>", escape_pre(&ex.json));
        }
        h.push_str("</article>\n");
    }
    if report.shifts.len() > EXAMPLES {
        let rest = &report.shifts[EXAMPLES..];
        let k = int(rest.len() as u64, lang);
        let c = basis.count(rest.iter().map(|r| r.signals).sum());
        let _ = writeln!(
            h,
            "<p class=\"noot\">{}</p>",
            say!(
                lang,
                "Nog {k} kleinere verschuivingen met samen {c} signalen staan in de uitvoer met <code>--format json</code>.",
                "{k} smaller shifts with {c} signals together are in the output of <code>--format json</code>."
            )
        );
    }
    h.push_str("</section>\n");
    h
}

/// JSON for a `<pre>`: escaped, its line breaks kept.
fn escape_pre(json: &str) -> String {
    json.lines().map(escape).collect::<Vec<_>>().join("\n")
}

/// The route partners the chart shows: those that changed first (largest
/// change first), then the rest by size, at most [`CHART_ROWS`].
fn chart_rows(report: &Report) -> Vec<&Row> {
    let mut rows: Vec<&Row> = report.rows.iter().filter(|r| r.group == "route").collect();
    let change = |r: &Row| match (r.counts.first(), r.counts.last()) {
        (Some(a), Some(b)) => a.abs_diff(*b),
        _ => 0,
    };
    let size = |r: &Row| r.counts.iter().copied().max().unwrap_or(0);
    rows.sort_by(|a, b| change(b).cmp(&change(a)).then(size(b).cmp(&size(a))).then(a.key.cmp(&b.key)));
    rows.truncate(CHART_ROWS);
    rows
}

/// Chart geometry, in pixels.
const WIDTH: usize = 920;
const LABEL: usize = 250;
const PLOT: f64 = 540.0;
const BAR: usize = 14;
const TOP: usize = 56;

/// The studied configuration's bars: a dark blue, dark in grey too.
const SOLID: &str = "#1f5f99";

/// One bar (or legend swatch): solid, or white with dark vertical stripes
/// (a dashed line as thick as the bar, so no pattern or clip path is
/// referenced) so that the two configurations differ without colour.
/// `tip`, already escaped, becomes its tooltip.
fn bar(x: f64, y: usize, w: f64, height: usize, striped: bool, tip: &str) -> String {
    let tip = if tip.is_empty() { String::new() } else { format!("<title>{tip}</title>") };
    if striped {
        let mid = y as f64 + height as f64 / 2.0;
        format!(
            "<g><rect x=\"{x:.1}\" y=\"{y}\" width=\"{w:.1}\" height=\"{height}\" fill=\"#ffffff\" stroke=\"#222222\" stroke-width=\"0.8\"/>\
             <line x1=\"{x:.1}\" y1=\"{mid:.1}\" x2=\"{:.1}\" y2=\"{mid:.1}\" stroke=\"#4d4d4d\" stroke-width=\"{}\" stroke-dasharray=\"2 2\"/>{tip}</g>\n",
            x + w,
            height.saturating_sub(2)
        )
    } else {
        format!(
            "<rect x=\"{x:.1}\" y=\"{y}\" width=\"{w:.1}\" height=\"{height}\" fill=\"{SOLID}\" stroke=\"#222222\" stroke-width=\"0.8\">{tip}</rect>\n"
        )
    }
}

/// A round step for about five gridlines up to `max`.
fn tick_step(max: u64) -> u64 {
    let raw = (max / 5).max(1);
    let mut magnitude = 1;
    while magnitude * 10 <= raw {
        magnitude *= 10;
    }
    [1, 2, 5, 10].into_iter().map(|m| m * magnitude).find(|s| *s >= raw).unwrap_or(10 * magnitude)
}

/// The bar chart of signals per route partner. `standalone` adds the SVG
/// namespace a file of its own needs; inline in HTML it is implied.
pub(crate) fn svg(report: &Report, lang: Language, standalone: bool) -> String {
    let basis = Basis::of(report, lang);
    let rows = chart_rows(report);
    let columns = report.configurations.len();
    let row_height = columns * (BAR + 3) + 12;
    let plot_bottom = TOP + rows.len().max(1) * row_height;
    let height = plot_bottom + 56;
    let max = rows.iter().flat_map(|r| r.counts.iter().map(|c| basis.n(*c))).max().unwrap_or(0).max(1);
    let step = tick_step(max);
    let axis_max = max.div_ceil(step) * step;
    let x_of = |v: u64| LABEL as f64 + PLOT * v as f64 / axis_max as f64;
    let mut s = String::new();
    let ns = if standalone { " xmlns=\"http://www.w3.org/2000/svg\"" } else { "" };
    let _ = writeln!(
        s,
        "<svg{ns} width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-labelledby=\"grafiek-titel\" font-family=\"sans-serif\" font-size=\"12\">"
    );
    let names: Vec<String> = report.configurations.iter().map(|c| plain_name_of(c, lang)).collect();
    let joined = names.join(lang.pick(" en ", " and "));
    let _ = writeln!(
        s,
        "<title id=\"grafiek-titel\">{}</title>",
        say!(lang, "Signalen per route: {joined}", "Signals per route: {joined}")
    );
    // The baseline's bars are striped, the studied configuration's solid.
    let striped = |c: usize| columns > 1 && c == 0;
    // Legend: a swatch and the configuration's name and role.
    let mut y = 14;
    for (i, c) in report.configurations.iter().enumerate() {
        s.push_str(&bar(LABEL as f64, y - 10, 14.0, 12, striped(i), ""));
        let name = if c.id == NATIONAL_DEFAULT {
            names[i].clone()
        } else {
            format!("<tspan class=\"regiotekst\">{}</tspan>", names[i])
        };
        let _ = writeln!(s, "<text x=\"{}\" y=\"{y}\">{name} ({})</text>", LABEL + 20, role(c.role, lang));
        y += 18;
    }
    // Gridlines and their values.
    let mut v = 0;
    while v <= axis_max {
        let gx = x_of(v);
        let _ = writeln!(
            s,
            "<line x1=\"{gx:.1}\" y1=\"{}\" x2=\"{gx:.1}\" y2=\"{plot_bottom}\" stroke=\"#c8c8c8\" stroke-width=\"1\"/>",
            TOP - 6
        );
        let _ = writeln!(
            s,
            "<text x=\"{gx:.1}\" y=\"{}\" text-anchor=\"middle\" font-size=\"11\">{}</text>",
            plot_bottom + 16,
            int(v, lang)
        );
        v += step;
    }
    // The axes and their labels.
    let _ =
        writeln!(s, "<line x1=\"{LABEL}\" y1=\"{}\" x2=\"{LABEL}\" y2=\"{plot_bottom}\" stroke=\"#222222\"/>", TOP - 6);
    let _ = writeln!(
        s,
        "<line x1=\"{LABEL}\" y1=\"{plot_bottom}\" x2=\"{:.1}\" y2=\"{plot_bottom}\" stroke=\"#222222\"/>",
        x_of(axis_max)
    );
    let x_label = match report.per_year {
        Some(y) => {
            let y = int(y, lang);
            say!(lang, "Signalen per jaar, naar schatting (van de {y})", "Signals a year, estimated (of {y})")
        }
        None => {
            let n = int(report.corpus.signals, lang);
            say!(lang, "Aantal signalen (van de {n} in het corpus)", "Number of signals (of the {n} in the corpus)")
        }
    };
    let _ = writeln!(
        s,
        "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"bold\">{x_label}</text>",
        LABEL as f64 + PLOT / 2.0,
        plot_bottom + 36
    );
    let mid = (TOP + plot_bottom) / 2;
    let _ = writeln!(
        s,
        "<text x=\"14\" y=\"{mid}\" transform=\"rotate(-90 14 {mid})\" text-anchor=\"middle\" font-weight=\"bold\">{}</text>",
        lang.pick("Route naar", "Route to")
    );
    for (i, row) in rows.iter().enumerate() {
        let top = TOP + i * row_height;
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
            LABEL - 8,
            top + row_height / 2 + 2,
            escape(&route_term(&row.key, lang))
        );
        for (c, count) in row.counts.iter().enumerate() {
            let value = basis.n(*count);
            let y = top + 5 + c * (BAR + 3);
            let w = x_of(value) - LABEL as f64;
            let tip = format!("{}: {}", names.get(c).map_or("", String::as_str), int(value, lang));
            s.push_str(&bar(LABEL as f64, y, w, BAR, striped(c), &tip));
            // Each bar labelled with its number; the studied configuration's
            // also with the change.
            let mut label = int(value, lang);
            if columns > 1 && c == columns - 1 {
                let first = row.counts.first().copied().unwrap_or(0);
                let d = i64::try_from(*count).unwrap_or(i64::MAX) - i64::try_from(first).unwrap_or(i64::MAX);
                if d != 0 {
                    let _ = write!(label, " ({})", signed(basis.diff(d), lang));
                }
            }
            let _ = writeln!(
                s,
                "<text x=\"{:.1}\" y=\"{}\" font-size=\"11\">{label}</text>",
                LABEL as f64 + w + 4.0,
                y + BAR - 3
            );
        }
    }
    s.push_str("</svg>\n");
    s
}

/// The table of every measure.
fn all_outcomes(report: &Report, lang: Language) -> String {
    let two = report.configurations.len() > 1;
    let mut h = String::new();
    h.push_str("<section id=\"alle-uitkomsten\">\n");
    let _ = writeln!(h, "<h2>{}</h2>", lang.pick("Alle uitkomsten", "All outcomes"));
    let _ = writeln!(
        h,
        "<p class=\"noot\">{}</p>",
        lang.pick(
            "Aantal signalen met die uitkomst in het corpus en hun aandeel in alle signalen. Een signaal telt één keer per regel, \
             ook als het meer routes heeft; daardoor tellen de routes samen op tot meer dan het aantal signalen.",
            "Signals with that outcome in the corpus and their share of all signals. A signal counts once per row, \
             however many routes it has, so the routes add up to more than the number of signals."
        )
    );
    let _ = write!(h, "<table>\n<thead><tr><th>{}</th>", lang.pick("Uitkomst", "Outcome"));
    for c in &report.configurations {
        let _ = write!(h, "<th>{}</th>", name_of(c, lang));
    }
    if two {
        let _ = write!(h, "<th>{}</th>", lang.pick("Verschil (procentpunt)", "Change (percentage points)"));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for r in &report.rows {
        let _ = write!(h, "<tr><td>{}</td>", escape(&measure(r.group, &r.key, lang)));
        for (p, n) in r.percent.iter().zip(&r.counts) {
            let _ = write!(h, "<td class=\"n\">{} <span class=\"noot\">({})</span></td>", int(*n, lang), pct(*p, lang));
        }
        if let Some(shift) = r.shift_pp {
            let _ = write!(h, "<td class=\"n\">{}</td>", pp(shift, lang));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
    h
}

/// The technical appendix: what a developer or auditor needs to redo the run.
fn appendix(report: &Report, lang: Language) -> String {
    let mut h = String::new();
    h.push_str("<section id=\"technische-bijlage\">\n");
    let _ = writeln!(h, "<h2>{}</h2>", lang.pick("Technische bijlage", "Technical appendix"));
    let n = int(report.corpus.signals, lang);
    let file = format!("<code class=\"regiotekst\">{}</code>", escape(&report.corpus.path));
    let raw = report.corpus.signals;
    let seed = match report.corpus.seed {
        Some(seed) => say!(
            lang,
            "zaadgetal {seed}, gemaakt met <code>wegwijs corpus --n {raw} --seed {seed}</code>",
            "seed {seed}, made with <code>wegwijs corpus --n {raw} --seed {seed}</code>"
        ),
        None => lang
            .pick(
                "zaadgetal onbekend: niet door <code>wegwijs corpus</code> gemaakt",
                "seed unknown: not made by <code>wegwijs corpus</code>",
            )
            .to_string(),
    };
    let threads = report.threads;
    let _ = writeln!(h, "<ul>");
    let _ = writeln!(
        h,
        "<li>{}</li>",
        say!(lang, "Corpus: {file}, {n} signalen, {seed}.", "Corpus: {file}, {n} signals, {seed}.")
    );
    let _ = writeln!(
        h,
        "<li>{}</li>",
        say!(
            lang,
            "Parallel gerekend op {threads} threads; de aantallen hangen daar niet van af.",
            "Decided on {threads} threads; the counts do not depend on them."
        )
    );
    let (version, wit) = (escape(report.version), escape(&report.wit));
    let _ = writeln!(
        h,
        "<li>{}</li>",
        say!(
            lang,
            "Versies: wegwijs {version}, componentinterface <code>{wit}</code>.",
            "Versions: wegwijs {version}, component interface <code>{wit}</code>."
        )
    );
    h.push_str("</ul>\n");
    let _ = writeln!(
        h,
        "<table>\n<thead><tr><th>{}</th><th>id</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        lang.pick("Rol", "Role"),
        lang.pick("Naam", "Name"),
        lang.pick("Bron", "Source"),
        lang.pick("Revisie", "Revision"),
        lang.pick("Signalen per seconde", "Signals per second"),
        lang.pick("Seconden", "Seconds"),
    );
    for c in &report.configurations {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td><code class=\"regiotekst\">{}</code></td><td>{}</td><td><code class=\"regiotekst\">{}</code></td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            role(c.role, lang),
            escape(&c.id),
            name_of(c, lang),
            escape(&c.source),
            c.revision.map_or_else(|| "\u{2014}".to_string(), |r| r.to_string()),
            int(c.signals_per_second.round() as u64, lang),
            decimal(c.seconds, 2, lang)
        );
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
    h
}

/// The page's styles: white paper, dark text, A4 in print.
const STYLE: &str = "\
body{font-family:sans-serif;margin:1.5em auto;max-width:960px;padding:0 1em;color:#1a1a1a;background:#ffffff;line-height:1.45}
h1{font-size:1.6em;margin:.2em 0 .4em}
h2{font-size:1.25em;margin:1.6em 0 .5em;border-bottom:1px solid #8c8c8c}
h3{font-size:1.05em;margin:1em 0 .3em}
#samenvatting h2{margin-top:.4em}
.kern{font-size:1.1em}
.let-op{border:1px solid #8c8c8c;border-left:6px solid #1a1a1a;padding:.5em .8em;background:#ffffff}
.tip,.noot{color:#4d4d4d;font-size:.92em}
table{border-collapse:collapse;margin:1em 0}
th,td{padding:.25em .6em;border-bottom:1px solid #c8c8c8;text-align:left;vertical-align:top}
td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
code{font-size:.92em}
pre{border:1px solid #c8c8c8;padding:.5em;overflow-x:auto;font-size:.85em;background:#ffffff}
details{margin:.4em 0 1em}
summary{cursor:pointer}
figure{margin:1em 0}
svg{max-width:100%;height:auto}
@page{size:A4;margin:15mm}
@media print{
body{margin:0;max-width:none;padding:0;font-size:10pt;color:#000000;background:#ffffff}
article,figure,.let-op,tr{break-inside:avoid}
h2,h3{break-after:avoid}
#technische-bijlage{break-before:page}
summary{list-style:none}
}
";

/// The self-contained HTML page, in `lang`.
pub(crate) fn page(report: &Report, lang: Language) -> String {
    let title = match report.configurations.as_slice() {
        [baseline, .., studied] => {
            let (b, s) = (name_of(baseline, lang), name_of(studied, lang));
            say!(lang, "Wat verandert er met {s} ten opzichte van {b}?", "What changes with {s} compared with {b}?")
        }
        [only] => {
            let s = name_of(only, lang);
            say!(lang, "Simulatie van {s}", "Simulation of {s}")
        }
        [] => String::new(),
    };
    let plain_title = match report.configurations.as_slice() {
        [baseline, .., studied] => {
            let (b, s) = (plain_name_of(baseline, lang), plain_name_of(studied, lang));
            say!(lang, "Wat verandert er met {s} ten opzichte van {b}?", "What changes with {s} compared with {b}?")
        }
        [only] => {
            let s = plain_name_of(only, lang);
            say!(lang, "Simulatie van {s}", "Simulation of {s}")
        }
        [] => String::new(),
    };
    let mut h = String::new();
    let _ = writeln!(h, "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">", lang.tag());
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(h, "<title>{plain_title}</title>");
    let _ = writeln!(h, "<style>\n{STYLE}</style>\n</head>\n<body>");
    let _ = writeln!(h, "<h1>{title}</h1>");
    h.push_str(&summary(report, lang));
    if report.configurations.len() > 1 {
        h.push_str(&shifts(report, lang));
    }
    h.push_str("<section id=\"grafiek\">\n");
    let _ = writeln!(h, "<h2>{}</h2>", lang.pick("Signalen per route", "Signals per route"));
    h.push_str("<figure>\n");
    h.push_str(&svg(report, lang, false));
    let _ = writeln!(
        h,
        "<figcaption class=\"noot\">{}</figcaption>\n</figure>\n</section>",
        if report.configurations.len() > 1 {
            lang.pick(
                "Per partner het aantal signalen met een route erheen; gestreept de vergelijkingsbasis, effen de onderzochte regeling, \
                 tussen haakjes het verschil. De grootste verschillen staan bovenaan.",
                "Per partner the number of signals with a route to it; striped the baseline, solid the configuration studied, \
                 the change in brackets. The largest changes come first.",
            )
        } else {
            lang.pick(
                "Per partner het aantal signalen met een route erheen.",
                "Per partner the number of signals with a route to it.",
            )
        }
    );
    h.push_str(&all_outcomes(report, lang));
    h.push_str(&appendix(report, lang));
    h.push_str("</body>\n</html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a<b & \"c\"'"), "a&lt;b &amp; &quot;c&quot;&#39;");
        assert_eq!(theirs("<i>"), "<span class=\"regiotekst\">&lt;i&gt;</span>");
    }

    #[test]
    fn ticks_are_round() {
        assert_eq!(tick_step(9), 1);
        assert_eq!(tick_step(40), 10);
        assert_eq!(tick_step(120), 50);
        assert_eq!(tick_step(1000), 200);
    }

    #[test]
    fn rules_are_named_as_a_list() {
        assert_eq!(rules_phrase(&[], Language::Nl), "geen regel genoemd");
        assert_eq!(rules_phrase(&["RT-A2".into()], Language::Nl), "regel <code>RT-A2</code>");
        assert_eq!(
            rules_phrase(&["A-B".into(), "C-D".into()], Language::En),
            "rules <code>A-B</code> and <code>C-D</code>"
        );
    }
}
