//! The region kit: small pieces every routing component needs and that must
//! behave the same in the reference component and in a region's own, so a
//! decision reads alike whoever wrote the stage. How a partner's local name
//! is read from the region's configuration, how text is cut to stay within
//! the host's limits, and how a region finishes a routing card it changed.
#![no_std]

extern crate alloc;

use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;

use wegwijs_types::{Partner, Reason, RegionConfig, Route, RoutingCard, Urgency};

#[cfg(feature = "toml")]
pub mod config;

/// The configuration key holding a partner's local name: the partner's WIT
/// name between `partners.` and `.name`.
pub const LOCAL_NAME_KEY_PREFIX: &str = "partners.";
/// See [`LOCAL_NAME_KEY_PREFIX`].
pub const LOCAL_NAME_KEY_SUFFIX: &str = ".name";
/// The configuration key holding how to reach a partner (a meeting, a phone
/// line, opening hours): the partner's WIT name between `partners.` and
/// `.contact`.
pub const LOCAL_CONTACT_KEY_SUFFIX: &str = ".contact";
/// Between the local name and the contact in a route's `local_name`.
pub const LOCAL_NAME_SEPARATOR: &str = " — ";
/// A local name or contact longer than this (in characters) is cut, so a
/// region's configuration cannot blow up the card past the host's string
/// limits; name and contact are cut separately, so a long name never hides
/// the contact entirely.
pub const LOCAL_NAME_MAX_CHARS: usize = 200;

/// The guideline's statement that nothing is sent (G-HUMAN).
const G_HUMAN: &str = "G-HUMAN";
/// The guideline's urgency rule, whose card-level sentence a region restates.
const RT_URGENCY: &str = "RT-URGENCY";
/// The G-HUMAN sentence on every routing card.
const RECOMMENDATION: &str =
    "These routes are recommendations for the professional; nothing is sent or shared by the system.";

/// `s` cut to at most `max` characters, on a character boundary, with an
/// ellipsis when something was cut.
pub fn clip(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => {
            let mut out = String::from(s.get(..i).unwrap_or(""));
            out.push('…');
            out
        }
        None => String::from(s),
    }
}

/// The region's local name for `partner`: `partners.<partner>.name` and
/// `partners.<partner>.contact`, each trimmed and cut to
/// [`LOCAL_NAME_MAX_CHARS`], joined with [`LOCAL_NAME_SEPARATOR`] when both
/// are set; blank values count as unset.
pub fn local_name(config: &dyn RegionConfig, partner: Partner) -> Option<String> {
    let part = |suffix: &str| {
        let value = config.get(&format!("{LOCAL_NAME_KEY_PREFIX}{}{suffix}", partner.name()))?;
        let value = value.trim();
        (!value.is_empty()).then(|| clip(value, LOCAL_NAME_MAX_CHARS))
    };
    match (part(LOCAL_NAME_KEY_SUFFIX), part(LOCAL_CONTACT_KEY_SUFFIX)) {
        (Some(name), Some(contact)) => Some(format!("{name}{LOCAL_NAME_SEPARATOR}{contact}")),
        (Some(one), None) | (None, Some(one)) => Some(one),
        (None, None) => None,
    }
}

