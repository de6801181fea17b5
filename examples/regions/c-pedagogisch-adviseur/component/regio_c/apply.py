"""The engine that lays region C's stroomschema over the guideline's routing card.

It starts from the reference card (the national guideline's result for this
case, computed with the region's configuration), decides which kind of
question the case is (:func:`classify`), and applies every row of
``stroomschema.ROWS`` that fits the question and the action. Each change
adds a reason citing the row's ``REGIO-C-...`` rule. Veilig Thuis routes are
never changed: the engine checks at the end that each one is still there,
exactly as the guideline proposed it.
"""

import copy
from collections.abc import Callable
from dataclasses import dataclass

from wit_world.imports.types import (
    Action,
    Band,
    ChildCase,
    Domain,
    Handover,
    IntakeCard,
    Level,
    Partner,
    Route,
    RouteKind,
    RoutingCard,
    ScreeningCard,
    Urgency,
)

from regio_c import card as c
from regio_c import stroomschema as s


@dataclass(frozen=True)
class Context:
    """What the steps need to know about the case, read once."""

    child: ChildCase
    action: Action
    question: s.Question
    why: str
    """Why the case is this kind of question, for the card's reason."""
    who: str
    """Who is asked first (G-SHARED), lower-case."""
    settings: c.Settings


def route(
    child: ChildCase,
    intake: IntakeCard,
    screening: ScreeningCard,
    reference: RoutingCard | None,
    config: Callable[[str], str | None],
) -> RoutingCard:
    """Region C's routing card for one case.

    ``config`` reads the region's configuration (the host's ``config``
    import). Without a reference card there is nothing for the stroomschema
    to work on, and the card says so instead of guessing.
    """
    if reference is None:
        return without_reference()
    question, why = classify(child, intake, screening)
    ctx = Context(
        child=child,
        action=screening.action,
        question=question,
        why=why,
        who=c.who_decides(child, intake),
        settings=c.read_settings(config, s.SETTINGS),
    )
    card = copy.deepcopy(reference)
    changes: list[str] = []
    for row in s.ROWS:
        if question in row.questions and ctx.action in row.actions:
            changes.extend(STEPS[row.step](card, row, ctx))
    keep_veilig_thuis(reference, card)
    action = ctx.action.name
    done = "; ".join(changes) if changes else "the guideline's routes stand unchanged"
    card.reasons.append(
        c.reason(
            s.RULE_STROOMSCHEMA,
            f"{s.PROVENANCE}: a {question.value} ({why}) at action {action}; {done}.",
        )
    )
    return c.finish(card, f"stroomschema regio C: {question.value}")


def classify(child: ChildCase, intake: IntakeCard, screening: ScreeningCard) -> tuple[s.Question, str]:
    """The stroomschema's kind of question, with the facts that decided it.

    Safety (action S) comes first. Otherwise two or more concern domains, a
    high risk card or several helpers make it a question in several
    domains; one psychosocial or parent-child domain makes it a single-issue
    question for the pedagogisch adviseur; anything else is outside her
    remit.
    """
    if screening.action == Action.S:
        return s.Question.SAFETY, "the meldcode track leads"
    domains = concern_domains(intake, screening)
    named = ", ".join(c.wit_name(d) for d in domains) or "none"
    if len(domains) >= 2:
        return s.Question.MULTI, f"domains: {named}"
    if screening.risk_card.level.value >= s.MULTI_RISK_LEVEL.value:
        return s.Question.MULTI, f"risk card level {c.wit_name(screening.risk_card.level)}; domains: {named}"
    if child.helpers_involved >= s.MULTI_HELPERS:
        return s.Question.MULTI, f"{child.helpers_involved} helpers already involved; domains: {named}"
    if len(domains) == 1 and domains[0] in s.ADVISEUR_DOMAINS:
        return s.Question.SINGLE, f"domain: {named}"
    return s.Question.OTHER, f"domains: {named}"


def concern_domains(intake: IntakeCard, screening: ScreeningCard) -> list[Domain]:
    """Concern domains other than safety, in canonical order.

    A psychosocial instrument above the normal range stands for the
    psychosocial domain when no concern code named a domain: the question is
    then about the child's psychosocial functioning.
    """
    found = set(intake.domains) | {concern.domain for concern in intake.concerns}
    found.discard(Domain.SAFETY)
    if not found and any(
        result.valid
        and result.instrument in s.PSYCHOSOCIAL_INSTRUMENTS
        and (
            result.band in (Band.BORDERLINE, Band.ABNORMAL) or (result.level is not None and result.level != Level.NONE)
        )
        for result in screening.instruments
    ):
        found.add(Domain.PSYCHOSOCIAL)
    return sorted(found, key=lambda d: d.value)


def matching(card: RoutingCard, row: s.Row) -> list[Route]:
    """The routes of the card to the row's partner, of the row's kind."""
    return [r for r in card.routes if r.partner == row.partner and r.kind == row.kind]


