//! The decision for one request: the purpose's row picks the rule, the rule
//! sets the outcome, legal basis, consenting and informed parties, and
//! CS-MINIMAL then names the data that may go.
//!
//! Every path that falls back does so towards CS-DEFAULT (needs consent): a
//! purpose sent to a recipient its rule does not cover, a GI purpose without
//! a GI, a purpose missing from the table. A refusal of consent is denied,
//! unless the child's safety is at stake: then the card asks for
//! professional judgement (CS-CONFLICT), which is "no decision", not "deny".
//!
//! A card that still needs consent says what the professional does about
//! it: whose consent, and how to record it. A family's agreement to a
//! referral is not that consent, and the card says so rather than reading
//! the agreement as consent. When a youth of 16 or older excluded the
//! parents, no sentence built here names them, except on a parent's own
//! care (CS-OWN-CARE), which is about the parent.
//!
//! Every sentence is written in the language the facts carry
//! ([`Facts::lang`], read once per case), Dutch or English, with the same
//! rule ids, outcomes and parties in both. A Dutch sentence quotes a rule id
//! it names in backticks, as a code (`CS-REFERRAL` is no Dutch word).

use crate::age::{Age, Consenters};
use crate::facts::{Facts, Recorded};
use crate::minimal;
use crate::tables::{
    self, BASIS_CONSENT, BASIS_OWN_CARE, CONFLICT_CHECKLIST, OWN_CARE_CONSENT, PurposeRule, Treatment, VIR_INFORM,
    Wording,
};
use crate::text;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use wegwijs_kit::sentence_case;
use wegwijs_types::{ConsentCard, ConsentOutcome, DisclosureRequest, Language, Party, Purpose, Reason, say};

/// The card for one request.
pub(crate) fn card(facts: &Facts<'_>, who: &Consenters, request: &DisclosureRequest) -> ConsentCard {
    let row = tables::rule_for(request.purpose);
    let mut d = Draft::new(request, facts.lang);
    let treatment = effective_treatment(facts, row, request, &mut d.reasons);
    match treatment {
        Treatment::Direct => direct(row, request, &mut d),
        Treatment::PresumedMedical => presumed_medical(facts, who, row, request, &mut d),
        Treatment::School => school(facts, who, request, &mut d),
        Treatment::AnonymousAdvice => anonymous_advice(row, request, &mut d),
        Treatment::Melding => melding(facts, who, row, request, &mut d),
        Treatment::Gi => gi(who, row, request, &mut d),
        Treatment::Verwijsindex => verwijsindex(facts, who, row, request, &mut d),
        Treatment::OwnCare => own_care(facts, who, request, &mut d),
        Treatment::Default => default(facts, who, request, &mut d),
    }
    minimal::apply(row, treatment, request, &mut d.card, &mut d.reasons, facts.lang);
    d.card.reasons = d.reasons;
    d.card
}

/// A card being built, with its reasons kept apart until the end.
struct Draft {
    card: ConsentCard,
    reasons: Vec<Reason>,
    /// The language of the card's texts.
    lang: Language,
}

impl Draft {
    fn new(request: &DisclosureRequest, lang: Language) -> Draft {
        Draft {
            card: ConsentCard {
                request: request.clone(),
                // The strict starting point; every rule sets its own outcome.
                outcome: ConsentOutcome::NeedsConsent,
                legal_basis: None,
                consent_of: Vec::new(),
                inform: Vec::new(),
                permitted_data: Vec::new(),
                checklist: Vec::new(),
                reasons: Vec::new(),
            },
            reasons: Vec::new(),
            lang,
        }
    }

    /// Permitted without consent on `basis`, in the card's language; the
    /// basis as written, for the reason to cite.
    fn permit(&mut self, basis: Wording) -> &'static str {
        let basis = basis.get(self.lang);
        self.card.outcome = ConsentOutcome::Permitted;
        self.card.legal_basis = Some(basis.to_string());
        basis
    }

    /// Names who is informed, citing CS-AGE when anybody is.
    fn inform(&mut self, who: &Consenters, parties: Vec<Party>) {
        if !parties.is_empty() {
            self.reasons.push(Reason::new("CS-AGE", who.text.clone()));
        }
        self.card.inform = parties;
    }
}

