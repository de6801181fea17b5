"""Wording and housekeeping of the routing card: who is asked first, WIT
names, the region's configuration, sorting and the summary line.

These helpers are the same whatever the stroomschema decides, so they live
apart from the rows (``stroomschema.py``) and the engine (``apply.py``).
Everything here is plain Python over the generated WIT types: nothing calls
WASI at run time (the component is built with stubbed WASI, where any such
call traps).
"""

from collections.abc import Callable
from dataclasses import dataclass

from wit_world.imports.types import (
    AgeBand,
    ChildAge_Born,
    ChildAge_Prenatal,
    ChildAge_ReportedMonths,
    ChildCase,
    IntakeCard,
    Reason,
    Route,
    RoutingCard,
    Urgency,
)

#: The guideline rule for urgency, and how its card-level sentences on the
#: overall urgency begin (the reference routing component's wording).
URGENCY_RULE = "RT-URGENCY"
URGENCY_PREFIXES = ("Overall urgency", "No route")

#: Longest text the component writes into one string. The host accepts 2048
#: bytes by default; text echoed from the configuration is cut well below it.
MAX_TEXT_CHARS = 600
#: Longest local name taken from the configuration (as the reference does).
MAX_NAME_CHARS = 200

#: Who is asked first, by age in whole years (CS-AGE as routing phrases it,
#: G-SHARED): (from, until, sentence), worded as the region kit's
#: ``Participants::opening`` (its table in docs/regions.md) so a card reads
#: alike whoever wrote the stage. The sentence starts lower-case so it can
#: stand inside a sentence as well as open one.
WHO_BY_AGE = (
    (0, 12, "discuss with the parents"),
    (12, 16, "discuss with the parents and the youth"),
    (16, 255, "discuss with the youth (from 16 the youth decides, also whether the parents are told)"),
)
WHO_PRENATAL = "discuss with the expectant parents"
WHO_UNKNOWN_AGE = "discuss with the parents (and from 12 with the youth)"
#: A 16+ youth who does not want the parents informed: no text names them.
WHO_SIXTEEN_OBJECTS = "discuss with the youth (from 16 the youth decides alone)"


@dataclass(frozen=True)
class Settings:
    """The region's configuration as the stroomschema uses it, read once."""

    adviseur: str
    """Local name of the pedagogisch adviseur (the JGZ light support)."""
    jgz_team: str
    """Local name of the JGZ team for light support outside her remit."""
    wijkteam: str
    """Local name of the sociaal wijkteam."""
    aanmeldoverleg: str
    """When and where the wijkteam's aanmeldoverleg meets."""


def read_settings(config: Callable[[str], str | None], keys: dict) -> Settings:
    """Reads the settings through ``config`` (the host's ``config`` import).

    ``keys`` maps each field of :class:`Settings` to its configuration key
    and the value used when the key is unset or blank, so a bundle with a
    thin ``[config]`` still reads well.
    """

    def value(key: str, default: str) -> str:
        raw = config(key)
        text = raw.strip() if raw else ""
        return clip(text, MAX_NAME_CHARS) if text else default

    return Settings(**{field: value(key, default) for field, (key, default) in keys.items()})


def clip(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters, marked with an ellipsis."""
    return text if len(text) <= limit else text[:limit] + "\u2026"


def wit_name(value) -> str:
    """The WIT name of an enum case, e.g. ``Partner.JGZ_LIGHT_SUPPORT`` → ``jgz-light-support``."""
    return value.name.lower().replace("_", "-")


def age_months(child: ChildCase, intake: IntakeCard) -> int | None:
    """Age in whole months: intake's, else the raw case's; ``None`` before birth or unknown."""
    if is_prenatal(child, intake):
        return None
    if intake.age_months is not None:
        return intake.age_months
    age = child.age
    if isinstance(age, ChildAge_Born):
        return age.value.months
    if isinstance(age, ChildAge_ReportedMonths):
        return age.value
    return None


def is_prenatal(child: ChildCase, intake: IntakeCard) -> bool:
    """Whether the child is not yet born, by intake's age band or the raw case."""
    return intake.age_band == AgeBand.PRENATAL or isinstance(child.age, ChildAge_Prenatal)


def who_decides(child: ChildCase, intake: IntakeCard) -> str:
    """Who the professional talks to first, by age (G-SHARED)."""
    if is_prenatal(child, intake):
        return WHO_PRENATAL
    months = age_months(child, intake)
    if months is None:
        return WHO_UNKNOWN_AGE
    years = months // 12
    if years >= 16 and child.youth_objects_to_informing_parents:
        return WHO_SIXTEEN_OBJECTS
    for start, until, text in WHO_BY_AGE:
        if start <= years < until:
            return text
    return WHO_BY_AGE[-1][2]


def sentence(text: str) -> str:
    """``text`` with its first letter in upper case."""
    return text[:1].upper() + text[1:]


def reason(rule: str, text: str) -> Reason:
    """A reason, its sentence cut to the component's text limit."""
    return Reason(rule=rule, text=clip(text, MAX_TEXT_CHARS))


def has_reason(route: Route, rule: str) -> bool:
    """Whether the route already cites ``rule``."""
    return any(r.rule == rule for r in route.reasons)


def finish(card: RoutingCard, note: str) -> RoutingCard:
    """Sorts the routes most urgent first, sets the card's urgency and
    rewrites the summary; ``note`` ends the summary line.

    The sort is stable, so routes of equal urgency keep the guideline's
    order (medical first, the child before the family).
    """
    card.routes.sort(key=lambda r: r.urgency.value)
    card.urgency = card.routes[0].urgency if card.routes else Urgency.NEXT_CONTACT
    card.summary = clip(f"{summary(card)}; {note}", MAX_TEXT_CHARS)
    # The guideline's sentence on the overall urgency names its most urgent
    # route, which the stroomschema may have replaced: say it anew.
    for index, existing in enumerate(card.reasons):
        if existing.rule == URGENCY_RULE and existing.text.startswith(URGENCY_PREFIXES):
            card.reasons[index] = reason(URGENCY_RULE, overall_urgency(card))
    return card


def overall_urgency(card: RoutingCard) -> str:
    """The RT-URGENCY sentence on the card's overall urgency."""
    if not card.routes:
        return "No route: urgency next-contact."
    first = card.routes[0]
    return (
        f"Overall urgency {wit_name(card.urgency)}: the most urgent route is "
        f"{wit_name(first.partner)} ({wit_name(first.kind)})."
    )


def summary(card: RoutingCard) -> str:
    """The summary line in the reference routing component's format.

    For example ``2 routes, most urgent soon: jeugd-ggz referral (verwijzer 03), primary-school information``.
    """
    if not card.routes:
        return "No routes, urgency next-contact"
    items = []
    for r in card.routes:
        item = f"{wit_name(r.partner)} {wit_name(r.kind)}"
        if r.verwijzer is not None:
            item += f" (verwijzer {r.verwijzer.value + 1:02d})"
        items.append(item)
    count = len(card.routes)
    noun = "route" if count == 1 else "routes"
    return f"{count} {noun}, most urgent {wit_name(card.urgency)}: {', '.join(items)}"
