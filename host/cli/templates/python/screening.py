"""Region {{name}}'s screening component for wegwijs: how serious a case is in
this region (risk card, instruments, overall level) and which rung of the
action ladder it takes.

componentize-py builds this module (see build.sh) into a WebAssembly
component of the ``screening-stage`` world: it exports
``wegwijs:jgz/screening@0.2.0`` and imports only ``wegwijs:jgz/host@0.2.0``
(``host.config`` reads the region's ``[config]``, ``host.log`` writes a log
record) and the shared types.

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

WASI is stubbed out (``--stub-wasi``): never print, open files, read the
clock or draw random numbers here; the call would trap.
"""

from typing import Callable, Optional

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


class Screening(exports.Screening):
    """The exported ``screening`` interface."""

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
    professional can read. Keep ``summary`` in step with the level and
    action.

    Until the region has rules of its own it agrees with the guideline, and
    says so on the card.
    """
    card.reasons.append(
        Reason(
            rule=RULE,
            text=f"Region {{name}} agrees with the national guideline's screening for this case: the card is the "
            f"guideline's, unchanged (level {wit_name(card.level)}, action {wit_name(card.action)}).",
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
            table="none: the guideline's screening result is missing",
        ),
        instruments=[],
        meldcode=None,
        summary="Not screened: the guideline's screening result is missing; screen this case by hand.",
        warnings=[
            Reason(
                rule=NO_REFERENCE,
                text="The host passed no guideline screening card; region {{name}} only adjusts that card, so the "
                "case stays with the JGZ. Screen it by hand.",
            )
        ],
        reasons=[],
    )


def wit_name(case) -> str:
    """An enum case's WIT name, as decisions and case files spell it (``A1`` is ``a1``)."""
    return case.name.lower().replace("_", "-")
