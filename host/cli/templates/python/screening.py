"""Region {{name}}'s screening component for wegwijs: how serious a case is in
this region (risk card, instruments, overall level) and which rung of the
action ladder it takes.

componentize-py builds this module (see build.sh) into a WebAssembly
component of the ``screening-stage`` world: it exports
``wegwijs:jgz/screening@0.2.1`` and imports only ``wegwijs:jgz/host@0.2.1``
(``host.config`` reads the region's ``[config]``, ``host.language`` the
reader's language, ``host.log`` writes a log record) and the shared types.

The host runs the national guideline's screening first and calls ``screen``
with the guideline's card as ``reference``; the card ``screen`` returns is
the one that stands for signals from the region's gemeenten. It starts out
as the guideline itself: the reference card unchanged, plus one reason
citing ``RULE`` that says the region agrees. The region's own rules go in
``apply_region_rules``; the cases in ``../cases/`` say what they must do.

Whatever this returns, the host holds the guideline's floors downstream:
acute unsafety always leads to an immediate Veilig Thuis melding
(G-SAFETY), every referral to jeugdhulp carries a verwijzer that may refer
(G-AUTHORITY), and an exception, a timeout or an output over the limits is a
fault after which the guideline's card stands (G-NO-DROP). The routing that
follows reads this card's level and action.

Every text is for a JGZ professional, in the language the reader asked
for: ``host.language()`` answers ``nl`` (the default) or ``en``, and
``say(nl, en)`` below picks the sentence in it; docs/glossary.md in the
wegwijs repository gives every code its Dutch and English words. A
component may instead write one language only and declare it in
``region.toml`` (``[region] language = "en"``); the card then tells the
reader which texts are in which language.

WASI is stubbed out (``--stub-wasi``): never open files, read the clock or
draw random numbers here; the call would trap. ``print`` writes to the
host's log (guest.py), and ``boundary`` (guest.py) writes an exception's
type, message and innermost frames to the log before the component traps.
"""

from typing import Callable, Dict, Optional, Tuple

from guest import boundary
from wit_world import exports
from wit_world.imports import host
from wit_world.imports.types import Action, ChildCase, IntakeCard, Level, Reason, RiskCard, ScreeningCard

# The rule id of this region's screening rules. Rule ids are upper-case
# letters, digits and dashes; a region cites ids in its own namespace (add
# more as rules arrive, e.g. "{{PREFIX}}-SPARK"), so every decision shows
# where and why the region departed from the guideline.
RULE = "{{PREFIX}}-SCREENING"

# Cited when the host has no guideline card to pass in, which happens only
# when the guideline's own screening failed for the case.
NO_REFERENCE = "{{PREFIX}}-NO-REFERENCE"

# Levels of concern and the rungs of the action ladder, in Dutch and
# English, by WIT name (docs/glossary.md in the wegwijs repository lists the
# words for every code).
LEVEL = {
    "unknown": ("onbekend", "unknown"),
    "none": ("geen zorg", "none"),
    "attention": ("aandacht", "attention"),
    "concern": ("zorg", "concern"),
    "high": ("hoog", "high"),
    "safety": ("onveiligheid", "safety"),
}
ACTION = {
    "reassess": ("opnieuw beoordelen", "reassess"),
    "a0": ("A0", "A0"),
    "a1": ("A1", "A1"),
    "a2": ("A2", "A2"),
    "a3": ("A3", "A3"),
    "s": ("S", "S"),
}


class Screening(exports.Screening):
    """The exported ``screening`` interface."""

    @boundary
    def screen(self, child: ChildCase, intake: IntakeCard, reference: Optional[ScreeningCard]) -> ScreeningCard:
        """Screens one case for region {{name}}.

        ``child`` is the de-identified case (a pseudonym, an age and codes;
        never a name, BSN, address or birth date), ``intake`` the intake
        card, and ``reference`` the national guideline's screening card for
        this case. The host passes a fresh copy for every call, so it may be
        changed in place.
        """
        if reference is None:
            return without_reference(intake)
        apply_region_rules(child, intake, host.config, reference)
        return reference


def apply_region_rules(
    child: ChildCase, intake: IntakeCard, config: Callable[[str], Optional[str]], card: ScreeningCard
) -> None:
    """The region's own screening rules, applied to the guideline's card.

    A rule reads the case, the intake card and the configuration (for
    example ``config("screening.spark-verhoogd-is-concern")``), changes
    ``card`` (raises the level, moves the action up the ladder, adds a
    warning) and appends a ``Reason`` citing its rule id, in a sentence a
    professional can read, in the reader's language (``say("Dutch",
    "English")``). Keep ``summary`` in step with the level and action.

    Until the region has rules of its own it agrees with the guideline, and
    says so on the card.
    """
    level, action = term(LEVEL, card.level), term(ACTION, card.action)
    card.reasons.append(
        Reason(
            rule=RULE,
            text=say(
                f"Regio {{name}} volgt voor deze casus de screening van de landelijke richtlijn: de kaart is die van "
                f"de richtlijn, ongewijzigd (niveau {level}, actie {action}).",
                f"Region {{name}} agrees with the national guideline's screening for this case: the card is the "
                f"guideline's, unchanged (level {level}, action {action}).",
            ),
        )
    )


def without_reference(intake: IntakeCard) -> ScreeningCard:
    """The card when the host passes no guideline card: this component only
    adjusts the guideline's screening, so without it the case stays with the
    JGZ (level attention, action A1) unless intake flagged acute unsafety
    (level safety, the meldcode track), with a warning to screen it by hand.
    """
    level, action = (Level.SAFETY, Action.S) if intake.safety_flag else (Level.ATTENTION, Action.A1)
    return ScreeningCard(
        level=level,
        action=action,
        # Without the guideline's ladder the child stays with the JGZ (A1).
        child_action=Action.A1,
        risk_card=RiskCard(
            risk_factors=[],
            protective_factors=[],
            level=Level.NONE,
            table=say(
                "geen: de screening van de richtlijn ontbreekt", "none: the guideline's screening result is missing"
            ),
        ),
        instruments=[],
        meldcode=None,
        summary=say(
            "Niet gescreend: de screening van de richtlijn ontbreekt; beoordeel zelf hoe ernstig deze casus is.",
            "Not screened: the guideline's screening result is missing; screen this case by hand.",
        ),
        warnings=[
            Reason(
                rule=NO_REFERENCE,
                text=say(
                    "De host gaf geen screeningskaart van de richtlijn mee; regio {{name}} past alleen die kaart "
                    "aan, dus de casus blijft bij de JGZ. Beoordeel zelf hoe ernstig deze casus is.",
                    "The host passed no guideline screening card; region {{name}} only adjusts that card, so the "
                    "case stays with the JGZ. Screen it by hand.",
                ),
            )
        ],
        reasons=[],
    )


def wit_name(case) -> str:
    """An enum case's WIT name, as decisions and case files spell it (``A1`` is ``a1``)."""
    return case.name.lower().replace("_", "-")


def say(nl: str, en: str) -> str:
    """The text in the language the reader asked for: ``nl`` in Dutch (the
    default), ``en`` in English. Write every sentence in both."""
    return en if host.language() == "en" else nl


def term(words: Dict[str, Tuple[str, str]], case) -> str:
    """The Dutch or English word for an enum case from ``words`` (WIT name to
    ``(nl, en)``), in the reader's language; the code itself if it is missing."""
    nl, en = words.get(wit_name(case), (f"`{wit_name(case)}`", f"`{wit_name(case)}`"))
    return say(nl, en)
