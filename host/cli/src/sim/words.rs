//! The words and numbers of the HTML report in the reader's language:
//! numbers the Dutch way in Dutch (`1.000`, `12,5%`) and the English way in
//! English (`1,000`, `12.5%`), and every measure of the tally named with
//! the glossary's terms (`wegwijs_kit`), never by its code.

use super::shift::{Partners, list};
use wegwijs::Language;
use wegwijs::types::{Action, Partner, RouteKind, Urgency, Verwijzer, say};
use wegwijs_kit::{action_label, partner_label, partner_term, route_kind_term, urgency_term, verwijzer_label};

/// A whole number with thousands separators: `1.234.567` / `1,234,567`.
pub(crate) fn int(n: u64, lang: Language) -> String {
    let sep = lang.pick(".", ",");
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(ch);
    }
    out
}

/// A signed whole number: `+1.234`, `−12` (a real minus sign), `0`.
pub(crate) fn signed(n: i64, lang: Language) -> String {
    match n {
        0 => "0".to_string(),
        n if n > 0 => format!("+{}", int(n.unsigned_abs(), lang)),
        n => format!("\u{2212}{}", int(n.unsigned_abs(), lang)),
    }
}

/// A number with `decimals` decimals: `12,5` / `12.5`, thousands separated.
pub(crate) fn decimal(x: f64, decimals: usize, lang: Language) -> String {
    let s = format!("{:.*}", decimals, x.abs());
    let (whole, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut out = String::new();
    if x.is_sign_negative() && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('\u{2212}');
    }
    out.push_str(&int(whole.parse().unwrap_or(0), lang));
    if !frac.is_empty() {
        out.push_str(lang.pick(",", "."));
        out.push_str(frac);
    }
    out
}

/// A percentage with one decimal: `12,5%` / `12.5%`.
pub(crate) fn pct(p: f64, lang: Language) -> String {
    format!("{}%", decimal(p, 1, lang))
}

/// A shift in percentage points with its sign: `+2,3`, `−0,7`, `0,0`.
pub(crate) fn pp(p: f64, lang: Language) -> String {
    let body = decimal(p, 1, lang);
    if p > 0.0 { format!("+{body}") } else { body }
}

/// `count` of `of` signals scaled to `per_year`, rounded to whole signals.
pub(crate) fn scale(count: u64, of: u64, per_year: u64) -> u64 {
    if of == 0 {
        return 0;
    }
    let (c, of, y) = (u128::from(count), u128::from(of), u128::from(per_year));
    u64::try_from((c * y * 2 + of) / (of * 2)).unwrap_or(u64::MAX)
}

/// Items joined the way a sentence lists them: `a, b en c` / `a, b and c`.
pub(crate) fn join(items: &[String], lang: Language) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), lang.pick("en", "and")),
    }
}

/// Partners inside a sentence, with their articles: "de jeugd-GGZ en de huisarts".
pub(crate) fn partners_in_sentence(set: Partners, lang: Language) -> String {
    let labels: Vec<String> = list(set).into_iter().map(|p| partner_label(p, lang).to_string()).collect();
    join(&labels, lang)
}

/// A partner as a bare term in a table or heading, where no route kind
/// stands beside it: the glossary's term, except that Veilig Thuis says
/// whether it is asked for advice or receives a melding (two rows that
/// would otherwise read alike).
fn table_term(p: Partner, lang: Language) -> &'static str {
    match p {
        Partner::VeiligThuisAdvice => lang.pick("Veilig Thuis (advies)", "Veilig Thuis (advice)"),
        Partner::VeiligThuisMelding => "Veilig Thuis (melding)",
        _ => partner_term(p, lang),
    }
}

/// Partners as bare terms, for a heading: "jeugd-GGZ + huisarts"; "—" for none.
pub(crate) fn partners_as_terms(set: Partners, lang: Language) -> String {
    let terms: Vec<&str> = list(set).into_iter().map(|p| table_term(p, lang)).collect();
    if terms.is_empty() { "\u{2014}".to_string() } else { terms.join(" + ") }
}

/// A route partner's term from its WIT name ("POH-jeugd"); an unknown name as it is.
pub(crate) fn route_term(key: &str, lang: Language) -> String {
    Partner::from_name(key).map_or_else(|| key.to_string(), |p| table_term(p, lang).to_string())
}

/// The role of a configuration: the baseline or the one under study.
pub(crate) fn role(role: &str, lang: Language) -> &'static str {
    match role {
        "baseline" => lang.pick("vergelijkingsbasis", "baseline"),
        _ => lang.pick("onderzochte regeling", "configuration studied"),
    }
}

/// A pipeline stage's name for a reader.
fn stage(name: &str, lang: Language) -> String {
    match name {
        "intake" => "intake".to_string(),
        "screening" => "screening".to_string(),
        "routing" => lang.pick("routering", "routing").to_string(),
        "consent" => lang.pick("toestemming", "consent").to_string(),
        other => other.to_string(),
    }
}

