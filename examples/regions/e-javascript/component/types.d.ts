// The shapes of the values the wegwijs host passes to a JavaScript component
// and takes back, as componentize-qjs maps them from the WIT contract
// wegwijs:jgz@0.2.1 (component/wit/types.wit): records are plain objects
// with camelCase keys (`localName`), enums are their WIT names as strings
// (`"next-contact"`), variants are `{ tag, val }`, an absent option is
// `null`, and lists are arrays. Generated from wit/types.wit; an editor reads
// it for completion and checking (app.js says `// @ts-check`); the build
// does not. host.d.ts declares the host import.

/**
 * One reason behind a result: a rule id and a sentence a professional
 * can read.
 */
export interface Reason {
    /** Stable rule id, upper-case letters, digits and dashes, e.g. `PS-SDQ-BANDS`. */
    rule: string;
    /** Plain-language explanation of how the rule applied to this case. */
    text: string;
}

/**
 * Age since birth, computed by the host from the birth date at the
 * signal date. The birth date itself never leaves the host, and so
 * neither do whole days nor the signal date (since 0.2.0): with both, a
 * component could recompute the exact birth date. Whole months are the
 * finest precision any guideline rule needs.
 */
export interface AgeSinceBirth {
    /** Whole calendar months. */
    months: number;
    /** Whole years. */
    years: number;
}

/** The child's age at the signal date. */
export type ChildAge =
    /** Not yet born; the week of pregnancy when known. */
    | { tag: "prenatal"; val: number | null }
    /** Born; exact age computed by the host. */
    | { tag: "born"; val: AgeSinceBirth }
    /** Whole months as reported by the source when no birth date is known. */
    | { tag: "reported-months"; val: number };

/** Who raised the signal, as coded by the sender. */
export interface SourceCode {
    /** Source code from the documented vocabulary, e.g. `intern-begeleider`. */
    code: string;
    /** BDS JGZ initiator code (list 40.411) when the sender supplied one. */
    bdsCode: string | null;
}

/** A structured instrument result as answered or concluded. */
export type InstrumentInput =
    /** Strengths and Difficulties Questionnaire. */
    | { tag: "sdq"; val: SdqInput }
    /** SPARK overall risk estimate. */
    | { tag: "spark"; val: SparkRisk }
    /** GIZ conclusion on care needs. */
    | { tag: "giz"; val: GizConclusion }
    /**
     * An instrument scored outside the pipeline (DMO-protocol, BITSEA,
     * KIVPA); the host passes only the professional's band.
     */
    | { tag: "scored"; val: ScoredInput };

/** SDQ answers, in item order 1 to 25. */
export interface SdqInput {
    /** Which version of the questionnaire was used. */
    version: SdqVersion;
    /**
     * Exactly 25 entries: 0 not true, 1 somewhat true, 2 certainly true,
     * none when the item was not answered.
     */
    answers: (number | null)[];
}

/** SDQ questionnaire versions with their own norm tables. */
export type SdqVersion =
    /** Parent report for children of 2 to 4 years. */
    | "parent-two-to-four"
    /** Parent report for children of 4 to 17 years. */
    | "parent-four-to-seventeen"
    /** Teacher report for children of 4 to 17 years. */
    | "teacher-four-to-seventeen"
    /** Self-report for youth of 11 to 17 years. */
    | "self-eleven-to-seventeen";

/** SPARK overall risk estimate (BDS element 1495). */
export type SparkRisk =
    /** Low risk. */
    | "laag"
    /** Raised risk. */
    | "verhoogd"
    /** High risk. */
    | "hoog";

/** GIZ conclusion on care needs (BDS element 1641). */
export type GizConclusion =
    /** Positive confirmation: current care suffices. */
    | "bevestiging"
    /** Advice. */
    | "advies"
    /** Care needed now. */
    | "zorg-nu"
    /** Intensive care needed. */
    | "intensieve-zorg";

/** Instruments whose scoring happens outside the pipeline. */
export type ScoredInstrument =
    /** DMO-protocol (0 to 18 months). */
    | "dmo"
    /** BITSEA (valid for 2-year-olds). */
    | "bitsea"
    /** KIVPA (13 to 14 years). */
    | "kivpa";

