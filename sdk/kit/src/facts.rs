//! The facts about the child that every stage after intake reads the same
//! way: the age in whole months, whether the child is born, the concern
//! domains, and who takes part in decisions (CS-AGE, G-SHARED).
//!
//! The intake card may come from a region's own (possibly buggy) component,
//! so [`CaseFacts::read`] prefers what intake normalised and falls back on
//! the raw case, and nothing here indexes or unwraps. Reading the facts in
//! one place keeps the reference stages and the regions from disagreeing
//! about, say, whether a youth is 16.

use alloc::vec::Vec;

use wegwijs_types::{AgeBand, ChildAge, ChildCase, Domain, IntakeCard, Language};

/// What the stages after intake know about the child, read once from the
/// case and the intake card.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFacts {
    /// Age in whole months: intake's, else the case's; `None` before birth
    /// or when unknown.
    pub age_months: Option<u32>,
    /// The child is not yet born, by intake's age band or the case's age.
    pub prenatal: bool,
    /// Intake's concern domains and those of its recognised concerns, each
    /// once, in canonical order.
    pub domains: Vec<Domain>,
    /// Who takes part in decisions about the child.
    pub participants: Participants,
}

impl CaseFacts {
    /// Reads the facts from the case and the intake card.
    pub fn read(case: &ChildCase, intake: &IntakeCard) -> Self {
        let prenatal = intake.age_band == Some(AgeBand::Prenatal) || matches!(case.age, Some(ChildAge::Prenatal(_)));
        // Intake's age is computed by the host at the signal date; the raw
        // case is the fallback when a region's intake dropped it.
        let age_months = if prenatal {
            None
        } else {
            intake.age_months.or_else(|| case.age.as_ref().and_then(ChildAge::whole_months))
        };
        // A region's intake may list a concern's domain without adding it
        // to `domains`; both count.
        let mut domains: Vec<Domain> =
            intake.domains.iter().chain(intake.concerns.iter().map(|c| &c.domain)).copied().collect();
        domains.sort();
        domains.dedup();
        CaseFacts {
            age_months,
            prenatal,
            domains,
            participants: Participants::of(age_months, prenatal, case.youth_objects_to_informing_parents),
        }
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

    /// Who the follow-up is decided with, for "… samen met {who}" /
    /// "… together with {who}": "de ouders", "the parents and the youth".
    pub const fn together_with(self, lang: Language) -> &'static str {
        match self {
            Participants::ExpectantParents => lang.pick("de aanstaande ouders", "the expectant parents"),
            Participants::Unknown => {
                lang.pick("de ouders (en vanaf 12 jaar de jongere)", "the parents (and the youth from 12)")
            }
            Participants::Parents => lang.pick("de ouders", "the parents"),
            Participants::ParentsAndYouth => lang.pick("de ouders en de jongere", "the parents and the youth"),
            Participants::Youth => lang.pick(
                "de jongere (en de ouders, tenzij de jongere bezwaar maakt)",
                "the youth (and the parents, unless the youth objects)",
            ),
            Participants::YouthAlone => lang.pick("de jongere", "the youth"),
        }
    }

    /// Who is talked with and told along the meldcode (MC-STEPS step 3,
    /// CS-VT-MELDING), and whether the phrase takes a plural verb: under 12
    /// the child beside the parents, from 12 the youth as CS-AGE says, and a
    /// 16+ youth who does not want the parents informed alone. One wording
    /// for every card that names them.
    pub const fn told_of_melding(self, lang: Language) -> (&'static str, bool) {
        match self {
            Participants::ExpectantParents => (lang.pick("de aanstaande ouders", "the expectant parents"), true),
            Participants::Unknown | Participants::Parents => {
                (lang.pick("de ouders en het kind", "the parents and the child"), true)
            }
            Participants::ParentsAndYouth => (lang.pick("de ouders en de jongere", "the parents and the youth"), true),
            Participants::Youth => (
                lang.pick(
                    "de jongere en, tenzij de jongere bezwaar maakt, de ouders",
                    "the youth and, unless the youth objects, the parents",
                ),
                true,
            ),
            Participants::YouthAlone => (lang.pick("de jongere", "the youth"), false),
        }
    }

