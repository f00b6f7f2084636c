"""The authoring guide's account of the rules, with every number read from the engine.

Each function returns a block of Markdown that tools/authoring_guide.py puts in the guide: the
crisis model's step and parameters, the condition language's names, functions and operators, what
a red line may name, how a member's score becomes a vote, and the limits of a file. The prose
around the numbers is in docs/authoring.template.md; the numbers are never typed by hand.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from councilgame import paths
from councilgame.council import procedure
from councilgame.council.instruments import FORCE
from councilgame.crisis import model as crisis
from councilgame.crisis.consequences import at_strength
from councilgame.crisis.parameters import PARAMETERS, CrisisParameters
from councilgame.delegations import assess
from councilgame.delegations.draft import Draft
from councilgame.rules import conditions
from councilgame.scenario import model, safe_yaml
from councilgame.scenario.loader import load_library
from councilgame.scenario.model import ClauseCategory, Indicator, Instrument, Profile

# What each function of the condition language answers. A function the engine gains without a line
# here stops `make authoring` (KeyError), so the guide never leaves one out.
FUNCTION_MEANINGS = {
    "adopted": "true once a decision adopted in this game held that clause (even if a later one ended it)",
    "vetoed_by": "true once that member has cast a veto in this game",
    "flag": "true once an effect has set that flag (the case must set it in some effect, or the condition is refused)",
}
# Conditions shown as examples; each is compiled by the engine when the guide is written.
CONDITION_EXAMPLES = (
    ("violence >= 60", "the violence indicator is at 60 or more"),
    ("round == rounds", "the last round has just been played"),
    ("adopted('icc_referral') and not vetoed_by('RUS')", "a referral was adopted and Russia never vetoed"),
    ("resolutions_adopted + statements_adopted == 0 and violence > 50", "the Council has adopted nothing while violence is high"),
    ("vetoes / drafts_failed > 1", "more vetoes than failed drafts (false before any draft fails: x / 0 gives 0)"),
    ("first_action_day >= 0 and first_action_day <= 14", "the Council first acted within a fortnight"),
    ("not host_consent and round >= 2", "from the second round on, the state concerned refuses a UN presence"),
    ("flag('libya_precedent')", "an effect of this case set the flag libya_precedent"),
)
# The ids the examples name, as a case would define them.
EXAMPLE_IDS = {"clause": {"icc_referral"}, "member": {"RUS"}, "flag": {"libya_precedent"}}
# The drift example: every indicator at this level, a drift of DRIFT_POINTS on two of them.
EXAMPLE_LEVEL = 40.0
DRIFT_POINTS = 25.0
DRIFTED = ("violence", "public_attention")
EXAMPLE_MEASURE = "demands_ceasefire"
# The vote example: one member's profile, one draft from the shared library, one moment.
EXAMPLE_PROFILE = Profile(sovereignty=0.7, protection=0.5, ties=0.2, pressure=0.4, precedent=0.3, relations={"FRA": 0.4})
EXAMPLE_DRAFT = Draft(Instrument.resolution, ("condemns_violence", "arms_embargo", "commission_of_inquiry"), "FRA")
EXAMPLE_INDICATORS = {"violence": 70.0, "civilians_at_risk": 80.0, "public_attention": 60.0}
EXAMPLE_HOME = "/home/teacher/council"
# The model's limits in words (a limit added without words here is shown by its name).
LIMIT_WORDS = {
    "MAX_DRAFT_CLAUSES": "clauses in a draft, an agenda or a record entry",
    "MAX_OWN_CLAUSES": "clauses of the case's own",
    "MAX_EVENTS": "events",
    "MAX_ACTORS": "actors",
    "MAX_DEVELOPMENTS": "developments in a round",
    "MAX_EFFECTS": "effects of one event or development",
    "MAX_RED_LINES": "red lines of one member",
    "MAX_GOALS": "goals in one brief",
    "MAX_RECORD": "record entries",
    "MAX_OUTCOMES": "outcomes",
    "MAX_SOURCES": "sources",
    "MAX_GLOSSARY": "glossary terms of the case's own",
    "MAX_VERSION": "a case's version",
    "MAX_COUNT": "an outcome's estimate",
    "MAX_CITED": "sources cited by one item",
    "MAX_ROUNDS": "rounds",
}


class _Silent:
    """No noise: the drift example shows the rule, not one roll of the dice."""

    def gauss(self, mu: float, sigma: float) -> float:
        return mu


def _num(value: float) -> str:
    return f"{value:+g}" if value else "0"


def _score(value: float) -> str:
    """A score or a factor to two places, with its sign; a rounded zero is 0.00, not -0.00."""
    return "0.00" if abs(value) < 0.005 else f"{value:+.2f}"


def indicator_table() -> str:
    rows = ["| indicator | what it measures (0 to 100) |", "|---|---|"]
    meanings = model.VALUE_MEANINGS[Indicator]
    rows += [f"| `{ind.value}` | {meanings[ind.value]} |" for ind in Indicator]
    return "\n".join(rows) + "\n"


def crisis_parameters() -> str:
    rows = ["| parameter | value | unit | meaning |", "|---|---|---|---|"]
    for name, info in CrisisParameters.model_fields.items():
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        rows.append(f"| `{name}` | {getattr(PARAMETERS, name):g} | {extra.get('unit', '')} | {info.description} |")
    return "\n".join(rows) + "\n"


def noisy_indicators() -> str:
    return ", ".join(f"`{name}`" for name in crisis.NOISY)


def drift_example() -> str:
    """A drift of +25 worked through the engine's own step, without noise."""
    start = {name: EXAMPLE_LEVEL for name in crisis.INDICATORS}
    drift = {name: DRIFT_POINTS for name in DRIFTED}
    after = crisis.step(start, drift, [], _Silent())
    clause = load_library(str(paths.clause_library()))[EXAMPLE_MEASURE]
    statement = FORCE[Instrument.presidential_statement].effect
    with_measure = crisis.step(start, drift, [at_strength(clause, statement)], _Silent())
    lines = [f"Every indicator at {EXAMPLE_LEVEL:g}, and `drift: {{violence: {DRIFT_POINTS:+g}, "
             f"public_attention: {DRIFT_POINTS:+g}}}`, with the noise left out:", ""]
    lines += [f"- `{name}`: {EXAMPLE_LEVEL:g} becomes **{after[name]:g}**" for name in DRIFTED]
    lines += [f"- every other indicator stays at {EXAMPLE_LEVEL:g}", "",
              f"With `{EXAMPLE_MEASURE}` in force (impact {_impact(clause.impact)}) from a presidential statement, "
              f"which carries {statement:g} of a resolution's force, violence becomes "
              f"**{with_measure['violence']:g}** instead."]
    return "\n".join(lines) + "\n"


