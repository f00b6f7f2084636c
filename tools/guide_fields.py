"""The authoring guide's field reference, written from the JSON Schema the models generate.

Read from the schema rather than from the models themselves, so the guide and an editor reading
`scenario.schema.json` say the same: each field's meaning, whether it is required, its default,
its type and range in words, and an example as YAML. tools/authoring_guide.py puts it in the guide.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from councilgame.scenario import model

# The patterns pydantic writes for the model's Id and Code, said in words.
ID_PATTERN = r"^[a-z0-9][a-z0-9_\-]*$"
CODE_PATTERN = r"^[A-Z]{3}$"
# A plain YAML scalar needs no quotes when it holds only these (no ': ', ' #', leading symbols); inside
# a flow collection ([...] or {...}) a comma would end it, so there it may not hold one.
PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 _.,'()/-]*$")
PLAIN_IN_FLOW = re.compile(r"^[A-Za-z][A-Za-z0-9 _.'()/-]*$")
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")  # written bare, YAML reads it as the date the loader wants
# The end of a description's first sentence (not the full stop of "e.g.").
SENTENCE_END = re.compile(r"(?<!e\.g)\. (?=[A-Z])")
YAML_WORDS = {"true", "false", "null", "yes", "no", "on", "off", "y", "n", "~"}


def ref_name(node: dict[str, Any]) -> str | None:
    ref = node.get("$ref")
    return ref.rsplit("/", 1)[-1] if isinstance(ref, str) else None


def anchor(name: str) -> str:
    return name.lower()


def link(name: str) -> str:
    return f"[{name}](#{anchor(name)})"


def models_in_order(schema: dict[str, Any], root: str) -> list[str]:
    """The model definitions reachable from root, each after the first field that leads to it."""
    defs = schema.get("$defs", {})
    order = [root]
    for name in order:
        node = schema if name == root else defs[name]
        for prop in node.get("properties", {}).values():
            for found in _refs(prop):
                if found not in order and "properties" in defs.get(found, {}):
                    order.append(found)
    return order


def vocabularies_in_order(schema: dict[str, Any], root: str) -> list[str]:
    """The enum definitions the models use, in the order the field reference first names them."""
    defs = schema.get("$defs", {})
    out: list[str] = []
    for name in models_in_order(schema, root):
        node = schema if name == root else defs[name]
        for prop in node.get("properties", {}).values():
            out += [found for found in _refs(prop) if "enum" in defs.get(found, {}) and found not in out]
    return out


def _refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        name = ref_name(node)
        if name:
            yield name
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


def type_words(node: dict[str, Any], defs: dict[str, Any]) -> str:
    """A schema node's type and range, as an instructor reads it."""
    branches = node.get("anyOf")
    if branches:
        kinds = [type_words(b, defs) for b in branches if b.get("type") != "null"]
        return " or ".join(kinds)
    name = ref_name(node)
    if name:
        target = defs[name]
        if "enum" in target:
            return "one of " + ", ".join(f"`{v}`" for v in target["enum"]) + f" ({link(name)})"
        return f"{'an' if name[0] in 'AEIOU' else 'a'} {link(name)}"
    if "enum" in node:  # a closed list written in the field itself (a Literal)
        return "one of " + ", ".join(f"`{v}`" for v in node["enum"])
    if "const" in node:
        return f"always `{json.dumps(node['const'])}`"
    kind = node.get("type")
    if kind == "string":
        return _text_words(node)
    if kind in ("number", "integer"):
        return _number_words(node)
    if kind == "boolean":
        return "`true` or `false`"
    if kind == "array":
        count = _count_words(node.get("minItems"), node.get("maxItems"), "item")
        return f"a list ({count + ', ' if count else ''}each {type_words(node.get('items', {}), defs)})"
    if kind == "object":
        return _mapping_words(node, defs)
    return "any value"


def _text_words(node: dict[str, Any]) -> str:
    pattern = node.get("pattern")
    if pattern == ID_PATTERN:
        return "an id"  # what an id and a country code are is said once, above the field reference
    if pattern == CODE_PATTERN:
        return "a country code"
    if node.get("format") == "date":
        return "a date (`YYYY-MM-DD`)"
    most = node.get("maxLength")
    return "text" + (f" (up to {most:,} characters)" if most else "")


def _number_words(node: dict[str, Any]) -> str:
    noun = "a whole number" if node.get("type") == "integer" else "a number"
    low = node.get("minimum", node.get("exclusiveMinimum"))
    high = node.get("maximum", node.get("exclusiveMaximum"))
    if low is not None and high is not None:
        if "exclusiveMinimum" in node:
            return f"{noun} above {_num(low)}, at most {_num(high)}"
        return f"{noun} from {_num(low)} to {_num(high)}"
    if low is not None:
        return f"{noun} of at least {_num(low)}"
    if high is not None:
        return f"{noun} of at most {_num(high)}"
    return noun


def _num(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:g}"


