//! Guardrails (guideline brief §6): floors no component can go below,
//! enforced in plain Rust on the final cards whatever a component returned.
//! All six live here — G-SAFETY, G-AUTHORITY, G-CONSENT, G-NO-DROP, G-HUMAN
//! and G-MINIMAL — and every one leaves a [`GuardrailNote`] in the decision
//! saying what it checked and whether it changed anything.

use crate::decision::GuardrailNote;
use crate::model::{Fault, Role};
use wegwijs_types::{self as m, Language, say};

/// G-NO-DROP at intake: a region's intake may not close a signal the
/// guideline's intake accepted. True when `stands` (the region's card) must
/// give way to `reference`.
pub(crate) fn intake_closes_what_the_guideline_accepts(
    stands: Option<&m::IntakeCard>,
    reference: Option<&m::IntakeCard>,
) -> bool {
    matches!(
        (stands, reference),
        (Some(s), Some(r)) if s.outcome == m::IntakeOutcome::Closed && r.outcome == m::IntakeOutcome::Accepted
    )
}

/// Whether the case is acutely unsafe (G-SAFETY): as the signal says, or as
/// the intake card that stands or the guideline's intake beside it saw it,
/// so a region's intake cannot talk the host out of it.
pub(crate) fn acute(case: &m::ChildCase, intake: Option<&m::IntakeCard>, reference: Option<&m::IntakeCard>) -> bool {
    !case.safety_indicators.is_empty()
        || intake.is_some_and(|i| i.safety_flag)
        || reference.is_some_and(|i| i.safety_flag)
}

/// What the consent stage leaves standing, under G-CONSENT: `stands` is the
/// result the stage produced (the region's when `by` is [`Role::Region`]),
/// `reference` the guideline's beside it. Without any result no disclosure
/// may go until a professional has weighed it (G-NO-DROP).
pub(crate) fn consent_stage(
    requests: &[m::DisclosureRequest],
    stands: Option<Vec<m::ConsentCard>>,
    reference: Option<&[m::ConsentCard]>,
    by: Option<Role>,
    region_faulted: bool,
    lang: Language,
) -> (Vec<m::ConsentCard>, GuardrailNote) {
    let note = |changed: bool, text: &str| GuardrailNote { rule: "G-CONSENT", changed, text: text.into() };
    if requests.is_empty() {
        return (
            Vec::new(),
            note(
                false,
                lang.pick(
                    "Geen route vraagt om het delen van gegevens, dus er was geen toestemmingsuitkomst nodig.",
                    "No route needs a disclosure, so no consent outcome was needed.",
                ),
            ),
        );
    }
    match (stands, reference, by) {
        (Some(cards), Some(reference), Some(Role::Region)) => consent(reference, cards, lang),
        (Some(cards), _, _) if region_faulted => (
            cards,
            note(
                true,
                lang.pick(
                    "Het toestemmingscomponent van de regio faalde; de toestemmingsuitkomsten van de richtlijn gelden (zie storingen).",
                    "The region's consent component failed; the guideline's consent outcomes stand (see faults).",
                ),
            ),
        ),
        (Some(cards), _, _) => (
            cards,
            note(
                false,
                lang.pick(
                    "Geen eigen toestemmingscomponent van de regio: de toestemmingsuitkomsten van de richtlijn gelden.",
                    "No region consent component: the guideline's consent outcomes stand.",
                ),
            ),
        ),
        (None, _, _) => (
            requests.iter().map(|r| consent_unavailable(r, lang)).collect(),
            note(
                true,
                lang.pick(
                    "De toestemmingscheck faalde, dus elke gegevensdeling wacht op de afweging van een professional voordat er iets gedeeld wordt.",
                    "The consent check failed, so every disclosure waits for a professional's judgement before anything is shared.",
                ),
            ),
        ),
    }
}

/// The card for a disclosure whose consent check failed: nothing may go
/// until a professional has weighed it.
fn consent_unavailable(request: &m::DisclosureRequest, lang: Language) -> m::ConsentCard {
    m::ConsentCard {
        request: request.clone(),
        outcome: m::ConsentOutcome::ProfessionalJudgement,
        legal_basis: None,
        consent_of: vec![],
        inform: vec![],
        permitted_data: vec![],
        checklist: vec![],
        reasons: vec![m::Reason::new(
            "G-NO-DROP",
            lang.pick(
                "De toestemmingscheck faalde; er mag niets gedeeld worden tot een professional het heeft afgewogen.",
                "The consent check failed; nothing may be shared until a professional has weighed it.",
            ),
        )],
    }
}

