//! The risk card parent–child relationship (guideline brief §2.1, rules
//! `RK-*`): recognises risk and protective factor codes against versioned
//! tables, resolves the red set (default or region), and derives the card's
//! concern level. Both lists are shown side by side and never netted
//! (RK-BALANCE), and the level is never an attachment classification
//! (RK-NO-DIAGNOSIS). The reasons and the card's table name are written in
//! the reader's language (risicokaart, risicofactoren, beschermende
//! factoren); factor codes stay as they are, quoted in a Dutch text.

use alloc::{borrow::ToOwned, format, string::String, vec::Vec};

use wegwijs_types::{ChildCase, Language, Level, Reason, RegionConfig, RiskCard, RiskDomain, RiskFactor, say};

use crate::Guard;
use crate::text::{self, Wording};
use wegwijs_kit::{TableSource, level_term, unknown_code_note};

/// One row of the risk factor table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RiskFactorDef {
    /// Kebab-case code as it appears in `ChildCase::risk_factors`.
    pub code: &'static str,
    /// Domain of the risicofactorenkaart (kind / ouder-gezin / omgeving).
    pub domain: RiskDomain,
    /// Serious on its own in the default red set (RK-RED).
    pub red: bool,
    /// Short English description for professionals (documentation of the
    /// table; no card shows it).
    pub description: &'static str,
}

/// One row of the protective factor table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProtectiveFactorDef {
    /// Kebab-case code as it appears in `ChildCase::protective_factors`.
    pub code: &'static str,
    /// Short English description for professionals (documentation of the
    /// table; no card shows it).
    pub description: &'static str,
}

/// The versioned risk factor table, with the default red set as a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RiskFactorTable {
    /// Source guideline and version.
    pub guideline: TableSource,
    /// How a Dutch card cites [`Self::guideline`].
    pub guideline_nl: &'static str,
    /// Name of the default red set, shown when no region set replaces it.
    pub red_set_name: Wording,
    /// This many risk factors (or one red factor) make a concern (RK-ONE-DOMAIN,
    /// RK-MULTI-DOMAIN); the risicofactorenkaart says "4–5", so the lower bound.
    pub concern_from: usize,
    /// The factors.
    pub factors: &'static [RiskFactorDef],
}

/// The versioned protective factor table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProtectiveFactorTable {
    /// Source guideline and version.
    pub guideline: TableSource,
    /// How a Dutch card cites [`Self::guideline`].
    pub guideline_nl: &'static str,
    /// The factors.
    pub factors: &'static [ProtectiveFactorDef],
}

/// Region configuration key whose comma-separated factor codes replace the
/// default red set.
pub const RED_FACTORS_KEY: &str = "screening.red-factors";

const fn risk(code: &'static str, domain: RiskDomain, red: bool, description: &'static str) -> RiskFactorDef {
    RiskFactorDef { code, domain, red, description }
}

const fn protective(code: &'static str, description: &'static str) -> ProtectiveFactorDef {
    ProtectiveFactorDef { code, description }
}

use RiskDomain::{Child, Environment, ParentFamily};