/** The band a professional concluded for an externally scored instrument. */
export interface ScoredInput {
    /** Which instrument. */
    instrument: ScoredInstrument;
    /** The concluded band. */
    band: Band;
}

/** Three-band interpretation of an instrument score. */
export type Band =
    /** Within the normal range. */
    | "normal"
    /** Borderline. */
    | "borderline"
    /** Abnormal (clinical range). */
    | "abnormal";

/**
 * Self- or parent-reported impact of the problems on daily life
 * (SDQ impact supplement, BDS list 40.371).
 */
export type Impact =
    /** Not at all. */
    | "none"
    /** Only a little. */
    | "a-little"
    /** Quite a lot. */
    | "quite"
    /** A great deal. */
    | "a-lot";

/** How long the problems have lasted (SDQ impact supplement, BDS list 40.370). */
export type Duration =
    /** Less than a month. */
    | "under-one-month"
    /** One to five months. */
    | "one-to-five-months"
    /** Six to twelve months. */
    | "six-to-twelve-months"
    /** More than a year. */
    | "over-one-year";

/** Data from the adult-care kindcheck. */
export interface KindcheckInput {
    /**
     * Ages in whole years of the children the adult client has; empty
     * when no children are present.
     */
    childrenAges: number[];
    /** Whether the client cares for the children alone. */
    caresAlone: boolean;
}

/** What the professional has established so far along the meldcode. */
export interface MeldcodeInput {
    /** Suspicion of (threat of) domestic violence or child abuse. */
    suspicion: boolean;
    /** Structural (not acute) unsafety established in step 4. */
    structuralUnsafety: boolean;
    /** Can effective help be offered or organised (MC-Q3)? None when not yet weighed. */
    helpPossible: boolean | null;
    /** Does the family accept and commit to the help (MC-Q4)? */
    helpAccepted: boolean | null;
    /** Did the help lead to safety in the agreed time (MC-Q5)? */
    helpEffective: boolean | null;
    /** Were parents and child told of a melding beforehand? */
    parentsTold: boolean | null;
    /** When they were not told: telling them would endanger someone. */
    tellingEndangers: boolean;
}

/** A consent a party has given or refused. */
export interface ConsentRecord {
    /** Who answered. */
    party: Party;
    /** The recipient the answer is about. */
    recipient: Partner;
    /** True when given, false when refused. */
    given: boolean;
}

/** Parties who can consent or must be informed. */
export type Party =
    /** The parents with parental authority (gezag). */
    | "parents"
    /** The youth. */
    | "youth"
    /**
     * The parent whose own care a disclosure is for (CS-OWN-CARE): a
     * parent referred for, or in treatment for, their own problems.
     * That parent consents for themself, whatever the child's age. Since 0.2.0.
     */
    | "referred-parent";

/** The JGZ professional handling the case. */
export type Handler =
    /** Youth health physician. */
    | "jeugdarts"
    /** Youth health nurse. */
    | "jeugdverpleegkundige"
    /** Nurse practitioner. */
    | "verpleegkundig-specialist";

/**
 * The de-identified case every stage receives. It contains no name,
 * address, BSN, birth date or free text.
 */
