"""The scenario format as JSON Schema: every field described, the shipped copy current, and every
shipped case valid against it with a real JSON Schema validator (what an editor would check)."""

import copy
import datetime as dt
import inspect
import json
import re
import typing
from enum import Enum
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from pydantic import BaseModel, TypeAdapter, ValidationError

from councilgame.cli import main
from councilgame.scenario import model
from councilgame.scenario.json_schema import (DIALECT, FILE_NAME, SCHEMA_ID, as_json_data, scenario_schema, schema_text,
                                              shipped_path)
from councilgame.scenario.safe_yaml import read_yaml
from councilgame.scenario.overlay_names import is_overlay

from conftest import MINI_FILE, ROOT

CASES = sorted(p for p in (ROOT / "scenarios").glob("*.yaml") if not is_overlay(p))  # x.fr.yaml translates x.yaml
MODELS = [cls for cls in vars(model).values()
          if inspect.isclass(cls) and issubclass(cls, BaseModel) and cls.__module__ == model.__name__ and cls.model_fields]
ENUMS = [cls for cls in vars(model).values()
         if inspect.isclass(cls) and issubclass(cls, Enum) and cls.__module__ == model.__name__]
MODELINE = f"# yaml-language-server: $schema={FILE_NAME}"


def validator():
    return Draft202012Validator(scenario_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def plain_data(path: Path):
    """A case as the loader reads it (the project's safe YAML), then as JSON would hold it."""
    return as_json_data(read_yaml(path.read_bytes()).data)


def properties(node, where="$"):
    """Every (place, name, schema) of a property anywhere in a schema."""
    if isinstance(node, dict):
        for name, prop in node.get("properties", {}).items():
            yield f"{where}.{name}", name, prop
        for key, value in node.items():
            yield from properties(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from properties(value, f"{where}[{i}]")


def test_every_field_of_every_model_has_a_description():
    missing = [f"{cls.__name__}.{name}" for cls in MODELS for name, info in cls.model_fields.items() if not info.description]
    assert sum(len(cls.model_fields) for cls in MODELS) > 200
    assert missing == []


def test_every_property_of_the_scenario_schema_has_a_description():
    schema = scenario_schema()
    found = list(properties(schema))
    undescribed = [where for where, _, prop in found if not prop.get("description")]
    # Every field of every model a case file uses is a property of the schema: the count is the whole format.
    in_cases = [model.Scenario] + [getattr(model, name) for name, d in schema["$defs"].items() if "properties" in d]
    assert len(found) == sum(len(cls.model_fields) for cls in in_cases) > 140
    assert undescribed == []


def test_every_value_of_every_closed_vocabulary_says_what_it_means():
    assert set(model.VALUE_MEANINGS) == set(ENUMS)
    for vocabulary in ENUMS:
        assert set(model.VALUE_MEANINGS[vocabulary]) == {v.value for v in vocabulary}, vocabulary.__name__
        assert vocabulary.__doc__, vocabulary.__name__
    definition = scenario_schema()["$defs"]["Indicator"]
    assert "violence: How intense" in definition["description"] and len(definition["enumDescriptions"]) == len(model.Indicator)


def test_the_scenario_schema_is_valid_draft_2020_12_with_a_title_and_an_id():
    schema = scenario_schema()
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == DIALECT == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SCHEMA_ID and schema["title"].startswith("Council scenario")
    assert list(schema)[:3] == ["$schema", "$id", "title"]


def test_schema_scenario_prints_the_schema_the_models_generate(capsys):
    assert main(["schema", "scenario"]) == 0
    printed = capsys.readouterr().out
    assert printed == schema_text()
    assert json.loads(printed)["properties"].keys() == model.Scenario.model_fields.keys()


def test_schema_record_still_prints_the_records_schema(capsys):
    from councilgame.record.schema import Report

    assert main(["schema", "record"]) == 0
    assert json.loads(capsys.readouterr().out) == Report.model_json_schema()


def test_the_shipped_schema_file_is_what_the_models_generate():
    assert shipped_path() == ROOT / "scenarios" / FILE_NAME
    assert shipped_path().read_text(encoding="utf-8") == schema_text(), "run make schema"


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_every_shipped_case_names_the_shipped_schema_on_its_first_line(path):
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first == MODELINE
    named = first.split("$schema=", 1)[1]
    assert (path.parent / named).resolve() == shipped_path().resolve()


@pytest.mark.parametrize("path", CASES + [MINI_FILE], ids=lambda p: p.stem)
def test_every_shipped_case_is_valid_against_the_json_schema(path):
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator().iter_errors(plain_data(path))]
    assert errors == []


def test_the_library_files_are_not_scenarios_and_carry_no_scenario_schema():
    for path in (ROOT / "scenarios" / "library").glob("*.yaml"):
        assert "yaml-language-server" not in path.read_text(encoding="utf-8").splitlines()[0]


def test_yaml_keys_become_text_and_dates_iso_as_json_holds_them():
    data = {1994: {"start": dt.date(1994, 4, 7)}, "lessons": {45: ["a"]}, True: [dt.date(2000, 1, 1)]}
    assert as_json_data(data) == {"1994": {"start": "1994-04-07"}, "lessons": {"45": ["a"]}, "true": ["2000-01-01"]}


# What the loader's schema stage refuses in a small case, the JSON Schema refuses too.
def _year(data, value):
    data["council"] = {value: data["council"][2011]}


def _lesson(data, value):
    data["lessons"] = {value: ["one"]}


def _profile_key(data, value):
    data["profiles"][value] = data["profiles"].pop("CHN")


def _weight(data, value):
    data["profiles"]["CHN"]["sovereignty"] = value


def _unknown_field(data, value):
    data["rounds"][0][value] = 1


def _date(data, value):
    data["rounds"][0]["start"] = value


MISTAKES = [
    (_year, 1900), (_year, 2101), (_year, "19x4"), (_lesson, 30), (_lesson, 50), (_profile_key, "uk"), (_profile_key, "Fra"),
    (_weight, 1.4), (_weight, -0.1), (_unknown_field, "penholdr"), (_date, "1994-13-01"),
]


@pytest.mark.parametrize("mutate, value", MISTAKES, ids=[f"{m.__name__}-{v}" for m, v in MISTAKES])
def test_the_schema_refuses_what_the_loader_refuses(mutate, value):
    data = copy.deepcopy(read_yaml(MINI_FILE.read_bytes()).data)
    mutate(data, value)
    with pytest.raises(ValidationError):
        model.Scenario.model_validate(data)
    assert list(validator().iter_errors(as_json_data(data)))


@pytest.mark.parametrize("mutate, value", [(_year, "2011"), (_lesson, 45), (_lesson, "90")])
def test_the_schema_accepts_what_the_loader_accepts(mutate, value):
    data = copy.deepcopy(read_yaml(MINI_FILE.read_bytes()).data)
    mutate(data, value)
    model.Scenario.model_validate(data)
    assert list(validator().iter_errors(as_json_data(data))) == []


def test_the_year_pattern_is_exactly_the_years_the_model_accepts():
    key_type = typing.get_args(model.Scenario.model_fields["council"].annotation)[0]
    years = TypeAdapter(key_type)
    pattern = re.compile(scenario_schema()["properties"]["council"]["propertyNames"]["pattern"])
    for year in range(1800, 2300):
        try:
            years.validate_python(year)
            accepted = True
        except ValidationError:
            accepted = False
        assert bool(pattern.match(str(year))) == accepted, year


def test_every_example_in_the_models_is_valid_for_its_field():
    for cls in MODELS:
        schema = scenario_schema() if cls is model.Scenario else cls.model_json_schema()
        for name, info in cls.model_fields.items():
            field_schema = dict(schema["properties"][name], **{"$defs": schema.get("$defs", {})})
            check = Draft202012Validator(field_schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
            for example in info.examples or []:
                assert list(check.iter_errors(as_json_data(example))) == [], f"{cls.__name__}.{name}: {example!r}"