/// The treatment that applies: the row's, unless the recipient is outside
/// the rule or a GI purpose has no GI, which both fall to CS-DEFAULT.
fn effective_treatment(
    facts: &Facts<'_>,
    row: &PurposeRule,
    request: &DisclosureRequest,
    reasons: &mut Vec<Reason>,
) -> Treatment {
    let lang = facts.lang;
    let recipient = text::partner(request.recipient, lang);
    if let Some(covered) = row.recipients
        && !covered.contains(&request.recipient)
    {
        let purpose = sentence_case(text::purpose(request.purpose, lang));
        let rule = row.rule;
        let covered = text::partners_or(covered, lang);
        reasons.push(Reason::new(
            row.rule,
            say!(
                lang,
                "{purpose} valt alleen onder `{rule}` als de gegevens naar {covered} gaan, niet naar {recipient}; daarom valt dit delen onder `CS-DEFAULT` en is toestemming nodig.",
                "{purpose} is covered by {rule} only when it goes to {covered}, not to {recipient}, so this disclosure falls to CS-DEFAULT and needs consent."
            ),
        ));
        return Treatment::Default;
    }
    if row.treatment == Treatment::Gi && !facts.gi_involved {
        reasons.push(Reason::new(
            "CS-GI",
            say!(
                lang,
                "Er is geen gecertificeerde instelling die een ondertoezichtstelling uitvoert, dus Jeugdwet 7.3.11 lid 4 is niet van toepassing en gegevens delen met {recipient} valt onder `CS-DEFAULT`.",
                "No gecertificeerde instelling carries out an ondertoezichtstelling, so Jeugdwet 7.3.11 lid 4 does not apply and sharing with {recipient} falls to CS-DEFAULT."
            ),
        ));
        return Treatment::Default;
    }
    row.treatment
}

/// CS-DIRECT: the same care, no consent, only what the task needs.
fn direct(row: &PurposeRule, request: &DisclosureRequest, d: &mut Draft) {
    let basis = d.permit(row.basis.unwrap_or(tables::BASIS_DIRECT));
    let lang = d.lang;
    let recipient = sentence_case(text::partner(request.recipient, lang));
    d.reasons.push(Reason::new(
        row.rule,
        say!(
            lang,
            "{recipient} is rechtstreeks betrokken bij dezelfde zorg, dus er is geen toestemming nodig, maar alleen wat nodig is voor de taak mag gedeeld worden; wettelijke grondslag: {basis}.",
            "{recipient} is directly involved in delivering the same care, so no consent is needed but only what the task needs may go; legal basis: {basis}."
        ),
    ));
}

/// CS-REFERRAL: presumed consent for a medical referral and its feedback,
/// with parents/youth informed; a recorded refusal ends the presumption.
fn presumed_medical(
    facts: &Facts<'_>,
    who: &Consenters,
    row: &PurposeRule,
    request: &DisclosureRequest,
    d: &mut Draft,
) {
    let lang = facts.lang;
    let to = text::partner(request.recipient, lang);
    if let Recorded::Refused(refused) = facts.recorded(&who.consent, request.recipient) {
        // Consent cannot be presumed from someone who said no.
        let them = text::parties(&refused, lang);
        let have = text::have(&refused);
        d.reasons.push(Reason::new(
            row.rule,
            say!(
                lang,
                "Toestemming voor een medische verwijzing naar {to} kan niet langer worden verondersteld, omdat {them} die {have} geweigerd.",
                "Consent for a medical referral to {to} can no longer be presumed because {them} refused it."
            ),
        ));
        d.reasons.push(Reason::new("CS-AGE", who.text.clone()));
        d.card.consent_of = who.consent.clone();
        d.card.inform = who.inform.clone();
        refusal(facts, "CS-REFERRAL", &refused, request, d);
        return;
    }
    let basis = d.permit(row.basis.unwrap_or(tables::BASIS_REFERRAL));
    let informed = text::parties(&who.inform, lang);
    d.reasons.push(Reason::new(
        row.rule,
        say!(
            lang,
            "Voor een medische verwijzing naar {to} en de terugrapportage is geen uitdrukkelijke toestemming nodig, maar informeer {informed} wel; wettelijke grondslag: {basis}.",
            "A medical referral to {to} and its feedback need no explicit consent, but {informed} must still be informed; legal basis: {basis}."
        ),
    ));
    d.inform(who, who.inform.clone());
}

