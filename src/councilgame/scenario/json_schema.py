"""The scenario format as JSON Schema: what `councilgame schema scenario` prints and editors read.

It is generated from the pydantic models (model.py), so it says what the loader checks and cannot
drift from it. A copy ships beside the built-in cases (scenarios/scenario.schema.json), where each
case names it on its first line (`# yaml-language-server: $schema=scenario.schema.json`) for VS
Code's YAML extension and other editors: a relative name that holds in a source checkout and in an
installed wheel alike, since the wheel carries the scenarios folder whole. `make schema` rewrites
the copy; a test fails when it differs from what the models generate.

What the models alone would leave looser than the loader, this adds: a key that is not a member
code or an id is refused (pydantic describes such keys with patternProperties, which lets any other
key through), and each closed vocabulary lists what its values mean.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from councilgame import paths
from councilgame.scenario.model import VALUE_MEANINGS, Scenario

DIALECT = "https://json-schema.org/draft/2020-12/schema"  # the draft pydantic generates for
# A URN, not an address: the schema is not published anywhere, and editors read the file a case names.
SCHEMA_ID = "urn:councilgame:scenario:format-1"
TITLE = "Council scenario (format 1)"
FILE_NAME = "scenario.schema.json"
GUIDE = "docs/authoring.md"


def shipped_path() -> Path:
    """The copy beside the built-in cases."""
    return paths.builtin_scenarios() / FILE_NAME


def scenario_schema() -> dict[str, Any]:
    """The JSON Schema of a scenario file, with its dialect, id and title first."""
    generated = Scenario.model_json_schema()
    _describe_vocabularies(generated.get("$defs", {}))
    _close_keys(generated)
    head: dict[str, Any] = {
        "$schema": DIALECT, "$id": SCHEMA_ID, "title": TITLE,
        "description": f"{Scenario.__doc__} Every field is explained in {GUIDE}; "
                       "`councilgame validate FILE` checks what a schema cannot (ids, dates, votes).",
    }
    return head | {key: value for key, value in generated.items() if key not in head}


def schema_text() -> str:
    """The schema as the shipped file holds it: indented, key order kept, one newline at the end."""
    return json.dumps(scenario_schema(), indent=1, ensure_ascii=False) + "\n"


def write_shipped() -> Path:
    """Rewrite the copy beside the built-in cases (`make schema`)."""
    path = shipped_path()
    path.write_text(schema_text(), encoding="utf-8", newline="\n")
    return path


def _describe_vocabularies(definitions: dict[str, Any]) -> None:
    """Each enum's description lists what its values mean; `enumDescriptions` is the same list in the
    form VS Code shows beside each completion."""
    by_name = {vocabulary.__name__: meanings for vocabulary, meanings in VALUE_MEANINGS.items()}
    for name, definition in definitions.items():
        meanings = by_name.get(name)
        if meanings is None or "enum" not in definition:
            continue
        values = definition["enum"]
        listed = " ".join(f"{value}: {meanings[value]}" for value in values)
        definition["description"] = f"{definition.get('description', name)} {listed}"
        definition["enumDescriptions"] = [meanings[value] for value in values]


def _close_keys(node: Any) -> None:
    """A mapping keyed by member codes or ids refuses any other key, as the loader does."""
    if isinstance(node, dict):
        if "patternProperties" in node and "additionalProperties" not in node:
            node["additionalProperties"] = False
        for value in node.values():
            _close_keys(value)
    elif isinstance(node, list):
        for value in node:
            _close_keys(value)


def as_json_data(value: Any) -> Any:
    """Plain data read from YAML, as JSON would hold it: dates as YYYY-MM-DD text and every key as text
    (YAML reads `1994:` as a number; JSON Schema sees object keys only as text)."""
    if isinstance(value, dict):
        return {_json_key(key): as_json_data(item) for key, item in value.items()}
    if isinstance(value, list):
        return [as_json_data(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _json_key(key: Any) -> str:
    if isinstance(key, str):
        return key
    if isinstance(key, bool):  # YAML's `true:` as a key; JSON spells it in lower case
        return "true" if key else "false"
    if isinstance(key, dt.date):
        return key.isoformat()
    return str(key)


if __name__ == "__main__":
    print(f"wrote {write_shipped()}")
