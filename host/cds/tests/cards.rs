//! Cards from decisions: the indicator table case by case, the examples'
//! cards, untrusted text kept inert, and properties that hold for any
//! decision (summary length and characters, one suggestion per route,
//! uuids that lead back to the decision).

mod common;

use proptest::prelude::*;
use wegwijs::types::{Action, Handover, Level, Partner, Reason, Route, RouteKind, Urgency};
use wegwijs::{Decision, Fault, FaultKind, GuardrailNote, Language, Role, Stage, Status};
use wegwijs_cds::{
    CardRef, CdsResponse, DETAIL_MAX, DecisionRef, Indicator, SUMMARY_MAX, Slot, cards, indicator, summary,
};
use wegwijs_kit::is_forbidden_char;

fn route(partner: Partner, kind: RouteKind, urgency: Urgency) -> Route {
    Route {
        partner,
        kind,
        urgency,
        verwijzer: None,
        handover: Handover::None,
        local_name: None,
        conversation: String::new(),
        disclosure: None,
        reasons: Vec::new(),
    }
}

/// A decision with exactly these codes, built on a real one.
fn with(
    status: Status,
    level: Option<Level>,
    action: Option<Action>,
    urgency: Urgency,
    routes: Vec<Route>,
) -> Decision {
    let mut d = common::decision("01-");
    d.status = status;
    d.level = level;
    d.action = action;
    d.urgency = urgency;
    if let Some(r) = d.routing.as_mut() {
        r.routes = routes;
    }
    d
}

#[test]
fn the_indicator_table_case_by_case() {
    use Indicator::{Critical, Info, Warning};
    use Status::{Closed, Decided, Incomplete};
    let none = Vec::new;
    let cases: Vec<(&str, Decision, Indicator)> = vec![
        ("nothing", with(Decided, None, None, Urgency::NextContact, none()), Info),
        ("no concern, A0", with(Decided, Some(Level::None), Some(Action::A0), Urgency::NextContact, none()), Info),
        ("attention, A1", with(Decided, Some(Level::Attention), Some(Action::A1), Urgency::NextContact, none()), Info),
        ("closed", with(Closed, None, None, Urgency::NextContact, none()), Info),
        (
            "reassess",
            with(Decided, Some(Level::Unknown), Some(Action::Reassess), Urgency::NextContact, none()),
            Warning,
        ),
        ("concern, A2", with(Decided, Some(Level::Concern), Some(Action::A2), Urgency::NextContact, none()), Warning),
        ("high, A3, soon", with(Decided, Some(Level::High), Some(Action::A3), Urgency::Soon, none()), Warning),
        (
            "within five days",
            with(Decided, Some(Level::Attention), Some(Action::A1), Urgency::WithinFiveWorkingDays, none()),
            Warning,
        ),
        (
            "one route soon",
            with(
                Decided,
                Some(Level::Attention),
                Some(Action::A1),
                Urgency::NextContact,
                vec![route(Partner::JgzLightSupport, RouteKind::Support, Urgency::Soon)],
            ),
            Warning,
        ),
        ("incomplete, nothing", with(Incomplete, None, None, Urgency::NextContact, none()), Warning),
        (
            "incomplete, A1",
            with(Incomplete, Some(Level::Attention), Some(Action::A1), Urgency::NextContact, none()),
            Warning,
        ),
        ("immediate", with(Decided, Some(Level::Attention), Some(Action::A1), Urgency::Immediate, none()), Critical),
        ("safety, S", with(Decided, Some(Level::Safety), Some(Action::S), Urgency::NextContact, none()), Critical),
        (
            "action S alone",
            with(Decided, Some(Level::Attention), Some(Action::S), Urgency::NextContact, none()),
            Critical,
        ),
        (
            "Veilig Thuis advice",
            with(
                Decided,
                Some(Level::None),
                Some(Action::A0),
                Urgency::NextContact,
                vec![route(Partner::VeiligThuisAdvice, RouteKind::Consultation, Urgency::NextContact)],
            ),
            Critical,
        ),
        (
            "a melding",
            with(
                Decided,
                Some(Level::None),
                Some(Action::A0),
                Urgency::NextContact,
                vec![
                    route(Partner::Wijkteam, RouteKind::Support, Urgency::NextContact),
                    route(Partner::Wijkteam, RouteKind::Melding, Urgency::NextContact),
                ],
            ),
            Critical,
        ),
        (
            "incomplete, acute",
            with(Incomplete, Some(Level::Safety), Some(Action::S), Urgency::Immediate, none()),
            Critical,
        ),
    ];
    for (name, decision, expected) in cases {
        assert_eq!(indicator(&decision), expected, "{name}");
        assert_eq!(cards(&decision, DecisionRef::random()).cards[0].indicator, expected, "{name}");
    }
}