/// Risk factors of the risk card parent–child relationship.
///
/// Rows come from JGZ-richtlijn Ouder-kindrelatie 2021 Tabel 2.2 (parent
/// column) and the domains of the Risicofactorenkaart ouder-kindrelatie;
/// the child and environment rows are the examples of the guideline brief
/// §2.1 and of BDS element 70 / 481, because the guideline's own child and
/// family rows were not retrieved (research notes §8 gap 1). The red column
/// is the brief's default red set (RK-RED); the kaart's own red items were
/// not retrieved either, which is why a region may replace it.
pub const RISK_FACTORS: RiskFactorTable = RiskFactorTable {
    guideline: TableSource {
        name: "Risicofactorenkaart ouder-kindrelatie / JGZ-richtlijn Ouder-kindrelatie (Tabel 2.2)",
        version: "2021, wegwijs table r1",
    },
    guideline_nl: "Risicofactorenkaart ouder-kindrelatie / JGZ-richtlijn Ouder-kindrelatie (Tabel 2.2) 2021, \
                   wegwijs-tabel r1",
    red_set_name: Wording {
        nl: "standaardset rode factoren r1 uit het richtlijnoverzicht",
        en: "default red set r1 from the guideline brief",
    },
    concern_from: 4,
    factors: &[
        // Child: biological vulnerability during pregnancy and after birth.
        risk("prematurity", Child, false, "Born preterm or with low birth weight"),
        risk("complicated-pregnancy-or-birth", Child, false, "Complicated pregnancy and/or delivery"),
        risk(
            "prenatal-substance-exposure",
            Child,
            false,
            "Unhealthy lifestyle or substance use of the mother during pregnancy",
        ),
        risk(
            "prenatal-maternal-stress",
            Child,
            false,
            "Chronic anxiety, panic or stress of the mother during pregnancy",
        ),
        risk("difficult-temperament", Child, false, "Difficult temperament of the child"),
        risk("excessive-crying", Child, false, "Excessive crying or regulation problems of the baby"),
        risk("child-illness-or-disability", Child, false, "Illness, disability or developmental problem of the child"),
        // Parent and family.
        risk(
            "parent-psychiatric-problems",
            ParentFamily,
            false,
            "Psychological or psychiatric problems of a parent (e.g. (postpartum) depression, anxiety, eating disorder)",
        ),
        risk("parent-psychiatric-crisis", ParentFamily, true, "Current psychiatric crisis of a parent"),
        risk("parent-addiction", ParentFamily, true, "(Excessive) use of addictive substances by a parent"),
        risk("domestic-violence", ParentFamily, true, "Domestic violence in the family"),
        risk(
            "parent-aces-with-symptoms",
            ParentFamily,
            true,
            "Adverse childhood experiences or trauma of a parent with current symptoms",
        ),
        risk(
            "parent-aces",
            ParentFamily,
            false,
            "Adverse childhood experiences or trauma of a parent without current symptoms",
        ),
        risk(
            "parent-intellectual-disability",
            ParentFamily,
            false,
            "Intellectual disability (LVB) or learning disorder of a parent",
        ),
        risk(
            "parent-chronic-illness-or-disability",
            ParentFamily,
            false,
            "Serious or chronic medical condition or physical disability of a parent",
        ),
        risk("parent-criminality", ParentFamily, false, "Criminality, contact with justice or detention of a parent"),
        risk("parental-stress", ParentFamily, false, "Parental stress"),
        risk("unwanted-pregnancy", ParentFamily, false, "Unwanted or unplanned pregnancy"),
        risk("low-parenting-confidence", ParentFamily, false, "Little confidence in own qualities as a parent"),
        risk("parental-conflict", ParentFamily, false, "Conflict between the parents (including conflict divorce)"),
        risk("teenage-parent", ParentFamily, false, "Very young (teenage) parent"),
        risk(
            "single-parent-without-support",
            ParentFamily,
            false,
            "Single parent without support in the care of the child",
        ),
        // Environment: indirect factors, which still weigh when they stack.
        risk("poverty", Environment, false, "Poverty or a low income"),
        risk("debts", Environment, false, "Problematic debts"),
        risk("long-term-unemployment", Environment, false, "Long-term unemployment or work disability of a parent"),
        risk("poor-housing", Environment, false, "Poor or unhygienic housing, or no stable home"),
        risk("unsafe-neighbourhood", Environment, false, "Unsafe neighbourhood"),
        risk("no-social-network", Environment, false, "Lack of a social network"),
        risk("discrimination", Environment, false, "Experience of discrimination"),
        risk("language-barrier", Environment, false, "Parent speaks no or hardly any Dutch"),
        risk("migration-stress", Environment, false, "Recent migration or refugee background with related stress"),
    ],
};

