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
use wegwijs_types::{Handover, Partner, Reason, RouteKind, Verwijzer};

use crate::facts::Facts;
use crate::plan::Plan;
use crate::tables::{HANDOVER, URGENCY, VERWIJZER, VerwijzerRow};
use wegwijs_kit::{handler_label, partner_label, verwijzer_label};

/// "verwijzer 03 Jeugdarts".
pub(crate) fn verwijzer_text(v: Verwijzer) -> alloc::string::String {
    format!("verwijzer {} {}", v.code(), verwijzer_label(v))
}

/// Sets the verwijzer on every referral to jeugdhulp, adds the internal
/// jeugdarts step or the GI route where needed, and explains wijkteam routes.
pub(crate) fn apply(f: &Facts<'_>, plan: &mut Plan) {
    if f.case.gi_involved {
        let i = plan.add(
            Partner::GecertificeerdeInstelling,
            RouteKind::Coordination,
            URGENCY.parent,
            Reason::new(
                "RT-AUTHORITY",
                format!(
                    "A gecertificeerde instelling carries out an ondertoezichtstelling: align every step with its jeugdbeschermer, who may determine jeugdhulp ({}).",
                    verwijzer_text(VERWIJZER.gi)
                ),
            ),
        );
        plan.route_reason(
            i,
            Reason::new(
                "RT-URGENCY",
                format!("Urgency {}: coordination with the GI (a default; the guideline names none).", URGENCY.parent),
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
        if f.case.gi_involved {
            set_verwijzer(
                plan,
                i,
                VERWIJZER.gi,
                format!(
                    "The referral to {} carries {}: the GI that carries out the ondertoezichtstelling determines jeugdhulp, in consultation with the gemeente.",
                    partner_label(partner),
                    verwijzer_text(VERWIJZER.gi)
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
        if row.via_jeugdarts {
            set_verwijzer(
                plan,
                i,
                row.verwijzer,
                format!(
                    "The referral to {} carries {}: a {} may not refer to jeugdhulp, so it goes via the jeugdarts of the JGZ team.",
                    partner_label(partner),
                    verwijzer_text(row.verwijzer),
                    handler_label(f.handler)
                ),
            );
            let j = plan.add(
                Partner::Jeugdarts,
                RouteKind::Consultation,
                urgency,
                Reason::new(
                    "RT-AUTHORITY",
                    format!(
                        "The {} routes the referral to {} through the team's jeugdarts, who assesses it and signs it as {}.",
                        handler_label(f.handler),
                        partner_label(partner),
                        verwijzer_text(row.verwijzer)
                    ),
                ),
            );
            plan.route_reason(
                j,
                Reason::new("RT-URGENCY", format!("Urgency {urgency}: the same as the referral it prepares.")),
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
                format!(
                    "The referral to {} carries {}: the jeugdarts handling the case may refer to jeugdhulp directly.",
                    partner_label(partner),
                    verwijzer_text(row.verwijzer)
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
    for i in wijkteam {
        plan.route_reason(
            i,
            Reason::new(
                "RT-AUTHORITY",
                format!(
                    "No verwijzer on this route: the wijkteam is the gemeentelijke toegang, and the gemeente issues the beschikking for any jeugdhulp itself with {}.",
                    verwijzer_text(VERWIJZER.gemeente)
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
    let declines = f.case.family_declines_warm_handover;
    // A youth who excluded the parents meets the new helper alone.
    let with = if f.participants.parents_take_part() { "the family" } else { "the youth" };
    for r in &mut plan.routes {
        if r.kind != RouteKind::Referral || !HANDOVER.changes_hands.contains(&r.partner) {
            r.handover = Handover::None;
            continue;
        }
        let label = partner_label(r.partner);
        let (h, text) = if declines {
            (
                Handover::Written,
                format!(
                    "The case changes hands from JGZ to {label}; {with} declines a warm handover, so hand over in writing."
                ),
            )
        } else {
            (
                Handover::Warm,
                format!(
                    "The case changes hands from JGZ to {label}: recommend a warm handover, a joint contact with {with}."
                ),
            )
        };
        r.handover = h;
        r.reasons.push(Reason::new("RT-WARM", text));
    }
}
