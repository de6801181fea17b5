//! A [`Decision`] as a CDS Hooks 2.0 response (§CDS Service Response):
//! one main card with the recommendation, and a second "assess by hand"
//! card when a component failed or a guardrail changed the decision.
//!
//! Every text is in the decision's language ([`Decision::language`]):
//! Dutch by default, English on request. The words for codes (partners,
//! kinds of route, urgency, levels, purposes, consent outcomes, parties,
//! kinds of data) are the kit's glossary's, so a card names a partner as
//! every other screen does; the sentences around them are this module's,
//! in both languages. Texts the components wrote arrive in the decision's
//! language already; a component that writes in a language of its own is
//! named in the detail ([`Decision::other_language`]).
//!
//! - `summary` is written here from the decision's codes (level, action,
//!   urgency, first route), never from a component's text, so it is always
//!   one line under 140 characters with nothing untrusted in it.
//! - `detail` is Markdown: the action, the routes, the reasons with their
//!   rule ids, the consent needed and the warnings. Every text that came
//!   from a component or a region bundle is escaped ([`crate::text`]) and
//!   bounded; lists are bounded too.
//! - `source` names the national guideline defaults, or the region's name
//!   and revision. No `url`: the repository's data holds none, and none is
//!   made up.
//! - one `suggestion` per route, without `actions` (wegwijs never writes to
//!   the EPD: G-HUMAN); accepting one tells the service, through feedback,
//!   which route the professional chose. The first route, the most urgent,
//!   is recommended; `selectionBehavior` is `any`, since a decision's
//!   routes are meant to be taken together.
//! - every uuid derives from the decision's [`DecisionRef`].
//!
//! Nothing identifying reaches a card: the decision carries no name, BSN,
//! address, birth date or notes, and the pseudonym and signal id are left
//! out as well.

use crate::ids::{DecisionRef, MAX_SUGGESTIONS};
use crate::indicator::{Indicator, indicator};
use crate::text::{fit, markdown, plain, rule};
use serde::{Deserialize, Serialize};
use std::fmt::Write as _;
use wegwijs::types::{self as m, Action, Level, Partner, RouteKind, Urgency};
use wegwijs::{Decision, FaultKind, Language, Stage, Status};
use wegwijs_kit::{
    action_label, consent_term, data_term, level_term, partner_term, party_label, purpose_term, route_kind_term,
    route_phrase, say, sentence_case, urgency_term, verwijzer_label,
};

/// The most characters of a summary: CDS Hooks asks for fewer than 140.
pub const SUMMARY_MAX: usize = 139;
/// The most characters of a suggestion label.
pub const LABEL_MAX: usize = 160;
/// The most characters of a `source.label`.
pub const SOURCE_MAX: usize = 120;
/// The most characters of one untrusted text in a detail.
const TEXT_MAX: usize = 400;
/// The most entries a list in a detail shows.
const LIST_MAX: usize = 25;
/// The most characters of a detail.
pub const DETAIL_MAX: usize = 24_000;

/// A CDS Hooks response: the cards for one hook call.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CdsResponse {
    /// The cards, main card first.
    pub cards: Vec<Card>,
}

/// One card (§Card Attributes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Card {
    /// The card's uuid ([`crate::CardRef`]); feedback names it.
    pub uuid: String,
    /// One line, fewer than 140 characters.
    pub summary: String,
    /// Markdown details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Urgency/importance.
    pub indicator: Indicator,
    /// Where the guidance comes from.
    pub source: Source,
    /// One suggestion per route.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub suggestions: Vec<Suggestion>,
    /// How many suggestions may be chosen; present exactly when there are
    /// suggestions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub selection_behavior: Option<SelectionBehavior>,
}

/// The source of a card's guidance (§Source).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The national guideline defaults, or the region's name and revision.
    pub label: String,
    /// An absolute URL about the source; none is known to the repository,
    /// so it is always left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One suggestion: a route the professional may take (§Suggestion).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    /// Partner, kind of step and urgency, and the local name if any.
    pub label: String,
    /// The suggestion's uuid ([`crate::CardRef`] with a suggestion slot).
    pub uuid: String,
    /// Set on the first (most urgent) route only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_recommended: Option<bool>,
}

