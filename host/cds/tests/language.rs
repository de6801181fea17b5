//! The cards in the decision's language: a Dutch and an English decision
//! give the same cards but for their text, the Dutch cards carry no English
//! template text in any branch, every example's summary fits in either
//! language, and a component that writes in a language of its own is named.

mod common;

use wegwijs::types::{Action, ConsentOutcome, DataCategory, Level, Partner, Party, Purpose, Reason, RouteKind};
use wegwijs::{Decision, Divergence, Fault, FaultKind, GuardrailNote, Language, OtherLanguage, Role, Stage, Status};
use wegwijs_cds::{CdsResponse, DecisionRef, SUMMARY_MAX, cards, summary};
use wegwijs_kit::english_word_in;

/// The rule ids a response cites, in order: every code span of every
/// detail (a backslash-escaped backtick opens none).
fn cited(response: &CdsResponse) -> Vec<String> {
    let mut out = Vec::new();
    for card in &response.cards {
        let mut chars = card.detail.as_deref().unwrap_or_default().chars();
        let mut span: Option<String> = None;
        while let Some(c) = chars.next() {
            match (c, span.as_mut()) {
                ('\\', None) => {
                    chars.next();
                }
                ('`', None) => span = Some(String::new()),
                ('`', Some(_)) => out.extend(span.take()),
                (c, Some(inside)) => inside.push(c),
                (_, None) => {}
            }
        }
    }
    out
}

#[test]
fn a_dutch_and_an_english_decision_give_the_same_cards_but_for_their_text() {
    let all = common::example_decisions();
    assert_eq!(all.len() % 2, 0);
    for pair in all.chunks(2) {
        let [(nl_name, nl), (en_name, en)] = pair else { unreachable!() };
        assert!(nl_name.ends_with(", nl)") && en_name.ends_with(", en)"), "{nl_name} / {en_name}");
        let reference = DecisionRef::random();
        let (a, b) = (cards(nl, reference), cards(en, reference));
        assert_eq!(a.cards.len(), b.cards.len(), "{nl_name}");
        for (x, y) in a.cards.iter().zip(&b.cards) {
            assert_eq!(x.uuid, y.uuid, "{nl_name}");
            assert_eq!(x.indicator, y.indicator, "{nl_name}");
            assert_eq!(x.selection_behavior, y.selection_behavior, "{nl_name}");
            assert_eq!(x.source.url, y.source.url, "{nl_name}");
            assert_eq!(x.suggestions.len(), y.suggestions.len(), "{nl_name}");
            for (s, t) in x.suggestions.iter().zip(&y.suggestions) {
                assert_eq!((&s.uuid, s.is_recommended), (&t.uuid, t.is_recommended), "{nl_name}");
            }
            assert_ne!(x.summary, y.summary, "{nl_name}: the summary is not translated");
            assert_ne!(x.detail, y.detail, "{nl_name}: the detail is not translated");
        }
        assert_eq!(cited(&a), cited(&b), "{nl_name}: other rule ids cited");
        assert!(!cited(&a).is_empty(), "{nl_name}: no rule id cited");
    }
}

#[test]
fn every_example_summary_fits_in_both_languages() {
    for (name, d) in common::example_decisions() {
        for card in cards(d, DecisionRef::random()).cards {
            let n = card.summary.chars().count();
            assert!(n <= SUMMARY_MAX, "{name}: {n} characters: {}", card.summary);
            // Written to fit, not cut to fit.
            assert!(!card.summary.ends_with('…'), "{name}: cut: {}", card.summary);
        }
    }
}

/// The first English word in the text of `response` a reader sees, with
/// where it is.
fn english_in(response: &CdsResponse) -> Option<String> {
    for card in &response.cards {
        let mut texts = vec![("summary", card.summary.as_str()), ("source", card.source.label.as_str())];
        texts.extend(card.detail.as_deref().map(|d| ("detail", d)));
        texts.extend(card.suggestions.iter().map(|s| ("label", s.label.as_str())));
        for (field, text) in texts {
            if let Some(word) = english_word_in(text) {
                let line = text.lines().find(|l| english_word_in(l).is_some()).unwrap_or(text);
                return Some(format!("the {field} has {word:?} in: {line}"));
            }
        }
    }
    None
}

