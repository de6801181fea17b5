# The child's own routes of the reference routing stage (wegwijs-routing,
# national defaults, no region configuration), rendered in Rego.
#
# Source: CHILD_ROUTES in components/routing/src/tables.rs (the rows) and
# child.rs (`apply`, `rows`, `applies`: how the rows are chosen), with the
# child's action as components/routing/src/facts.rs reads it and the
# merging rule of `Plan::add` (components/routing/src/plan.rs).
#
# Entry point: data.wegwijs.routing.child.routes, a list of
#   {"partner": <WIT partner name>, "kind": <WIT route kind>, "rule": <rule id>}
# in the order the Rust rows propose them. `fired` (the indices into `rows`
# that produced or merged into a route) is there for coverage checks.
#
# Input (built by wegwijs_rego_bench::RegoInput from the case, intake card
# and screening card):
#
#   {
#     "intake-closed": bool,  # intake closed the signal (lib.rs `route`:
#                             # such a card gets no child route at all)
#     "action": string,       # the screening card's action, WIT name:
#                             # "reassess", "a0", "a1", "a2", "a3" or "s"
#     "child-action": string, # the screening card's child-action (the
#                             # ladder's action; read only when action is "s")
#     "any-unusable": bool,   # some instrument result could not be used
#                             # (facts.rs `is_unusable`)
#     "medical": bool,        # the medical domain is among the case's
#                             # concern domains (child.rs `medical_first`)
#     "triggers": {           # the named triggers of the table (child.rs
#                             # `applies`), true when they hold for the case
#       "risk-card-high": bool,        # risk card level high or above
#       "risk-card-concern": bool,     # risk card level exactly concern
#       "instrument-abnormal": bool,   # a usable instrument abnormal / concern+
#       "multi-domain": bool,          # two or more domains besides safety
#       "suspected-psychiatric": bool, # psychosocial domain and abnormal instrument
#       "social-problems": bool        # a SOCIAL_DOMAINS domain, or psychosocial
#                                      # without an abnormal instrument
#     }
#   }
#
# Conditions rendered here beyond a row's own trigger:
#
# - The child's action (facts.rs): the card's action, or on the safety
#   track ("s") the ladder's child-action beside it (no route when that is
#   "s" too); and "a0" with an unusable instrument result becomes
#   "reassess" (PS-UNUSABLE), because an unusable result is never read as
#   normal. "a0" itself has no row, so it gets no route.
# - "always" holds at the row's action; "nothing-else" holds when no earlier
#   row of the same action produced a route AND the medical-first rule did
#   not add one: child.rs seeds its list of added routes with the
#   medical-first route (huisarts or kinderarts referral at a1, a2 and a3
#   when the medical domain is coded), so a medical case never gets the
#   wijkteam fallback. The medical-first route itself is not a row of
#   CHILD_ROUTES and is not returned.
# - Plan::add keeps one route per (partner, kind): a later row to the same
#   partner and kind merges into the earlier route, which keeps its place
#   and its first row's rule.
# - A signal intake closed gets no child route (lib.rs `route`).
#
# Not rendered: the region keys routing.hub and routing.poh-jeugd (region.rs),
# which replace some a2 rows; with no region configuration they change
# nothing.

package wegwijs.routing.child

import rego.v1

# CHILD_ROUTES, row for row, in table order.
rows := [
	{"action": "reassess", "trigger": "always", "partner": "jgz-light-support", "kind": "support", "rule": "PS-UNUSABLE"},
	{"action": "a1", "trigger": "always", "partner": "jgz-light-support", "kind": "support", "rule": "RT-A1"},
	{"action": "a2", "trigger": "risk-card-high", "partner": "imh-consultation", "kind": "consultation", "rule": "RT-A2"},
	{"action": "a2", "trigger": "risk-card-high", "partner": "wijkteam", "kind": "consultation", "rule": "RT-A2"},
	{"action": "a2", "trigger": "instrument-abnormal", "partner": "jeugd-ggz", "kind": "consultation", "rule": "RT-A2"},
	{"action": "a2", "trigger": "risk-card-concern", "partner": "wijkteam", "kind": "consultation", "rule": "RT-A2"},
	{"action": "a2", "trigger": "multi-domain", "partner": "wijkteam", "kind": "consultation", "rule": "RT-A2"},
	{"action": "a2", "trigger": "nothing-else", "partner": "wijkteam", "kind": "consultation", "rule": "RT-A2"},
	{"action": "a3", "trigger": "suspected-psychiatric", "partner": "jeugd-ggz", "kind": "referral", "rule": "RT-A3"},
	{"action": "a3", "trigger": "social-problems", "partner": "wijkteam", "kind": "referral", "rule": "RT-A3"},
	{"action": "a3", "trigger": "nothing-else", "partner": "wijkteam", "kind": "referral", "rule": "RT-A3"},
]

# MEDICAL_FIRST.actions: where the medical-first route comes before the rows.
medical_first_actions := {"a1", "a2", "a3"}

# The ladder's action (facts.rs): on the safety track, the one beside S.
ladder := input.action if {
	input.action != "s"
} else := input["child-action"] if {
	input["child-action"] != "s"
}

# A0 beside an unusable result: assess again (facts.rs `a0_beside_unusable`).
child_action := "reassess" if {
	ladder == "a0"
	input["any-unusable"] == true
} else := ladder

# The medical-first rule added a route before the rows (child.rs `medical_first`).
medical_first if {
	child_action in medical_first_actions
	input.medical == true
}

# A named trigger, or "always".
trigger_holds(row) if row.trigger == "always"

trigger_holds(row) if input.triggers[row.trigger] == true

# "nothing-else": no route yet when the row is reached. Every row before it
# of the same action is either a trigger row, which produced a route exactly
# when its trigger held, or an earlier "nothing-else" row, which produced
# one exactly when nothing before it had; so the row holds when no earlier
# row of the action is "nothing-else" and no earlier trigger holds. Written
# without recursion, which Rego does not allow.
nothing_before(i, action) if {
	not medical_first
	not earlier_fallback(i, action)
	not earlier_trigger(i, action)
}

earlier_fallback(i, action) if {
	some j, row in rows
	j < i
	row.action == action
	row.trigger == "nothing-else"
}

earlier_trigger(i, action) if {
	some j, row in rows
	j < i
	row.action == action
	row.trigger != "nothing-else"
	trigger_holds(row)
}

applies(_, row) if {
	row.trigger != "nothing-else"
	trigger_holds(row)
}

applies(i, row) if {
	row.trigger == "nothing-else"
	nothing_before(i, row.action)
}

# The rows that produce (or merge into) a route, in table order.
fired := [i |
	not input["intake-closed"]
	some i, row in rows
	row.action == child_action
	applies(i, row)
]

# An earlier fired row went to the same partner with the same kind: Plan::add
# merges this row into that route.
merged(n, row) if {
	some m, j in fired
	m < n
	rows[j].partner == row.partner
	rows[j].kind == row.kind
}

routes := [route |
	some n, i in fired
	row := rows[i]
	not merged(n, row)
	route := {"partner": row.partner, "kind": row.kind, "rule": row.rule}
]