/// CS-SCHOOL: school or childcare only with the consent CS-AGE names (the
/// parents' under 12, the parents' and the youth's from 12 to 15, the
/// youth's alone from 16), preferably with them present, and the party that
/// signals informs them.
fn school(facts: &Facts<'_>, who: &Consenters, request: &DisclosureRequest, d: &mut Draft) {
    let lang = facts.lang;
    let them = text::parties(&who.consent, lang);
    let recipient = text::partner(request.recipient, lang);
    d.reasons.push(Reason::new(
        "CS-SCHOOL",
        say!(
            lang,
            "Voor overleg met {recipient} over het kind is toestemming nodig van {them} (`CS-AGE`), bij voorkeur in aanwezigheid van {them}, en de partij die signaleert (hier de JGZ) informeert {them} daarover.",
            "Consulting {recipient} about the child needs the consent of {them} (CS-AGE), preferably with {them} present, and the party that signals (here JGZ) informs {them} about it."
        ),
    ));
    d.inform(who, who.inform.clone());
    by_consent(facts, who, &who.consent, "CS-SCHOOL", None, request, d);
}

/// CS-VT-ADVICE: anonymous advice, no consent, every identifier stripped.
fn anonymous_advice(row: &PurposeRule, request: &DisclosureRequest, d: &mut Draft) {
    let lang = d.lang;
    d.card.outcome = ConsentOutcome::AnonymousOnly;
    let basis = row.basis.unwrap_or(tables::BASIS_VT_ADVICE).get(lang);
    d.card.legal_basis = Some(basis.to_string());
    let recipient = text::partner(request.recipient, lang);
    d.reasons.push(Reason::new(
        row.rule,
        say!(
            lang,
            "Advies vragen bij {recipient} mag zonder toestemming alleen anoniem: zonder contactgegevens en zonder andere gegevens waaraan het kind of het gezin te herkennen is; wettelijke grondslag: {basis}.",
            "Advice from {recipient} may be asked without consent only anonymously, with contact details and every other identifier stripped; legal basis: {basis}."
        ),
    ));
}

/// CS-VT-MELDING: the meldrecht, and a record of meldcode step 3.
fn melding(facts: &Facts<'_>, who: &Consenters, row: &PurposeRule, request: &DisclosureRequest, d: &mut Draft) {
    let lang = facts.lang;
    let basis = d.permit(row.basis.unwrap_or(tables::BASIS_VT_MELDING));
    let endangers = facts.telling_endangers();
    let told = facts.meldcode.and_then(|m| m.parents_told);
    // Step 3 is a conversation with those the card informs: a youth of 16
    // or older who excluded the parents is told, and the parents are not
    // named.
    let (whom, were) = match (who.parents_excluded, lang) {
        (true, Language::Nl) => ("de jongere", "is"),
        (false, Language::Nl) => ("de ouders en het kind", "zijn"),
        (true, Language::En) => ("the youth", "was"),
        (false, Language::En) => ("the parents and the child", "were"),
    };
    let step3 = match (told, endangers) {
        (Some(true), _) => {
            say!(
                lang,
                "{whom} {were} vooraf ingelicht (stap 3 van de meldcode)",
                "{whom} {were} told beforehand (meldcode step 3)"
            )
        }
        (_, true) => say!(
            lang,
            "{whom} {were} niet vooraf ingelicht, omdat dat het kind, een ander of de professional in gevaar zou brengen",
            "{whom} {were} not told beforehand because telling would endanger the child, someone else or the professional"
        ),
        (Some(false), false) => say!(
            lang,
            "{whom} {were} niet vooraf ingelicht en er is geen gevaar vastgelegd, dus leg vast waarom niet (stap 3 van de meldcode)",
            "{whom} {were} not told beforehand and no danger is recorded, so record why not (meldcode step 3)"
        ),
        (None, false) => say!(
            lang,
            "er is niet vastgelegd of {whom} vooraf {were} ingelicht, of waarom niet, dus leg stap 3 van de meldcode vast",
            "whether {whom} {were} told beforehand, or why not, is not recorded, and meldcode step 3 must be recorded"
        ),
    };
    let refusal = match (facts.any_refusal(request.recipient), lang) {
        (false, _) => "",
        (true, Language::Nl) => " (ook al is toestemming geweigerd)",
        (true, Language::En) => " even though consent was refused",
    };
    let recipient = text::partner(request.recipient, lang);
    d.reasons.push(Reason::new(
        row.rule,
        say!(
            lang,
            "Een melding bij {recipient} mag zonder toestemming{refusal} op grond van het {basis}, en {step3}.",
            "A melding at {recipient} is allowed without consent{refusal} on the {basis}, and {step3}."
        ),
    ));
    // Telling them is step 3; when telling endangers someone, nobody is
    // informed by this card (the professional records why).
    let inform = if endangers && told != Some(true) { Vec::new() } else { who.inform.clone() };
    d.inform(who, inform);
}