/// Finishes a routing card a region's rules started from the guideline's.
/// With no rule applied, it says so (citing `no_change_rule`) and leaves the
/// card as it is. Otherwise it puts the routes in urgency order (stable, so
/// the guideline's order breaks ties), sets the overall urgency to the most
/// urgent route's, writes a summary naming the rules applied, and restates
/// the guideline's RT-URGENCY sentence, which named a route the rules may
/// have changed. Either way the card carries the G-HUMAN sentence once.
/// `region` names the region in the sentences, e.g. "region A".
pub fn finish_region_routing(
    mut card: RoutingCard,
    region: &str,
    applied: &[&str],
    no_change_rule: &str,
) -> RoutingCard {
    if applied.is_empty() {
        card.reasons.push(Reason::new(
            no_change_rule,
            format!("No rule of {region} applies to this case: the national guideline's routes stand unchanged."),
        ));
    } else {
        card.routes.sort_by_key(|r| r.urgency);
        card.urgency = card.routes.first().map_or(Urgency::NextContact, |r| r.urgency);
        card.summary = region_summary(&card, region, applied);
        card.reasons.retain(|r| r.rule != RT_URGENCY);
        let text = match card.routes.first() {
            Some(first) => format!(
                "Overall urgency {}: after {region}'s rules the most urgent route is {} {}.",
                card.urgency, first.partner, first.kind
            ),
            None => format!("No route after {region}'s rules: urgency next-contact."),
        };
        card.reasons.push(Reason::new(RT_URGENCY, text));
    }
    if !card.reasons.iter().any(|r| r.rule == G_HUMAN) {
        card.reasons.push(Reason::new(G_HUMAN, RECOMMENDATION));
    }
    card
}

/// The card a region returns when the host gave it no guideline result to
/// start from: no routes, and a warning citing `no_reference_rule` that the
/// case must be routed by hand.
pub fn region_routing_without_reference(region: &str, no_reference_rule: &str) -> RoutingCard {
    RoutingCard {
        routes: Vec::new(),
        one_plan: false,
        care_coordinator: None,
        urgency: Urgency::NextContact,
        summary: format!("No routes: the guideline's routing result is missing, so {region} proposes nothing."),
        warnings: alloc::vec![Reason::new(
            no_reference_rule,
            format!(
                "The host supplied no guideline routing result; {region} only adjusts that result, so it proposes no route: route this case by hand."
            ),
        )],
        reasons: alloc::vec![Reason::new(G_HUMAN, RECOMMENDATION)],
    }
}

/// "2 routes, most urgent soon: wijkteam referral, …; region A applied REGIO-A-OT-HUB".
fn region_summary(card: &RoutingCard, region: &str, applied: &[&str]) -> String {
    let rules = applied.join(", ");
    match routes_summary(&card.routes) {
        Some(routes) => clip(&format!("{routes}; {region} applied {rules}."), 600),
        None => format!("No routes, urgency next-contact; {region} applied {rules}."),
    }
}

/// "2 routes, most urgent soon: jeugd-ggz referral (verwijzer 03), primary-school information",
/// for routes in urgency order; `None` without routes. The reference
/// routing component and regions summarise their cards with it alike.
pub fn routes_summary(routes: &[Route]) -> Option<String> {
    let first = routes.first()?;
    let items: Vec<String> = routes
        .iter()
        .map(|r| match r.verwijzer {
            Some(v) => format!("{} {} (verwijzer {})", r.partner, r.kind, v.code()),
            None => format!("{} {}", r.partner, r.kind),
        })
        .collect();
    let n = routes.len();
    let plural = if n == 1 { "route" } else { "routes" };
    Some(format!("{n} {plural}, most urgent {}: {}", first.urgency, items.join(", ")))
}

/// A partner as a professional names it in a sentence ("the sociaal
/// wijkteam", "jeugd-GGZ"): one wording for the reference components, the
/// regions and the host's own sentences.
pub const fn partner_label(p: Partner) -> &'static str {
    match p {
        Partner::JgzLightSupport => "JGZ light support",
        Partner::Jeugdarts => "the jeugdarts of the JGZ team",
        Partner::Wijkteam => "the sociaal wijkteam",
        Partner::Huisarts => "the huisarts",
        Partner::PohJeugd => "the POH-jeugd",
        Partner::JeugdGgz => "jeugd-GGZ",
        Partner::ImhConsultation => "a young-child / Infant Mental Health specialist",
        Partner::Kinderarts => "the kinderarts",
        Partner::Kinderopvang => "the kinderopvang or peuterspeelzaal",
        Partner::PrimarySchool => "the primary school (leerkracht, intern begeleider)",
        Partner::SchoolMentor => "the mentor at school",
        Partner::SchoolZorgteam => "the school zorgteam via the zorgcoördinator",
        Partner::Amw => "algemeen maatschappelijk werk",
        Partner::ParentGgz => "volwassenen-GGZ or verslavingszorg for the parent",
        Partner::VeiligThuisAdvice => "Veilig Thuis for advice",
        Partner::VeiligThuisMelding => "Veilig Thuis for a melding",
        Partner::Verwijsindex => "the Verwijsindex",
        Partner::GecertificeerdeInstelling => "the gecertificeerde instelling",
    }
}