/// G-NO-DROP: every accepted signal got a decision; says which stages
/// failed and what stood in, or which region tried to close the signal.
pub(crate) fn no_drop(faults: &[Fault], closed_by_region: Option<&str>, lang: Language) -> GuardrailNote {
    let reference_faults = faults.iter().filter(|f| f.role == Role::Reference).count();
    let text = match (faults.len(), reference_faults) {
        (0, _) => match closed_by_region {
            Some(region) => say!(
                lang,
                "Regio `{region}` sloot een signaal af dat de richtlijn aanneemt; de intake van de richtlijn geldt.",
                "Region `{region}` closed a signal the guideline accepts; the guideline's intake stands."
            ),
            None => lang.pick("Elke stap gaf een uitkomst.", "Every stage returned a result.").into(),
        },
        (1, 0) => lang
            .pick(
                "1 aanroep van een regiocomponent faalde; voor die stap geldt de uitkomst van de richtlijn (zie storingen).",
                "1 region component call failed; the guideline's result stands for that stage (see faults).",
            )
            .into(),
        (n, 0) => say!(
            lang,
            "{n} aanroepen van regiocomponenten faalden; voor die stappen geldt de uitkomst van de richtlijn (zie storingen).",
            "{n} region component calls failed; the guideline's result stands for those stages (see faults)."
        ),
        (1, _) => lang
            .pick(
                "1 stap faalde; zie storingen. Er is toch een besluit gemaakt.",
                "1 stage failed; see faults. The decision was still produced.",
            )
            .into(),
        (n, _) => say!(
            lang,
            "{n} stappen faalden; zie storingen. Er is toch een besluit gemaakt.",
            "{n} stages failed; see faults. The decision was still produced."
        ),
    };
    GuardrailNote { rule: "G-NO-DROP", changed: !faults.is_empty() || closed_by_region.is_some(), text }
}

/// G-HUMAN: a recommendation only, decided by the professional with the
/// people CS-AGE names (and, where talking with the family would endanger
/// someone, only once it no longer does: MC-STEPS step 3).
pub(crate) fn human(case: &m::ChildCase, lang: Language) -> GuardrailNote {
    let prenatal = matches!(case.age, Some(m::ChildAge::Prenatal(_)));
    let months = case.age.as_ref().and_then(m::ChildAge::whole_months);
    let who =
        wegwijs_kit::Participants::of(months, prenatal, case.youth_objects_to_informing_parents).together_with(lang);
    let when = if case.meldcode.as_ref().is_some_and(|m| m.telling_endangers) {
        lang.pick(
            ", zodra dat niemand meer in gevaar brengt (meldcode stap 3)",
            " once that no longer endangers anyone (meldcode step 3)",
        )
    } else {
        ""
    };
    GuardrailNote {
        rule: "G-HUMAN",
        changed: false,
        text: say!(
            lang,
            "Alleen een advies: er is niets naar iemand verstuurd. De professional beslist, samen met {who}{when}.",
            "A recommendation only: nothing was sent to anyone. The professional decides, together with {who}{when}."
        ),
    }
}

