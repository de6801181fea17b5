//! The conversation to have before each route, and the card's shared-decision
//! line (G-SHARED, MC-STEPS step 3, CS-AGE).
//!
//! Who is spoken with comes from the region kit's [`Participants`], so the
//! wording at 12 and 16 is the same on every card, whoever wrote the stage,
//! and a 16+ youth who does not want the parents informed never finds them
//! named. On a safety card where telling the parents would endanger someone
//! (meldcode step 3's exception), no conversation may alert them: each one
//! waits until JGZ has agreed with Veilig Thuis when and how they are
//! involved, and the card's shared-decision line says so instead of
//! "discuss with the parents". Every sentence is written in the reader's
//! language (`Facts::lang`).
//!
//! [`Participants`]: wegwijs_kit::Participants

use alloc::string::String;
use wegwijs_types::{Action, Language, Partner, RouteKind, say};

use crate::facts::Facts;
use crate::text::{consent_of, family_or_youth, informed_of_signal, kept_uninformed};
use wegwijs_kit::{Participants, clip, partner_label, sentence_case};

/// At most this many characters of one conversation.
const CONVERSATION_MAX_CHARS: usize = 600;

/// "the parents are", "the family is" / "de ouders worden", "het gezin
/// wordt": whom step 3's exception keeps uninformed, with its verb.
fn kept_are(p: Participants, lang: Language) -> String {
    let who = kept_uninformed(p, lang);
    let single = matches!(p, Participants::YouthAlone);
    let verb = match lang {
        Language::Nl => {
            if single {
                "wordt"
            } else {
                "worden"
            }
        }
        Language::En => {
            if single {
                "is"
            } else {
                "are"
            }
        }
    };
    say!(lang, "{who} {verb}", "{who} {verb}")
}

/// The card-level G-SHARED sentence.
pub(crate) fn shared_line(f: &Facts<'_>) -> String {
    let (p, lang) = (f.participants, f.lang);
    if f.telling_endangers {
        let (kept, kept_are) = (kept_uninformed(p, lang), kept_are(p, lang));
        say!(
            lang,
            "Het informeren van {kept} brengt nu iemand in gevaar, dus geldt de uitzondering van meldcode stap 3: de gesprekken op deze kaart wachten tot de JGZ met Veilig Thuis heeft afgesproken wanneer en hoe {kept_are} betrokken, en de reden wordt vastgelegd (MC-STEPS).",
            "Telling {kept} now would endanger someone, so the exception of meldcode step 3 applies: the conversations on this card wait until JGZ has agreed with Veilig Thuis when and how {kept_are} involved, and the reason is recorded (MC-STEPS)."
        )
    } else {
        let who = p.together_with(lang);
        say!(
            lang,
            "Bij elke route staat het gesprek dat eerst gevoerd wordt: over het vervolg wordt samen met {who} besloten.",
            "Every route names the conversation to have first: the follow-up is decided together with {who}."
        )
    }
}