/// The whole Dutch cards, component texts included: the reference
/// components write in the language the host asks for, so nothing on a
/// Dutch card of an example is English (the names region D gives itself
/// and its routes are its own data, and left out).
#[test]
fn the_dutch_cards_of_the_examples_are_dutch() {
    for (name, d) in common::example_decisions_in(Language::Nl) {
        // Region D's names are its own data, not the cards' text.
        let mut d = d.clone();
        if d.provenance.region_name.is_some() {
            d.provenance.region_name = Some("Regio D".into());
        }
        for route in d.routing.iter_mut().flat_map(|r| &mut r.routes) {
            route.local_name = route.local_name.as_ref().map(|_| "Sociaal Team Eilanden".into());
        }
        if let Some(found) = english_in(&cards(&d, DecisionRef::random())) {
            panic!("{name}: {found}");
        }
    }
}

/// A Dutch filler for every text a component or a region wrote, so what is
/// left in English can only be the cards' own.
const TEXT: &str = "tekst van een component";

fn neutral(d: &mut Decision, text: &str) {
    let reason = |r: &mut Reason| r.text = text.into();
    d.headline = text.into();
    d.warnings.iter_mut().for_each(reason);
    if let Some(c) = d.intake.as_mut() {
        c.summary = text.into();
        c.reasons.iter_mut().for_each(reason);
    }
    if let Some(c) = d.screening.as_mut() {
        c.summary = text.into();
        c.reasons.iter_mut().for_each(reason);
    }
    if let Some(r) = d.routing.as_mut() {
        r.summary = text.into();
        r.reasons.iter_mut().for_each(reason);
        r.care_coordinator = r.care_coordinator.as_ref().map(|_| text.into());
        for route in &mut r.routes {
            route.local_name = route.local_name.as_ref().map(|_| text.into());
            route.conversation = text.into();
            route.reasons.iter_mut().for_each(reason);
        }
    }
    for c in &mut d.consent {
        c.checklist.iter_mut().for_each(|i| *i = text.into());
        c.legal_basis = c.legal_basis.as_ref().map(|_| text.into());
        c.reasons.iter_mut().for_each(reason);
    }
    for g in &mut d.guardrails {
        g.text = text.into();
    }
    for dv in &mut d.divergences {
        dv.component = text.into();
        dv.changes.iter_mut().for_each(|c| *c = text.into());
        dv.region_reasons.iter_mut().for_each(reason);
    }
    d.provenance.region_name = d.provenance.region_name.as_ref().map(|_| text.into());
}

/// `d` with every branch of the cards' text taken: every fault kind, a
/// guardrail that changed the decision, every kind of route to every
/// partner (more than a list shows), one family one plan without a
/// coordinator, every consent outcome, purpose, party and kind of data,
/// departures and components in other languages.
fn every_branch(d: &Decision, text: &str) -> Decision {
    let mut d = d.clone();
    d.status = Status::Incomplete;
    let kinds = [
        FaultKind::Trap { trap: text.into() },
        FaultKind::Deadline,
        FaultKind::Fuel,
        FaultKind::MemoryLimit,
        FaultKind::OutputTooLarge,
        FaultKind::InvalidOutput,
        FaultKind::Instantiation,
        FaultKind::Capacity,
    ];
    for (i, kind) in kinds.into_iter().enumerate() {
        d.faults.push(Fault {
            stage: Stage::ALL[i % 4],
            component: text.into(),
            sha256: "0".repeat(64),
            role: Role::Region,
            kind,
            detail: text.into(),
            fallback: text.into(),
        });
    }
    d.guardrails.push(GuardrailNote { rule: "G-AUTHORITY", changed: true, text: text.into() });
    for _ in 0..30 {
        d.warnings.push(Reason::new("TEST-W", text));
    }
    if let Some(r) = d.routing.as_mut() {
        let template = r.routes.first().cloned();
        if let Some(template) = template {
            r.routes.clear();
            for &kind in RouteKind::ALL {
                for &partner in Partner::ALL {
                    for handover in [wegwijs::types::Handover::Warm, wegwijs::types::Handover::Written] {
                        let mut route = template.clone();
                        (route.kind, route.partner, route.handover) = (kind, partner, handover);
                        route.local_name = Some(text.into());
                        r.routes.push(route);
                    }
                }
            }
        }
        r.one_plan = true;
        r.care_coordinator = None;
    }
    if let Some(template) = d.consent.first().cloned() {
        d.consent.clear();
        for (i, &outcome) in ConsentOutcome::ALL.iter().enumerate() {
            for &purpose in Purpose::ALL {
                let mut c = template.clone();
                c.outcome = outcome;
                c.request.purpose = purpose;
                c.request.recipient = Partner::ALL[i % Partner::ALL.len()];
                c.consent_of = Party::ALL.to_vec();
                c.inform = Party::ALL.to_vec();
                c.permitted_data = DataCategory::ALL.to_vec();
                c.legal_basis = Some(text.into());
                c.checklist = vec![text.into()];
                d.consent.push(c);
            }
        }
    }
    for i in 0..30 {
        d.divergences.push(Divergence {
            stage: Stage::ALL[i % 4],
            component: text.into(),
            sha256: "0".repeat(64),
            changes: vec![text.into()],
            reasons_only: false,
            region_reasons: vec![Reason::new("TEST-D", text)],
        });
    }
    for language in [Some("en".to_string()), Some("nl".to_string()), Some("fr".to_string()), None] {
        d.other_language.push(OtherLanguage { stage: Stage::Routing, component: text.into(), language });
    }
    d
}