/// G-MINIMAL: components saw a pseudonym and codes only. The input step
/// made sure of it; the note says so on the card.
pub(crate) fn minimal(case: &m::ChildCase, lang: Language) -> GuardrailNote {
    let withheld = [&case.concerns, &case.safety_indicators, &case.risk_factors, &case.protective_factors]
        .into_iter()
        .flatten()
        .chain(std::iter::once(&case.source.code))
        .filter(|c| wegwijs_kit::withheld_position(c).is_some())
        .count();
    let codes = match withheld {
        0 => String::new(),
        1 => lang
            .pick(
                ", net als 1 code buiten de woordenlijst (alleen de positie ervan is doorgegeven)",
                ", and 1 code outside the vocabulary (passed as its position only)",
            )
            .into(),
        n => say!(
            lang,
            ", net als {n} codes buiten de woordenlijst (alleen hun posities zijn doorgegeven)",
            ", and {n} codes outside the vocabulary (passed as their positions only)"
        ),
    };
    GuardrailNote {
        rule: "G-MINIMAL",
        changed: false,
        text: say!(
            lang,
            "De componenten kregen alleen een pseudoniem, een leeftijd in hele maanden (of zwangerschapsweken) en \
             gecodeerde gegevens; naam, BSN, adres, geboortedatum, signaaldatum en notities bleven in de host{codes}.",
            "Components received a pseudonym, an age in whole months (or weeks of pregnancy) and coded data only; name, \
             BSN, address, birth date, signal date and notes stayed in the host{codes}."
        ),
    }
}

/// G-SAFETY: a case with acute unsafety always includes a Veilig Thuis
/// melding with urgency immediate. A missing melding is restored from the
/// guideline's card when a region's card stands beside it (`reference`), so
/// it carries the conversation and data the national card would; otherwise
/// it is built with the data a melding needs.
pub(crate) fn safety(
    acute: bool,
    routing: &mut m::RoutingCard,
    reference: Option<&m::RoutingCard>,
    lang: Language,
) -> GuardrailNote {
    if !acute {
        return GuardrailNote {
            rule: "G-SAFETY",
            changed: false,
            text: lang
                .pick(
                    "Geen aanwijzing voor acute onveiligheid; deze vangrail vraagt geen melding.",
                    "No acute unsafety indicator; no melding is required by this guardrail.",
                )
                .into(),
        };
    }
    let mut changed = false;
    let melding = routing.routes.iter_mut().find(|r| r.partner == m::Partner::VeiligThuisMelding);
    match melding {
        Some(route) => {
            if route.urgency != m::Urgency::Immediate || route.kind != m::RouteKind::Melding {
                route.urgency = m::Urgency::Immediate;
                route.kind = m::RouteKind::Melding;
                route.reasons.push(m::Reason::new(
                    "G-SAFETY",
                    lang.pick(
                        "Acute onveiligheid: de Veilig Thuis-melding is op urgentie direct gezet.",
                        "Acute unsafety: the Veilig Thuis melding was raised to urgency immediate.",
                    ),
                ));
                changed = true;
            }
        }
        None => {
            let restored = reference
                .and_then(|r| r.routes.iter().find(|r| r.partner == m::Partner::VeiligThuisMelding))
                .cloned()
                .map(|mut route| {
                    route.kind = m::RouteKind::Melding;
                    route.urgency = m::Urgency::Immediate;
                    route.reasons.push(m::Reason::new(
                        "G-SAFETY",
                        lang.pick(
                            "Acute onveiligheid: de directe Veilig Thuis-melding van de richtlijn is teruggezet, omdat de routering van de regio die miste.",
                            "Acute unsafety: the guideline's immediate melding at Veilig Thuis was restored because the region's routing result lacked it.",
                        ),
                    ));
                    route
                });
            routing.routes.push(restored.unwrap_or_else(|| m::Route {
                partner: m::Partner::VeiligThuisMelding,
                kind: m::RouteKind::Melding,
                urgency: m::Urgency::Immediate,
                verwijzer: None,
                handover: m::Handover::None,
                local_name: None,
                conversation: lang
                    .pick(
                        "Vertel ouders en kind vooraf over de melding, tenzij dat iemand in gevaar brengt (meldcode stap 3).",
                        "Tell parents and child about the melding beforehand, unless that endangers someone (meldcode step 3).",
                    )
                    .into(),
                disclosure: Some(m::DisclosureRequest {
                    recipient: m::Partner::VeiligThuisMelding,
                    purpose: m::Purpose::VeiligThuisMelding,
                    // What the guideline's routing table gives a melding.
                    data: vec![
                        m::DataCategory::ContactDetails,
                        m::DataCategory::ConcernSummary,
                        m::DataCategory::SafetySignals,
                        m::DataCategory::ScreeningResult,
                    ],
                }),
                reasons: vec![m::Reason::new(
                    "G-SAFETY",
                    lang.pick(
                        "Acute onveiligheid: een directe Veilig Thuis-melding is toegevoegd, omdat de routering er geen had.",
                        "Acute unsafety: a melding at Veilig Thuis with urgency immediate was added because the routing result lacked one.",
                    ),
                )],
            }));
            changed = true;
        }
    }
    if changed {
        sort_routes(routing);
    }
    routing.urgency = m::Urgency::Immediate;
    GuardrailNote {
        rule: "G-SAFETY",
        changed,
        text: if changed {
            lang.pick(
                "Acute onveiligheid: het besluit is aangepast zodat het een directe Veilig Thuis-melding bevat.",
                "Acute unsafety: the decision was changed to include an immediate Veilig Thuis melding.",
            )
        } else {
            lang.pick(
                "Acute onveiligheid: het besluit bevat al een directe Veilig Thuis-melding.",
                "Acute unsafety: the decision already includes an immediate Veilig Thuis melding.",
            )
        }
        .into(),
    }
}

