//! What a region changes in routing through configuration alone: local
//! partner names and contacts, the hub for single-issue psychosocial
//! questions (`routing.hub`) and whether a POH-jeugd works at the huisarts
//! practice (`routing.poh-jeugd`).
//!
//! The keys are read once per case through [`RegionConfig`], the `config`
//! host import inside the component. A region changes only rows the tables
//! mark as defaults ([`HUB`], [`POH_JEUGD`]), so configuration can never go
//! below the guideline. A value this module does not understand changes no
//! route and never panics: the default stays in force and the card carries
//! a warning naming the key and the value, so the region sees its mistake
//! in every decision rather than getting silently different routes. Every
//! change a key makes adds a reason to the route it changed, citing the rule
//! it modifies and naming the key, so a reader of the decision sees that it
//! was regional configuration and not the guideline. The sentences are in
//! the reader's language; keys and values are quoted as they stand.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_types::{Domain, Language, MeldcodeConclusion, Partner, Reason, RegionConfig, RouteKind, say};

use crate::facts::Facts;
use crate::tables::{CONFIG_VALUE_ECHO_CHARS, ChildRouteRow, HUB, HubRow, POH_JEUGD, Wording};
use crate::text::{code_list, codes, quote};
use wegwijs_kit::{clip, domain_term, level_term, partner_label};

/// The region's routing settings for one case.
pub(crate) struct Settings {
    /// The configured hub, when it is not the default
    /// ([`HubTable::default`](crate::tables::HubTable::default)).
    hub: Option<&'static HubRow>,
    /// `routing.poh-jeugd = true`.
    poh_jeugd: bool,
}

/// The child's route as the region's configuration shapes it.
pub(crate) struct ChildRoute {
    /// Where to.
    pub(crate) partner: Partner,
    /// What kind of step.
    pub(crate) kind: RouteKind,
    /// The reason sentence (cited under the row's rule), in both languages.
    pub(crate) text: Wording,
    /// Reasons saying which configuration key changed the route, or why a
    /// configured change does not apply to this case.
    pub(crate) notes: Vec<Reason>,
}

/// A configured value as it is echoed in a warning: clipped and quoted.
fn echo(value: &str) -> String {
    format!("{:?}", clip(value, CONFIG_VALUE_ECHO_CHARS))
}

/// A configuration setting `key = value` as a sentence shows it: as is in
/// English, quoted in backticks in Dutch (a setting is a code, read the same
/// in every language; a backtick in the value cannot end the quote).
fn setting(key: &str, value: &str, lang: Language) -> String {
    let text = format!("{key} = {value}");
    match lang {
        Language::En => text,
        Language::Nl => format!("`{}`", text.replace('`', "'")),
    }
}

