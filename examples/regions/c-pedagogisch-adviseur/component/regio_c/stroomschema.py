"""The stroomschema of region C as data: which question goes where.

Gemeente C in the research report (Partners in jeugdbeleid, "Nader onderzoek
jeugdgezondheidszorg en jeugdhulp", section 1.3) drew up a stroomschema that
tells professionals with which question they go to the JGZ, the sociaal
wijkteam or Veilig Thuis. A pedagogisch adviseur of the GGD takes part in the
wijkteam's aanmeldoverleg and takes on the single-issue questions herself;
a case she brings in and a wijkteam worker picks up starts with a joint home
visit, the warm handover.

This module holds that stroomschema as rows. The engine in ``apply.py`` only
reads them: a policy change is a change of a row here, not of the engine.
Every row names the region rule it stands for (``REGIO-C-...``) and the
sentence a professional reads in the decision.

The rows work on the national guideline's routing card (the ``reference``
the host passes in): each row picks the routes to one partner of one kind
and says what region C does with them. Rows never touch a Veilig Thuis route.
"""

from dataclasses import dataclass
from enum import Enum

from wit_world.imports.types import Action, Domain, InstrumentKind, Level, Partner, RouteKind, Urgency

#: Name and version of the local agreement this table transcribes.
PROVENANCE = "Stroomschema Jeugd Gemeente C (research report section 1.3), wegwijs example table r1"


class Question(Enum):
    """The kind of question the stroomschema distinguishes (its first column)."""

    SINGLE = "single-issue psychosocial or parenting question"
    """One concern domain, psychosocial or parent-child: the pedagogisch adviseur's remit."""

    MULTI = "question in several domains"
    """Two or more concern domains, a high risk card, or two or more helpers already involved."""

    OTHER = "question outside the pedagogisch adviseur's remit"
    """One other domain (development, school, medical, ...) or none recognised."""

    SAFETY = "safety question"
    """Action S: the meldcode track leads and Veilig Thuis is the partner."""


class Step(Enum):
    """What a row does to the routes it selects."""

    REPLACE_BY_ADVISEUR = "replace the selected route by light support from the pedagogisch adviseur"
    GIVEN_BY_ADVISEUR = "light support is given by the pedagogisch adviseur (added when the guideline has none)"
    GIVEN_BY_JGZ_TEAM = "light support is given by the JGZ team itself"
    VIA_AANMELDOVERLEG = "the pedagogisch adviseur brings the case into the wijkteam's aanmeldoverleg"
    JOINT_HOME_VISIT = "the referral starts with a joint home visit of the pedagogisch adviseur and the wijkteam"
    CONFIRM = "the route stands as the guideline proposes it; the row explains why it fits region C"


#: Single-issue questions the pedagogisch adviseur takes on herself.
ADVISEUR_DOMAINS = frozenset({Domain.PSYCHOSOCIAL, Domain.PARENT_CHILD})

#: Psychosocial screening instruments. A valid result above the normal range
#: makes the question psychosocial when no concern code names a domain.
PSYCHOSOCIAL_INSTRUMENTS = frozenset({InstrumentKind.SDQ, InstrumentKind.BITSEA, InstrumentKind.KIVPA})

#: From this risk card level on, the question counts as one in several domains
#: (RK-MULTI-DOMAIN: a red factor or 4+ factors spread over domains).
MULTI_RISK_LEVEL = Level.HIGH

#: From this many helpers already involved, the question counts as one in
#: several domains (the guideline's RT-MULTI threshold).
MULTI_HELPERS = 2

#: Urgency of light support the region adds, per action, when it replaces no
#: route whose urgency it could take over (the guideline's RT-URGENCY rows).
ADDED_SUPPORT_URGENCY = {Action.A1: Urgency.NEXT_CONTACT, Action.A2: Urgency.SOON}

#: The configuration the stroomschema reads: per field of ``card.Settings``,
#: the key in the region's ``[config]`` and the value used when it is unset.
SETTINGS = {
    "adviseur": ("partners.jgz-light-support.name", "Pedagogisch adviseur GGD"),
    "jgz_team": ("stroomschema.jgz-team", "JGZ-team GGD"),
    "wijkteam": ("partners.wijkteam.name", "the sociaal wijkteam"),
    "aanmeldoverleg": ("stroomschema.aanmeldoverleg", "weekly"),
}

#: Card-level rule ids.
RULE_STROOMSCHEMA = "REGIO-C-STROOMSCHEMA"
RULE_VEILIG_THUIS = "REGIO-C-VEILIG-THUIS"
RULE_NO_REFERENCE = "REGIO-C-GEEN-REFERENTIE"

#: Every kind of question but safety: rows with it never act on a safety case.
NOT_SAFETY = frozenset({Question.SINGLE, Question.MULTI, Question.OTHER})


@dataclass(frozen=True)
class Row:
    """One row of the stroomschema.

    The row applies when the case's question is one of ``questions`` and the
    screening's action is one of ``actions``. It then acts, with ``step``, on
    the guideline's route to ``partner`` of ``kind``. ``rule`` and ``text``
    become the reason on every route the row changes. ``wijkteam_worker`` is
    who picks the case up at the wijkteam, for the joint home visit.
    """

    questions: frozenset
    actions: frozenset
    partner: Partner
    kind: RouteKind
    step: Step
    rule: str
    text: str
    wijkteam_worker: str = ""