def support_route(card: RoutingCard) -> Route | None:
    """The card's JGZ light-support route, if it has one."""
    found = [r for r in card.routes if r.partner == Partner.JGZ_LIGHT_SUPPORT and r.kind == RouteKind.SUPPORT]
    return found[0] if found else None


def new_support(ctx: Context, urgency: Urgency) -> Route:
    """A light-support route given by the pedagogisch adviseur. Nothing
    travels for it (the case stays with the JGZ), so it has no disclosure.
    """
    return Route(
        partner=Partner.JGZ_LIGHT_SUPPORT,
        kind=RouteKind.SUPPORT,
        urgency=urgency,
        verwijzer=None,
        handover=Handover.NONE,
        local_name=ctx.settings.adviseur,
        conversation=adviseur_conversation(ctx),
        disclosure=None,
        reasons=[],
    )


def adviseur_conversation(ctx: Context) -> str:
    """The conversation before light support from the pedagogisch adviseur."""
    return c.clip(
        f"{c.sentence(ctx.who)} which advice or light support fits; {ctx.settings.adviseur} offers it, "
        "at home if the family wishes. Agree the next contact.",
        c.MAX_TEXT_CHARS,
    )


def replace_by_adviseur(card: RoutingCard, row: s.Row, ctx: Context) -> list[str]:
    """Replaces each selected route by light support from the pedagogisch
    adviseur, which takes over the replaced route's place and urgency.
    """
    changes = []
    for old in matching(card, row):
        index = card.routes.index(old)
        card.routes.remove(old)
        support = support_route(card)
        if support is None:
            support = new_support(ctx, old.urgency)
            card.routes.insert(index, support)
        elif support.urgency.value > old.urgency.value:
            support.urgency = old.urgency
        cited = ", ".join(dict.fromkeys(r.rule for r in old.reasons)) or "no rule"
        support.reasons.append(
            c.reason(
                row.rule,
                f"{row.text} It replaces the guideline's {c.wit_name(old.partner)} {c.wit_name(old.kind)} "
                f"({cited}) and keeps its urgency {c.wit_name(old.urgency)}.",
            )
        )
        changes.append(f"the {c.wit_name(old.partner)} {c.wit_name(old.kind)} is replaced by the pedagogisch adviseur")
    return changes


def given_by_adviseur(card: RoutingCard, row: s.Row, ctx: Context) -> list[str]:
    """Light support is given by the pedagogisch adviseur; at A2, where the
    guideline proposes consultations only, the support is added beside them.
    """
    support = support_route(card)
    text = row.text
    if support is None:
        support = new_support(ctx, s.ADDED_SUPPORT_URGENCY.get(ctx.action, Urgency.SOON))
        # The child's own routes come before the school or childcare
        # information route, as in the guideline's card.
        first_information = [i for i, r in enumerate(card.routes) if r.kind == RouteKind.INFORMATION]
        card.routes.insert(first_information[0] if first_information else len(card.routes), support)
        text += (
            f" At action {ctx.action.name} it is added beside the guideline's routes, which stand; urgency "
            f"{c.wit_name(support.urgency)}, the guideline's urgency for this action."
        )
        change = "light support by the pedagogisch adviseur is added"
    else:
        change = "the light support is given by the pedagogisch adviseur"
    support.local_name = ctx.settings.adviseur
    support.conversation = adviseur_conversation(ctx)
    if not c.has_reason(support, row.rule):
        support.reasons.append(c.reason(row.rule, text))
    return [change]


def given_by_jgz_team(card: RoutingCard, row: s.Row, ctx: Context) -> list[str]:
    """Light support outside the pedagogisch adviseur's remit is given by the
    JGZ team; only the local name changes.
    """
    changes = []
    for support in matching(card, row):
        support.local_name = ctx.settings.jgz_team
        support.reasons.append(c.reason(row.rule, row.text))
        changes.append("the light support is given by the JGZ team, not the pedagogisch adviseur")
    return changes


def via_aanmeldoverleg(card: RoutingCard, row: s.Row, ctx: Context) -> list[str]:
    """The pedagogisch adviseur brings the consultation into the wijkteam's
    aanmeldoverleg; the conversation says so and names the joint home visit
    that follows if the wijkteam takes the case on.
    """
    changes = []
    for consult in matching(card, row):
        consult.local_name = consult.local_name or ctx.settings.wijkteam
        consult.conversation = c.clip(
            f"{c.sentence(ctx.who)} that the pedagogisch adviseur brings the question into the aanmeldoverleg of "
            f"{ctx.settings.wijkteam} ({ctx.settings.aanmeldoverleg}); the wijkteam asks consent there to use "
            "relevant information from the JGZ file. If the wijkteam takes the case on, the pedagogisch adviseur "
            "and the wijkteam worker first visit the family together at home (warme overdracht).",
            c.MAX_TEXT_CHARS,
        )
        consult.reasons.append(c.reason(row.rule, row.text))
        changes.append("the pedagogisch adviseur brings the case into the wijkteam's aanmeldoverleg")
    return changes


