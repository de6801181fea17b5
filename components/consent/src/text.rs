//! Small helpers that spell parties, partners, purposes and data categories
//! in the reason sentences, in the reader's language, so every rule words
//! them the same way and every verb agrees with its subject ("the parents
//! are", "the youth is"; "de ouders worden", "de jongere wordt"). Partners
//! take the region kit's glossary ([`partner_label`]); only the wording
//! particular to consent lives here. A sentence that opens with one of them
//! is cased by the region kit's `sentence_case`.

use alloc::format;
use alloc::string::{String, ToString};
use alloc::vec::Vec;
use wegwijs_kit::{data_term, partner_label};
use wegwijs_types::{DataCategory, Language, Partner, Party, Purpose};

/// "the parents", "the youth", "the parent concerned"; "de ouders", "de
/// jongere", "de betrokken ouder".
pub(crate) const fn party(p: Party, lang: Language) -> &'static str {
    match p {
        Party::Parents => lang.pick("de ouders", "the parents"),
        Party::Youth => lang.pick("de jongere", "the youth"),
        Party::ReferredParent => lang.pick("de betrokken ouder", "the parent concerned"),
    }
}

/// Whether a party list takes a plural verb: "the parents are" or "the
/// parents and the youth are", but "the youth is", "the parent concerned
/// is" and "nobody is".
fn plural(ps: &[Party]) -> bool {
    match ps {
        [] => false,
        [one] => matches!(one, Party::Parents),
        _ => true,
    }
}

/// "a", "a and b", "a, b and c" ("a en b" in Dutch); `empty` for an empty
/// list.
fn list(items: &[&str], empty: &str, lang: Language) -> String {
    join(items, empty, lang.pick("en", "and"))
}

/// "a", "a `word` b", "a, b `word` c"; `empty` for an empty list.
fn join(items: &[&str], empty: &str, word: &str) -> String {
    match items {
        [] => empty.to_string(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} {word} {last}", init.join(", ")),
    }
}

/// "the parents and the youth"; "nobody" ("niemand") for an empty list.
pub(crate) fn parties(ps: &[Party], lang: Language) -> String {
    list(&ps.iter().map(|p| party(*p, lang)).collect::<Vec<_>>(), lang.pick("niemand", "nobody"), lang)
}

/// The verb "to be" agreeing with a party list: "are" for the parents or
/// several parties, "is" for the youth, the parent concerned or nobody. In
/// Dutch the auxiliary of the passive, "worden" or "wordt", since every
/// sentence that uses it goes on with "informed" ("geïnformeerd").
pub(crate) fn be(ps: &[Party], lang: Language) -> &'static str {
    match (plural(ps), lang) {
        (true, Language::Nl) => "worden",
        (false, Language::Nl) => "wordt",
        (true, Language::En) => "are",
        (false, Language::En) => "is",
    }
}

/// "heeft" or "hebben" agreeing with a party list (Dutch only: the English
/// past tense does not agree).
pub(crate) fn have(ps: &[Party]) -> &'static str {
    if plural(ps) { "hebben" } else { "heeft" }
}

/// "the parents are", "the youth is", "the parents and the youth are",
/// "nobody is"; "de ouders worden", "de jongere wordt", for "… informed"
/// ("… geïnformeerd").
pub(crate) fn is_are(ps: &[Party], lang: Language) -> String {
    format!("{} {}", parties(ps, lang), be(ps, lang))
}

/// The data categories as a list: their codes in English
/// ("concern-summary and screening-result"), the glossary's terms in Dutch
/// ("samenvatting van de zorg en uitkomst van de screening"); "none"
/// ("geen") for an empty list.
pub(crate) fn categories(cs: &[DataCategory], lang: Language) -> String {
    let items: Vec<&str> = match lang {
        Language::Nl => cs.iter().map(|c| data_term(*c, lang)).collect(),
        Language::En => cs.iter().map(|c| c.name()).collect(),
    };
    list(&items, lang.pick("geen", "none"), lang)
}

/// "is" for one data category, "are" for several (English only: the Dutch
/// sentences are built so that no verb agrees with a category list).
pub(crate) fn category_verb(cs: &[DataCategory]) -> &'static str {
    if cs.len() == 1 { "is" } else { "are" }
}

/// The recipient as a reason sentence names it ("the huisarts", "de
/// huisarts"): the glossary's label, except that both Veilig Thuis
/// partners are plainly "Veilig Thuis", since the sentence already says
/// whether it is about advice or a melding.
pub(crate) const fn partner(p: Partner, lang: Language) -> &'static str {
    match p {
        Partner::VeiligThuisAdvice | Partner::VeiligThuisMelding => "Veilig Thuis",
        _ => partner_label(p, lang),
    }
}

/// "the kinderopvang, the primary school or the school mentor"; "nobody"
/// ("niemand") for an empty list.
pub(crate) fn partners_or(ps: &[Partner], lang: Language) -> String {
    let items: Vec<&str> = ps.iter().map(|p| partner(*p, lang)).collect();
    join(&items, lang.pick("niemand", "nobody"), lang.pick("of", "or"))
}

/// The purpose as a reason sentence names it ("a referral", "een
/// verwijzing").
pub(crate) const fn purpose(p: Purpose, lang: Language) -> &'static str {
    match p {
        Purpose::DirectCare => lang.pick("directe zorg", "direct care"),
        Purpose::MedicalReferral => lang.pick("een medische verwijzing", "a medical referral"),
        Purpose::Referral => lang.pick("een verwijzing", "a referral"),
        Purpose::Consultation => lang.pick("een consultatie", "a consultation"),
        Purpose::SchoolConsultation => lang.pick("overleg met school", "a school consultation"),
        Purpose::VeiligThuisAdvice => lang.pick("anoniem advies", "anonymous advice"),
        Purpose::VeiligThuisMelding => lang.pick("een melding", "a melding"),
        Purpose::GiSupervision => lang.pick("een ondertoezichtstelling", "an ondertoezichtstelling"),
        Purpose::Coordination => lang.pick("zorgcoördinatie (één gezin, één plan)", "coordination"),
        Purpose::VerwijsindexSignal => lang.pick("een signaal in de Verwijsindex", "a Verwijsindex signal"),
        Purpose::ParentOwnCare => lang.pick("de eigen zorg van de ouder", "the parent's own care"),
    }
}

/// How a professional records consent so the next run sees it: one
/// `consents` entry of the signal format per party, e.g.
/// `{ "party": "parents", "recipient": "jeugd-ggz", "given": true }`. The
/// entries are code, so the Dutch sentence quotes each in backticks.
pub(crate) fn consent_entries(ps: &[Party], recipient: Partner, lang: Language) -> String {
    let entries: Vec<String> = ps
        .iter()
        .map(|p| {
            let entry =
                format!("{{ \"party\": \"{}\", \"recipient\": \"{}\", \"given\": true }}", p.name(), recipient.name());
            match lang {
                Language::Nl => format!("`{entry}`"),
                Language::En => entry,
            }
        })
        .collect();
    let entries: Vec<&str> = entries.iter().map(String::as_str).collect();
    let listed = list(&entries, lang.pick("geen", "none"), lang);
    match (lang, ps.len() == 1) {
        (Language::Nl, true) => format!("een regel {listed} in `consents`"),
        (Language::Nl, false) => format!("de regels {listed} in `consents`"),
        (Language::En, true) => format!("a `consents` entry {listed}"),
        (Language::En, false) => format!("`consents` entries {listed}"),
    }
}