/// Protective factors (beschermende factoren), listed beside the risk
/// factors and never subtracted from them (RK-BALANCE).
///
/// Rows come from JGZ-richtlijn Ouder-kindrelatie 2021 Tabel 2.2 (parent
/// column) and the guideline brief §2.1.
pub const PROTECTIVE_FACTORS: ProtectiveFactorTable = ProtectiveFactorTable {
    guideline: TableSource {
        name: "JGZ-richtlijn Ouder-kindrelatie (Tabel 2.2, beschermende factoren)",
        version: "2021, wegwijs table r1",
    },
    guideline_nl: "JGZ-richtlijn Ouder-kindrelatie (Tabel 2.2, beschermende factoren) 2021, wegwijs-tabel r1",
    factors: &[
        protective("parent-good-health", "Good physical health of the parent"),
        protective("parent-good-mental-health", "Good mental health of the parent"),
        protective("wanted-pregnancy", "Wanted pregnancy"),
        protective("uncomplicated-pregnancy-and-birth", "Uncomplicated pregnancy and delivery"),
        protective("parenting-confidence", "Confidence in own qualities as a parent"),
        protective("finished-education", "Finished education (e.g. startkwalificatie)"),
        protective("positive-own-history", "Positive experiences from the parent's own history"),
        protective("secure-working-model", "Secure internal working model: open to signals, able to mentalise"),
        protective("warm-authoritative-parenting", "Warm, authoritative parenting style"),
        protective("accepts-support", "Able to cooperate with and make use of support"),
        protective("social-network", "Supportive social network"),
        protective("partner-support", "Parents support each other"),
        protective("stable-income", "Stable income and housing"),
    ],
};

/// The risk card together with the reasons and warnings that explain it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RiskAssessment {
    /// The card.
    pub card: RiskCard,
    /// Reasons with rule ids.
    pub reasons: Vec<Reason>,
    /// Warnings (unknown codes, bad configuration).
    pub warnings: Vec<Reason>,
    /// What the card's level rests on, for the action ladder's reason, e.g.
    /// `the risk card (2 non-red risk factors: poverty, poor-housing; RK-FEW)`;
    /// `None` when the card has no risk factors and so gives no level.
    pub driver: Option<String>,
}

/// Which red set applies: the table's default column, or a region's list.
enum RedSet {
    Default,
    Region(Vec<&'static str>),
}

impl RedSet {
    fn contains(&self, def: &RiskFactorDef) -> bool {
        match self {
            RedSet::Default => def.red,
            RedSet::Region(codes) => codes.contains(&def.code),
        }
    }
}

/// The `RiskCard::table` text: factor table with version and the red set
/// used, in the reader's language.
pub fn table_label(region_red_set: bool, lang: Language) -> String {
    let red = if region_red_set {
        say!(lang, "rode set van de regio (`{RED_FACTORS_KEY}`)", "region red set ({RED_FACTORS_KEY})")
    } else {
        RISK_FACTORS.red_set_name.get(lang).to_owned()
    };
    format!("{}; {}", text::cite(&RISK_FACTORS.guideline, RISK_FACTORS.guideline_nl, lang), red)
}

fn normalise(code: &str) -> String {
    code.trim().to_ascii_lowercase()
}

fn find_risk(code: &str) -> Option<&'static RiskFactorDef> {
    RISK_FACTORS.factors.iter().find(|f| f.code == code)
}

fn find_protective(code: &str) -> Option<&'static ProtectiveFactorDef> {
    PROTECTIVE_FACTORS.factors.iter().find(|f| f.code == code)
}

/// Reads the region's red set. A value that names no known factor at all
/// is treated as a configuration error and the default stays in force: a
/// typo must not silently switch every red flag off.
fn red_set(config: &dyn RegionConfig, lang: Language, warnings: &mut Vec<Reason>) -> RedSet {
    let Some(value) = config.get(RED_FACTORS_KEY) else {
        return RedSet::Default;
    };
    let mut codes: Vec<&'static str> = Vec::new();
    for raw in value.split(',') {
        let code = normalise(raw);
        if code.is_empty() {
            continue;
        }
        match find_risk(&code) {
            Some(def) => {
                if !codes.contains(&def.code) {
                    codes.push(def.code);
                }
            }
            None => {
                let code = text::truncate(&code);
                warnings.push(Reason::new(
                    "IN-UNKNOWN",
                    say!(
                        lang,
                        "Configuratie `{RED_FACTORS_KEY}` noemt de onbekende risicofactor `{code}`; die staat in deze \
                         waarschuwing, maar kan niet als rood gemarkeerd worden.",
                        "Configuration {RED_FACTORS_KEY} names unknown risk factor `{code}`; it is kept in this warning \
                         but cannot be marked red."
                    ),
                ))
            }
        }
    }
    if codes.is_empty() {
        let name = RISK_FACTORS.red_set_name.get(lang);
        warnings.push(Reason::new(
            "RK-RED",
            say!(
                lang,
                "Configuratie `{RED_FACTORS_KEY}` noemt geen bekende risicofactor, dus geldt in plaats daarvan de \
                 standaardset rode factoren ({name}).",
                "Configuration {RED_FACTORS_KEY} names no known risk factor, so the default red set ({name}) is used \
                 instead."
            ),
        ));
        RedSet::Default
    } else {
        RedSet::Region(codes)
    }
}