/// The card-level RT-URGENCY sentence for routes in urgency order: the
/// overall urgency and the route that sets it. Whoever last changed the
/// routes (a region's rules, a guardrail) states it again from the final
/// list, so it never names a route the card no longer has.
pub fn overall_urgency_sentence(routes: &[Route]) -> String {
    match routes.first() {
        Some(first) => format!(
            "Overall urgency {}: the most urgent route is {} ({}).",
            first.urgency,
            partner_label(first.partner),
            first.kind
        ),
        None => String::from("No route: urgency next-contact."),
    }
}

/// Who takes part in decisions about the child (CS-AGE as a conversation
/// must follow it, G-SHARED): the reference stages and regions open every
/// conversation and every "decided together with" sentence from here, so
/// no card names parents a 16+ youth has excluded, and the wording at 12
/// and 16 is the same on every card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Participants {
    /// Before birth: the expectant parents.
    ExpectantParents,
    /// Age unknown: the parents, and the youth from 12.
    Unknown,
    /// Under 12: the parents with parental authority.
    Parents,
    /// 12 to 15: the parents and the youth, both consenting.
    ParentsAndYouth,
    /// 16 and older: the youth decides alone, also whether the parents are
    /// informed (not yet objected).
    Youth,
    /// 16 and older, and the youth does not want the parents informed:
    /// nothing may involve or mention them.
    YouthAlone,
}

impl Participants {
    /// The participants for a child of `age_months` (`None`: unknown),
    /// `prenatal`, whose youth (when 16 or older) may object to informing
    /// the parents.
    pub fn of(age_months: Option<u32>, prenatal: bool, youth_objects_to_informing_parents: bool) -> Self {
        if prenatal {
            return Participants::ExpectantParents;
        }
        match age_months.map(|m| m / 12) {
            None => Participants::Unknown,
            Some(y) if y < 12 => Participants::Parents,
            Some(y) if y < 16 => Participants::ParentsAndYouth,
            Some(_) if youth_objects_to_informing_parents => Participants::YouthAlone,
            Some(_) => Participants::Youth,
        }
    }

    /// Whether the parents take part (are asked, informed or present).
    pub const fn parents_take_part(self) -> bool {
        !matches!(self, Participants::YouthAlone)
    }

    /// Who the follow-up is decided with, for "… together with {who}":
    /// "the parents", "the parents and the youth", "the youth".
    pub const fn together_with(self) -> &'static str {
        match self {
            Participants::ExpectantParents => "the expectant parents",
            Participants::Unknown => "the parents (and the youth from 12)",
            Participants::Parents => "the parents",
            Participants::ParentsAndYouth => "the parents and the youth",
            Participants::Youth => "the youth (and the parents, unless the youth objects)",
            Participants::YouthAlone => "the youth",
        }
    }

    /// How a conversation opens, lower case, for "{opening} the referral …":
    /// "discuss with the parents", "ask the youth's consent for".
    pub const fn opening(self) -> &'static str {
        match self {
            Participants::ExpectantParents => "discuss with the expectant parents",
            Participants::Unknown => "discuss with the parents (and from 12 with the youth)",
            Participants::Parents => "discuss with the parents",
            Participants::ParentsAndYouth => "discuss with the parents and the youth",
            Participants::Youth => {
                "discuss with the youth (from 16 the youth decides, also whether the parents are told)"
            }
            Participants::YouthAlone => "discuss with the youth (from 16 the youth decides alone)",
        }
    }
}