/// How many of a card's suggestions may be chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SelectionBehavior {
    /// None or one.
    AtMostOne,
    /// Any number, none and all included.
    Any,
}

/// The CDS Hooks response for a decision, its uuids derived from `reference`,
/// its texts in the decision's language ([`Decision::language`]).
pub fn cards(decision: &Decision, reference: DecisionRef) -> CdsResponse {
    let lang = language(decision);
    let source = source(decision, lang);
    let suggestions: Vec<Suggestion> = decision
        .routes()
        .iter()
        .take(MAX_SUGGESTIONS)
        .enumerate()
        .filter_map(|(i, route)| {
            Some(Suggestion {
                label: suggestion_label(route, lang),
                uuid: reference.suggestion(i)?.to_string(),
                is_recommended: (i == 0).then_some(true),
            })
        })
        .collect();
    let selection_behavior = (!suggestions.is_empty()).then_some(SelectionBehavior::Any);
    let mut cards = vec![Card {
        uuid: reference.main_card().to_string(),
        summary: summary(decision),
        detail: Some(main_detail(decision, &source, lang)),
        indicator: indicator(decision),
        source: source.clone(),
        suggestions,
        selection_behavior,
    }];
    if let Some((summary, detail)) = by_hand(decision, lang) {
        cards.push(Card {
            uuid: reference.by_hand_card().to_string(),
            summary,
            detail: Some(detail),
            // Never `info`: something did not run as it should.
            indicator: Indicator::Warning,
            source,
            suggestions: Vec::new(),
            selection_behavior: None,
        });
    }
    CdsResponse { cards }
}

/// The language a decision's cards are written in: the decision's own,
/// Dutch when it names none the cards know.
fn language(d: &Decision) -> Language {
    Language::from_tag(&d.language).unwrap_or_default()
}

/// The one-line summary, from codes only, in the decision's language,
/// written to fit in [`SUMMARY_MAX`]: the first route's partner as in a
/// sentence ("verwijzing naar de jeugd-GGZ"); when that does not fit, as a
/// bare term; when that does not fit either, in a compact form (no "first:", the other routes as "(+N)"),
/// which every combination of codes fits. Cut at a word boundary only as a
/// last resort.
pub fn summary(d: &Decision) -> String {
    let lang = language(d);
    if d.status == Status::Closed {
        return lang
            .pick(
                "Afgesloten bij de intake: er is geen casus van een kind om een route voor te kiezen",
                "Closed at intake with reason: there is no child's case to route",
            )
            .into();
    }
    let routes = d.routes();
    let codes = Codes {
        incomplete: d.status == Status::Incomplete,
        level: d.level,
        action: d.action,
        first: routes.first().map(|r| (r.kind, r.partner, r.urgency)),
        routes: routes.len(),
    };
    [Form::Full, Form::Short]
        .into_iter()
        .map(|form| codes.summary(lang, form))
        .find(|s| s.chars().count() <= SUMMARY_MAX)
        .unwrap_or_else(|| fit(&codes.summary(lang, Form::Compact), SUMMARY_MAX))
}

/// What a summary is written from.
struct Codes {
    incomplete: bool,
    level: Option<Level>,
    action: Option<Action>,
    first: Option<(RouteKind, Partner, Urgency)>,
    routes: usize,
}