/// G-AUTHORITY: every referral to jeugdhulp carries a verwijzer that may refer.
/// A missing or non-authority code is replaced by 03 Jeugdarts, the JGZ's own
/// referral route (RT-AUTHORITY: a jeugdverpleegkundige routes through the jeugdarts).
pub(crate) fn authority(routing: &mut m::RoutingCard, lang: Language) -> GuardrailNote {
    let mut fixed = Vec::new();
    for route in &mut routing.routes {
        if route.partner.is_jeugdhulp() && route.kind == m::RouteKind::Referral {
            let valid = route.verwijzer.is_some_and(m::Verwijzer::is_authority);
            if !valid {
                let was = route.verwijzer.map_or_else(
                    || lang.pick("geen", "none").to_string(),
                    |v| format!("{} {}", v.code(), wegwijs_kit::verwijzer_label(v)),
                );
                route.verwijzer = Some(m::Verwijzer::Jeugdarts);
                let partner = wegwijs_kit::partner_label(route.partner, lang);
                route.reasons.push(m::Reason::new(
                    "G-AUTHORITY",
                    say!(
                        lang,
                        "De verwijzing naar {partner} had verwijzer {was}; gezet op 03 Jeugdarts, de verwijsbevoegdheid van de JGZ.",
                        "The referral to {partner} had verwijzer {was}; set to 03 Jeugdarts, the JGZ's authority to refer."
                    ),
                ));
                fixed.push(wegwijs_kit::partner_term(route.partner, lang));
            }
        }
    }
    GuardrailNote {
        rule: "G-AUTHORITY",
        changed: !fixed.is_empty(),
        text: if fixed.is_empty() {
            lang.pick(
                "Elke verwijzing naar jeugdhulp heeft een geldige verwijzerscode.",
                "Every referral to jeugdhulp carries a valid verwijzer code.",
            )
            .into()
        } else {
            let fixed = fixed.join(", ");
            say!(lang, "Verwijzer gezet op 03 Jeugdarts bij: {fixed}.", "Verwijzer set to 03 Jeugdarts on: {fixed}.")
        },
    }
}

