"""Region {{name}}'s consent component for wegwijs: for every disclosure the
routes need, whether it may go in this region, who must agree and who must
be told.

componentize-py builds this module (see build.sh) into a WebAssembly
component of the ``consent-stage`` world: it exports
``wegwijs:jgz/consent@0.2.1`` and imports only ``wegwijs:jgz/host@0.2.1``
(``host.config`` reads the region's ``[config]``, ``host.language`` the
reader's language, ``host.log`` writes a log record) and the shared types.

The host runs the national guideline's consent checks first and calls
``check`` with the guideline's cards as ``reference``, one per request in the
same order; the cards ``check`` returns are the ones that stand for signals
from the region's gemeenten. They start out as the guideline's own: the
reference cards unchanged, each with one reason citing ``RULE`` that says the
region agrees. The region's own rules go in ``apply_region_rules``; the
cases in ``../cases/`` say what they must do.

Whatever this returns, the host holds the guideline's floors: a region's
card stands only when it is at least as strict as the guideline's
(G-CONSENT), so a region can ask for more consent or share less, never the
opposite; there must be exactly one card per request, for that request; and
an exception, a timeout or an output over the limits is a fault after which
the guideline's cards stand (G-NO-DROP).

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

from typing import Callable, Dict, List, Optional, Tuple

from guest import boundary
from wit_world import exports
from wit_world.imports import host
from wit_world.imports.types import ChildCase, ConsentCard, ConsentOutcome, DisclosureRequest, Reason

# The rule id of this region's consent rules. Rule ids are upper-case
# letters, digits and dashes; a region cites ids in its own namespace (add
# more as rules arrive, e.g. "{{PREFIX}}-SCHOOL"), so every decision shows
# where and why the region departed from the guideline.
RULE = "{{PREFIX}}-CONSENT"

# Cited when the host has no guideline cards to pass in, which happens only
# when the guideline's own consent checks failed for the case.
NO_REFERENCE = "{{PREFIX}}-NO-REFERENCE"

# The outcomes of a consent check, in Dutch and English, by WIT name
# (docs/glossary.md in the wegwijs repository lists the words for every
# code, the partners too).
OUTCOME = {
    "permitted": ("mag gedeeld worden", "permitted"),
    "needs-consent": ("toestemming nodig", "needs consent"),
    "anonymous-only": ("alleen anoniem", "anonymous only"),
    "professional-judgement": ("professionele afweging", "professional judgement"),
    "denied": ("niet delen", "denied"),
}


class Consent(exports.Consent):
    """The exported ``consent`` interface."""

    @boundary
    def check(
        self,
        child: ChildCase,
        requests: List[DisclosureRequest],
        reference: Optional[List[ConsentCard]],
    ) -> List[ConsentCard]:
        """Checks every disclosure request of one case for region {{name}}:
        one card per request, in the same order.

        ``child`` is the de-identified case (a pseudonym, an age and codes;
        never a name, BSN, address or birth date), ``requests`` the
        disclosures the routes need, and ``reference`` the national
        guideline's cards for them. The host passes fresh copies for every
        call, so they may be changed in place.
        """
        if reference is None:
            return [without_reference(request) for request in requests]
        apply_region_rules(child, host.config, reference)
        return reference


def apply_region_rules(child: ChildCase, config: Callable[[str], Optional[str]], cards: List[ConsentCard]) -> None:
    """The region's own consent rules, applied to the guideline's cards.

    A rule reads the case, each card's request and the configuration (for
    example ``config("consent.school-needs-youth")``), makes a card stricter
    (a stricter outcome, more parties whose consent is needed, fewer
    permitted data categories, a checklist item) and appends a ``Reason``
    citing its rule id to that card, in a sentence a professional can read,
    in the reader's language (``say("Dutch", "English")``). Keep one card
    per request, in order.

    Until the region has rules of its own it agrees with the guideline, and
    says so on every card.
    """
    for card in cards:
        recipient = f"`{wit_name(card.request.recipient)}`"
        outcome = term(OUTCOME, card.outcome)
        card.reasons.append(
            Reason(
                rule=RULE,
                text=say(
                    f"Regio {{name}} volgt de landelijke richtlijn voor het delen van gegevens met {recipient}: de "
                    f"kaart is die van de richtlijn, ongewijzigd ({outcome}).",
                    f"Region {{name}} agrees with the national guideline on this disclosure to {recipient}: the card "
                    f"is the guideline's, unchanged ({outcome}).",
                ),
            )
        )


def without_reference(request: DisclosureRequest) -> ConsentCard:
    """The card for one request when the host passes no guideline cards: this
    component only adjusts the guideline's outcomes, so without them nothing
    may go until a professional has weighed it.
    """
    return ConsentCard(
        request=request,
        outcome=ConsentOutcome.PROFESSIONAL_JUDGEMENT,
        legal_basis=None,
        consent_of=[],
        inform=[],
        permitted_data=[],
        checklist=[
            say(
                "De toestemmingsuitkomst van de richtlijn ontbreekt: weeg zelf af of deze gegevens gedeeld mogen "
                "worden, voordat je iets deelt.",
                "The guideline's consent result is missing: weigh this disclosure by hand before anything is shared.",
            )
        ],
        reasons=[
            Reason(
                rule=NO_REFERENCE,
                text=say(
                    "De host gaf geen toestemmingskaart van de richtlijn mee; regio {{name}} past alleen die kaart "
                    "aan, dus dit delen van gegevens vraagt een professionele afweging.",
                    "The host passed no guideline consent card; region {{name}} only adjusts that card, so this "
                    "disclosure is left to professional judgement.",
                ),
            )
        ],
    )


def wit_name(case) -> str:
    """An enum case's WIT name, as decisions and case files spell it (``NEEDS_CONSENT`` is ``needs-consent``)."""
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