/// The conversation to have before the route to `partner` of `kind`.
/// `refers` says whether the card refers to jeugdhulp, which is why a
/// jeugdarts step may be on it.
pub(crate) fn conversation(f: &Facts<'_>, partner: Partner, kind: RouteKind, refers: bool) -> String {
    let (p, lang) = (f.participants, f.lang);
    let open = sentence_case(p.opening(lang));
    let label = partner_label(partner, lang);
    let told = p.told_of_melding(lang).0;
    let endangers = f.telling_endangers;
    let text = match (partner, kind) {
        (Partner::VeiligThuisMelding, _) => {
            if endangers {
                say!(
                    lang,
                    "Bespreek de melding niet vooraf met {told}: dat brengt iemand in gevaar; leg vast waarom (meldcode stap 3).",
                    "Do not tell {told} about the melding beforehand: that would endanger someone; record why (meldcode step 3)."
                )
            } else if f.case.meldcode.as_ref().is_some_and(|m| m.parents_told == Some(true)) {
                say!(
                    lang,
                    "Laat {told} weten wanneer de melding is gedaan; dat die zou volgen, is vooraf besproken (meldcode stap 3).",
                    "Tell {told} when the melding is made; they were told beforehand that it would be (meldcode step 3)."
                )
            } else {
                say!(
                    lang,
                    "Bespreek de melding vooraf met {told}, tenzij dat iemand in gevaar brengt (meldcode stap 3).",
                    "Tell {told} about the melding beforehand, unless that endangers someone (meldcode step 3)."
                )
            }
        }
        (Partner::VeiligThuisAdvice, _) if endangers => say!(
            lang,
            "Overleg met een collega of de aandachtsfunctionaris en vraag advies bij Veilig Thuis, desgewenst anoniem; ga nog niet in gesprek met {told}, want dat brengt iemand in gevaar: spreek met Veilig Thuis af wanneer en hoe (meldcode stap 3), en leg vast waarom.",
            "Consult a colleague or the aandachtsfunctionaris and ask Veilig Thuis for advice, anonymously if wished; do not talk with {told} yet, because that would endanger someone: agree with Veilig Thuis when and how (meldcode step 3), and record why."
        ),
        (Partner::VeiligThuisAdvice, _) => say!(
            lang,
            "Overleg met een collega of de aandachtsfunctionaris en vraag advies bij Veilig Thuis, desgewenst anoniem; ga daarna in gesprek met {told} (meldcode stap 3), tenzij dat iemand in gevaar brengt.",
            "Consult a colleague or the aandachtsfunctionaris and ask Veilig Thuis for advice, anonymously if wished; then talk with {told} (meldcode step 3), unless that endangers someone."
        ),
        (Partner::Verwijsindex, _) if endangers => {
            let informed = informed_of_signal(p, lang);
            say!(
                lang,
                "Informeer {informed} nu niet over het signaal in de Verwijsindex: dat brengt iemand in gevaar. Leg vast waarom en spreek met Veilig Thuis af wanneer informeren wel kan; voor het signaal zelf is geen toestemming nodig (Jeugdwet afdeling 7.1.4).",
                "Do not inform {informed} about the Verwijsindex signal now: informing would endanger someone. Record why, and agree with Veilig Thuis when they can be informed; the signal itself needs no consent (Jeugdwet afdeling 7.1.4)."
            )
        }
        (Partner::Verwijsindex, _) => {
            let informed = informed_of_signal(p, lang);
            say!(
                lang,
                "Informeer {informed} dat de JGZ overweegt een signaal af te geven in de Verwijsindex, zodat de betrokken instanties elkaar vinden: toestemming is niet nodig (Jeugdwet afdeling 7.1.4, de JGZ mag signaleren), en de index laat alleen zien dat de JGZ betrokken is, nooit wat er speelt. Informeer niet als dat iemand in gevaar brengt.",
                "Inform {informed} that JGZ considers a signal in the Verwijsindex so that the agencies involved find each other: no consent is needed (Jeugdwet afdeling 7.1.4, JGZ may signal), and the index holds only that JGZ is involved, never what is going on. Do not inform them if that would endanger someone."
            )
        }
        _ => {
            if endangers {
                let then = talk(f, p.opening(lang), partner, kind, refers, label);
                let (kept, kept_are) = (kept_uninformed(p, lang), kept_are(p, lang));
                say!(
                    lang,
                    "Het informeren van {kept} brengt nu iemand in gevaar (meldcode stap 3), dus spreek eerst met Veilig Thuis af wanneer en hoe {kept_are} betrokken; pas daarna: {then}",
                    "Telling {kept} now would endanger someone (meldcode step 3), so first agree with Veilig Thuis when and how {kept_are} involved; only then {then}"
                )
            } else {
                talk(f, &open, partner, kind, refers, label)
            }
        }
    };
    clip(&text, CONVERSATION_MAX_CHARS)
}