export interface ChildCase {
    /** Host-generated pseudonym, stable for one child within one host. */
    pseudonym: string;
    /** CBS gemeentecode of the child's municipality, e.g. `GM0363`. */
    gemeente: string | null;
    /** Age of the child; none only for a kindcheck without children. */
    age: ChildAge | null;
    /** Who raised the signal. */
    source: SourceCode;
    /** The professional handling the case. */
    handler: Handler;
    /** Concern codes (e.g. `school-absence`). */
    concerns: string[];
    /** Acute-unsafety indicator codes (MC-Q2), e.g. `weapon-use`. */
    safetyIndicators: string[];
    /** Risk factor codes of the risk card parent–child relationship. */
    riskFactors: string[];
    /** Protective factor codes. */
    protectiveFactors: string[];
    /** Instrument results. */
    instruments: InstrumentInput[];
    /** Parents have voiced a concern themselves. */
    parentsConcerned: boolean;
    /** The youth has voiced a concern themselves. */
    youthConcerned: boolean;
    /** Impact of the problems on daily life, when asked. */
    impact: Impact | null;
    /** Duration of the problems, when asked. */
    duration: Duration | null;
    /** Parents (and youth where CS-AGE asks it) agree to a referral. */
    familyAgreesReferral: boolean;
    /** The family declines a warm handover. */
    familyDeclinesWarmHandover: boolean;
    /** Number of helpers already involved with the family. */
    helpersInvolved: number;
    /** A gecertificeerde instelling carries out an ondertoezichtstelling. */
    giInvolved: boolean;
    /** Kindcheck data when the source is adult care. */
    kindcheck: KindcheckInput | null;
    /** Meldcode progress when there is a safety concern. */
    meldcode: MeldcodeInput | null;
    /** Consents given or refused so far. */
    consents: ConsentRecord[];
    /** A 16+ youth does not want the parents informed. */
    youthObjectsToInformingParents: boolean;
    /**
     * The parent whose psychiatric or addiction problems are signalled
     * is already in treatment for them (RT-PARENT): align with that
     * treater instead of referring again. Since 0.2.0.
     */
    parentInTreatment: boolean;
}

/** Who raised the signal, normalised (IN-SOURCE). */
export type SourceKind =
    /** A parent. */
    | "parent"
    /** The youth. */
    | "youth"
    /** Jeugdarts. */
    | "jeugdarts"
    /** Jeugdverpleegkundige. */
    | "jeugdverpleegkundige"
    /** Verpleegkundig specialist. */
    | "verpleegkundig-specialist"
    /** Kinderopvang. */
    | "kinderopvang"
    /** Peuterspeelzaal. */
    | "peuterspeelzaal"
    /** Primary school teacher. */
    | "leerkracht"
    /** Primary school intern begeleider. */
    | "intern-begeleider"
    /** Secondary school mentor. */
    | "mentor"
    /** Secondary school zorgcoördinator. */
    | "zorgcoordinator"
    /** Huisarts. */
    | "huisarts"
    /** POH-jeugd at the huisarts practice. */
    | "poh-jeugd"
    /** Verloskundige. */
    | "verloskundige"
    /** Gynaecoloog. */
    | "gynaecoloog"
    /** Kraamzorg. */
    | "kraamzorg"
    /** Sociaal wijkteam. */
    | "sociaal-wijkteam"
    /** Jeugdhulp provider. */
    | "jeugdhulp"
    /** Adult mental-health care via the kindcheck. */
    | "volwassenen-ggz"
    /** Addiction care via the kindcheck. */
    | "verslavingszorg"
    /** Veilig Thuis. */
    | "veilig-thuis"
    /** Raad voor de Kinderbescherming. */
    | "raad-kinderbescherming"
    /** A match in the Verwijsindex. */
    | "verwijsindex"
    /** Medisch specialist or kinderarts. */
    | "medisch-specialist"
    /** Any other source. */
    | "other";

/** Age bands used downstream (IN-AGE). */
export type AgeBand =
    /** Before birth. */
    | "prenatal"
    /** 0 to under 2 years. */
    | "zero-to-two"
    /** 2 to under 4 years. */
    | "two-to-four"
    /** 4 to under 12 years. */
    | "four-to-twelve"
    /** 12 to under 16 years. */
    | "twelve-to-sixteen"
    /** 16 to under 18 years. */
    | "sixteen-to-eighteen"
    /** 18 to under 23 years. */
    | "eighteen-to-twenty-three";

/** Concern domains (IN-DOMAIN). */
export type Domain =
    /** Emotional, behaviour and peer problems. */
    | "psychosocial"
    /** The parent–child relationship. */
    | "parent-child"
    /** Development. */
    | "development"
    /** School absence and learning. */
    | "school"
    /** Substance use. */
    | "substance-use"
    /** Debts, housing, divorce, parental illness. */
    | "family-circumstances"
    /** Violence, abuse, neglect. */
    | "safety"
    /** Medical or somatic questions. */
    | "medical";