impl Codes {
    fn summary(&self, lang: Language, form: Form) -> String {
        let compact = form == Form::Compact;
        let mut s = String::new();
        if self.incomplete {
            // Compact leaves "assess by hand" to the second card's summary.
            s.push_str(match compact {
                false => lang.pick("Onvolledig, beoordeel zelf: ", "Incomplete, assess by hand: "),
                true => lang.pick("Onvolledig: ", "Incomplete: "),
            });
        }
        s.push_str(&assessment(self.level, self.action, lang));
        match self.first {
            Some((kind, partner, urgency)) => {
                let (step, when) = (step(kind, partner, lang, form), urgency_term(urgency, lang));
                let more = self.routes.saturating_sub(1);
                s.push_str(&match compact {
                    false => say!(lang, "; eerst: {step}, {when}", "; first: {step}, {when}"),
                    true => format!("; {step}, {when}"),
                });
                if more > 0 {
                    s.push_str(&match compact {
                        false => say!(lang, " (en nog {more})", " (+{more} more)"),
                        true => format!(" (+{more})"),
                    });
                }
            }
            None if self.action == Some(Action::A0) => s.push_str(
                lang.pick("; geen route, informeer bij het volgende contact", "; no route, inform at the next contact"),
            ),
            None => s.push_str(lang.pick("; geen route voorgesteld", "; no route proposed")),
        }
        s
    }
}

/// The screening's outcome in a few words.
fn assessment(level: Option<Level>, action: Option<Action>, lang: Language) -> String {
    match (level, action) {
        (_, Some(Action::Reassess)) => {
            lang.pick("Te weinig informatie, beoordeel opnieuw", "Too little information, reassess").into()
        }
        (Some(l), Some(a)) => {
            let (level, action) = (level_phrase(l, lang), action_phrase(a, lang));
            format!("{level} · {action}")
        }
        _ => lang.pick("Geen uitkomst van de screening", "No screening result").into(),
    }
}

/// The `source.label`: the region's name and revision, or the national
/// guideline defaults.
fn source(d: &Decision, lang: Language) -> Source {
    let p = &d.provenance;
    let label = match (&p.region_name, p.region_revision) {
        (Some(name), Some(rev)) => {
            let (name, region) = (plain(name, 70), plain(&p.region, 30));
            say!(lang, "{name} (regio {region}, revisie {rev})", "{name} (region {region}, revision {rev})")
        }
        (Some(name), None) => {
            let (name, region) = (plain(name, 80), plain(&p.region, 30));
            say!(lang, "{name} (regio {region})", "{name} (region {region})")
        }
        _ => {
            let host = plain(&p.host, 20);
            say!(
                lang,
                "JGZ-richtlijnen, landelijke standaard (wegwijs {host})",
                "JGZ guidelines, national defaults (wegwijs {host})"
            )
        }
    };
    Source { label: fit(&label, SOURCE_MAX), url: None }
}

fn suggestion_label(route: &m::Route, lang: Language) -> String {
    let mut label = format!(
        "{}, {}",
        sentence_case(&step(route.kind, route.partner, lang, Form::Full)),
        urgency_term(route.urgency, lang)
    );
    if let Some(name) = &route.local_name {
        let _ = write!(label, " — {}", plain(name, 80));
    }
    plain(&label, LABEL_MAX)
}

