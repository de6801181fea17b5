"""Region {{name}}'s intake component for wegwijs: how a signal is read in this
region (its source, age band, concern domains and safety flag), and whether
it is accepted for screening.

componentize-py builds this module (see build.sh) into a WebAssembly
component of the ``intake-stage`` world: it exports
``wegwijs:jgz/intake@0.2.1`` and imports only ``wegwijs:jgz/host@0.2.1``
(``host.config`` reads the region's ``[config]``, ``host.language`` the
reader's language, ``host.log`` writes a log record) and the shared types.

The host runs the national guideline's intake first and calls ``assess``
with the guideline's card as ``reference``; the card ``assess`` returns is
the one that stands for signals from the region's gemeenten. It starts out
as the guideline itself: the reference card unchanged, plus one reason
citing ``RULE`` that says the region agrees. The region's own rules go in
``apply_region_rules``; the cases in ``../cases/`` say what they must do.

Whatever this returns, the host holds the guideline's floors: a signal the
guideline accepts cannot be closed by the region (G-NO-DROP), acute
unsafety in the signal or seen by the guideline's intake always leads to an
immediate Veilig Thuis melding even if the region clears the safety flag
(G-SAFETY), and an exception, a timeout or an output over the limits is a
fault after which the guideline's card stands.

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

from typing import Callable, Optional

from guest import boundary
from wit_world import exports
from wit_world.imports import host
from wit_world.imports.types import ChildCase, IntakeCard, IntakeOutcome, Reason, SourceKind

# The rule id of this region's intake rules. Rule ids are upper-case letters,
# digits and dashes; a region cites ids in its own namespace (add more as
# rules arrive, e.g. "{{PREFIX}}-LOCAL-CODES"), so every decision shows where
# and why the region departed from the guideline.
RULE = "{{PREFIX}}-INTAKE"

# Cited when the host has no guideline card to pass in, which happens only
# when the guideline's own intake failed for the case.
NO_REFERENCE = "{{PREFIX}}-NO-REFERENCE"


class Intake(exports.Intake):
    """The exported ``intake`` interface."""

    @boundary
    def assess(self, child: ChildCase, reference: Optional[IntakeCard]) -> IntakeCard:
        """Assesses one signal for region {{name}}.

        ``child`` is the de-identified case (a pseudonym, an age and codes;
        never a name, BSN, address or birth date) and ``reference`` the
        national guideline's intake card for this case. The host passes a
        fresh copy for every call, so it may be changed in place.
        """
        if reference is None:
            return without_reference(child)
        apply_region_rules(child, host.config, reference)
        return reference


def apply_region_rules(child: ChildCase, config: Callable[[str], Optional[str]], card: IntakeCard) -> None:
    """The region's own intake rules, applied to the guideline's card.

    A rule reads the case and the configuration (for example
    ``config("intake.extra-domains")``), changes ``card`` (recognises a local
    concern code, adds a domain, adds a warning) and appends a ``Reason``
    citing its rule id, in a sentence a professional can read, in the
    reader's language (``say("Dutch", "English")``). Keep ``domains`` in
    canonical order without duplicates.

    Until the region has rules of its own it agrees with the guideline, and
    says so on the card.
    """
    n = len(card.domains)
    domains = say("1 domein", "1 domain") if n == 1 else say(f"{n} domeinen", f"{n} domains")
    if card.outcome == IntakeOutcome.ACCEPTED:
        outcome = say("signaal aangenomen", "signal accepted")
    else:
        outcome = say("signaal afgesloten", "signal closed")
    card.reasons.append(
        Reason(
            rule=RULE,
            text=say(
                f"Regio {{name}} volgt voor deze casus de intake van de landelijke richtlijn: de kaart is die van de "
                f"richtlijn, ongewijzigd ({outcome}, {domains}).",
                f"Region {{name}} agrees with the national guideline's intake for this case: the card is the "
                f"guideline's, unchanged ({outcome}, {domains}).",
            ),
        )
    )


def without_reference(child: ChildCase) -> IntakeCard:
    """The card when the host passes no guideline card: this component only
    adjusts the guideline's intake, so without it the signal is accepted as
    it came (never closed), with the safety flag set whenever the signal
    names an acute indicator, and a warning to assess it by hand.
    """
    return IntakeCard(
        outcome=IntakeOutcome.ACCEPTED,
        source=SourceKind.OTHER,
        bds_code=None,
        age_band=None,
        age_months=None,
        domains=[],
        concerns=[],
        safety_flag=len(child.safety_indicators) > 0,
        acute_indicators=[],
        kindcheck_children=None,
        summary=say(
            "Aangenomen zonder de intake van de richtlijn; beoordeel dit signaal zelf.",
            "Accepted without the guideline's intake result; assess this signal by hand.",
        ),
        warnings=[
            Reason(
                rule=NO_REFERENCE,
                text=say(
                    "De host gaf geen intakekaart van de richtlijn mee; regio {{name}} past alleen die kaart aan en "
                    "neemt het signaal daarom aan zoals het binnenkwam. Beoordeel het zelf.",
                    "The host passed no guideline intake card; region {{name}} only adjusts that card, so it "
                    "accepts the signal as it came. Assess it by hand.",
                ),
            )
        ],
        reasons=[],
    )


def wit_name(case) -> str:
    """An enum case's WIT name, as decisions and case files spell it (``ACCEPTED`` is ``accepted``)."""
    return case.name.lower().replace("_", "-")


def say(nl: str, en: str) -> str:
    """The text in the language the reader asked for: ``nl`` in Dutch (the
    default), ``en`` in English. Write every sentence in both."""
    return en if host.language() == "en" else nl