/** Acute-unsafety indicators of MC-Q2. */
export type AcuteIndicator =
    /** Direct (life) danger. */
    | "life-danger"
    /** Serious (suspected inflicted) injury. */
    | "serious-injury"
    /** Attempted strangulation. */
    | "strangulation"
    /** Use of a weapon. */
    | "weapon-use"
    /** Sexual abuse with a real chance of repetition. */
    | "sexual-abuse-repetition"
    /** Acute psychiatric crisis of the caring parent. */
    | "parent-psychiatric-crisis"
    /** Intoxication of the caring parent. */
    | "parent-intoxication"
    /** (Threatened) suicide of the caring parent. */
    | "parent-suicide-threat"
    /** Acute threat to kill, injure or confine. */
    | "threat-to-kill"
    /** Honour-related revenge. */
    | "honour-revenge"
    /** Forced marriage. */
    | "forced-marriage"
    /** Female genital mutilation. */
    | "fgm"
    /** Human trafficking. */
    | "human-trafficking";

/** One coded concern after normalisation. */
export interface Concern {
    /** The code as received. */
    code: string;
    /** The domain it belongs to. */
    domain: Domain;
}

/** Whether intake accepted the signal for screening. */
export type IntakeOutcome =
    /** Accepted: screening and routing follow. */
    | "accepted"
    /** Closed with reason (e.g. a kindcheck without children); nothing is routed. */
    | "closed";

/** Result of the intake stage. */
export interface IntakeCard {
    /** Accepted or closed. */
    outcome: IntakeOutcome;
    /** Normalised source. */
    source: SourceKind;
    /** BDS initiator code (list 40.411), given or derived. */
    bdsCode: string | null;
    /** Age band; none when the age is unknown. */
    ageBand: AgeBand | null;
    /** Age in whole months; none before birth or when unknown. */
    ageMonths: number | null;
    /** Domains touched, in canonical order, without duplicates. */
    domains: Domain[];
    /** Concerns recognised. */
    concerns: Concern[];
    /** Acute-unsafety flag (IN-SAFETY). */
    safetyFlag: boolean;
    /** Acute indicators recognised. */
    acuteIndicators: AcuteIndicator[];
    /** Number of children recorded by a kindcheck. */
    kindcheckChildren: number | null;
    /** One-line summary. */
    summary: string;
    /** Warnings, e.g. unknown codes (IN-UNKNOWN). */
    warnings: Reason[];
    /** Reasons with rule ids. */
    reasons: Reason[];
}

/** Overall concern level. */
export type Level =
    /**
     * Not enough usable information to judge: an instrument could not
     * be used and nothing else carries a level (PS-UNUSABLE). Never
     * read as "no concern". Since 0.2.0.
     */
    | "unknown"
    /** No concern. */
    | "none"
    /** Attention. */
    | "attention"
    /** Concern. */
    | "concern"
    /** High concern. */
    | "high"
    /** Safety: the meldcode track applies. */
    | "safety";

/** Action ladder (PS-LADDER). */
export type Action =
    /**
     * Insufficient information: complete or repeat the instrument and
     * assess again (PS-UNUSABLE). Never read as A0 "normalise". Since 0.2.0.
     */
    | "reassess"
    /** A0: normalise, inform at the next contact. */
    | "a0"
    /** A1: advice or light support by JGZ. */
    | "a1"
    /** A2: consultation without handing over the case. */
    | "a2"
    /** A3: referral. */
    | "a3"
    /** S: meldcode track. */
    | "s";

/** Domains of the risk card parent–child relationship. */
export type RiskDomain =
    /** The child. */
    | "child"
    /** Parent and family. */
    | "parent-family"
    /** Environment. */
    | "environment";

/** A risk factor recognised on the risk card. */
export interface RiskFactor {
    /** Factor code. */
    code: string;
    /** Its domain. */
    domain: RiskDomain;
    /** Serious on its own (RK-RED). */
    red: boolean;
}