/// The main card's Markdown detail.
fn main_detail(d: &Decision, source: &Source, lang: Language) -> String {
    let mut o = String::new();
    match (d.level, d.action) {
        (Some(l), Some(a)) => {
            let (level, action, meaning, when) =
                (level_term(l, lang), action_label(a, lang), action_meaning(a, lang), urgency_term(d.urgency, lang));
            let _ = writeln!(
                o,
                "{}",
                say!(
                    lang,
                    "**Advies:** niveau {level}, actie {action} ({meaning}). Urgentie: {when}.",
                    "**Recommendation:** level {level}, action {action} ({meaning}). Urgency: {when}."
                )
            );
        }
        _ => o.push_str(
            lang.pick("**Advies:** geen uitkomst van de screening.\n", "**Recommendation:** no screening result.\n"),
        ),
    }
    match d.status {
        Status::Incomplete => o.push_str(lang.pick(
            "\n**Onvolledig:** een stap faalde. De vangrails golden nog wel, maar beoordeel dit signaal zelf \
             (zie de kaart *Onvolledig*).\n",
            "\n**Incomplete:** a stage failed. The guardrails still applied, but assess this signal by hand \
             (see the card *Incomplete*).\n",
        )),
        Status::Closed => {
            if let Some(i) = &d.intake {
                let summary = markdown(&i.summary, TEXT_MAX);
                let _ = writeln!(
                    o,
                    "\n{}",
                    say!(lang, "**Afgesloten bij de intake:** {summary}", "**Closed at intake:** {summary}")
                );
            }
        }
        Status::Decided => {}
    }
    other_languages(&mut o, d, lang);

    let routes = d.routes();
    if !routes.is_empty() {
        o.push_str("\n**Routes**\n\n");
        for (i, r) in routes.iter().take(LIST_MAX).enumerate() {
            let _ = write!(
                o,
                "{}. **{}**, {}",
                i + 1,
                markdown(&sentence_case(&step(r.kind, r.partner, lang, Form::Full)), TEXT_MAX),
                urgency_term(r.urgency, lang)
            );
            if let Some(v) = r.verwijzer {
                let _ = write!(o, "; verwijzer {} {}", v.code(), markdown(verwijzer_label(v), TEXT_MAX));
            }
            match r.handover {
                m::Handover::Warm => o.push_str(lang.pick("; warme overdracht", "; warm handover")),
                m::Handover::Written => o.push_str(lang.pick("; schriftelijke overdracht", "; written handover")),
                m::Handover::None => {}
            }
            o.push('\n');
            if let Some(name) = &r.local_name {
                let _ = writeln!(o, "   - {}: {}", lang.pick("Lokaal", "Locally"), markdown(name, TEXT_MAX));
            }
            if !r.conversation.is_empty() {
                let _ = writeln!(
                    o,
                    "   - {}: {}",
                    lang.pick("Eerst bespreken", "Talk first"),
                    markdown(&r.conversation, TEXT_MAX)
                );
            }
            for reason in r.reasons.iter().take(LIST_MAX) {
                let _ = writeln!(o, "   - {} {}", rule(&reason.rule), markdown(&reason.text, TEXT_MAX));
            }
        }
        more(&mut o, routes.len(), "routes", lang);
        if let Some(r) = &d.routing
            && r.one_plan
        {
            let coordinator = r
                .care_coordinator
                .as_deref()
                .map_or_else(|| lang.pick("nog af te spreken", "to be agreed").into(), |c| markdown(c, TEXT_MAX));
            let _ = writeln!(
                o,
                "\n{}",
                say!(
                    lang,
                    "Eén gezin, één plan; zorgcoördinator: {coordinator}.",
                    "One family, one plan; care coordinator: {coordinator}."
                )
            );
        }
    }

    let mut why: Vec<&m::Reason> = Vec::new();
    if let Some(c) = &d.intake {
        why.extend(&c.reasons);
    }
    if let Some(c) = &d.screening {
        why.extend(&c.reasons);
    }
    if let Some(c) = &d.routing {
        why.extend(&c.reasons);
    }
    reasons(&mut o, lang.pick("Waarom", "Why"), &why, lang);

    consent(&mut o, d, lang);

    let warnings: Vec<&m::Reason> = d.warnings.iter().collect();
    reasons(&mut o, lang.pick("Waarschuwingen", "Warnings"), &warnings, lang);

    if !d.divergences.is_empty() {
        o.push_str(lang.pick(
            "\n**Waar de regio afwijkt van de richtlijn**\n\n",
            "\n**Where the region departs from the guideline**\n\n",
        ));
        for dv in d.divergences.iter().take(LIST_MAX) {
            let changes = dv.changes.iter().take(LIST_MAX).map(|c| markdown(c, TEXT_MAX)).collect::<Vec<_>>();
            let (stage, changes) = (stage_name(dv.stage, lang), changes.join("; "));
            let _ = writeln!(o, "{}", say!(lang, "- Bij de {stage}: {changes}", "- {stage} stage: {changes}"));
            for reason in dv.region_reasons.iter().take(LIST_MAX) {
                let _ = writeln!(o, "  - {} {}", rule(&reason.rule), markdown(&reason.text, TEXT_MAX));
            }
        }
        more(&mut o, d.divergences.len(), lang.pick("afwijkingen", "departures"), lang);
    }

    let (label, wit) = (markdown(&source.label, SOURCE_MAX), markdown(&d.provenance.wit, 40));
    o.push_str(&say!(
        lang,
        "\n*Alleen een advies: er is niets verstuurd (G-HUMAN).* Regels: {label}; contract {wit}.",
        "\n*A recommendation only: nothing has been sent (G-HUMAN).* Rules: {label}; contract {wit}."
    ));
    bound(o, lang)
}