/// The ordinary conversation for every route that is not a Veilig Thuis
/// or Verwijsindex step; `open` is the opening, capitalised or not as the
/// sentence needs.
fn talk(f: &Facts<'_>, open: &str, partner: Partner, kind: RouteKind, refers: bool, label: &str) -> String {
    let (p, lang) = (f.participants, f.lang);
    let who = p.together_with(lang);
    match (partner, kind) {
        // JGZ as the region's hub (routing.hub): the question stays in the team.
        (Partner::JgzLightSupport, RouteKind::Consultation) => say!(
            lang,
            "{open} dat de JGZ de vraag in het eigen team bespreekt (gedragswetenschapper of pedagogisch adviseur), en welke ondersteuning de JGZ in de tussentijd biedt.",
            "{open} that JGZ will discuss the question within its own team (gedragswetenschapper or pedagogisch adviseur), and which support JGZ offers meanwhile."
        ),
        (Partner::JgzLightSupport, _) if f.child_action == Some(Action::Reassess) => say!(
            lang,
            "{open} waarom de uitkomst van het instrument niet bruikbaar was, en plan de nieuwe beoordeling (ontbrekende items aanvullen, of de versie voor deze leeftijd invullen) voordat er iets wordt geconcludeerd.",
            "{open} why the instrument result could not be used, and plan the new assessment (complete the missing items, or fill in the version for this age) before anything is concluded."
        ),
        (Partner::JgzLightSupport, _) => say!(
            lang,
            "{open} welk advies of welke lichte ondersteuning past, en spreek het volgende contact af.",
            "{open} which advice or light support fits, and agree the next contact."
        ),
        (Partner::Jeugdarts, _) if refers => say!(
            lang,
            "{open} dat de jeugdarts van het team vóór de verwijzing naar de casus kijkt.",
            "{open} that the jeugdarts of the team will look at the case before the referral."
        ),
        (Partner::Jeugdarts, _) => say!(
            lang,
            "{open} dat ook de jeugdarts van het JGZ-team naar de vraag kijkt.",
            "{open} that the jeugdarts of the JGZ team will also look at the question."
        ),
        (Partner::ParentGgz, _) => parent_talk(p, kind, open, lang),
        (Partner::GecertificeerdeInstelling, _) => {
            let tell = match (lang, starts_upper(open)) {
                (Language::Nl, true) => "Vertel",
                (Language::Nl, false) => "vertel",
                (Language::En, true) => "Tell",
                (Language::En, false) => "tell",
            };
            say!(
                lang,
                "{tell} {who} welke informatie de JGZ deelt met de jeugdbeschermer van de gecertificeerde instelling, en waarom (de ondertoezichtstelling).",
                "{tell} {who} which information JGZ shares with the jeugdbeschermer of the gecertificeerde instelling, and why (the ondertoezichtstelling)."
            )
        }
        (_, RouteKind::Information) => {
            let consent = consent_of(p, lang);
            say!(
                lang,
                "{open} of de JGZ {label} mag raadplegen; daarvoor is {consent} nodig, en nodig {who} uit om bij dat gesprek te zijn.",
                "{open} whether JGZ may consult {label}; this needs {consent}, and invite {who} to join that conversation."
            )
        }
        (_, RouteKind::Consultation) => say!(
            lang,
            "{open} dat de JGZ {label} over de zorgen consulteert zonder de casus over te dragen.",
            "{open} that JGZ will consult {label} about the concern without handing over the case."
        ),
        (_, RouteKind::Referral) => {
            let whom = family_or_youth(p, lang);
            say!(
                lang,
                "{open} de verwijzing naar {label}, wat die betekent voor {whom} en hoe de overdracht verloopt.",
                "{open} the referral to {label}, what it means for {whom} and how the handover is done."
            )
        }
        (_, _) => say!(lang, "{open} deze stap naar {label}.", "{open} this step with {label}."),
    }
}

/// The conversation about a parent's own care: with the parent concerned,
/// who decides and consents for themself (CS-OWN-CARE). A 16+ youth who
/// does not want the parents informed decides first whether JGZ raises it.
fn parent_talk(p: Participants, kind: RouteKind, open: &str, lang: Language) -> String {
    let step = if kind == RouteKind::Coordination {
        lang.pick(
            "dat de JGZ graag afstemt met de eigen behandelaar, zodat de route van het kind en de behandeling van de ouder op elkaar aansluiten (één gezin, één plan)",
            "that JGZ would like to align with their treater, so the child's route and their treatment fit together (one family, one plan)",
        )
    } else {
        lang.pick(
            "hulp voor de eigen problemen via de eigen huisarts, en hoe dat ook het kind helpt",
            "help for their own problems through their own huisarts, and how that also helps the child",
        )
    };
    let own = lang.pick(
        "het is de eigen zorg van de ouder, dus de ouder beslist zelf en geeft zelf toestemming, en alleen wat die zorg nodig heeft wordt gedeeld",
        "it is the parent's own care, so the parent decides and consents for themself, and only what that care needs is shared",
    );
    let upper = starts_upper(open);
    if matches!(p, Participants::YouthAlone) {
        let from = match lang {
            Language::Nl => {
                if upper {
                    "Vanaf"
                } else {
                    "vanaf"
                }
            }
            Language::En => {
                if upper {
                    "From"
                } else {
                    "from"
                }
            }
        };
        say!(
            lang,
            "{from} 16 jaar beslist de jongere wat er over zichzelf wordt gedeeld: vraag eerst aan de jongere of de JGZ dit met de betrokken ouder mag bespreken. Bespreek daarna met de betrokken ouder {step}; {own}.",
            "{from} 16 the youth decides what is shared about them: first ask the youth whether JGZ may raise this with the parent concerned. Then discuss with the parent concerned {step}; {own}."
        )
    } else {
        let discuss = match lang {
            Language::Nl => {
                if upper {
                    "Bespreek"
                } else {
                    "bespreek"
                }
            }
            Language::En => {
                if upper {
                    "Discuss"
                } else {
                    "discuss"
                }
            }
        };
        say!(
            lang,
            "{discuss} met de betrokken ouder {step}; {own}.",
            "{discuss} with the parent concerned {step}; {own}."
        )
    }
}

/// Whether a sentence part starts with a capital (it opens the sentence).
fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}