/** The risk card parent–child relationship, both lists side by side (RK-BALANCE). */
export interface RiskCard {
    /** Risk factors seen. */
    riskFactors: RiskFactor[];
    /** Protective factors seen. */
    protectiveFactors: string[];
    /** The level the card yields (never an attachment classification). */
    level: Level;
    /** Name and version of the red-factor table used. */
    table: string;
}

/** One scale score with its band. */
export interface ScaleScore {
    /** The score (prorated where items were missing). */
    score: number;
    /**
     * The band from the norm table; none when the table has no verified
     * cut-offs for this scale and version.
     */
    band: Band | null;
}

/** Scored SDQ. */
export interface SdqScores {
    /** Version answered. */
    version: SdqVersion;
    /** Emotional symptoms scale. */
    emotional: ScaleScore | null;
    /** Conduct problems scale. */
    conduct: ScaleScore | null;
    /** Hyperactivity scale. */
    hyperactivity: ScaleScore | null;
    /** Peer problems scale. */
    peer: ScaleScore | null;
    /** Prosocial scale (a low score is the concern). */
    prosocial: ScaleScore | null;
    /** Total difficulties (0 to 40); none when any difficulty scale is missing. */
    total: ScaleScore | null;
    /** Name of the norm table used. */
    norms: string;
}

/** The instrument a screening result came from. */
export type InstrumentKind =
    /** SDQ. */
    | "sdq"
    /** SPARK. */
    | "spark"
    /** GIZ. */
    | "giz"
    /** DMO-protocol. */
    | "dmo"
    /** BITSEA. */
    | "bitsea"
    /** KIVPA. */
    | "kivpa";

/** Why an instrument result could not be used (PS-UNUSABLE). */
export type UnusableReason =
    /** The instrument was used outside its age range (PS-INSTRUMENT). */
    | "outside-age-range"
    /**
     * Another version of the instrument is the one for this age, e.g.
     * the SDQ parent 4–17 filled in for a child under 4.
     */
    | "wrong-version"
    /**
     * The total cannot be scored: a scale has fewer than three of its
     * five items answered (PS-SDQ-SCORE).
     */
    | "incomplete";

/** The screening result of one instrument. */
export interface InstrumentResult {
    /** Instrument. */
    instrument: InstrumentKind;
    /**
     * False when the result cannot be used (see `unusable`): then it
     * gives no level and neither lowers nor raises the overall level.
     */
    valid: boolean;
    /** Level it maps to; none when not valid. */
    level: Level | null;
    /** Band, when the instrument has bands. */
    band: Band | null;
    /**
     * SDQ scores, for the SDQ (the scales that could be scored, also
     * when the total could not).
     */
    sdq: SdqScores | null;
    /** Why the result could not be used; none when it is valid. Since 0.2.0. */
    unusable: UnusableReason | null;
}

/** Answers along the meldcode (§5). */
export type MeldcodeConclusion =
    /** MC-Q1: no suspicion; close and record. */
    | "close"
    /** Suspicion under assessment: walk steps 1 to 4 first. */
    | "assess"
    /** Help is offered and accepted; monitor (MC-Q5 not yet failed). */
    | "help"
    /** A melding at Veilig Thuis. */
    | "melding";

/** The safety track's result. */
export interface MeldcodeCard {
    /** Conclusion. */
    conclusion: MeldcodeConclusion;
    /** Contact Veilig Thuis at step 2 at once (honour-related violence, forced marriage, FGM). */
    veiligThuisAtStepTwo: boolean;
    /** Acute unsafety (MC-Q2). */
    acute: boolean;
    /** The next meldcode step to take (1 to 5). */
    nextStep: number;
}