def _impact(impact: dict[Indicator, float]) -> str:
    return ", ".join(f"`{crisis.indicator_name(k)}` {_num(v)}" for k, v in impact.items())


def instrument_force() -> str:
    rows = ["| kind of text | share of a resolution's sovereignty cost | share of its force (crisis and score) |",
            "|---|---|---|"]
    rows += [f"| `{kind.value}` | {force.bind:g} | {force.effect:g} |" for kind, force in FORCE.items()]
    return "\n".join(rows) + "\n"


def condition_names() -> str:
    rows = ["| name | type | meaning |", "|---|---|---|"]
    rows += [f"| `{name}` | {variable.kind} | {variable.meaning} |" for name, variable in conditions.VARIABLES.items()]
    return "\n".join(rows) + "\n"


def condition_functions() -> str:
    rows = ["| function | takes | answers |", "|---|---|---|"]
    rows += [f"| `{name}('...')` | a quoted {kind} id | {FUNCTION_MEANINGS[name]} |"
             for name, kind in conditions.FUNCTIONS.items()]
    return "\n".join(rows) + "\n"


def _symbols() -> dict[type, str]:
    """The engine's own table of how each operator is written (private to it, read here so that the guide
    lists what it accepts)."""
    return {op: symbol for op, symbol in conditions._SYMBOL.items()}


def condition_operators() -> str:
    symbols = _symbols()
    arithmetic = " ".join(f"`{symbols[op]}`" for op in conditions._ARITHMETIC)
    order = " ".join(f"`{symbols[op]}`" for op in conditions._ORDER)
    equality = " ".join(f"`{symbols[op]}`" for op in conditions._EQUALITY)
    return "\n".join([
        "| operators | take | give |", "|---|---|---|",
        f"| {arithmetic} | numbers | a number (a division by zero gives 0) |",
        "| `-` `+` before a number | a number | a number |",
        f"| {order} | numbers | true or false (chains such as `20 <= violence < 60` work) |",
        f"| {equality} | two numbers, or two true/false values | true or false |",
        "| `and` `or` | true/false values | true or false |",
        "| `not` | a true/false value | true or false |",
        "| `True` `False` | | true, false (capitalised) |",
        "| `( )` | | grouping |",
    ]) + "\n"