/// The label of one measure of the tally (its group and key, as in the
/// report's JSON), e.g. "route naar POH-jeugd". A key the glossary does not
/// know is shown as it is; the caller escapes the result.
pub(crate) fn measure(group: &str, key: &str, lang: Language) -> String {
    match group {
        "route" => match Partner::from_name(key) {
            Some(p) => {
                let term = table_term(p, lang);
                say!(lang, "route naar {term}", "route to {term}")
            }
            None => say!(lang, "route naar {key}", "route to {key}"),
        },
        "kind" => {
            let term = RouteKind::from_name(key).map_or(key, |k| route_kind_term(k, lang));
            say!(lang, "soort route: {term}", "kind of route: {term}")
        }
        "urgency" => {
            let term = Urgency::from_name(key).map_or(key, |u| urgency_term(u, lang));
            say!(lang, "urgentie: {term}", "urgency: {term}")
        }
        "verwijzer" => {
            let (code, name) = key.split_once(' ').unwrap_or((key, ""));
            let label = match Verwijzer::from_name(name) {
                Some(v) => verwijzer_label(v),
                None => name,
            };
            say!(lang, "verwijzing met verwijzercode {code} {label}", "referral with verwijzer code {code} {label}")
        }
        "action" => match Action::from_name(&key.to_ascii_lowercase()) {
            Some(a) => {
                let label = action_label(a, lang);
                say!(lang, "actie: {label}", "action: {label}")
            }
            None if key == "NONE" => {
                lang.pick("geen actie (screening niet uitgevoerd)", "no action (screening did not run)").to_string()
            }
            None => say!(lang, "actie: {key}", "action: {key}"),
        },
        "status" => match key {
            "decided" => lang.pick("status: advies gegeven", "status: decided").to_string(),
            "closed" => lang.pick("status: afgesloten met reden", "status: closed with a reason").to_string(),
            "incomplete" => {
                lang.pick("status: onvolledig, zelf beoordelen", "status: incomplete, assess by hand").to_string()
            }
            other => say!(lang, "status: {other}", "status: {other}"),
        },
        "divergence" => {
            let s = stage(key, lang);
            say!(lang, "regio wijkt af bij {s}", "region differs at {s}")
        }
        "fault" => {
            let s = stage(key, lang);
            say!(lang, "storing in onderdeel {s}", "component fault at {s}")
        }
        other => format!("{other} {key}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Language::{En, Nl};

    #[test]
    fn every_partner_has_a_row_label_of_its_own() {
        for lang in [Nl, En] {
            let labels: Vec<String> = Partner::ALL.iter().map(|p| measure("route", p.name(), lang)).collect();
            let distinct: std::collections::BTreeSet<&String> = labels.iter().collect();
            assert_eq!(distinct.len(), labels.len(), "two partners read alike in {lang:?}: {labels:?}");
        }
    }

    #[test]
    fn numbers_read_the_dutch_way_in_dutch() {
        assert_eq!(int(0, Nl), "0");
        assert_eq!(int(999, Nl), "999");
        assert_eq!(int(1000, Nl), "1.000");
        assert_eq!(int(1_234_567, Nl), "1.234.567");
        assert_eq!(int(1_234_567, En), "1,234,567");
        assert_eq!(pct(12.5, Nl), "12,5%");
        assert_eq!(pct(12.5, En), "12.5%");
        assert_eq!(pct(1234.56, Nl), "1.234,6%");
        assert_eq!(pp(2.34, Nl), "+2,3");
        assert_eq!(pp(-0.66, Nl), "\u{2212}0,7");
        assert_eq!(pp(0.0, Nl), "0,0");
        assert_eq!(pp(-0.04, Nl), "0,0", "no minus sign before a zero");
        assert_eq!(signed(-1200, Nl), "\u{2212}1.200");
        assert_eq!(signed(5, En), "+5");
    }

    #[test]
    fn counts_scale_to_a_year_rounded() {
        assert_eq!(scale(9, 300, 1000), 30);
        assert_eq!(scale(1, 300, 1000), 3);
        assert_eq!(scale(1, 3, 2), 1, "0.67 rounds up");
        assert_eq!(scale(1, 4, 2), 1, "a half rounds up");
        assert_eq!(scale(0, 300, 1000), 0);
        assert_eq!(scale(5, 0, 1000), 0);
    }

    #[test]
    fn measures_are_named_with_the_glossary() {
        assert_eq!(measure("route", "poh-jeugd", Nl), "route naar POH-jeugd");
        assert_eq!(measure("route", "wijkteam", En), "route to sociaal wijkteam");
        assert_eq!(measure("urgency", "soon", Nl), "urgentie: binnenkort");
        assert_eq!(measure("action", "A2", Nl), "actie: A2");
        assert_eq!(measure("action", "REASSESS", Nl), "actie: opnieuw beoordelen");
        assert_eq!(measure("verwijzer", "03 jeugdarts", Nl), "verwijzing met verwijzercode 03 Jeugdarts");
        assert_eq!(measure("divergence", "routing", Nl), "regio wijkt af bij routering");
        assert_eq!(join(&["a".into(), "b".into(), "c".into()], Nl), "a, b en c");
    }
}