/// Builds the risk card from the case's factor codes and the region's red
/// set, worded for a card that may read as reassurance, in `lang`.
pub fn assess(case: &ChildCase, config: &dyn RegionConfig, lang: Language) -> RiskAssessment {
    assess_for(case, config, Guard::Plain, lang)
}

/// Builds the risk card as [`assess`] does, worded for the card it goes on:
/// on a safety card or beside an unusable instrument ([`Guard`]) an empty
/// risk card is not a reason to normalise, and its RK-NONE sentence says what
/// it does and does not mean there.
pub fn assess_for(case: &ChildCase, config: &dyn RegionConfig, guard: Guard, lang: Language) -> RiskAssessment {
    let mut reasons = Vec::new();
    let mut warnings = Vec::new();
    let red_set = red_set(config, lang, &mut warnings);
    let region = matches!(red_set, RedSet::Region(_));

    let mut factors: Vec<RiskFactor> = Vec::new();
    for raw in &case.risk_factors {
        let code = normalise(raw);
        match find_risk(&code) {
            // A factor named twice is still one factor: counting it twice
            // would inflate the count the level depends on.
            Some(def) if factors.iter().any(|f| f.code == def.code) => {}
            Some(def) => {
                factors.push(RiskFactor { code: def.code.to_owned(), domain: def.domain, red: red_set.contains(def) })
            }
            None => {
                let note =
                    unknown_code_note(lang.pick("risicofactorcode", "risk factor code"), &text::truncate(raw), lang);
                let table = text::cite(&RISK_FACTORS.guideline, RISK_FACTORS.guideline_nl, lang);
                warnings.push(Reason::new(
                    "IN-UNKNOWN",
                    say!(
                        lang,
                        "{note}; deze code staat niet in de tabel met risicofactoren ({table}) en telt niet mee op de \
                         risicokaart.",
                        "{note}; it is not in the risk factor table ({table}) and not counted on the risk card."
                    ),
                ))
            }
        }
    }

    let mut protective: Vec<String> = Vec::new();
    for raw in &case.protective_factors {
        let code = normalise(raw);
        match find_protective(&code) {
            Some(def) if protective.iter().any(|p| p == def.code) => {}
            Some(def) => protective.push(def.code.to_owned()),
            None => {
                let note = unknown_code_note(
                    lang.pick("code beschermende factor", "protective factor code"),
                    &text::truncate(raw),
                    lang,
                );
                let table = text::cite(&PROTECTIVE_FACTORS.guideline, PROTECTIVE_FACTORS.guideline_nl, lang);
                warnings.push(Reason::new(
                    "IN-UNKNOWN",
                    say!(
                        lang,
                        "{note}; deze code staat niet in de tabel met beschermende factoren ({table}) en staat niet op \
                         de risicokaart.",
                        "{note}; it is not in the protective factor table ({table}) and not listed on the risk card."
                    ),
                ))
            }
        }
    }

    let risk_codes: Vec<String> = factors.iter().map(|f| f.code.clone()).collect();
    let listed = |n: usize, one: &str, many: &str, codes: &[String]| {
        if codes.is_empty() {
            text::count(n, one, many, lang)
        } else {
            format!("{} ({})", text::count(n, one, many, lang), text::codes(codes, lang))
        }
    };
    let risks = match lang {
        Language::Nl => listed(factors.len(), "risicofactor", "risicofactoren", &risk_codes),
        Language::En => listed(factors.len(), "risk factor", "risk factors", &risk_codes),
    };
    let protectives = match lang {
        Language::Nl => listed(protective.len(), "beschermende factor", "beschermende factoren", &protective),
        Language::En => listed(protective.len(), "protective factor", "protective factors", &protective),
    };
    reasons.push(Reason::new(
        "RK-BALANCE",
        say!(
            lang,
            "Risicokaart: {risks} naast {protectives}; beide lijsten staan naast elkaar en worden nooit tegen elkaar \
             weggestreept tot één getal, want meer risicofactoren vragen om meer beschermende factoren \
             (draaglast–draagkracht).",
            "Risk card: {risks} beside {protectives}; both lists are shown side by side and never netted into one \
             number, because more risk factors need more protective factors (draaglast–draagkracht)."
        ),
    ));

    let red: Vec<String> = factors.iter().filter(|f| f.red).map(|f| f.code.clone()).collect();
    let red_codes = text::codes(&red, lang);
    if !factors.is_empty() || region {
        let which = if region {
            say!(
                lang,
                "de rode set van de regio uit configuratie `{RED_FACTORS_KEY}`",
                "the region's red set from configuration {RED_FACTORS_KEY}"
            )
        } else {
            let name = RISK_FACTORS.red_set_name.get(lang);
            say!(lang, "de {name}", "the {name}")
        };
        let found = match red.len() {
            0 => lang.pick("er is geen rode factor aanwezig", "no red factor is present").to_owned(),
            n => {
                let what = match lang {
                    Language::Nl => text::noun(n, "rode factor", "rode factoren"),
                    Language::En => text::noun(n, "red factor", "red factors"),
                };
                say!(lang, "{what} aanwezig: {red_codes}", "{what} present: {red_codes}")
            }
        };
        reasons.push(Reason::new(
            "RK-RED",
            say!(
                lang,
                "Rode factoren zijn op zichzelf ernstig; {found}, beoordeeld met {which}; de rode set is een \
                 standaard die de regio kan instellen (sleutel `{RED_FACTORS_KEY}`).",
                "Red factors are serious on their own; {found}, judged against {which}; the red set is a configurable \
                 default (region key {RED_FACTORS_KEY})."
            ),
        ));
    }

    let mut domains: Vec<RiskDomain> = Vec::new();
    for d in RiskDomain::ALL {
        if factors.iter().any(|f| f.domain == *d) {
            domains.push(*d);
        }
    }
    let count = factors.len();
    let domain_text = text::domains_phrase(&domains, lang);
    let concern_from = RISK_FACTORS.concern_from;
    let trigger = if red.is_empty() {
        say!(
            lang,
            "{count} risicofactoren (vanaf {concern_from} is er zorg)",
            "{count} risk factors ({concern_from} or more make a concern)"
        )
    } else {
        let what = match lang {
            Language::Nl => text::noun(red.len(), "Rode factor", "Rode factoren"),
            Language::En => text::noun(red.len(), "Red factor", "Red factors"),
        };
        format!("{what} {red_codes}")
    };
    let codes = text::codes(&risk_codes, lang);
    let (level, driver) = if count == 0 {
        let text = match guard {
            Guard::Plain => lang.pick(
                "Geen risicofactoren op de risicokaart, dus de kaart zelf geeft niveau geen zorg; de actie volgt uit \
                 de hele screening (PS-LADDER).",
                "No risk factors on the risk card, so the card itself gives level none; the action follows from the \
                 whole screening (PS-LADDER).",
            ),
            Guard::Safety => lang.pick(
                "Geen risicofactoren op de risicokaart, dus de kaart voegt zelf geen niveau toe; dat zegt niets over \
                 de zorg om de veiligheid, die het meldcodetraject volgt.",
                "No risk factors on the risk card, so the card adds no level of its own; that says nothing about the \
                 safety concern, which takes the meldcode track.",
            ),
            Guard::Unusable => lang.pick(
                "Geen risicofactoren op de risicokaart, dus de kaart voegt zelf geen niveau toe; de kaart komt niet in \
                 de plaats van de uitkomst van het instrument die niet bruikbaar was (PS-UNUSABLE).",
                "No risk factors on the risk card, so the card adds no level of its own; it cannot stand in for the \
                 instrument result that could not be used (PS-UNUSABLE).",
            ),
        };
        reasons.push(Reason::new("RK-NONE", text));
        (Level::None, None)
    } else if red.is_empty() && count < concern_from {
        let non_red = match lang {
            Language::Nl => text::count(count, "niet-rode risicofactor", "niet-rode risicofactoren", lang),
            Language::En => text::count(count, "non-red risk factor", "non-red risk factors", lang),
        };
        reasons.push(Reason::new(
            "RK-FEW",
            say!(
                lang,
                "{non_red} ({codes}; {domain_text}): niveau aandacht, omdat het er minder dan {concern_from} zijn en \
                 geen ervan rood is; advies van de JGZ of een extra contactmoment, en beoordeel opnieuw bij het \
                 volgende contact.",
                "{non_red} ({codes}; {domain_text}): level attention, because there are fewer than {concern_from} and \
                 none is red; JGZ advice or an extra contact, and reassess at the next contact."
            ),
        ));
        let driver =
            say!(lang, "de risicokaart ({non_red}: {codes}; RK-FEW)", "the risk card ({non_red}: {codes}; RK-FEW)");
        (Level::Attention, Some(driver))
    } else if domains.len() < 2 {
        let all = match lang {
            Language::Nl => {
                if count == 1 {
                    "in"
                } else {
                    "allemaal in"
                }
            }
            Language::En => {
                if count == 1 {
                    "in"
                } else {
                    "all in"
                }
            }
        };
        let helpers = match lang {
            Language::Nl => text::count(usize::from(case.helpers_involved), "hulpverlener", "hulpverleners", lang),
            Language::En => text::count(usize::from(case.helpers_involved), "helper", "helpers", lang),
        };
        reasons.push(Reason::new(
            "RK-ONE-DOMAIN",
            say!(
                lang,
                "{trigger}, {all} het {domain_text}: niveau zorg; bespreek in het sociaal wijkteam / CJG / \
                 ouder-kindteam, maar ga eerst na welke hulpverleners al betrokken zijn ({helpers} vastgelegd als \
                 betrokken).",
                "{trigger}, {all} the {domain_text}: level concern; discuss in the sociaal wijkteam / CJG / \
                 ouder-kindteam after checking which helpers are already involved ({helpers} recorded as involved)."
            ),
        ));
        let lower = lower_first(&trigger);
        let driver = say!(
            lang,
            "de risicokaart ({lower}, {all} het {domain_text}; RK-ONE-DOMAIN)",
            "the risk card ({lower}, {all} the {domain_text}; RK-ONE-DOMAIN)"
        );
        (Level::Concern, Some(driver))
    } else {
        reasons.push(Reason::new(
            "RK-MULTI-DOMAIN",
            say!(
                lang,
                "{trigger}, met risicofactoren verspreid over de {domain_text}: niveau hoog; vraag consultatie bij \
                 een specialist jonge kind / Infant Mental Health (meestal bij de jeugd-GGZ) en bij het wijkteam, en \
                 overweeg één samenhangend plan.",
                "{trigger}, with risk factors spread over the {domain_text}: level high; consult a young-child / \
                 Infant Mental Health specialist (usually at jeugd-GGZ) and the wijkteam, and consider one integrated \
                 plan."
            ),
        ));
        let lower = lower_first(&trigger);
        let driver = say!(
            lang,
            "de risicokaart ({lower}, verspreid over de {domain_text}; RK-MULTI-DOMAIN)",
            "the risk card ({lower}, spread over the {domain_text}; RK-MULTI-DOMAIN)"
        );
        (Level::High, Some(driver))
    };

    if count > 0 || !protective.is_empty() {
        let level = level_term(level, lang);
        reasons.push(Reason::new(
            "RK-NO-DIAGNOSIS",
            say!(
                lang,
                "Het niveau {level} van de risicokaart is een zorgniveau, geen gehechtheidsclassificatie; die kan \
                 alleen worden vastgesteld met een diagnostische observatie buiten de JGZ.",
                "The risk card level {level} is a concern level, not an attachment classification; that can only be \
                 established by a diagnostic observation outside JGZ."
            ),
        ));
    }

    RiskAssessment {
        card: RiskCard {
            risk_factors: factors,
            protective_factors: protective,
            level,
            table: table_label(region, lang),
        },
        reasons,
        warnings,
        driver,
    }
}

/// `s` with its first character lower case, to continue a sentence.
fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
