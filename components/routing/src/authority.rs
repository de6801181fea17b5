//! Who may refer to jeugdhulp (RT-AUTHORITY) and how a case changes hands (RT-WARM).
//!
//! Only a jeugdarts, huisarts, medisch specialist, the gemeente, a GI or a
//! court may refer directly to jeugdhulp, and every such referral carries
//! an iJw/CBS verwijzer code. A JGZ nurse cannot sign one, so this module
//! routes the nurse's referral through the team's jeugdarts and adds that
//! internal step as a route of its own. The host's G-AUTHORITY guardrail
//! would otherwise have to repair the card.

use alloc::format;
use alloc::vec::Vec;
use wegwijs_types::{Handover, Partner, Reason, RouteKind, Verwijzer, say};

use crate::facts::Facts;
use crate::plan::Plan;
use crate::tables::{HANDOVER, URGENCY, VERWIJZER, VerwijzerRow};
use crate::text::{family_or_youth, urgency_word};
use wegwijs_kit::{handler_label, partner_label, verwijzer_label};

/// "verwijzer 03 Jeugdarts", the same in both languages (the iJw code list
/// is Dutch).
pub(crate) fn verwijzer_text(v: Verwijzer) -> alloc::string::String {
    format!("verwijzer {} {}", v.code(), verwijzer_label(v))
}

/// Sets the verwijzer on every referral to jeugdhulp, adds the internal
/// jeugdarts step or the GI route where needed, and explains wijkteam routes.
pub(crate) fn apply(f: &Facts<'_>, plan: &mut Plan) {
    let lang = f.lang;
    if f.case.gi_involved {
        let gi = verwijzer_text(VERWIJZER.gi);
        let i = plan.add(
            Partner::GecertificeerdeInstelling,
            RouteKind::Coordination,
            URGENCY.parent,
            Reason::new(
                "RT-AUTHORITY",
                say!(
                    lang,
                    "Een gecertificeerde instelling voert een ondertoezichtstelling uit: stem elke stap af met de jeugdbeschermer, die de jeugdhulp mag bepalen ({gi}).",
                    "A gecertificeerde instelling carries out an ondertoezichtstelling: align every step with its jeugdbeschermer, who may determine jeugdhulp ({gi})."
                ),
            ),
        );
        let urgency = urgency_word(URGENCY.parent, lang);
        plan.route_reason(
            i,
            Reason::new(
                "RT-URGENCY",
                say!(
                    lang,
                    "{urgency}: afstemming met de gecertificeerde instelling (een standaardkeuze; de richtlijn noemt er geen).",
                    "{urgency}: coordination with the GI (a default; the guideline names none)."
                ),
            ),
        );
    }

    let jeugdhulp: Vec<usize> = plan
        .routes
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind == RouteKind::Referral && r.partner.is_jeugdhulp())
        .map(|(i, _)| i)
        .collect();
    // In reverse, so moving the internal jeugdarts step in front of a
    // referral does not shift the referrals still to come.
    for i in jeugdhulp.into_iter().rev() {
        let Some((partner, urgency)) = plan.routes.get(i).map(|r| (r.partner, r.urgency)) else { continue };
        let label = partner_label(partner, lang);
        if f.case.gi_involved {
            let gi = verwijzer_text(VERWIJZER.gi);
            set_verwijzer(
                plan,
                i,
                VERWIJZER.gi,
                say!(
                    lang,
                    "De verwijzing naar {label} krijgt {gi}: de gecertificeerde instelling die de ondertoezichtstelling uitvoert, bepaalt de jeugdhulp, in overleg met de gemeente.",
                    "The referral to {label} carries {gi}: the GI that carries out the ondertoezichtstelling determines jeugdhulp, in consultation with the gemeente."
                ),
            );
            continue;
        }
        // Every handler has a row; the fallback is the strictest reading (via the jeugdarts).
        let row = VERWIJZER.rows.iter().find(|r| r.handler == f.handler).copied().unwrap_or(VerwijzerRow {
            handler: f.handler,
            verwijzer: Verwijzer::Jeugdarts,
            via_jeugdarts: true,
        });
        let (verwijzer, handler) = (verwijzer_text(row.verwijzer), handler_label(f.handler));
        if row.via_jeugdarts {
            set_verwijzer(
                plan,
                i,
                row.verwijzer,
                say!(
                    lang,
                    "De verwijzing naar {label} krijgt {verwijzer}: een {handler} mag niet naar jeugdhulp verwijzen, dus de verwijzing loopt via de jeugdarts van het JGZ-team.",
                    "The referral to {label} carries {verwijzer}: a {handler} may not refer to jeugdhulp, so it goes via the jeugdarts of the JGZ team."
                ),
            );
            let j = plan.add(
                Partner::Jeugdarts,
                RouteKind::Consultation,
                urgency,
                Reason::new(
                    "RT-AUTHORITY",
                    say!(
                        lang,
                        "De {handler} legt de verwijzing naar {label} voor aan de jeugdarts van het team, die de verwijzing beoordeelt en ondertekent als {verwijzer}.",
                        "The {handler} routes the referral to {label} through the team's jeugdarts, who assesses it and signs it as {verwijzer}."
                    ),
                ),
            );
            let urgency = urgency_word(urgency, lang);
            plan.route_reason(
                j,
                Reason::new(
                    "RT-URGENCY",
                    say!(
                        lang,
                        "{urgency}: dezelfde als die van de verwijzing die deze stap voorbereidt.",
                        "{urgency}: the same as the referral it prepares."
                    ),
                ),
            );
            // List the jeugdarts step right before the referral it prepares.
            if j > i && j < plan.routes.len() {
                let step = plan.routes.remove(j);
                plan.routes.insert(i, step);
            }
        } else {
            set_verwijzer(
                plan,
                i,
                row.verwijzer,
                say!(
                    lang,
                    "De verwijzing naar {label} krijgt {verwijzer}: de jeugdarts die de casus behandelt, mag direct naar jeugdhulp verwijzen.",
                    "The referral to {label} carries {verwijzer}: the jeugdarts handling the case may refer to jeugdhulp directly."
                ),
            );
        }
    }

    let wijkteam: Vec<usize> = plan
        .routes
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind == RouteKind::Referral && r.partner == Partner::Wijkteam)
        .map(|(i, _)| i)
        .collect();
    let gemeente = verwijzer_text(VERWIJZER.gemeente);
    for i in wijkteam {
        plan.route_reason(
            i,
            Reason::new(
                "RT-AUTHORITY",
                say!(
                    lang,
                    "Geen verwijzer op deze route: het sociaal wijkteam is de gemeentelijke toegang, en de gemeente geeft voor eventuele jeugdhulp zelf de beschikking af, met {gemeente}.",
                    "No verwijzer on this route: the wijkteam is the gemeentelijke toegang, and the gemeente issues the beschikking for any jeugdhulp itself with {gemeente}."
                ),
            ),
        );
    }
}