def _count_words(low: int | None, high: int | None, noun: str) -> str:
    if low and high:
        return f"{low} to {high} {noun}s" if low != high else f"exactly {low} {noun}s"
    if high:
        return f"at most {high:,} {noun}s"
    if low:
        return f"at least {low} {noun}{'s' if low > 1 else ''}"
    return ""


def _mapping_words(node: dict[str, Any], defs: dict[str, Any]) -> str:
    names = node.get("propertyNames", {})
    patterns = node.get("patternProperties", {})
    if patterns:
        pattern, value = next(iter(patterns.items()))
        key = _text_words({"type": "string", "pattern": pattern})
    else:
        value = node.get("additionalProperties", {})
        key = _key_words(names, defs)
    count = _count_words(node.get("minProperties"), node.get("maxProperties"), "entrie")
    value_words = type_words(value, defs) if isinstance(value, dict) else "any value"
    return f"a mapping of {key} to {value_words}" + (f" ({count})" if count else "")


def _key_words(names: dict[str, Any], defs: dict[str, Any]) -> str:
    if "description" in names:  # said in words where the model gives the keys a meaning (a year)
        return str(names["description"])
    name = ref_name(names)
    if name:
        return "the names of " + link(name)
    if "enum" in names:
        return "one of " + ", ".join(f"`{v}`" for v in names["enum"])
    if "pattern" in names:
        return f"keys matching `{names['pattern']}`"
    return "text"


def yaml_flow(value: Any, in_flow: bool = False) -> str:
    """A value as one line of YAML (flow style), quoted only where YAML needs it."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, (int, float)):
        return str(int(value)) if float(value).is_integer() else repr(value)
    if isinstance(value, str):
        plain = ((PLAIN_IN_FLOW if in_flow else PLAIN).match(value) and value.lower() not in YAML_WORDS) or DATE.match(value)
        return value if plain else json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(yaml_flow(v, True) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_flow_key(k)}: {yaml_flow(v, True)}" for k, v in value.items()) + "}"
    return json.dumps(value)


def _flow_key(key: Any) -> str:
    # A year or a lesson length is written bare: YAML reads it as the number the loader expects.
    return str(key) if isinstance(key, int) or (isinstance(key, str) and key.isdigit()) else yaml_flow(key, True)


def model_examples(model_name: str, field: str) -> list[Any] | None:
    """A field's examples as the model gives them (the schema's copy has its keys sorted)."""
    cls = getattr(model, model_name, None)
    if not (isinstance(cls, type) and issubclass(cls, BaseModel)) or field not in cls.model_fields:
        return None
    return cls.model_fields[field].examples


def field_lines(name: str, node: dict[str, Any], required: bool, defs: dict[str, Any],
                examples: list[Any] | None = None) -> list[str]:
    """One field: its name, whether it must be given, its type in words, its meaning, an example."""
    status = "**required**" if required else "optional"
    description = node.get("description", "").rstrip(".")
    lines = [f"- **`{name}`** ({status}): {type_words(node, defs)}.", f"  {description}."]
    examples = examples if examples is not None else node.get("examples")
    if examples:
        shown = "; ".join(f"`{name}: {yaml_flow(example)}`" for example in examples)
        lines.append(f"  Example: {shown}")
    return lines


def model_section(schema: dict[str, Any], name: str, root: str, level: str = "###") -> list[str]:
    """A model's heading, its description and each of its fields in the order the model declares them."""
    defs = schema.get("$defs", {})
    node = schema if name == root else defs[name]
    title = name if name != root else root
    lines = [f'{level} {title}', ""]
    if node.get("description"):
        lines += [node["description"], ""]
    required = set(node.get("required", []))
    for field, prop in node.get("properties", {}).items():
        lines += field_lines(field, prop, field in required, defs, model_examples(name, field))
    return lines + [""]


def reference(schema: dict[str, Any], root: str, level: str = "###", skip: frozenset[str] = frozenset()) -> str:
    """Every model reachable from root, root first, but those already described elsewhere (skip)."""
    out: list[str] = []
    for name in models_in_order(schema, root):
        if name not in skip:
            out += model_section(schema, name, root, level)
    return "\n".join(out).rstrip() + "\n"


def vocabulary_section(schema: dict[str, Any], root: str, meanings: dict[str, dict[str, str]]) -> str:
    """Each closed vocabulary the models use, with what every value means."""
    out: list[str] = []
    for name in vocabularies_in_order(schema, root):
        out += [f"### {name}", "", "| value | meaning |", "|---|---|"]
        out += [f"| `{value}` | {meanings[name][value]} |" for value in schema["$defs"][name]["enum"]]
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def top_level_table(schema: dict[str, Any]) -> str:
    """The sections of a case file, in order, one line each."""
    required = set(schema.get("required", []))
    rows = ["| section | | what it holds |", "|---|---|---|"]
    for field, prop in schema["properties"].items():
        first_sentence = SENTENCE_END.split(prop.get("description", ""))[0].rstrip(".")
        rows.append(f"| `{field}` | {'required' if field in required else 'optional'} | {first_sentence} |")
    return "\n".join(rows) + "\n"