/// CS-GI: what a GI needs for an ondertoezichtstelling, without consent.
fn gi(who: &Consenters, row: &PurposeRule, request: &DisclosureRequest, d: &mut Draft) {
    let basis = d.permit(row.basis.unwrap_or(tables::BASIS_GI));
    let lang = d.lang;
    let recipient = sentence_case(text::partner(request.recipient, lang));
    let informed = text::is_are(&who.inform, lang);
    d.reasons.push(Reason::new(
        row.rule,
        say!(
            lang,
            "{recipient} voert een ondertoezichtstelling uit, dus wat die daarvoor nodig heeft, mag zonder toestemming worden gegeven, en {informed} geïnformeerd; wettelijke grondslag: {basis}.",
            "{recipient} carries out an ondertoezichtstelling, so what it needs for that may be given without consent and {informed} informed; legal basis: {basis}."
        ),
    ));
    d.inform(who, who.inform.clone());
}

/// CS-VIR: a Verwijsindex signal needs no consent (the professional is
/// meldingsbevoegd); the youth from 12 and the parents of a youth under 16
/// are informed, nobody when informing would endanger someone.
fn verwijsindex(facts: &Facts<'_>, who: &Consenters, row: &PurposeRule, request: &DisclosureRequest, d: &mut Draft) {
    let lang = facts.lang;
    let basis = d.permit(row.basis.unwrap_or(tables::BASIS_VIR));
    let recipient = text::partner(request.recipient, lang);
    d.reasons.push(Reason::new(
        row.rule,
        say!(
            lang,
            "Voor een signaal in {recipient} is geen toestemming nodig, omdat de professional meldingsbevoegd is, en de index laat alleen zien dat de JGZ bij het kind betrokken is, nooit wat er speelt; wettelijke grondslag: {basis}.",
            "A signal in {recipient} needs no consent because the professional is meldingsbevoegd, and the index holds only that JGZ is involved with the child, never what is going on; legal basis: {basis}."
        ),
    ));
    if facts.any_refusal(request.recipient) {
        // The law needs no consent, but the guidance asks to weigh every
        // signal; an objection is part of that weighing.
        d.reasons.push(Reason::new(
            row.rule,
            lang.pick(
                "Er is een weigering vastgelegd voor de Verwijsindex: voor het signaal is nog steeds geen toestemming nodig, maar weeg dat bezwaar af voordat je het signaal afgeeft (melden mag, afwegen moet).",
                "A refusal is recorded for the Verwijsindex: the signal still needs no consent, but weigh that objection before signalling (melden mag, afwegen moet).",
            ),
        ));
    }
    if facts.telling_endangers() {
        let why = VIR_INFORM.endangered.get(lang);
        d.reasons.push(Reason::new(
            row.rule,
            say!(
                lang,
                "Niemand wordt over het signaal geïnformeerd, omdat {why}; leg die reden vast in het dossier.",
                "Nobody is informed about the signal because {why}; record that reason in the file."
            ),
        ));
        d.card.inform = Vec::new();
        return;
    }
    let band = who.vir_inform();
    let age = who.age.phrase(lang);
    let informed = text::parties(band.inform, lang);
    let label = band.label.get(lang);
    d.reasons.push(Reason::new(
        row.rule,
        say!(
            lang,
            "{age}: informeer {informed} over het signaal ({label}).",
            "{age}: the professional informs {informed} about the signal ({label})."
        ),
    ));
    d.card.inform = band.inform.to_vec();
}

