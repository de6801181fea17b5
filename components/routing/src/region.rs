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
//! was regional configuration and not the guideline.

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use wegwijs_types::{Domain, MeldcodeConclusion, Partner, Reason, RegionConfig, RouteKind};

use crate::facts::Facts;
use crate::tables::{CONFIG_VALUE_ECHO_CHARS, ChildRouteRow, HUB, HubRow, POH_JEUGD};
use crate::text::codes;
use wegwijs_kit::{clip, partner_label};

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
    /// The reason sentence (cited under the row's rule).
    pub(crate) text: &'static str,
    /// Reasons saying which configuration key changed the route, or why a
    /// configured change does not apply to this case.
    pub(crate) notes: Vec<Reason>,
}

/// A configured value as it is echoed in a warning: clipped and quoted.
fn echo(value: &str) -> String {
    format!("{:?}", clip(value, CONFIG_VALUE_ECHO_CHARS))
}

impl Settings {
    /// Reads `routing.hub` and `routing.poh-jeugd`. Returns the settings and
    /// the card-level warnings for values that were not understood.
    pub(crate) fn read(config: &dyn RegionConfig) -> (Settings, Vec<Reason>) {
        let mut warnings = Vec::new();

        let poh_value = config.get(POH_JEUGD.key);
        let poh = poh_value.as_deref().map(str::trim);
        let poh_jeugd = match poh {
            None => false,
            Some(v) if v.eq_ignore_ascii_case("true") => true,
            Some(v) if v.eq_ignore_ascii_case("false") => false,
            Some(v) => {
                warnings.push(Reason::new(
                    POH_JEUGD.rule,
                    format!(
                        "Region configuration {} = {} is not true or false; the default stays in force: no POH-jeugd, so an A2 case with an abnormal instrument consults jeugd-GGZ.",
                        POH_JEUGD.key,
                        echo(v)
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
            let Some(row) = HUB.rows.iter().find(|r| r.value.eq_ignore_ascii_case(v)) else {
                let allowed: Vec<&str> = core::iter::once(HUB.default).chain(HUB.rows.iter().map(|r| r.value)).collect();
                warnings.push(Reason::new(
                    HUB.rule,
                    format!(
                        "Region configuration {} = {} is not one of {}; the default stays in force: {}.",
                        HUB.key,
                        echo(v),
                        allowed.join(", "),
                        HUB.default
                    ),
                ));
                return None;
            };
            if row.partner == Partner::PohJeugd && no_poh {
                warnings.push(Reason::new(
                    HUB.rule,
                    format!(
                        "Region configuration {} = {} contradicts {} = false (no POH-jeugd at the huisarts practice); the default stays in force: {}.",
                        HUB.key,
                        echo(v),
                        POH_JEUGD.key,
                        HUB.default
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
    let setting = format!("{} = {}", HUB.key, echo(hub.value));
    let blocker = blocker(f, HUB.domains)
        .or_else(|| {
            f.screening
                .risk_card
                .risk_factors
                .iter()
                .find(|r| r.red)
                .map(|r| format!("the risk card has a red factor ({})", clip(&r.code, CONFIG_VALUE_ECHO_CHARS)))
        })
        .or_else(|| {
            f.instrument_abnormal
                .then(|| String::from("an abnormal instrument also calls for a jeugd-GGZ consultation"))
        });
    match blocker {
        None => {
            let before = out.partner;
            out.partner = hub.partner;
            out.kind = hub.kind;
            out.text = hub.text;
            out.notes.push(Reason::new(
                HUB.rule,
                format!(
                    "Regional configuration {setting}: this region made {} its hub for single-issue psychosocial questions; without it, {} would consult {} (the default).",
                    partner_label(hub.partner),
                    HUB.rule,
                    partner_label(before)
                ),
            ));
        }
        Some(why) => out.notes.push(Reason::new(
            HUB.rule,
            format!(
                "Regional configuration {setting} does not apply to this case: {why}, so {} stays the place to consult.",
                partner_label(out.partner)
            ),
        )),
    }
}

/// `routing.poh-jeugd = true`: a single psychosocial question with an
/// abnormal instrument goes to the POH-jeugd first; multi-domain or
/// high-risk cases keep jeugd-GGZ.
fn apply_poh_jeugd(f: &Facts<'_>, out: &mut ChildRoute) {
    let setting = format!("{} = true", POH_JEUGD.key);
    let blocker = blocker(f, POH_JEUGD.domains).or_else(|| {
        (f.risk_level > POH_JEUGD.max_risk_level)
            .then(|| format!("the risk card is at level {} (a red factor or four or more risk factors)", f.risk_level))
    });
    match blocker {
        None => {
            let before = out.partner;
            out.partner = POH_JEUGD.partner;
            out.kind = POH_JEUGD.kind;
            out.text = POH_JEUGD.text;
            out.notes.push(Reason::new(
                POH_JEUGD.rule,
                format!(
                    "Regional configuration {setting}: a POH-jeugd works at the huisarts practice, so this single psychosocial question is consulted with {} first; without it, {} would consult {}, which stays the route for multi-domain or high-risk cases.",
                    partner_label(POH_JEUGD.partner),
                    POH_JEUGD.rule,
                    partner_label(before)
                ),
            ));
        }
        Some(why) => out.notes.push(Reason::new(
            POH_JEUGD.rule,
            format!(
                "Regional configuration {setting} does not apply to this case: {why}, so {} stays the place to consult.",
                partner_label(out.partner)
            ),
        )),
    }
}

/// Why a configured hub or POH-jeugd does not take a case, if anything:
/// a concern domain outside `allowed`, or a safety signal (the safety
/// track and the sociaal wijkteam or jeugd-GGZ keep those).
fn blocker(f: &Facts<'_>, allowed: &[Domain]) -> Option<String> {
    let safety = f.has_domain(Domain::Safety)
        || f.intake_safety_flag
        || f.meldcode.is_some_and(|m| m.conclusion != MeldcodeConclusion::Close);
    if safety {
        return Some(String::from("the case has a safety signal"));
    }
    let outside: Vec<&str> =
        f.domains.iter().filter(|d| **d != Domain::Safety && !allowed.contains(d)).map(|d| d.name()).collect();
    if outside.is_empty() {
        return None;
    }
    let allowed_names: Vec<&str> = allowed.iter().map(|d| d.name()).collect();
    Some(format!(
        "it has a concern domain outside {} ({})",
        allowed_names.join(" and "),
        codes(outside.iter().copied())
    ))
}

/// The region's local name for the partner (the region kit's rule).
pub(crate) use wegwijs_kit::local_name;