def joint_home_visit(card: RoutingCard, row: s.Row, ctx: Context) -> list[str]:
    """The referral to the wijkteam goes through the aanmeldoverleg and
    starts with a joint home visit, unless the family declines a warm
    handover: then it is handed over in writing (RT-WARM).
    """
    changes = []
    worker = row.wijkteam_worker or "wijkteam worker"
    for referral in matching(card, row):
        # The route keeps the guideline's local name (name and contact); the
        # conversation names the wijkteam only.
        referral.local_name = referral.local_name or ctx.settings.wijkteam
        opening = (
            f"{c.sentence(ctx.who)} the referral to {ctx.settings.wijkteam}: the pedagogisch adviseur brings it "
            f"into the aanmeldoverleg ({ctx.settings.aanmeldoverleg})"
        )
        if ctx.child.family_declines_warm_handover:
            referral.handover = Handover.WRITTEN
            referral.conversation = c.clip(
                f"{opening}; the family declines a warm handover, so there is no joint home visit and the case "
                "is handed over in writing.",
                c.MAX_TEXT_CHARS,
            )
            text = f"{row.text} The family declines a warm handover, so there is no joint home visit."
            changes.append(f"the referral to the wijkteam goes through the aanmeldoverleg to a {worker}")
        else:
            referral.handover = Handover.WARM
            referral.conversation = c.clip(
                f"{opening}, and she and the {worker} of the wijkteam first visit the family together at home "
                "(warme overdracht).",
                c.MAX_TEXT_CHARS,
            )
            text = (
                f"{row.text} The pedagogisch adviseur and the {worker} first visit the family together: the "
                "warm handover is a joint home visit."
            )
            changes.append(f"the referral to the wijkteam starts with a joint home visit with a {worker}")
        referral.reasons.append(c.reason(row.rule, text))
    return changes


def confirm(card: RoutingCard, row: s.Row, ctx: Context) -> list[str]:
    """The route stands as the guideline proposes it; the row's reason says
    why that fits region C.
    """
    changes = []
    for kept in matching(card, row):
        kept.reasons.append(c.reason(row.rule, row.text))
        changes.append(f"the {c.wit_name(kept.partner)} {c.wit_name(kept.kind)} stands")
    return changes


#: Which function carries out each step of the stroomschema.
STEPS = {
    s.Step.REPLACE_BY_ADVISEUR: replace_by_adviseur,
    s.Step.GIVEN_BY_ADVISEUR: given_by_adviseur,
    s.Step.GIVEN_BY_JGZ_TEAM: given_by_jgz_team,
    s.Step.VIA_AANMELDOVERLEG: via_aanmeldoverleg,
    s.Step.JOINT_HOME_VISIT: joint_home_visit,
    s.Step.CONFIRM: confirm,
}


def keep_veilig_thuis(reference: RoutingCard, card: RoutingCard) -> None:
    """Every Veilig Thuis route of the guideline stays exactly as it was.

    No row selects a Veilig Thuis route, so this only ever restores one
    after a faulty edit of the table; it then says so in a warning. When
    the guideline proposes a Veilig Thuis route the card names the
    stroomschema's safety rule.
    """
    originals = [r for r in reference.routes if r.partner in s.VEILIG_THUIS]
    if not originals:
        return
    restored = 0
    for original in originals:
        if original not in card.routes:
            card.routes = [r for r in card.routes if not (r.partner == original.partner and r.kind == original.kind)]
            card.routes.append(copy.deepcopy(original))
            restored += 1
    if restored:
        card.warnings.append(
            c.reason(
                s.RULE_VEILIG_THUIS,
                f"{restored} Veilig Thuis route(s) were changed by the stroomschema and have been restored as the "
                "guideline proposed them.",
            )
        )
    card.reasons.append(c.reason(s.RULE_VEILIG_THUIS, s.VEILIG_THUIS_TEXT))


def without_reference() -> RoutingCard:
    """The card when the host passed no guideline result: no routes, and a
    warning that the case must be routed by hand.
    """
    card = RoutingCard(
        routes=[],
        one_plan=False,
        care_coordinator=None,
        urgency=Urgency.NEXT_CONTACT,
        summary="",
        warnings=[
            c.reason(
                s.RULE_NO_REFERENCE,
                "The national guideline's routing result is missing, so the stroomschema of Gemeente C has nothing "
                "to work on; route this case by hand.",
            )
        ],
        reasons=[
            c.reason(
                "G-HUMAN",
                "These routes are recommendations for the professional; nothing is sent or shared by the system.",
            )
        ],
    )
    return c.finish(card, "stroomschema regio C: no guideline result to work on")