/// The consent needed per disclosure: to whom and why, the outcome, whose
/// consent, whom to inform, the legal basis, what may be shared, the
/// checklist and the reasons.
fn consent(o: &mut String, d: &Decision, lang: Language) {
    if d.consent.is_empty() {
        return;
    }
    let _ = write!(o, "\n**{}**\n\n", lang.pick("Toestemming", "Consent"));
    for c in d.consent.iter().take(LIST_MAX) {
        let _ = write!(
            o,
            "- {} ({}): **{}**",
            markdown(&sentence_case(partner_term(c.request.recipient, lang)), TEXT_MAX),
            markdown(purpose_term(c.request.purpose, lang), TEXT_MAX),
            markdown(consent_term(c.outcome, lang), TEXT_MAX)
        );
        if !c.consent_of.is_empty() {
            let of = parties(&c.consent_of, lang);
            o.push_str(&say!(lang, "; toestemming van {of}", "; consent of {of}"));
        }
        if !c.inform.is_empty() {
            let whom = parties(&c.inform, lang);
            o.push_str(&say!(lang, "; informeer {whom}", "; inform {whom}"));
        }
        if let Some(basis) = &c.legal_basis {
            let _ = write!(o, "; {}: {}", lang.pick("grondslag", "basis"), markdown(basis, TEXT_MAX));
        }
        o.push('\n');
        if !c.permitted_data.is_empty() {
            let cats: Vec<&str> = c.permitted_data.iter().map(|p| data_term(*p, lang)).collect();
            let _ =
                writeln!(o, "  - {}: {}", lang.pick("Mag delen", "May share"), markdown(&cats.join(", "), TEXT_MAX));
        }
        for item in c.checklist.iter().take(LIST_MAX) {
            let _ = writeln!(o, "  - {}: {}", lang.pick("Controleer", "Check"), markdown(item, TEXT_MAX));
        }
        for reason in c.reasons.iter().take(LIST_MAX) {
            let _ = writeln!(o, "  - {} {}", rule(&reason.rule), markdown(&reason.text, TEXT_MAX));
        }
    }
    more(o, d.consent.len(), lang.pick("toestemmingsvragen", "consent checks"), lang);
}

/// One line per component whose texts are in another language than the
/// card's: a region's component that writes in one language of its own.
fn other_languages(o: &mut String, d: &Decision, lang: Language) {
    if d.other_language.is_empty() {
        return;
    }
    o.push('\n');
    for other in d.other_language.iter().take(LIST_MAX) {
        let (component, stage) = (markdown(&other.component, 80), stage_name(other.stage, lang));
        let written = match other.language.as_deref().and_then(Language::from_tag) {
            Some(l) => {
                let name = language_name(l, lang);
                say!(lang, "in het {name}", "in {name}")
            }
            None => lang.pick("in een andere taal", "in another language").into(),
        };
        let _ = writeln!(
            o,
            "{}",
            say!(
                lang,
                "**Let op:** de teksten van {component} ({stage}) zijn {written}; dit component volgt de taal van deze kaart niet.",
                "**Note:** the texts of {component} ({stage}) are {written}; this component does not follow the language of this card."
            )
        );
    }
    more(o, d.other_language.len(), lang.pick("componenten", "components"), lang);
}

