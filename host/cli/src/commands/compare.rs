//! `wegwijs compare`: one signal decided with the national defaults and in
//! each region bundle given, side by side as a Markdown table, so a policy
//! officer sees what each region changes for the same child.

use super::InputError;
use crate::escape::markdown_cell;
use anyhow::Context;
use clap::Args;
use std::fmt::Write as _;
use std::path::PathBuf;
use wegwijs::types::say;
use wegwijs::{DecideOptions, Decision, Host, Language, Signal};
use wegwijs_kit as kit;

/// Decide one signal nationally and in each region; print a Markdown table.
#[derive(Debug, Args)]
pub(crate) struct CompareCommand {
    #[command(flatten)]
    pub(crate) reader: super::ReaderLanguage,
    /// The signal, a JSON file.
    signal: PathBuf,
    /// A region bundle directory (repeatable); each gets a row.
    #[arg(long = "region", value_name = "DIR", required = true)]
    regions: Vec<PathBuf>,
}

impl CompareCommand {
    pub(crate) fn execute(self) -> anyhow::Result<u8> {
        let lang = super::language();
        let shown = self.signal.display();
        let text = std::fs::read_to_string(&self.signal).map_err(|e| {
            let e = super::os_reason(&e);
            InputError(say!(
                lang,
                "kan het signaalbestand {shown} niet lezen: {e}",
                "cannot read the signal file {shown}: {e}"
            ))
        })?;
        let signal = Signal::from_json(&text).with_context(|| say!(lang, "in {shown}", "in {shown}"))?;
        let host = super::build_host(Host::builder())?;
        let national = lang.pick("landelijke standaard", "national default").to_string();
        let mut rows = vec![(national, host.decide_with(&signal, &DecideOptions::national())?)];
        for dir in &self.regions {
            let region = host.activate_dir(dir).map_err(|e| super::bundle_error(dir, &e))?;
            let d = host.decide_with(&signal, &DecideOptions::default().in_region(region.id.clone()))?;
            rows.push((format!("{} ({})", region.name, region.id), d));
        }
        print!("{}", table(&rows, lang));
        Ok(crate::exit::OK)
    }
}

/// The Markdown table: one row per decision, routes in the card's order,
/// every code in the glossary's words.
fn table(rows: &[(String, Decision)], lang: Language) -> String {
    let mut out = String::from(lang.pick(
        "| regels | niveau, actie | routes (partner · soort · verwijzer · lokale naam) |\n|---|---|---|\n",
        "| rules | level, action | routes (partner · kind · verwijzer · local name) |\n|---|---|---|\n",
    ));
    for (name, d) in rows {
        let level = match (d.level, d.action) {
            (Some(l), Some(a)) => format!("{}, {}", kit::level_term(l, lang), kit::action_label(a, lang)),
            _ => "—".into(),
        };
        let routes: Vec<String> = d
            .routes()
            .iter()
            .map(|r| {
                let mut s = format!("{} · {}", kit::partner_term(r.partner, lang), kit::route_kind_term(r.kind, lang));
                // Partner, kind and verwijzer are the WIT's enums, in the
                // glossary's words; the local name and the region's name are
                // the region's own text.
                if let Some(v) = r.verwijzer {
                    let _ = write!(s, " · {}", v.code());
                }
                if let Some(local) = &r.local_name {
                    let _ = write!(s, " · {}", markdown_cell(local));
                }
                s
            })
            .collect();
        let routes = if routes.is_empty() { lang.pick("geen", "none").to_string() } else { routes.join("<br>") };
        let _ = writeln!(out, "| {} | {level} | {routes} |", markdown_cell(name));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn region_text_cannot_inject_markup_or_break_the_table() {
        let host = Host::builder().build().unwrap();
        let text = include_str!("../../../../examples/signals/04-kindcheck-adult-ggz.json");
        let mut d = host.decide(&Signal::from_json(text).unwrap()).unwrap();
        for r in d.routing.as_mut().unwrap().routes.iter_mut() {
            r.local_name = Some("Team <img src=x onerror=alert(1)> | two\nthree".into());
        }
        let rows = vec![("<script>alert(1)</script>\n| x |".to_string(), d.clone()), ("national".into(), d)];
        let table = table(&rows, Language::Nl);
        assert_eq!(table.lines().count(), 2 + rows.len(), "one line per row: {table}");
        assert!(!table.contains("<script") && !table.contains("<img"), "{table}");
        for line in table.lines().skip(2) {
            assert_eq!(line.matches('|').count(), 4, "a cell split the row: {line}");
        }
    }
}
