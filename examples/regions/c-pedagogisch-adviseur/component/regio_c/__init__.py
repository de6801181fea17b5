"""Region C's routing logic: the stroomschema of Gemeente C (``stroomschema``),
the engine that applies it to the guideline's routing card (``apply``), and
the wording and housekeeping of the card (``card``).

The package only uses the Python standard library and the WIT bindings that
componentize-py generates at build time (``wit_world``).
"""
