"""Region {{name}}'s routing component for wegwijs: where a case goes next in
this region, how urgently, and with which verwijzer.

componentize-py builds this module (see build.sh) into a WebAssembly
component of the ``routing-stage`` world: it exports
``wegwijs:jgz/routing@0.2.1`` and imports only ``wegwijs:jgz/host@0.2.1``
(``host.config`` reads the region's ``[config]``, ``host.language`` the
reader's language, ``host.log`` writes a log record) and the shared types.

The host runs the national guideline's routing first and calls ``route``
with the guideline's card as ``reference``; the card ``route`` returns is the
one that stands for signals from the region's gemeenten. It starts out as
the guideline itself: the reference card unchanged, plus one reason citing
``RULE`` that says the region agrees. The region's own rules go in
``apply_region_rules``; the cases in ``../cases/`` say what they must do.

Whatever this returns, the host holds the guideline's floors: acute
unsafety always keeps an immediate Veilig Thuis melding (G-SAFETY), every
referral to jeugdhulp carries a verwijzer that may refer (G-AUTHORITY),
routes are sorted most urgent first, and an exception, a timeout or an
output over the limits is a fault after which the guideline's card stands
(G-NO-DROP).

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
from wit_world.imports.types import ChildCase, IntakeCard, Reason, RoutingCard, ScreeningCard, Urgency

# The rule id of this region's routing rules. Rule ids are upper-case
# letters, digits and dashes; a region cites ids in its own namespace (add
# more as rules arrive, e.g. "{{PREFIX}}-HUB"), so every decision shows where
# and why the region departed from the guideline.
RULE = "{{PREFIX}}-ROUTING"

# Cited when the host has no guideline card to pass in, which happens only
# when the guideline's own routing failed for the case.
NO_REFERENCE = "{{PREFIX}}-NO-REFERENCE"

# How soon, in Dutch and English, by WIT name (docs/glossary.md in the
# wegwijs repository lists the words for every code).
URGENCY = {
    "immediate": ("direct", "immediately"),
    "within-five-working-days": ("binnen vijf werkdagen", "within five working days"),
    "soon": ("binnenkort", "soon"),
    "next-contact": ("bij het volgende contact", "at the next contact"),
}


class Routing(exports.Routing):
    """The exported ``routing`` interface."""

    @boundary
    def route(
        self,
        child: ChildCase,
        intake: IntakeCard,
        screening: ScreeningCard,
        reference: Optional[RoutingCard],
    ) -> RoutingCard:
        """Routes one case for region {{name}}.

        ``child`` is the de-identified case (a pseudonym, an age and codes;
        never a name, BSN, address or birth date), ``intake`` and
        ``screening`` the cards of the earlier stages, and ``reference`` the
        national guideline's routing card for this case. The host passes a
        fresh copy for every call, so it may be changed in place.
        """
        if reference is None:
            return without_reference()
        apply_region_rules(child, intake, screening, host.config, reference)
        return reference


def apply_region_rules(
    child: ChildCase,
    intake: IntakeCard,
    screening: ScreeningCard,
    config: Callable[[str], Optional[str]],
    card: RoutingCard,
) -> None:
    """The region's own routing rules, applied to the guideline's card.

    A rule reads the case, the earlier cards and the configuration (for
    example ``config("partners.wijkteam.name")``), changes ``card`` (adds,
    drops or changes routes, sets ``local_name``, changes the urgency) and
    appends a ``Reason`` citing its rule id to every route it changed and to
    the card, in a sentence a professional can read, in the reader's
    language (``say("Dutch", "English")``). Keep the routes most
    urgent first, give every route to jeugdhulp a verwijzer, and leave the
    Veilig Thuis routes alone: the host restores them anyway.

    Until the region has rules of its own it agrees with the guideline, and
    says so on the card.
    """
    # "route" and "routes" are the same word in Dutch and English.
    routes = "1 route" if len(card.routes) == 1 else f"{len(card.routes)} routes"
    urgency = term(URGENCY, card.urgency)
    card.reasons.append(
        Reason(
            rule=RULE,
            text=say(
                f"Regio {{name}} volgt voor deze casus de routering van de landelijke richtlijn: de kaart is die van "
                f"de richtlijn, ongewijzigd ({routes}, urgentie: {urgency}).",
                f"Region {{name}} agrees with the national guideline's routing for this case: the card is the "
                f"guideline's, unchanged ({routes}, urgency: {urgency}).",
            ),
        )
    )


def without_reference() -> RoutingCard:
    """The card when the host passes no guideline card: this component only
    adjusts the guideline's routes, so without them it proposes none and
    asks for the case to be routed by hand.
    """
    return RoutingCard(
        routes=[],
        one_plan=False,
        care_coordinator=None,
        urgency=Urgency.NEXT_CONTACT,
        summary=say(
            "Geen routes: de routering van de richtlijn ontbreekt; bepaal zelf waar deze casus heen gaat.",
            "No routes: the guideline's routing result is missing; route this case by hand.",
        ),
        warnings=[
            Reason(
                rule=NO_REFERENCE,
                text=say(
                    "De host gaf geen routeringskaart van de richtlijn mee; regio {{name}} past alleen die kaart aan "
                    "en stelt daarom geen route voor. Bepaal zelf waar deze casus heen gaat.",
                    "The host passed no guideline routing card; region {{name}} only adjusts that card, so it "
                    "proposes no route. Route this case by hand.",
                ),
            )
        ],
        reasons=[],
    )


def wit_name(case) -> str:
    """An enum case's WIT name, as decisions and case files spell it (``NEXT_CONTACT`` is ``next-contact``)."""
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