/// CS-OWN-CARE: a parent's own care, on the consent of that parent for
/// themself, whatever the child's age; only what the parent's care needs of
/// the child's information goes with it (CS-MINIMAL).
fn own_care(facts: &Facts<'_>, who: &Consenters, request: &DisclosureRequest, d: &mut Draft) {
    let lang = facts.lang;
    let recipient = text::partner(request.recipient, lang);
    // From 16 the youth's own information is the youth's to share (CS-AGE),
    // so the parent's consent cannot carry it.
    let youth = match who.age {
        Age::Years(y) if y >= 16 => lang.pick(
            "; vanaf 16 jaar beslist de jongere over de eigen gegevens, dus gaat niets mee van wat de jongere in vertrouwen heeft verteld",
            "; from 16 the youth decides about the youth's own information, so nothing the youth shared in confidence goes with it",
        ),
        _ => "",
    };
    d.reasons.push(Reason::new(
        "CS-OWN-CARE",
        say!(
            lang,
            "Gegevens delen met {recipient} (een verwijzing, of afstemmen met de eigen behandelaar van de ouder) is zorg voor de ouder zelf, geen verstrekking over het kind: de betrokken ouder geeft zelf toestemming, wat de leeftijd van het kind ook is, en alleen wat de zorg voor de ouder nodig heeft van de gegevens van het kind gaat mee{youth}.",
            "Sharing with {recipient} (a referral, or aligning with the parent's own treater) is the parent's own care, not a disclosure about the child: the parent concerned consents for themself, whatever the child's age, and only what the parent's care needs of the child's information goes with it{youth}."
        ),
    ));
    let others = facts.answers_that_do_not_count(OWN_CARE_CONSENT, request.recipient);
    if !others.is_empty() {
        let others = text::parties(&others, lang);
        d.reasons.push(Reason::new(
            "CS-OWN-CARE",
            say!(
                lang,
                "Het vastgelegde antwoord van {others} over {recipient} telt hier niet: alleen de betrokken ouder beslist over de eigen zorg van de ouder (partij `referred-parent`).",
                "The answer recorded for {others} about {recipient} does not count here: only the parent concerned decides about the parent's own care (party `referred-parent`)."
            ),
        ));
    }
    by_consent(facts, who, OWN_CARE_CONSENT, "CS-OWN-CARE", Some(BASIS_OWN_CARE), request, d);
}

/// CS-DEFAULT: not until the consent CS-AGE names is recorded.
fn default(facts: &Facts<'_>, who: &Consenters, request: &DisclosureRequest, d: &mut Draft) {
    d.reasons.push(Reason::new("CS-AGE", who.text.clone()));
    d.card.inform = who.inform.clone();
    by_consent(facts, who, &who.consent, "CS-DEFAULT", None, request, d);
}

/// A disclosure that needs the consent of `needed`: permitted once all gave
/// it, needs-consent while any is missing, and on a refusal either
/// professional judgement (safety at stake) or denied. `basis` is the legal
/// basis once permitted; `None` for recorded consent under the Jeugdwet,
/// which names whose consent.
fn by_consent(
    facts: &Facts<'_>,
    who: &Consenters,
    needed: &[Party],
    rule: &str,
    basis: Option<Wording>,
    request: &DisclosureRequest,
    d: &mut Draft,
) {
    let lang = facts.lang;
    let recipient = text::partner(request.recipient, lang);
    match facts.recorded(needed, request.recipient) {
        Recorded::AllGiven => {
            let them = text::parties(needed, lang);
            d.card.outcome = ConsentOutcome::Permitted;
            d.card.consent_of = needed.to_vec();
            d.card.legal_basis = Some(match basis {
                Some(b) => b.get(lang).to_string(),
                None => {
                    let consent = BASIS_CONSENT.get(lang);
                    say!(lang, "{consent}: {them} voor {recipient}", "{consent}: {them} for {recipient}")
                }
            });
            d.reasons.push(Reason::new(
                rule,
                say!(
                    lang,
                    "De toestemming van {them} voor {recipient} is vastgelegd, dus de gegevens mogen op grond van die toestemming gedeeld worden.",
                    "The consent of {them} for {recipient} is recorded, so the disclosure may go on that consent."
                ),
            ));
        }
        Recorded::Missing(missing) => {
            let them = text::parties(&missing, lang);
            d.card.outcome = ConsentOutcome::NeedsConsent;
            d.reasons.push(Reason::new(
                rule,
                say!(
                    lang,
                    "Er mag niets naar {recipient} zolang de toestemming van {them} niet is vastgelegd; die ontbreekt nog.",
                    "Nothing may go to {recipient} until the consent of {them} is recorded; it is still missing."
                ),
            ));
            if let Some(next) = what_to_do(facts, who, &missing, rule, request) {
                d.reasons.push(Reason::new(rule, next));
            }
            d.card.consent_of = missing;
        }
        Recorded::Refused(refused) => {
            d.card.consent_of = needed.to_vec();
            refusal(facts, rule, &refused, request, d);
        }
    }
}