/// G-CONSENT: a region's consent result may only be stricter than the
/// reference result. Cards are matched by request. A region card stands when
/// its outcome is stricter, or equally strict while permitting no data the
/// reference does not and asking consent of everyone the reference does;
/// otherwise the reference card stands.
pub(crate) fn consent(
    reference: &[m::ConsentCard],
    region: Vec<m::ConsentCard>,
    lang: Language,
) -> (Vec<m::ConsentCard>, GuardrailNote) {
    let mut loosened = Vec::new();
    let mut out = Vec::with_capacity(reference.len());
    for reference_card in reference {
        match region.iter().find(|c| c.request == reference_card.request) {
            Some(card) if at_least_as_strict(card, reference_card) => out.push(card.clone()),
            Some(card) => {
                let (region_outcome, kept) = (
                    wegwijs_kit::consent_term(card.outcome, lang),
                    wegwijs_kit::consent_term(reference_card.outcome, lang),
                );
                let what = if card.outcome < reference_card.outcome {
                    say!(lang, "{region_outcome} → {kept} behouden", "{region_outcome} → {kept} kept")
                } else {
                    say!(
                        lang,
                        "{region_outcome} met meer gegevens of minder toestemmingen; de kaart van de richtlijn behouden",
                        "{region_outcome} with wider data or fewer consents; the guideline's card kept"
                    )
                };
                let recipient = wegwijs_kit::partner_term(reference_card.request.recipient, lang);
                loosened.push(format!("{recipient} ({what})"));
                out.push(reference_card.clone());
            }
            None => {
                let recipient = wegwijs_kit::partner_term(reference_card.request.recipient, lang);
                loosened.push(say!(
                    lang,
                    "{recipient} (geen antwoord van de regio; de richtlijn behouden)",
                    "{recipient} (no region answer; reference kept)"
                ));
                out.push(reference_card.clone());
            }
        }
    }
    let note = GuardrailNote {
        rule: "G-CONSENT",
        changed: !loosened.is_empty(),
        text: if loosened.is_empty() {
            lang.pick(
                "Elke toestemmingsuitkomst is minstens zo streng als die van de richtlijn.",
                "Every consent outcome is at least as strict as the guideline's.",
            )
            .into()
        } else {
            let loosened = loosened.join(", ");
            say!(
                lang,
                "Toestemmingsuitkomsten van de regio die ruimer waren dan de richtlijn zijn vervangen door die van de richtlijn: {loosened}.",
                "Region consent outcomes looser than the guideline were replaced by the guideline's: {loosened}."
            )
        },
    };
    (out, note)
}

/// Whether `card` is at least as strict as `reference` (see [`consent`]).
pub(crate) fn at_least_as_strict(card: &m::ConsentCard, reference: &m::ConsentCard) -> bool {
    card.outcome > reference.outcome
        || (card.outcome == reference.outcome
            && card.permitted_data.iter().all(|d| reference.permitted_data.contains(d))
            && reference.consent_of.iter().all(|p| card.consent_of.contains(p)))
}