#[test]
fn the_examples_cards_read_right() {
    // A child who saw a weapon used: a melding now, critical.
    let violence = cards(&common::decision("03-"), DecisionRef::random());
    let main = &violence.cards[0];
    assert_eq!(main.indicator, Indicator::Critical);
    assert!(
        main.summary.starts_with("Safety · S meldcode; first: melding at Veilig Thuis, immediately"),
        "{}",
        main.summary
    );
    assert_eq!(main.suggestions[0].is_recommended, Some(true));
    // Anonymous advice from Veilig Thuis is a safety route too.
    let advice = common::decision("09-");
    assert!(advice.routes().iter().any(wegwijs_cds::indicator::is_safety_route));
    assert_eq!(cards(&advice, DecisionRef::random()).cards[0].indicator, Indicator::Critical);
    // Every example: the detail cites the rule ids of its reasons.
    for (name, d) in common::example_decisions() {
        let response = cards(d, DecisionRef::random());
        let detail = response.cards[0].detail.as_deref().unwrap_or_default();
        for r in d.screening.iter().flat_map(|s| &s.reasons) {
            assert!(detail.contains(&format!("`{}`", r.rule)), "{name}: {} missing", r.rule);
        }
        let sent = if d.language == "nl" { "er is niets verstuurd" } else { "nothing has been sent" };
        assert!(detail.contains(sent), "{name}");
    }
}

#[test]
fn the_dutch_cards_read_right() {
    let violence = cards(&common::decision_in("03-", Language::Nl), DecisionRef::random());
    let main = &violence.cards[0];
    assert!(
        main.summary.starts_with("Onveiligheid · S meldcode; eerst: melding bij Veilig Thuis, direct"),
        "{}",
        main.summary
    );
    assert!(main.suggestions[0].label.starts_with("Melding bij Veilig Thuis, direct"), "{}", main.suggestions[0].label);
    let detail = main.detail.as_deref().unwrap_or_default();
    assert!(detail.starts_with("**Advies:** niveau onveiligheid, actie S (het traject van de meldcode)."), "{detail}");
    assert!(detail.contains("*Alleen een advies: er is niets verstuurd (G-HUMAN).*"), "{detail}");
    assert!(main.source.label.starts_with("JGZ-richtlijnen, landelijke standaard"), "{}", main.source.label);
}

#[test]
fn an_incomplete_decision_gets_an_assess_by_hand_card() {
    let mut d = common::decision("01-");
    d.status = Status::Incomplete;
    d.faults.push(Fault {
        stage: Stage::Routing,
        component: "wegwijs-routing".into(),
        sha256: "0".repeat(64),
        role: Role::Reference,
        kind: FaultKind::Deadline,
        detail: "the deadline of 250 ms passed".into(),
        fallback: "no routing card; assess by hand".into(),
    });
    let r = DecisionRef::random();
    let response = cards(&d, r);
    assert_eq!(response.cards.len(), 2);
    assert!(response.cards.iter().all(|c| c.indicator >= Indicator::Warning));
    assert!(response.cards[0].summary.starts_with("Incomplete, assess by hand: "));
    assert_eq!(CardRef::parse(&response.cards[1].uuid), Some(r.by_hand_card()));
    assert!(response.cards[1].detail.as_deref().unwrap_or_default().contains("deadline passed"));

    // A guardrail that changed the decision, with nothing failed, gets one too.
    let mut d = common::decision("01-");
    d.guardrails.push(GuardrailNote { rule: "G-AUTHORITY", changed: true, text: "verwijzer set".into() });
    let response = cards(&d, r);
    assert_eq!(response.cards.len(), 2);
    assert!(response.cards[1].summary.contains("guardrail"));
    assert_eq!(cards(&common::decision("01-"), r).cards.len(), 1);
}

/// Text that would forge lines, reorder what a reader sees, or become a
/// link, an image, HTML, a heading or a table in Markdown.
const FORGED: &str = "\u{1b}[2J\n# [G-SAFETY] ok\u{202e}x\u{9b}y [click](https://evil.example) <img src=x onerror=alert(1)> ![i](x) `code` | a | _b_ ~c~ &amp; www.evil.example\r\n- item";