impl Settings {
    /// Reads `routing.hub` and `routing.poh-jeugd`. Returns the settings and
    /// the card-level warnings, in `lang`, for values that were not understood.
    pub(crate) fn read(config: &dyn RegionConfig, lang: Language) -> (Settings, Vec<Reason>) {
        let mut warnings = Vec::new();

        let poh_value = config.get(POH_JEUGD.key);
        let poh = poh_value.as_deref().map(str::trim);
        let poh_jeugd = match poh {
            None => false,
            Some(v) if v.eq_ignore_ascii_case("true") => true,
            Some(v) if v.eq_ignore_ascii_case("false") => false,
            Some(v) => {
                let configured = setting(POH_JEUGD.key, &echo(v), lang);
                warnings.push(Reason::new(
                    POH_JEUGD.rule,
                    say!(
                        lang,
                        "Regioconfiguratie {configured} is niet `true` of `false`; de standaard blijft gelden: geen POH-jeugd, dus een casus met actie A2 en een afwijkend instrument gaat voor consultatie naar de jeugd-GGZ.",
                        "Region configuration {configured} is not true or false; the default stays in force: no POH-jeugd, so an A2 case with an abnormal instrument consults jeugd-GGZ."
                    ),
                ));
                false
            }
        };
        let no_poh = poh.is_some_and(|v| v.eq_ignore_ascii_case("false"));

        let hub = config.get(HUB.key).and_then(|value| {
            let v = value.trim();
            if v.eq_ignore_ascii_case(HUB.default) {
                return None;
            }
            let configured = setting(HUB.key, &echo(v), lang);
            let default = match lang {
                Language::En => String::from(HUB.default),
                Language::Nl => quote(HUB.default),
            };
            let Some(row) = HUB.rows.iter().find(|r| r.value.eq_ignore_ascii_case(v)) else {
                let allowed = code_list(core::iter::once(HUB.default).chain(HUB.rows.iter().map(|r| r.value)), lang);
                warnings.push(Reason::new(
                    HUB.rule,
                    say!(
                        lang,
                        "Regioconfiguratie {configured} is geen van {allowed}; de standaard blijft gelden: {default}.",
                        "Region configuration {configured} is not one of {allowed}; the default stays in force: {default}."
                    ),
                ));
                return None;
            };
            if row.partner == Partner::PohJeugd && no_poh {
                let no = setting(POH_JEUGD.key, "false", lang);
                warnings.push(Reason::new(
                    HUB.rule,
                    say!(
                        lang,
                        "Regioconfiguratie {configured} spreekt {no} tegen (geen POH-jeugd in de huisartsenpraktijk); de standaard blijft gelden: {default}.",
                        "Region configuration {configured} contradicts {no} (no POH-jeugd at the huisarts practice); the default stays in force: {default}."
                    ),
                ));
                return None;
            }
            Some(row)
        });

        (Settings { hub, poh_jeugd }, warnings)
    }

    /// The child's route for `row`: the row itself, or what the region's
    /// hub or POH-jeugd makes of it.
    pub(crate) fn child_route(&self, f: &Facts<'_>, row: &ChildRouteRow) -> ChildRoute {
        let mut out = ChildRoute { partner: row.partner, kind: row.kind, text: row.text, notes: Vec::new() };
        if row.action == HUB.action
            && HUB.triggers.contains(&row.trigger)
            && let Some(hub) = self.hub
        {
            apply_hub(f, hub, &mut out);
        }
        if row.action == POH_JEUGD.action && row.trigger == POH_JEUGD.trigger && self.poh_jeugd {
            apply_poh_jeugd(f, &mut out);
        }
        out
    }
}

/// `routing.hub`: the hub takes the single-issue route, unless the case
/// is more than a single issue.
fn apply_hub(f: &Facts<'_>, hub: &'static HubRow, out: &mut ChildRoute) {
    let lang = f.lang;
    let setting = setting(HUB.key, &echo(hub.value), lang);
    let blocker = blocker(f, HUB.domains)
        .or_else(|| {
            f.screening.risk_card.risk_factors.iter().find(|r| r.red).map(|r| match lang {
                Language::Nl => format!("de risicokaart heeft een rode factor ({})", quote(&r.code)),
                Language::En => {
                    format!("the risk card has a red factor ({})", clip(&r.code, CONFIG_VALUE_ECHO_CHARS))
                }
            })
        })
        .or_else(|| {
            f.instrument_abnormal.then(|| {
                String::from(lang.pick(
                    "een afwijkend instrument vraagt ook om consultatie van de jeugd-GGZ",
                    "an abnormal instrument also calls for a jeugd-GGZ consultation",
                ))
            })
        });
    let rule = HUB.rule;
    match blocker {
        None => {
            let before = partner_label(out.partner, lang);
            out.partner = hub.partner;
            out.kind = hub.kind;
            out.text = hub.text;
            let chosen = partner_label(hub.partner, lang);
            out.notes.push(Reason::new(
                rule,
                say!(
                    lang,
                    "Regionale configuratie {setting}: deze regio maakte {chosen} het aanspreekpunt voor enkelvoudige psychosociale vragen; zonder deze instelling consulteert de JGZ volgens {rule} {before} (de standaard).",
                    "Regional configuration {setting}: this region made {chosen} its hub for single-issue psychosocial questions; without it, {rule} would consult {before} (the default)."
                ),
            ));
        }
        Some(why) => {
            let stays = partner_label(out.partner, lang);
            out.notes.push(Reason::new(
                rule,
                say!(
                    lang,
                    "Regionale configuratie {setting} geldt niet voor deze casus: {why}, dus {stays} blijft de plek voor consultatie.",
                    "Regional configuration {setting} does not apply to this case: {why}, so {stays} stays the place to consult."
                ),
            ));
        }
    }
}