    /// How a conversation opens, lower case, for "{opening} de verwijzing …"
    /// / "{opening} the referral …": "bespreek met de ouders", "discuss
    /// with the parents". Dutch puts the partners before the object, so the
    /// same slot reads well in both languages.
    pub const fn opening(self, lang: Language) -> &'static str {
        match self {
            Participants::ExpectantParents => {
                lang.pick("bespreek met de aanstaande ouders", "discuss with the expectant parents")
            }
            Participants::Unknown => lang.pick(
                "bespreek met de ouders (en vanaf 12 jaar met de jongere)",
                "discuss with the parents (and from 12 with the youth)",
            ),
            Participants::Parents => lang.pick("bespreek met de ouders", "discuss with the parents"),
            Participants::ParentsAndYouth => {
                lang.pick("bespreek met de ouders en de jongere", "discuss with the parents and the youth")
            }
            Participants::Youth => lang.pick(
                "bespreek met de jongere (vanaf 16 jaar beslist de jongere, ook of de ouders het horen)",
                "discuss with the youth (from 16 the youth decides, also whether the parents are told)",
            ),
            Participants::YouthAlone => lang.pick(
                "bespreek met de jongere (vanaf 16 jaar beslist de jongere alleen)",
                "discuss with the youth (from 16 the youth decides alone)",
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec;
    use wegwijs_types::{AgeSinceBirth, Concern, Handler, IntakeOutcome, SourceCode, SourceKind};

    fn case(age: Option<ChildAge>) -> ChildCase {
        let source = SourceCode { code: "parent".into(), bds_code: None };
        ChildCase::new("p-1", age, source, Handler::Jeugdarts)
    }

    fn intake(age_months: Option<u32>, age_band: Option<AgeBand>) -> IntakeCard {
        IntakeCard {
            outcome: IntakeOutcome::Accepted,
            source: SourceKind::Parent,
            bds_code: None,
            age_band,
            age_months,
            domains: Vec::new(),
            concerns: Vec::new(),
            safety_flag: false,
            acute_indicators: Vec::new(),
            kindcheck_children: None,
            summary: "".into(),
            warnings: Vec::new(),
            reasons: Vec::new(),
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
        assert!(!Participants::YouthAlone.together_with(Language::En).contains("parent"));
        assert!(!Participants::YouthAlone.opening(Language::En).contains("parent"));
        assert!(!Participants::YouthAlone.together_with(Language::Nl).contains("ouder"));
        assert!(!Participants::YouthAlone.opening(Language::Nl).contains("ouder"));
        assert!(!Participants::YouthAlone.parents_take_part());
    }

    #[test]
    fn intakes_age_wins_and_the_case_fills_the_gap() {
        let born = Some(ChildAge::ReportedMonths(200));
        assert_eq!(CaseFacts::read(&case(born.clone()), &intake(Some(100), None)).age_months, Some(100));
        let mut objecting = case(born);
        objecting.youth_objects_to_informing_parents = true;
        let facts = CaseFacts::read(&objecting, &intake(None, None));
        assert_eq!((facts.age_months, facts.participants), (Some(200), Participants::YouthAlone));
        let exact = Some(ChildAge::Born(AgeSinceBirth { months: 101, years: 8 }));
        assert_eq!(CaseFacts::read(&case(exact), &intake(None, None)).age_months, Some(101));
        assert_eq!(CaseFacts::read(&case(None), &intake(None, None)).participants, Participants::Unknown);
    }

    #[test]
    fn before_birth_there_is_no_age_whichever_card_says_so() {
        let by_band =
            CaseFacts::read(&case(Some(ChildAge::ReportedMonths(5))), &intake(Some(5), Some(AgeBand::Prenatal)));
        let by_case = CaseFacts::read(&case(Some(ChildAge::Prenatal(Some(30)))), &intake(Some(5), None));
        for facts in [by_band, by_case] {
            assert!(facts.prenatal);
            assert_eq!((facts.age_months, facts.participants), (None, Participants::ExpectantParents));
        }
    }

    #[test]
    fn domains_come_once_in_canonical_order() {
        let mut card = intake(Some(96), None);
        card.domains = vec![Domain::School, Domain::Psychosocial, Domain::School];
        card.concerns = vec![
            Concern { code: "debts".into(), domain: Domain::FamilyCircumstances },
            Concern { code: "anxiety".into(), domain: Domain::Psychosocial },
        ];
        let facts = CaseFacts::read(&case(None), &card);
        assert_eq!(facts.domains, [Domain::Psychosocial, Domain::School, Domain::FamilyCircumstances]);
    }
}