/** Result of the screening stage. */
export interface ScreeningCard {
    /** Overall level. */
    level: Level;
    /** Action on the ladder, or S when the meldcode track applies. */
    action: Action;
    /**
     * The ladder's action for the child's own concerns (A0 to A3, or
     * reassess), whatever the safety track says: equal to `action`
     * unless that is S. With S the child's own route is still proposed
     * beside the safety route (IN-SAFETY). Since 0.2.0.
     */
    childAction: Action;
    /** The risk card. */
    riskCard: RiskCard;
    /** Instrument results. */
    instruments: InstrumentResult[];
    /** Safety track, when there is any safety signal. */
    meldcode: MeldcodeCard | null;
    /** One-line summary. */
    summary: string;
    /** Warnings (e.g. instrument outside its age). */
    warnings: Reason[];
    /** Reasons with rule ids. */
    reasons: Reason[];
}

/** Partners a case can be routed to (§4). */
export type Partner =
    /** JGZ light support (advice, extra contact, opvoedondersteuning, video-feedback). */
    | "jgz-light-support"
    /** The jeugdarts of the JGZ team. */
    | "jeugdarts"
    /** Sociaal wijkteam / CJG / ouder-kindteam (gemeentelijke toegang). */
    | "wijkteam"
    /** Huisarts. */
    | "huisarts"
    /** POH-jeugd at the huisarts practice. */
    | "poh-jeugd"
    /** Jeugd-GGZ (basis or specialised). */
    | "jeugd-ggz"
    /** Infant Mental Health / young-child consultation. */
    | "imh-consultation"
    /** Kinderarts or medisch specialist. */
    | "kinderarts"
    /** Kinderopvang or peuterspeelzaal. */
    | "kinderopvang"
    /** Primary school care structure (leerkracht, intern begeleider, zorgteam). */
    | "primary-school"
    /** Secondary school mentor. */
    | "school-mentor"
    /** Secondary school zorgteam via the zorgcoördinator. */
    | "school-zorgteam"
    /** Algemeen maatschappelijk werk. */
    | "amw"
    /** Volwassenen-GGZ or verslavingszorg for a parent, via the parent's huisarts. */
    | "parent-ggz"
    /** Veilig Thuis, for advice. */
    | "veilig-thuis-advice"
    /** Veilig Thuis, for a melding. */
    | "veilig-thuis-melding"
    /** Verwijsindex. */
    | "verwijsindex"
    /** Gecertificeerde instelling. */
    | "gecertificeerde-instelling";

/** What kind of step a route is. */
export type RouteKind =
    /** JGZ keeps the case and acts itself. */
    | "support"
    /** Ask for information (e.g. the school's view). */
    | "information"
    /** Consult without handing over the case. */
    | "consultation"
    /** Hand the case over. */
    | "referral"
    /** Advice from Veilig Thuis. */
    | "advice"
    /** A melding at Veilig Thuis. */
    | "melding"
    /** Coordination: one family, one plan; Verwijsindex. */
    | "coordination";

/** Urgency (RT-URGENCY). */
export type Urgency =
    /** At once: acute unsafety. */
    | "immediate"
    /** Within five working days: safety assessment, Veilig Thuis. */
    | "within-five-working-days"
    /** Soon: referral. */
    | "soon"
    /** At the next regular contact. */
    | "next-contact";

/** iJw/CBS verwijzer code (RT-AUTHORITY). */
export type Verwijzer =
    /** 01 Gemeente. */
    | "gemeente"
    /** 02 Huisarts. */
    | "huisarts"
    /** 03 Jeugdarts. */
    | "jeugdarts"
    /** 04 Gecertificeerde instelling. */
    | "gecertificeerde-instelling"
    /** 05 Medisch specialist. */
    | "medisch-specialist"
    /** 06 Zelfverwijzer / geen verwijzer. */
    | "zelfverwijzer"
    /** 07 Onbekend. */
    | "onbekend"
    /** 08 Rechter, RvdK or OvJ. */
    | "rechter";

/** How a case changes hands (RT-WARM). */
export type Handover =
    /** The case does not change hands. */
    | "none"
    /** Warm handover: a joint contact with the family. */
    | "warm"
    /** Written handover because the family declined a warm one. */
    | "written";