/// The second card, when the professional must look again: a stage failed
/// (the decision is incomplete, or a region's component failed and the
/// guideline's result stood in), or a guardrail changed the decision.
fn by_hand(d: &Decision, lang: Language) -> Option<(String, String)> {
    let changed: Vec<&wegwijs::GuardrailNote> = d.guardrails.iter().filter(|g| g.changed).collect();
    let summary = if d.status == Status::Incomplete {
        lang.pick(
            "Onvolledig: een stap faalde, beoordeel dit signaal zelf",
            "Incomplete: a stage failed, assess this signal by hand",
        )
    } else if !d.faults.is_empty() {
        lang.pick(
            "Een component van de regio faalde en de uitkomst van de richtlijn geldt: controleer het advies",
            "A region component failed and the guideline's result stood in: check the recommendation",
        )
    } else if !changed.is_empty() {
        lang.pick(
            "Een vangrail veranderde het advies: controleer de routes en de toestemming",
            "A guardrail changed the recommendation: check the routes and consent",
        )
    } else {
        return None;
    };
    let mut o = String::new();
    if !d.faults.is_empty() {
        o.push_str(lang.pick("**Componenten die faalden**\n\n", "**Components that failed**\n\n"));
        for f in d.faults.iter().take(LIST_MAX) {
            let (stage, component, kind, detail, fallback) = (
                stage_name(f.stage, lang),
                markdown(&f.component, 80),
                fault_kind(&f.kind, lang),
                markdown(&f.detail, TEXT_MAX),
                markdown(&f.fallback, TEXT_MAX),
            );
            let _ = writeln!(
                o,
                "{}",
                say!(
                    lang,
                    "- {component} bij de {stage} ({kind}): {detail}. In plaats daarvan: {fallback}",
                    "- {stage} stage, {component} ({kind}): {detail}. Instead: {fallback}"
                )
            );
        }
        more(&mut o, d.faults.len(), lang.pick("storingen", "faults"), lang);
    }
    if !changed.is_empty() {
        if !o.is_empty() {
            o.push('\n');
        }
        o.push_str(
            lang.pick("**Vangrails die het advies veranderden**\n\n", "**Guardrails that changed the decision**\n\n"),
        );
        for g in changed.iter().take(LIST_MAX) {
            let _ = writeln!(o, "- {} {}", rule(g.rule), markdown(&g.text, TEXT_MAX));
        }
        more(&mut o, changed.len(), lang.pick("vangrails", "guardrails"), lang);
    }
    o.push_str(lang.pick(
        "\nDe hoofdkaart toont wat nog staat; beoordeel het signaal zelf voordat je ernaar handelt.",
        "\nThe main card shows what still stands; assess the signal yourself before acting on it.",
    ));
    Some((summary.to_string(), bound(o, lang)))
}

fn reasons(o: &mut String, title: &str, list: &[&m::Reason], lang: Language) {
    if list.is_empty() {
        return;
    }
    let _ = write!(o, "\n**{title}**\n\n");
    for r in list.iter().take(LIST_MAX) {
        let _ = writeln!(o, "- {} {}", rule(&r.rule), markdown(&r.text, TEXT_MAX));
    }
    more(o, list.len(), lang.pick("redenen", "more"), lang);
}

/// The line that says how many of a list's `total` entries were left out.
fn more(o: &mut String, total: usize, what: &str, lang: Language) {
    if total > LIST_MAX {
        let n = total - LIST_MAX;
        let _ = writeln!(o, "{}", say!(lang, "- … en nog {n} {what} niet getoond", "- … and {n} {what} not shown"));
    }
}