def condition_examples() -> str:
    """The examples, each compiled by the engine here (a broken one stops the guide being written)."""
    lines = []
    for text, meaning in CONDITION_EXAMPLES:
        conditions.compile_condition(text, EXAMPLE_IDS)
        lines.append(f"- `{text}`: {meaning}")
    return "\n".join(lines) + "\n"


def condition_limit() -> str:
    return f"{conditions.MAX_LENGTH}"


def accepted_names() -> list[str]:
    """Every name a condition may use: the variables and the functions (the test compares the guide with it)."""
    return list(conditions.VARIABLES) + list(conditions.FUNCTIONS)


def refused_example() -> str:
    """What the engine says to a condition it refuses: its own message, not a paraphrase."""
    try:
        conditions.compile_condition("violence < 'a'", EXAMPLE_IDS)
    except ValueError as exc:
        return str(exc)
    raise AssertionError("the engine accepted a comparison of a number with text")


def red_line_words() -> str:
    library = load_library(str(paths.clause_library()))
    tags = sorted({tag for clause in library.values() for tag in clause.tags})
    kinds = [i.value for i in Instrument if i is not Instrument.no_action]
    return "\n".join([
        "- a clause id (the library's or the case's own), e.g. `icc_referral`: refuses that clause;",
        "- a tag of a clause: refuses every clause carrying it. The shared library's tags: "
        + ", ".join(f"`{t}`" for t in tags) + ";",
        "- a clause category: refuses every clause of that kind: " + ", ".join(f"`{c.value}`" for c in ClauseCategory) + ";",
        "- `chapter_vii`: refuses every clause adopted under Chapter VII;",
        "- a kind of text: refuses any text of that kind with a clause in it (\"a resolution on this matter crosses its "
        "red line\"): " + ", ".join(f"`{k}`" for k in kinds) + ".",
    ]) + "\n"


def vote_rule() -> str:
    return "\n".join([
        f"- A member votes **yes** when its score is at or above **{assess.YES_AT:g}** (`YES_AT`), **no** when it is "
        f"at or below **{assess.NO_AT:g}** (`NO_AT`), and **abstains** in between.",
        f"- It **objects** to a presidential or press statement (which then fails: one objection blocks it) when its "
        f"score is at or below **{assess.BLOCK_AT:g}** (`BLOCK_AT`) or the text crosses a red line.",
        "- A red line crossed makes a **no** (or an objection) whatever the score.",
        f"- A permanent member's no on a resolution is a **veto**, unless the cost of vetoing protection in public "
        f"(`VETO_STIGMA` {assess.VETO_STIGMA:g} x public attention/100 x the draft's protective value x 4 x (1 - `ties`)) "
        f"would lift its score above {assess.NO_AT:g}: then it abstains instead.",
        f"- A resolution is adopted with **{procedure.ADOPTION_THRESHOLD}** yes votes of {procedure.COUNCIL_SIZE} and no "
        "veto; a procedural vote needs the same nine and has no veto; an abstention or absence is never a veto.",
    ]) + "\n"


def factor_table() -> str:
    severity = "(`violence` + `civilians_at_risk`) / 200"
    rows = ["| factor | adds to the score |", "|---|---|",
            f"| protection | `protection` x the draft's protective value x (0.5 + severity), severity = {severity} |",
            "| pressure | `pressure` x public attention/100 x the draft's protective value |",
            "| sovereignty | minus `sovereignty` x the draft's intrusiveness x the text's share of sovereignty cost |",
            "| ties | minus `ties` x the pressure the draft puts on the state concerned |",
            "| cost | minus `cost` x the draft's cost |",
            "| precedent | minus `precedent` x the draft's precedent |",
            "| regional | `regional` x the mean `stance` of the member's `regions` x the larger of the draft's "
            "protective value and its intrusiveness |",
            f"| sponsor | {assess.SPONSOR:+g} (`SPONSOR`) when the member wrote or sponsors the text |",
            f"| relations | `TRUST` {assess.TRUST:g} x the member's mean `relations` with the sponsors |",
            "| lobbying | goodwill won or lost in consultations this round |",
            f"| collegiality | {assess.COLLEGIALITY:+g} (`COLLEGIALITY`) for any text with a clause |",
            "| red line | -1 when the text crosses one (and the vote is no whatever the rest) |"]
    notes = [
        "",
        "The draft's values combine its clauses: its protective value and the pressure on the state add with "
        "diminishing returns (two protective clauses are worth less than double one); its intrusiveness is the most "
        "intrusive clause's plus 0.15 of each other's (at most 1); cost is their sum (-1 to 1); precedent is the most "
        "stretching clause's. Each is scaled by the kind of text (the table above).",
        "",
        f"Host consent multiplies intrusiveness, and the pressure of a mission or a force, by "
        f"{assess.CONSENT_RELIEF:g} (`CONSENT_RELIEF`).",
    ]
    return "\n".join(rows + notes) + "\n"