fn set_verwijzer(plan: &mut Plan, i: usize, v: Verwijzer, text: alloc::string::String) {
    if let Some(r) = plan.routes.get_mut(i) {
        r.verwijzer = Some(v);
    }
    plan.route_reason(i, Reason::new("RT-AUTHORITY", text));
}

/// RT-WARM: referrals that change hands get a warm handover, or a written
/// one when the family declines; every other route keeps `none`.
pub(crate) fn handover(f: &Facts<'_>, plan: &mut Plan) {
    let lang = f.lang;
    let declines = f.case.family_declines_warm_handover;
    // A youth who excluded the parents meets the new helper alone.
    let with = family_or_youth(f.participants, lang);
    for r in &mut plan.routes {
        if r.kind != RouteKind::Referral || !HANDOVER.changes_hands.contains(&r.partner) {
            r.handover = Handover::None;
            continue;
        }
        let label = partner_label(r.partner, lang);
        let (h, text) = if declines {
            (
                Handover::Written,
                say!(
                    lang,
                    "De casus gaat over van de JGZ naar {label}; {with} wil geen warme overdracht, dus draag schriftelijk over.",
                    "The case changes hands from JGZ to {label}; {with} declines a warm handover, so hand over in writing."
                ),
            )
        } else {
            (
                Handover::Warm,
                say!(
                    lang,
                    "De casus gaat over van de JGZ naar {label}: adviseer een warme overdracht, een gezamenlijk contact met {with}.",
                    "The case changes hands from JGZ to {label}: recommend a warm handover, a joint contact with {with}."
                ),
            )
        };
        r.handover = h;
        r.reasons.push(Reason::new("RT-WARM", text));
    }
}