/// `s` with its first letter in upper case, so a phrase that can stand
/// inside a sentence ([`Participants::opening`]) can also open one.
pub fn sentence_case(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Phrases that read as reassurance to a professional ("nothing to do").
/// A card whose action is S (safety) or whose instrument could not be used
/// (PS-UNUSABLE) may contain none of them in any reason, warning, summary or
/// conversation (IN-SAFETY, PS-UNUSABLE); the suite checks this on every
/// such card. Compared ASCII case-insensitively.
pub const REASSURANCE_PHRASES: &[&str] =
    &["normal range", "normalise", "normalize", "no reason for concern", "nothing to worry", "no further steps"];

/// Rule ids whose every citation tells the professional that nothing needs
/// to happen for the child: never cited on a safety card or beside an
/// unusable instrument.
pub const REASSURANCE_RULES: &[&str] = &["RT-A0"];

/// Whether `text` contains one of [`REASSURANCE_PHRASES`].
pub fn reads_as_reassurance(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    REASSURANCE_PHRASES.iter().any(|p| lower.contains(p))
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::collections::BTreeMap;

    struct Map(BTreeMap<&'static str, &'static str>);

    impl RegionConfig for Map {
        fn get(&self, key: &str) -> Option<String> {
            self.0.get(key).map(|v| String::from(*v))
        }
    }

    #[test]
    fn participants_follow_cs_age_and_the_youths_objection() {
        assert_eq!(Participants::of(None, true, false), Participants::ExpectantParents);
        assert_eq!(Participants::of(Some(143), false, true), Participants::Parents);
        assert_eq!(Participants::of(Some(144), false, true), Participants::ParentsAndYouth);
        assert_eq!(Participants::of(Some(191), false, true), Participants::ParentsAndYouth);
        assert_eq!(Participants::of(Some(192), false, false), Participants::Youth);
        assert_eq!(Participants::of(Some(192), false, true), Participants::YouthAlone);
        assert!(!Participants::YouthAlone.together_with().contains("parent"));
        assert!(!Participants::YouthAlone.opening().contains("parent"));
        assert!(!Participants::YouthAlone.parents_take_part());
    }

    #[test]
    fn reassurance_is_found_case_insensitively() {
        assert!(reads_as_reassurance("Everything in the Normal Range"));
        assert!(reads_as_reassurance("normalise and inform"));
        assert!(!reads_as_reassurance("Safety always takes action S"));
    }

    #[test]
    fn clip_cuts_on_characters() {
        assert_eq!(clip("abcdef", 3), "abc…");
        assert_eq!(clip("ééé", 2), "éé…");
        assert_eq!(clip("ab", 3), "ab");
    }

    #[test]
    fn local_names_join_name_and_contact() {
        let c = Map(BTreeMap::from([
            ("partners.wijkteam.name", " Team Noord "),
            ("partners.wijkteam.contact", "Tuesdays"),
            ("partners.huisarts.contact", "call"),
            ("partners.amw.name", "  "),
        ]));
        assert_eq!(local_name(&c, Partner::Wijkteam).as_deref(), Some("Team Noord — Tuesdays"));
        assert_eq!(local_name(&c, Partner::Huisarts).as_deref(), Some("call"));
        assert_eq!(local_name(&c, Partner::Amw), None);
    }

    #[test]
    fn an_unchanged_card_says_so_and_keeps_its_routes() {
        let card = region_routing_without_reference("region X", "REGIO-X-NO-REFERENCE");
        assert!(card.warnings.iter().any(|w| w.rule == "REGIO-X-NO-REFERENCE"));
        let finished = finish_region_routing(card, "region X", &[], "REGIO-X-NO-CHANGE");
        assert!(finished.reasons.iter().any(|r| r.rule == "REGIO-X-NO-CHANGE" && r.text.contains("region X")));
        assert_eq!(finished.reasons.iter().filter(|r| r.rule == G_HUMAN).count(), 1);
    }
}