#[test]
fn no_branch_of_the_dutch_cards_has_english_template_text() {
    let long = [TEXT; 30].join(" ");
    let mut seen_bound = false;
    for (name, d) in common::example_decisions_in(Language::Nl) {
        let mut d = d.clone();
        neutral(&mut d, TEXT);
        let mut variants = vec![d.clone(), every_branch(&d, TEXT), every_branch(&d, &long)];
        let mut closed = d.clone();
        closed.status = Status::Closed;
        variants.push(closed);
        for level in Level::ALL.iter().map(|&l| Some(l)).chain([None]) {
            for action in Action::ALL.iter().map(|&a| Some(a)).chain([None]) {
                let mut v = d.clone();
                (v.level, v.action) = (level, action);
                let mut without = v.clone();
                if let Some(r) = without.routing.as_mut() {
                    r.routes.clear();
                }
                variants.extend([v, without]);
            }
        }
        for v in &variants {
            let response = cards(v, DecisionRef::random());
            if let Some(found) = english_in(&response) {
                panic!("{name}: {found}");
            }
            seen_bound |= response.cards.iter().any(|c| c.detail.as_deref().is_some_and(|t| t.contains("ingekort")));
        }
    }
    assert!(seen_bound, "no detail was long enough to be shortened");
}

#[test]
fn a_component_in_another_language_is_named() {
    let mut d = common::decision_in("01-", Language::Nl);
    d.other_language.push(OtherLanguage {
        stage: Stage::Routing,
        component: "regio-c/routing".into(),
        language: Some("en".into()),
    });
    let detail = cards(&d, DecisionRef::random()).cards[0].detail.clone().unwrap_or_default();
    assert!(
        detail.contains(
            "**Let op:** de teksten van regio-c/routing (routering) zijn in het Engels; dit component volgt de taal van deze kaart niet."
        ),
        "{detail}"
    );
    let mut d = common::decision("01-");
    d.other_language.push(OtherLanguage { stage: Stage::Consent, component: "regio-c/consent".into(), language: None });
    let detail = cards(&d, DecisionRef::random()).cards[0].detail.clone().unwrap_or_default();
    assert!(detail.contains("the texts of regio-c/consent (consent) are in another language"), "{detail}");
    // Without such a component, no such line.
    let plain = cards(&common::decision_in("01-", Language::Nl), DecisionRef::random());
    assert!(!plain.cards[0].detail.as_deref().unwrap_or_default().contains("Let op:"));
}

#[test]
fn the_summary_follows_the_decision_language_whatever_the_host_default() {
    // The host writes Dutch by default; a call may ask for English, and
    // the cards follow the decision, not the host.
    let nl = common::decision_in("01-", Language::Nl);
    let en = common::decision("01-");
    assert_eq!(common::host().language(), Language::Nl);
    assert!(english_word_in(&summary(&nl)).is_none(), "{}", summary(&nl));
    assert_ne!(summary(&nl), summary(&en));
    // A language the cards do not know reads as Dutch.
    let mut unknown = en.clone();
    unknown.language = "fr".into();
    assert_eq!(summary(&unknown), summary(&nl));
}