/// Sorts routes most urgent first; stable, so a component's order breaks ties.
pub(crate) fn sort_routes(routing: &mut m::RoutingCard) {
    routing.routes.sort_by_key(|r| r.urgency);
    if let Some(first) = routing.routes.first() {
        routing.urgency = routing.urgency.min(first.urgency);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(
        partner: m::Partner,
        kind: m::RouteKind,
        urgency: m::Urgency,
        verwijzer: Option<m::Verwijzer>,
    ) -> m::Route {
        m::Route {
            partner,
            kind,
            urgency,
            verwijzer,
            handover: m::Handover::None,
            local_name: None,
            conversation: String::new(),
            disclosure: None,
            reasons: vec![],
        }
    }

    fn card(routes: Vec<m::Route>) -> m::RoutingCard {
        m::RoutingCard {
            routes,
            one_plan: false,
            care_coordinator: None,
            urgency: m::Urgency::NextContact,
            summary: String::new(),
            warnings: vec![],
            reasons: vec![],
        }
    }

    #[test]
    fn safety_adds_a_missing_melding() {
        let mut r =
            card(vec![route(m::Partner::JgzLightSupport, m::RouteKind::Support, m::Urgency::NextContact, None)]);
        let note = safety(true, &mut r, None, Language::En);
        assert!(note.changed);
        assert_eq!(r.routes[0].partner, m::Partner::VeiligThuisMelding);
        assert_eq!(r.routes[0].urgency, m::Urgency::Immediate);
        assert_eq!(r.urgency, m::Urgency::Immediate);
        assert!(r.routes[0].reasons.iter().any(|x| x.rule == "G-SAFETY"));
        let data = &r.routes[0].disclosure.as_ref().unwrap().data;
        assert!(data.contains(&m::DataCategory::SafetySignals) && data.contains(&m::DataCategory::ScreeningResult));
    }

    #[test]
    fn safety_restores_the_guidelines_melding_beside_a_regions_card() {
        let mut national = route(m::Partner::VeiligThuisMelding, m::RouteKind::Melding, m::Urgency::Immediate, None);
        national.conversation = "The guideline's step 3 conversation.".into();
        national.disclosure = Some(m::DisclosureRequest {
            recipient: m::Partner::VeiligThuisMelding,
            purpose: m::Purpose::VeiligThuisMelding,
            data: vec![m::DataCategory::ContactDetails, m::DataCategory::MedicalData],
        });
        let reference = card(vec![national.clone()]);
        let mut region =
            card(vec![route(m::Partner::JgzLightSupport, m::RouteKind::Support, m::Urgency::NextContact, None)]);
        assert!(safety(true, &mut region, Some(&reference), Language::En).changed);
        let restored = &region.routes[0];
        assert_eq!((restored.partner, restored.urgency), (m::Partner::VeiligThuisMelding, m::Urgency::Immediate));
        assert_eq!(restored.conversation, national.conversation);
        assert_eq!(restored.disclosure, national.disclosure);
        assert!(restored.reasons.last().is_some_and(|x| x.rule == "G-SAFETY" && x.text.contains("restored")));
    }

    #[test]
    fn safety_raises_a_slow_melding() {
        let mut r = card(vec![route(m::Partner::VeiligThuisMelding, m::RouteKind::Melding, m::Urgency::Soon, None)]);
        assert!(safety(true, &mut r, None, Language::En).changed);
        assert_eq!(r.routes.len(), 1);
        assert_eq!(r.routes[0].urgency, m::Urgency::Immediate);
    }

    #[test]
    fn safety_leaves_a_correct_decision_alone() {
        let mut r =
            card(vec![route(m::Partner::VeiligThuisMelding, m::RouteKind::Melding, m::Urgency::Immediate, None)]);
        let before = r.clone();
        assert!(!safety(true, &mut r, None, Language::En).changed);
        assert_eq!(r.routes, before.routes);
        let mut calm = card(vec![]);
        assert!(!safety(false, &mut calm, None, Language::En).changed);
        assert!(calm.routes.is_empty());
    }

    #[test]
    fn authority_fixes_missing_and_invalid_verwijzers() {
        let mut r = card(vec![
            route(m::Partner::JeugdGgz, m::RouteKind::Referral, m::Urgency::Soon, None),
            route(m::Partner::JeugdGgz, m::RouteKind::Referral, m::Urgency::Soon, Some(m::Verwijzer::Onbekend)),
            route(m::Partner::JeugdGgz, m::RouteKind::Referral, m::Urgency::Soon, Some(m::Verwijzer::Huisarts)),
            route(m::Partner::JeugdGgz, m::RouteKind::Consultation, m::Urgency::Soon, None),
        ]);
        let note = authority(&mut r, Language::En);
        assert!(note.changed);
        assert_eq!(r.routes[0].verwijzer, Some(m::Verwijzer::Jeugdarts));
        assert_eq!(r.routes[1].verwijzer, Some(m::Verwijzer::Jeugdarts));
        assert_eq!(r.routes[2].verwijzer, Some(m::Verwijzer::Huisarts), "a valid code is kept");
        assert_eq!(r.routes[3].verwijzer, None, "a consultation is not a referral");
        assert!(r.routes[0].reasons.iter().any(|x| x.rule == "G-AUTHORITY"));
    }

    fn consent_card(recipient: m::Partner, outcome: m::ConsentOutcome) -> m::ConsentCard {
        m::ConsentCard {
            request: m::DisclosureRequest { recipient, purpose: m::Purpose::Referral, data: vec![] },
            outcome,
            legal_basis: None,
            consent_of: vec![],
            inform: vec![],
            permitted_data: vec![],
            checklist: vec![],
            reasons: vec![],
        }
    }

    #[test]
    fn consent_never_loosens() {
        use m::ConsentOutcome::*;
        let reference =
            vec![consent_card(m::Partner::Wijkteam, NeedsConsent), consent_card(m::Partner::JeugdGgz, NeedsConsent)];
        let region = vec![consent_card(m::Partner::Wijkteam, Permitted), consent_card(m::Partner::JeugdGgz, Denied)];
        let (out, note) = consent(&reference, region, Language::En);
        assert!(note.changed);
        assert_eq!(out[0].outcome, NeedsConsent, "looser region answer replaced");
        assert_eq!(out[1].outcome, Denied, "stricter region answer kept");
        let (out, note) = consent(&reference, vec![], Language::En);
        assert!(note.changed);
        assert_eq!(out, reference, "a missing answer keeps the reference");
    }
}