/// A detail cut to [`DETAIL_MAX`] on a line boundary.
fn bound(text: String, lang: Language) -> String {
    if text.chars().count() <= DETAIL_MAX {
        return text;
    }
    let mut out = String::new();
    for line in text.lines() {
        if out.chars().count() + line.chars().count() + 80 > DETAIL_MAX {
            break;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.push_str(lang.pick(
        "\n*(ingekort: POST /v1/decisions geeft het hele advies)*",
        "\n*(shortened: POST /v1/decisions answers with the whole decision card)*",
    ));
    out
}

fn parties(ps: &[m::Party], lang: Language) -> String {
    let names: Vec<&str> = ps.iter().map(|p| party_label(*p, lang)).collect();
    markdown(&names.join(lang.pick(" en ", " and ")), TEXT_MAX)
}

fn fault_kind(kind: &FaultKind, lang: Language) -> String {
    match kind {
        FaultKind::Trap { trap } => {
            let trap = markdown(trap, 80);
            say!(lang, "vastgelopen: {trap}", "trap: {trap}")
        }
        FaultKind::Deadline => lang.pick("tijdslimiet verstreken", "deadline passed").into(),
        FaultKind::Fuel => lang.pick("rekenbudget op", "fuel exhausted").into(),
        FaultKind::MemoryLimit => lang.pick("geheugenlimiet bereikt", "memory limit").into(),
        FaultKind::OutputTooLarge => lang.pick("uitvoer te groot", "output too large").into(),
        FaultKind::InvalidOutput => lang.pick("ongeldige uitvoer", "invalid output").into(),
        FaultKind::Instantiation => lang.pick("starten mislukt", "instantiation failed").into(),
        FaultKind::Capacity => lang.pick("host overbelast", "host over capacity").into(),
        _ => lang.pick("storing", "failed").into(),
    }
}

/// A stage as the reader calls it.
const fn stage_name(stage: Stage, lang: Language) -> &'static str {
    match stage {
        Stage::Intake => "intake",
        Stage::Screening => "screening",
        Stage::Routing => lang.pick("routering", "routing"),
        Stage::Consent => lang.pick("toestemming", "consent"),
    }
}

/// A language's name in the reader's language ("Engels", "English").
const fn language_name(l: Language, lang: Language) -> &'static str {
    match l {
        Language::Nl => lang.pick("Nederlands", "Dutch"),
        Language::En => lang.pick("Engels", "English"),
    }
}

/// A level in a word or two, for the summary: the glossary's term where it
/// can stand alone, else a phrase that says it is a level.
fn level_phrase(l: Level, lang: Language) -> String {
    match l {
        Level::Unknown => lang.pick("Niveau onbekend", "Level unknown").into(),
        Level::None => lang.pick("Geen zorg", "No concern").into(),
        Level::High => lang.pick("Hoge zorg", "High concern").into(),
        Level::Attention | Level::Concern | Level::Safety => sentence_case(level_term(l, lang)),
    }
}

/// An action's rung and, in a word, what it means, for the summary:
/// "A2 consultatie", "S meldcode".
fn action_phrase(a: Action, lang: Language) -> String {
    let rung = action_label(a, lang);
    let kind = match a {
        Action::A1 => RouteKind::Advice,
        Action::A2 => RouteKind::Consultation,
        Action::A3 => RouteKind::Referral,
        Action::S => return "S meldcode".into(),
        Action::Reassess | Action::A0 => return rung.into(),
    };
    format!("{rung} {}", route_kind_term(kind, lang))
}

/// What an action asks, for the detail (PS-LADDER).
const fn action_meaning(a: Action, lang: Language) -> &'static str {
    match a {
        Action::Reassess => lang.pick(
            "te weinig informatie: vul het instrument aan of neem het opnieuw af en beoordeel opnieuw",
            "insufficient information: complete or repeat the instrument and assess again",
        ),
        Action::A0 => lang.pick(
            "geen route; informeer bij het volgende reguliere contact",
            "no route; inform at the next regular contact",
        ),
        Action::A1 => lang.pick("advies of lichte ondersteuning door de JGZ", "advice or light support by JGZ"),
        Action::A2 => {
            lang.pick("consultatie zonder de casus over te dragen", "consultation without handing over the case")
        }
        Action::A3 => lang.pick("verwijzing", "referral"),
        Action::S => lang.pick("het traject van de meldcode", "the meldcode track"),
    }
}

/// How much room a summary takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    /// The partner as in a sentence, with its article: "de jeugd-GGZ"
    /// (`wegwijs_kit::partner_label`, through `route_phrase`). Suggestion labels and the detail use it too.
    Full,
    /// The partner as a bare term: "jeugd-GGZ" ([`partner_term`]).
    Short,
    /// The bare term, and the summary without "eerst:", with "(+2)" for
    /// the other routes and "Onvolledig:" alone as its prefix.
    Compact,
}