/** Why information would travel to a recipient. */
export type Purpose =
    /** Delivering the same care (CS-DIRECT). */
    | "direct-care"
    /** Medical referral or its feedback (CS-REFERRAL). */
    | "medical-referral"
    /** Referral to a non-medical partner. */
    | "referral"
    /** Consultation without handing over. */
    | "consultation"
    /** Consulting school or childcare about the child (CS-SCHOOL). */
    | "school-consultation"
    /** Anonymous advice from Veilig Thuis (CS-VT-ADVICE). */
    | "veilig-thuis-advice"
    /** Melding at Veilig Thuis (CS-VT-MELDING). */
    | "veilig-thuis-melding"
    /** Information for a GI's ondertoezichtstelling (CS-GI). */
    | "gi-supervision"
    /** Coordination (one family, one plan). */
    | "coordination"
    /**
     * A signal in the Verwijsindex risicojongeren: only that JGZ is
     * involved, never what is going on (CS-VIR). Since 0.2.0.
     */
    | "verwijsindex-signal"
    /**
     * A parent's own care: a referral of the parent for their own
     * problems, or aligning with the parent's treater (CS-OWN-CARE). Since 0.2.0.
     */
    | "parent-own-care";

/** Categories of data that may travel (CS-MINIMAL). */
export type DataCategory =
    /** Contact details of child and parents. */
    | "contact-details"
    /** A short summary of the concern. */
    | "concern-summary"
    /** Screening level, action and instrument bands. */
    | "screening-result"
    /** Item-level instrument scores. */
    | "instrument-scores"
    /** Risk and protective factors. */
    | "risk-factors"
    /** Safety signals and meldcode steps taken. */
    | "safety-signals"
    /** Medical data. */
    | "medical-data"
    /** Family circumstances (debts, housing). */
    | "family-circumstances";

/** One disclosure a route needs: who, why, what. */
export interface DisclosureRequest {
    /** Recipient. */
    recipient: Partner;
    /** Purpose. */
    purpose: Purpose;
    /** Data categories the route needs. */
    data: DataCategory[];
}

/** One recommended next step. */
export interface Route {
    /** Where to. */
    partner: Partner;
    /** What kind of step. */
    kind: RouteKind;
    /** How urgent. */
    urgency: Urgency;
    /** Verwijzer code, required on every route to jeugdhulp (RT-AUTHORITY). */
    verwijzer: Verwijzer | null;
    /** Handover style. */
    handover: Handover;
    /** Local name or contact route from the region's configuration. */
    localName: string | null;
    /** The conversation to have with parents and youth first (G-SHARED). */
    conversation: string;
    /** Disclosure this route needs, checked by the consent stage. */
    disclosure: DisclosureRequest | null;
    /** Reasons with rule ids. */
    reasons: Reason[];
}

/** Result of the routing stage. */
export interface RoutingCard {
    /** Recommended steps, most urgent first. */
    routes: Route[];
    /** One family, one plan (RT-MULTI). */
    onePlan: boolean;
    /** Who coordinates care when `one-plan` is set. */
    careCoordinator: string | null;
    /** Overall urgency. */
    urgency: Urgency;
    /** One-line summary. */
    summary: string;
    /** Warnings. */
    warnings: Reason[];
    /** Reasons with rule ids. */
    reasons: Reason[];
}

/** Outcome of one consent check (§3), from least to most strict. */
export type ConsentOutcome =
    /** May go, on the recorded legal basis. */
    | "permitted"
    /** May go once the named consent is recorded. */
    | "needs-consent"
    /** May go only without identifiers. */
    | "anonymous-only"
    /** Not decided automatically: professional judgement required. */
    | "professional-judgement"
    /** May not go. */
    | "denied";

/** Result of one consent check. */
export interface ConsentCard {
    /** The request it answers. */
    request: DisclosureRequest;
    /** Outcome. */
    outcome: ConsentOutcome;
    /** Legal basis when permitted. */
    legalBasis: string | null;
    /** Whose consent is needed (for needs-consent) or was used. */
    consentOf: Party[];
    /** Who must be informed. */
    inform: Party[];
    /** Data categories that may go: need-to-know only. */
    permittedData: DataCategory[];
    /** Checklist for professional judgement. */
    checklist: string[];
    /** Reasons with rule ids. */
    reasons: Reason[];
}