/// Puts `text` into every text field of a decision a card may show.
fn inject(d: &mut Decision, text: &str) {
    let reason = |r: &mut Reason| r.text.push_str(text);
    d.headline.push_str(text);
    d.warnings.push(Reason::new("TEST-W", text));
    d.warnings.push(Reason::new(text, text));
    if let Some(c) = d.intake.as_mut() {
        c.summary.push_str(text);
        c.reasons.iter_mut().for_each(reason);
    }
    if let Some(c) = d.screening.as_mut() {
        c.reasons.iter_mut().for_each(reason);
        c.reasons.push(Reason::new("TEST-S", text));
    }
    if let Some(r) = d.routing.as_mut() {
        r.summary.push_str(text);
        r.reasons.iter_mut().for_each(reason);
        r.care_coordinator = Some(text.into());
        r.one_plan = true;
        for route in &mut r.routes {
            route.local_name = Some(text.into());
            route.conversation.push_str(text);
            route.reasons.iter_mut().for_each(reason);
        }
    }
    for c in &mut d.consent {
        c.checklist.push(text.into());
        c.legal_basis = Some(text.into());
        c.reasons.iter_mut().for_each(reason);
    }
    for g in &mut d.guardrails {
        g.text.push_str(text);
        g.changed = true;
    }
    d.faults.push(Fault {
        stage: Stage::Consent,
        component: text.into(),
        sha256: text.into(),
        role: Role::Region,
        kind: FaultKind::Trap { trap: text.into() },
        detail: text.into(),
        fallback: text.into(),
    });
    d.provenance.region = text.into();
    d.provenance.region_name = Some(text.into());
    d.provenance.region_revision = Some(7);
}

/// Whether Markdown `detail` lets no untrusted text act as Markdown: every
/// character that could open a link, image, HTML, heading, table cell,
/// emphasis by underscore or strikethrough is escaped, and backticks only
/// wrap rule ids.
fn inert(detail: &str) -> Result<(), String> {
    let chars: Vec<char> = detail.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 2,
            '`' => {
                let end = chars[i + 1..].iter().position(|c| *c == '`').ok_or("an unclosed code span")? + i + 1;
                let inside: String = chars[i + 1..end].iter().collect();
                if !wegwijs::types::is_well_formed_rule_id(&inside) {
                    return Err(format!("a code span around `{inside}`"));
                }
                i = end + 1;
            }
            c @ ('<' | '>' | '[' | ']' | '!' | '&' | '|' | '#' | '_' | '~') => {
                let around: String = chars[i.saturating_sub(20)..(i + 20).min(chars.len())].iter().collect();
                return Err(format!("an unescaped {c:?} in …{around}…"));
            }
            _ => i += 1,
        }
    }
    Ok(())
}

/// The properties every response has, whatever the decision.
fn check(d: &Decision, reference: DecisionRef, response: &CdsResponse) -> Result<(), String> {
    let main = response.cards.first().ok_or("no card")?;
    for card in &response.cards {
        let n = card.summary.chars().count();
        if n == 0 || n > SUMMARY_MAX {
            return Err(format!("a summary of {n} characters: {}", card.summary));
        }
        if card.summary.chars().any(is_forbidden_char) || card.source.label.chars().any(is_forbidden_char) {
            return Err(format!("a forbidden character in {:?} / {:?}", card.summary, card.source.label));
        }
        let detail = card.detail.as_deref().unwrap_or_default();
        if detail.chars().any(|c| c != '\n' && is_forbidden_char(c)) {
            return Err("a forbidden character in a detail".into());
        }
        if detail.chars().count() > DETAIL_MAX + 100 {
            return Err("an unbounded detail".into());
        }
        inert(detail)?;
        if card.source.url.is_some() {
            return Err("a made-up source url".into());
        }
        if CardRef::parse(&card.uuid).map(|c| c.decision) != Some(reference) {
            return Err("a card uuid that does not lead back".into());
        }
        if card.indicator == Indicator::Info && d.status == Status::Incomplete {
            return Err("an incomplete decision shown as info".into());
        }
    }
    if main.suggestions.len() != d.routes().len() {
        return Err(format!("{} suggestions for {} routes", main.suggestions.len(), d.routes().len()));
    }
    if main.selection_behavior.is_some() == main.suggestions.is_empty() {
        return Err("selectionBehavior without suggestions, or suggestions without it".into());
    }
    for (i, s) in main.suggestions.iter().enumerate() {
        if s.label.is_empty() || s.label.chars().any(is_forbidden_char) {
            return Err(format!("suggestion label {:?}", s.label));
        }
        if s.is_recommended != (i == 0).then_some(true) {
            return Err("isRecommended not on the first suggestion only".into());
        }
        let slot = CardRef::parse(&s.uuid).map(|c| (c.decision, c.slot));
        if slot != Some((reference, Slot::Suggestion(i as u16))) {
            return Err("a suggestion uuid that does not lead back".into());
        }
    }
    let safety = d.level == Some(Level::Safety)
        || d.action == Some(Action::S)
        || d.urgency == Urgency::Immediate
        || d.routes().iter().any(wegwijs_cds::indicator::is_safety_route);
    if safety && main.indicator != Indicator::Critical {
        return Err("a safety decision that is not critical".into());
    }
    Ok(())
}

