"""Council: a UN Security Council role-play game about mass-atrocity crises.

The headless core (scenario, rules, council, delegations, crisis, scoring,
session) never imports pygame; only `councilgame.ui` does.
"""

__version__ = "0.2.0"