/// What the professional does about missing consent, when the card must say
/// more than whose it is: for a parent's own care (a party the professional
/// may not have recorded before), and on a referral the family agreed to
/// (an agreement to be referred is not consent to share). Other disclosures
/// (a consultation, the school) were never part of that agreement, so the
/// card does not bring it up there.
fn what_to_do(
    facts: &Facts<'_>,
    who: &Consenters,
    missing: &[Party],
    rule: &str,
    request: &DisclosureRequest,
) -> Option<String> {
    let lang = facts.lang;
    let recipient = text::partner(request.recipient, lang);
    let them = text::parties(missing, lang);
    let entries = text::consent_entries(missing, request.recipient, lang);
    let how = say!(
        lang,
        "vraag {them} om die toestemming voordat er iets naar {recipient} gaat, en leg die vast in het EPD, en in het signaal als {entries}",
        "before anything goes to {recipient}, ask {them} for that consent and record it in the EPD, and in the signal as {entries}"
    );
    if rule == "CS-OWN-CARE" {
        // The family's agreement is to the child's referral; the parent's
        // own care was never part of it, so only the how is said.
        Some(sentence_case(&say!(lang, "{how}.", "{how}.")))
    } else if facts.family_agrees_referral && request.purpose == Purpose::Referral {
        // A youth who excluded the parents agreed alone; "the family" would
        // bring the parents back into the sentence.
        let who_agreed = match (who.parents_excluded, lang) {
            (true, Language::Nl) => "De jongere",
            (false, Language::Nl) => "Het gezin",
            (true, Language::En) => "The youth",
            (false, Language::En) => "The family",
        };
        Some(say!(
            lang,
            "{who_agreed} heeft ingestemd met de verwijzing, maar instemmen met een verwijzing is geen toestemming om gegevens te delen: {how}.",
            "{who_agreed} agreed to the referral, but agreeing to be referred is not consent to share information: {how}."
        ))
    } else {
        None
    }
}

/// A refusal: denied, unless the child's safety is at stake, in which case a
/// conflict of duties is for the professional to weigh (CS-CONFLICT).
fn refusal(facts: &Facts<'_>, rule: &str, refused: &[Party], request: &DisclosureRequest, d: &mut Draft) {
    let lang = facts.lang;
    let recipient = text::partner(request.recipient, lang);
    let them = sentence_case(&text::parties(refused, lang));
    let have = text::have(refused);
    d.card.legal_basis = None;
    match facts.safety_concern() {
        Some(why) => {
            let questions = CONFLICT_CHECKLIST.questions.len();
            d.card.outcome = ConsentOutcome::ProfessionalJudgement;
            d.card.checklist = CONFLICT_CHECKLIST.questions.iter().map(|q| String::from(q.get(lang))).collect();
            d.reasons.push(Reason::new(
                "CS-CONFLICT",
                say!(
                    lang,
                    "{them} {have} toestemming geweigerd voor het delen van gegevens met {recipient}, terwijl {why}; dit conflict van plichten wordt daarom niet automatisch beslist: weeg het zelf af aan de hand van de {questions} afwegingsvragen.",
                    "{them} refused consent to share with {recipient} while {why}, so this conflict of duties is not decided automatically and the professional weighs it with the {questions}-question checklist."
                ),
            ));
        }
        None => {
            d.card.outcome = ConsentOutcome::Denied;
            d.reasons.push(Reason::new(
                rule,
                say!(
                    lang,
                    "{them} {have} toestemming geweigerd voor het delen van gegevens met {recipient} en er is geen zorg over de veiligheid vastgelegd, dus er mag niets gedeeld worden.",
                    "{them} refused consent to share with {recipient} and no safety concern is recorded, so nothing may go."
                ),
            ));
        }
    }
}