/// `routing.poh-jeugd = true`: a single psychosocial question with an
/// abnormal instrument goes to the POH-jeugd first; multi-domain or
/// high-risk cases keep jeugd-GGZ.
fn apply_poh_jeugd(f: &Facts<'_>, out: &mut ChildRoute) {
    let lang = f.lang;
    let setting = setting(POH_JEUGD.key, "true", lang);
    let blocker = blocker(f, POH_JEUGD.domains).or_else(|| {
        (f.risk_level > POH_JEUGD.max_risk_level).then(|| match lang {
            Language::Nl => format!(
                "de risicokaart staat op niveau {} (een rode factor of vier of meer risicofactoren)",
                level_term(f.risk_level, lang)
            ),
            Language::En => {
                format!("the risk card is at level {} (a red factor or four or more risk factors)", f.risk_level)
            }
        })
    });
    let rule = POH_JEUGD.rule;
    match blocker {
        None => {
            let before = partner_label(out.partner, lang);
            out.partner = POH_JEUGD.partner;
            out.kind = POH_JEUGD.kind;
            out.text = POH_JEUGD.text;
            let poh = partner_label(POH_JEUGD.partner, lang);
            out.notes.push(Reason::new(
                rule,
                say!(
                    lang,
                    "Regionale configuratie {setting}: in de huisartsenpraktijk werkt een POH-jeugd, dus over deze enkelvoudige psychosociale vraag wordt eerst {poh} geconsulteerd; zonder deze instelling consulteert de JGZ volgens {rule} {before}, en dat blijft de route bij meerdere domeinen of een hoog risico.",
                    "Regional configuration {setting}: a POH-jeugd works at the huisarts practice, so this single psychosocial question is consulted with {poh} first; without it, {rule} would consult {before}, which stays the route for multi-domain or high-risk cases."
                ),
            ));
        }
        Some(why) => {
            let stays = partner_label(out.partner, lang);
            out.notes.push(Reason::new(
                rule,
                say!(
                    lang,
                    "Regionale configuratie {setting} geldt niet voor deze casus: {why}, dus {stays} blijft de plek voor consultatie.",
                    "Regional configuration {setting} does not apply to this case: {why}, so {stays} stays the place to consult."
                ),
            ));
        }
    }
}

/// Why a configured hub or POH-jeugd does not take a case, if anything:
/// a concern domain outside `allowed`, or a safety signal (the safety
/// track and the sociaal wijkteam or jeugd-GGZ keep those).
fn blocker(f: &Facts<'_>, allowed: &[Domain]) -> Option<String> {
    let lang = f.lang;
    let safety = f.has_domain(Domain::Safety)
        || f.intake_safety_flag
        || f.meldcode.is_some_and(|m| m.conclusion != MeldcodeConclusion::Close);
    if safety {
        return Some(String::from(
            lang.pick("de casus heeft een signaal van onveiligheid", "the case has a safety signal"),
        ));
    }
    let word = |d: &Domain| match lang {
        Language::En => d.name(),
        Language::Nl => domain_term(*d, lang),
    };
    let outside: Vec<&str> =
        f.domains.iter().filter(|d| **d != Domain::Safety && !allowed.contains(d)).map(word).collect();
    if outside.is_empty() {
        return None;
    }
    let allowed_names: Vec<&str> = allowed.iter().map(word).collect();
    let outside = codes(outside.iter().copied());
    Some(match lang {
        Language::Nl => format!("de casus heeft een zorgdomein buiten {} ({outside})", allowed_names.join(" en ")),
        Language::En => format!("it has a concern domain outside {} ({outside})", allowed_names.join(" and ")),
    })
}

/// The region's local name for the partner (the region kit's rule).
pub(crate) use wegwijs_kit::local_name;