/// A route as a step: in full the glossary's phrase ("verwijzing naar de
/// jeugd-GGZ", [`route_phrase`]); shorter, the kind and the partner's bare
/// term ("informatie van basisschool"), when a summary has little room.
fn step(kind: RouteKind, partner: Partner, lang: Language, form: Form) -> String {
    if form == Form::Full {
        return route_phrase(kind, partner, lang);
    }
    let p = match partner {
        // The partner's name already says what the step is.
        Partner::JgzLightSupport if kind == RouteKind::Support => {
            return lang.pick("lichte ondersteuning door de JGZ", "JGZ light support").into();
        }
        _ => partner_term(partner, lang),
    };
    match (kind, partner, lang) {
        (RouteKind::Coordination, Partner::Verwijsindex, Language::Nl) => format!("signaal in {p}"),
        _ => {
            // Short: the noun alone, "informatie" rather than the full
            // phrase's "informatie opvragen".
            let noun = match (kind, lang) {
                (RouteKind::Information, Language::Nl) => "informatie",
                _ => route_kind_term(kind, lang),
            };
            let with = match kind {
                RouteKind::Support => lang.pick("door", "by"),
                RouteKind::Information | RouteKind::Advice => lang.pick("van", "from"),
                RouteKind::Consultation => lang.pick("bij", "with"),
                RouteKind::Melding => lang.pick("bij", "at"),
                RouteKind::Referral => lang.pick("naar", "to"),
                RouteKind::Coordination => lang.pick("met", "with"),
            };
            format!("{noun} {with} {p}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every combination of codes, in both languages, with a thousand
    /// routes and the longest prefix, fits without being cut in its
    /// compact form.
    #[test]
    fn every_summary_is_written_to_fit() {
        let mut longest = (0, String::new());
        for &lang in Language::ALL {
            for &kind in RouteKind::ALL {
                for &partner in Partner::ALL {
                    for &urgency in Urgency::ALL {
                        for level in Level::ALL.iter().map(|&l| Some(l)).chain([None]) {
                            for action in Action::ALL.iter().map(|&a| Some(a)).chain([None]) {
                                let codes = Codes {
                                    incomplete: true,
                                    level,
                                    action,
                                    first: Some((kind, partner, urgency)),
                                    routes: 1000,
                                };
                                let s = codes.summary(lang, Form::Compact);
                                let n = s.chars().count();
                                assert!(n <= SUMMARY_MAX, "{n} chars: {s}");
                                if n > longest.0 {
                                    longest = (n, s);
                                }
                            }
                        }
                    }
                }
            }
        }
        println!("longest compact summary, {} chars: {}", longest.0, longest.1);
    }

    #[test]
    fn steps_read_as_professionals_say_them() {
        use Language::{En, Nl};
        assert_eq!(step(RouteKind::Referral, Partner::JeugdGgz, Nl, Form::Full), "verwijzing naar de jeugd-GGZ");
        assert_eq!(step(RouteKind::Referral, Partner::JeugdGgz, En, Form::Full), "referral to jeugd-GGZ");
        assert_eq!(step(RouteKind::Melding, Partner::VeiligThuisMelding, Nl, Form::Full), "melding bij Veilig Thuis");
        assert_eq!(step(RouteKind::Melding, Partner::VeiligThuisMelding, En, Form::Full), "melding at Veilig Thuis");
        assert_eq!(
            step(RouteKind::Support, Partner::JgzLightSupport, Nl, Form::Full),
            "lichte ondersteuning door de JGZ"
        );
        assert_eq!(step(RouteKind::Information, Partner::PrimarySchool, Nl, Form::Short), "informatie van basisschool");
        assert_eq!(action_phrase(Action::A2, Nl), "A2 consultatie");
        assert_eq!(action_phrase(Action::A3, En), "A3 referral");
    }
}