def score_example() -> str:
    """One member weighing one draft, factor by factor, through the engine's own `assess`."""
    clauses = load_library(str(paths.clause_library()))
    moment = assess.Moment(EXAMPLE_INDICATORS, frozenset())
    result = assess.assess("BRA", EXAMPLE_PROFILE, EXAMPLE_DRAFT, clauses, moment)
    weights = ", ".join(f"{name}: {getattr(EXAMPLE_PROFILE, name):g}" for name in
                        ("sovereignty", "protection", "ties", "pressure", "precedent"))
    lines = [f"An elected member with `{{{weights}, relations: {{FRA: 0.4}}}}` weighs a resolution of "
             + ", ".join(f"`{c}`" for c in EXAMPLE_DRAFT.clauses) + " written by France, with violence at "
             f"{EXAMPLE_INDICATORS['violence']:g}, civilians at risk at {EXAMPLE_INDICATORS['civilians_at_risk']:g} "
             f"and public attention at {EXAMPLE_INDICATORS['public_attention']:g}:", "",
             "| factor | value | because of |", "|---|---|---|"]
    lines += [f"| {f.name} | {_score(f.value)} | {f.note} |" for f in result.factors]
    lines += ["", f"Score **{_score(result.score)}**: it votes **{result.position.value}**. "
                  "`councilgame vote CASE --draft FILE --json` prints the same factors for any draft and member."]
    return "\n".join(lines) + "\n"


def lesson_lengths() -> str:
    return ", ".join(str(m) for m in model.LESSON_MINUTES[:-1]) + f" or {model.LESSON_MINUTES[-1]}"


def limits_table() -> str:
    rows = ["| limit | value |", "|---|---|",
            f"| file size | {safe_yaml.MAX_BYTES:,} bytes |",
            f"| nesting depth | {safe_yaml.MAX_DEPTH} levels |",
            f"| digits in a number | {safe_yaml.MAX_DIGITS} |",
            f"| characters in a condition | {conditions.MAX_LENGTH} |"]
    for name, value in vars(model).items():
        if name.startswith("MAX_") and isinstance(value, int):
            rows.append(f"| {LIMIT_WORDS.get(name, f'`{name}`')} | {value:,} |")
    return "\n".join(rows) + "\n"


@contextmanager
def _home(value: str | None) -> Iterator[None]:
    before = os.environ.get("COUNCILGAME_HOME")
    if value is None:
        os.environ.pop("COUNCILGAME_HOME", None)
    else:
        os.environ["COUNCILGAME_HOME"] = value
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("COUNCILGAME_HOME", None)
        else:
            os.environ["COUNCILGAME_HOME"] = before


def home_folders() -> str:
    """Where the game looks for the user's cases and saves, asked of paths.py with COUNCILGAME_HOME set."""
    with _home(EXAMPLE_HOME):
        home = paths.user_dir()
        cases = paths.user_scenarios().relative_to(home)
        saves = paths.saves_dir().relative_to(home)
    return "\n".join([
        f"With `COUNCILGAME_HOME={EXAMPLE_HOME}`, the game reads your cases from "
        f"`{Path(EXAMPLE_HOME, cases).as_posix()}/` and keeps saves in `{Path(EXAMPLE_HOME, saves).as_posix()}/`.",
    ]) + "\n"


def operators_in_source() -> set[str]:
    """The operator symbols the engine accepts (the test checks the guide names each)."""
    symbols = _symbols()
    return {symbols[op] for table in (conditions._ARITHMETIC, conditions._ORDER, conditions._EQUALITY)
            for op in table} | {"and", "or", "not"}

