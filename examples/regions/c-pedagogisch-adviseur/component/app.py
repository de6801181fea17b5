"""Region C's routing component: the export glue of the ``routing-stage`` world.

Region C (``regio-c``) is modelled on municipality C of the research report
"Nader onderzoek jeugdgezondheidszorg en jeugdhulp" (section 1.3): a
pedagogisch adviseur of the GGD joins the sociaal wijkteam's aanmeldoverleg
and takes on single-issue psychosocial and parenting questions herself, a
stroomschema says which question goes to the JGZ, the wijkteam or Veilig
Thuis, and a case handed to the wijkteam starts with a joint home visit.

componentize-py builds this module into a WebAssembly component that exports
``wegwijs:jgz/routing@0.2.0`` and imports only ``wegwijs:jgz/host@0.2.0``
(for the region's configuration and a log line) and the shared types. The
logic lives in the ``regio_c`` package; this module only wires it to the
host's imports.
"""

from wit_world import exports
from wit_world.imports import host
from wit_world.imports.types import ChildCase, IntakeCard, RoutingCard, ScreeningCard

from regio_c import apply


class Routing(exports.Routing):
    """The exported ``routing`` interface."""

    def route(
        self,
        child: ChildCase,
        intake: IntakeCard,
        screening: ScreeningCard,
        reference: RoutingCard | None,
    ) -> RoutingCard:
        """Routes one case: the guideline's card (``reference``) with region
        C's stroomschema applied on top. See ``regio_c.apply.route``.
        """
        card = apply.route(child, intake, screening, reference, host.config)
        host.log(host.LogLevel.INFO, f"regio-c stroomschema: {card.summary}")
        return card