#[test]
fn untrusted_text_stays_inert_in_every_example() {
    for (name, d) in common::example_decisions() {
        let mut forged = d.clone();
        inject(&mut forged, FORGED);
        let r = DecisionRef::random();
        let response = cards(&forged, r);
        check(&forged, r, &response).unwrap_or_else(|e| panic!("{name}: {e}"));
        // The summary is written from codes: the text changes nothing in it.
        assert_eq!(
            summary(&forged),
            summary(&{
                let mut d = d.clone();
                d.status = forged.status;
                d
            }),
            "{name}"
        );
        // Only `detail` is Markdown; labels are plain text (§Card
        // Attributes), where the forged text is shown as it is, minus its
        // control and bidirectional characters.
        for card in &response.cards {
            let detail = card.detail.as_deref().unwrap_or_default();
            for raw in ["](https", "![i]", "\n# ", "\n- item"] {
                assert!(!detail.contains(raw), "{name}: {raw:?} got through");
            }
        }
        let json = serde_json::to_string(&response).expect("serialises");
        for raw in ["\u{1b}", "\u{202e}", "\\u001b", "\\u202e"] {
            assert!(!json.contains(raw), "{name}: {raw:?} got through");
        }
    }
}

fn any_level() -> impl Strategy<Value = Option<Level>> {
    prop::option::of(prop::sample::select(Level::ALL.to_vec()))
}

fn any_action() -> impl Strategy<Value = Option<Action>> {
    prop::option::of(prop::sample::select(Action::ALL.to_vec()))
}

fn any_route() -> impl Strategy<Value = Route> {
    (
        prop::sample::select(Partner::ALL.to_vec()),
        prop::sample::select(RouteKind::ALL.to_vec()),
        prop::sample::select(Urgency::ALL.to_vec()),
        prop::option::of(any::<String>()),
        any::<String>(),
        prop::collection::vec((any::<String>(), any::<String>()), 0..3),
    )
        .prop_map(|(partner, kind, urgency, local, conversation, reasons)| {
            let mut r = route(partner, kind, urgency);
            r.local_name = local;
            r.conversation = conversation;
            r.reasons = reasons.into_iter().map(|(rule, text)| Reason::new(rule, text)).collect();
            r
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn any_decision_gives_cards_that_keep_the_rules(
        example in 0usize..200,
        status in prop::sample::select(vec![Status::Decided, Status::Closed, Status::Incomplete]),
        level in any_level(),
        action in any_action(),
        urgency in prop::sample::select(Urgency::ALL.to_vec()),
        routes in prop::collection::vec(any_route(), 0..40),
        text in any::<String>(),
        markdownish in "[\\[\\]()<>!`*_#|~&\\\\\n\r\t a-z\u{202e}\u{1b}]{0,60}",
    ) {
        let all = common::example_decisions();
        let mut d = all[example % all.len()].1.clone();
        d.status = status;
        d.level = level;
        d.action = action;
        d.urgency = urgency;
        if let Some(r) = d.routing.as_mut() {
            r.routes = routes;
        }
        inject(&mut d, &text);
        inject(&mut d, &markdownish);
        let reference = DecisionRef::random();
        let response = cards(&d, reference);
        if let Err(e) = check(&d, reference, &response) {
            prop_assert!(false, "{}", e);
        }
    }
}