#: The stroomschema, applied top to bottom. Rows for the same route run in
#: this order, so a replacement comes before the row that describes the
#: route replacing it.
ROWS = (
    Row(
        questions=frozenset({Question.SINGLE}),
        actions=frozenset({Action.A2}),
        partner=Partner.WIJKTEAM,
        kind=RouteKind.CONSULTATION,
        step=Step.REPLACE_BY_ADVISEUR,
        rule=RULE_STROOMSCHEMA,
        text=(
            "Stroomschema Gemeente C: a single-issue psychosocial or parenting question stays with the JGZ, "
            "so the guideline's consultation of the wijkteam is replaced by light support from the pedagogisch "
            "adviseur of the GGD. She takes part in the wijkteam's aanmeldoverleg herself and brings the case in "
            "there if it turns out to touch more than one domain."
        ),
    ),
    Row(
        questions=frozenset({Question.SINGLE}),
        actions=frozenset({Action.A1, Action.A2}),
        partner=Partner.JGZ_LIGHT_SUPPORT,
        kind=RouteKind.SUPPORT,
        step=Step.GIVEN_BY_ADVISEUR,
        rule="REGIO-C-PEDAGOGISCH-ADVISEUR",
        text=(
            "In Gemeente C the pedagogisch adviseur of the GGD takes on the single-issue psychosocial and "
            "parenting questions: advice, a few conversations or opvoedondersteuning, at home if the family "
            "wishes. The case stays with the JGZ."
        ),
    ),
    Row(
        questions=frozenset({Question.MULTI, Question.OTHER}),
        actions=frozenset({Action.A1}),
        partner=Partner.JGZ_LIGHT_SUPPORT,
        kind=RouteKind.SUPPORT,
        step=Step.GIVEN_BY_JGZ_TEAM,
        rule=RULE_STROOMSCHEMA,
        text=(
            "Stroomschema Gemeente C: the pedagogisch adviseur takes on single-issue psychosocial and parenting "
            "questions only; light support for this question is given by the JGZ team itself "
            "(jeugdverpleegkundige or jeugdarts)."
        ),
    ),
    Row(
        questions=frozenset({Question.MULTI}),
        actions=frozenset({Action.A2}),
        partner=Partner.WIJKTEAM,
        kind=RouteKind.CONSULTATION,
        step=Step.VIA_AANMELDOVERLEG,
        rule="REGIO-C-AANMELDOVERLEG",
        text=(
            "Stroomschema Gemeente C: a question in several domains (gezinsproblematiek) goes to the wijkteam. "
            "The pedagogisch adviseur brings it into the wijkteam's aanmeldoverleg, where the wijkteam asks the "
            "parents' consent to use the relevant part of the JGZ file; the case stays with the JGZ until the "
            "wijkteam takes it on."
        ),
    ),
    Row(
        questions=frozenset({Question.OTHER}),
        actions=frozenset({Action.A2}),
        partner=Partner.WIJKTEAM,
        kind=RouteKind.CONSULTATION,
        step=Step.VIA_AANMELDOVERLEG,
        rule="REGIO-C-AANMELDOVERLEG",
        text=(
            "Stroomschema Gemeente C: a question outside the pedagogisch adviseur's own remit (for example "
            "development) that is not clearly serious is brought into the wijkteam's aanmeldoverleg by the "
            "pedagogisch adviseur; the case stays with the JGZ until the wijkteam takes it on."
        ),
    ),
    Row(
        questions=frozenset({Question.SINGLE, Question.OTHER}),
        actions=frozenset({Action.A3}),
        partner=Partner.WIJKTEAM,
        kind=RouteKind.REFERRAL,
        step=Step.JOINT_HOME_VISIT,
        rule="REGIO-C-WARME-OVERDRACHT",
        text=(
            "Gemeente C: the pedagogisch adviseur brings the referral into the wijkteam's aanmeldoverleg. For a "
            "single question a jeugdconsulent picks it up (one or two conversations, and the beschikking when "
            "jeugdhulp is needed)."
        ),
        wijkteam_worker="jeugdconsulent",
    ),
    Row(
        questions=frozenset({Question.MULTI}),
        actions=frozenset({Action.A3}),
        partner=Partner.WIJKTEAM,
        kind=RouteKind.REFERRAL,
        step=Step.JOINT_HOME_VISIT,
        rule="REGIO-C-WARME-OVERDRACHT",
        text=(
            "Gemeente C: the pedagogisch adviseur brings the referral into the wijkteam's aanmeldoverleg. A "
            "question in several domains is picked up by a jeugdhulpverlener of the wijkteam, who supports the "
            "family and also coordinates the care (regie)."
        ),
        wijkteam_worker="jeugdhulpverlener",
    ),
    Row(
        questions=NOT_SAFETY,
        actions=frozenset({Action.A3}),
        partner=Partner.JEUGD_GGZ,
        kind=RouteKind.REFERRAL,
        step=Step.CONFIRM,
        rule="REGIO-C-GGZ-DIRECT",
        text=(
            "Gemeente C: when the problem is clearly serious the jeugdarts refers to jeugd-GGZ directly, so this "
            "referral stands as the guideline proposes it, with its verwijzer code and warm handover; it does not "
            "go through the aanmeldoverleg."
        ),
    ),
)

#: The sentence on the card when the guideline proposes a Veilig Thuis route.
VEILIG_THUIS_TEXT = (
    "Stroomschema Gemeente C: safety questions go to Veilig Thuis along the meldcode; the guideline's Veilig "
    "Thuis route(s) are kept exactly as proposed, and the pedagogisch adviseur does not take them over."
)

#: Partners whose routes the region never changes.
VEILIG_THUIS = frozenset({Partner.VEILIG_THUIS_ADVICE, Partner.VEILIG_THUIS_MELDING})
