"""What delegations say, in the words of the phrase book (text is data:
scenarios/library/phrases.yaml). Fields are filled by plain replacement,
never by str.format, so a phrase can only ever insert the four known fields."""

from __future__ import annotations

from collections.abc import Callable, Mapping

from councilgame.delegations.assess import Assessment
from councilgame.scenario.model import Clause, Phrases


def say(phrases: Phrases, key: str, **fields: str) -> str:
    text: str = getattr(phrases, key)
    for name, value in fields.items():
        text = text.replace("{" + name + "}", value)
    return text


def red_line_title(red_line: str, clauses: Mapping[str, Clause]) -> str:
    """What a red line names, in words: a clause's title, or an instrument."""
    if red_line in clauses:
        return clauses[red_line].title
    return "a " + red_line.replace("_", " ") + " on this matter"


def main_concern(assessment: Assessment) -> str:
    """The factor that weighs most against the text, in words."""
    against = [f for f in assessment.factors if f.value < 0]
    if not against:
        return "the balance of the text"
    worst = min(against, key=lambda f: f.value)
    return f"{worst.name}, {worst.note}" if worst.note else worst.name


def stated_position(phrases: Phrases, assessment: Assessment, clauses: Mapping[str, Clause],
                    name: Callable[[str], str], statement: bool = False) -> str:
    member = name(assessment.member)
    if assessment.red_line:
        return say(phrases, "position_red_line", member=member, clause=red_line_title(assessment.red_line, clauses))
    if statement:
        key = "statement_object" if assessment.blocks_consensus else "statement_assent"
        return say(phrases, key, member=member, reason=main_concern(assessment))
    key = {"yes": "position_yes", "abstain": "position_abstain", "no": "position_no"}[assessment.position.value]
    if assessment.veto:
        key = "position_veto"
    return say(phrases, key, member=member, reason=main_concern(assessment))


def amendment_request(phrases: Phrases, member: str, clause: Clause, softer: Clause | None) -> str:
    if softer is None:
        return say(phrases, "amendment_drop", member=member, clause=clause.title)
    return say(phrases, "amendment_soften", member=member, clause=clause.title, softer=softer.title)
