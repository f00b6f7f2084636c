"""Reading untrusted YAML: what is refused, and what is kept as written.
Every test runs under both of PyYAML's parsers: libyaml's (C) and the pure Python one."""

import datetime as dt

import pytest
import yaml

from councilgame.scenario import safe_yaml
from councilgame.scenario.safe_yaml import YamlRefused, read_yaml


@pytest.fixture(autouse=True, params=["libyaml", "python"])
def parser(request, monkeypatch):
    if request.param == "libyaml":
        if not hasattr(yaml, "CSafeLoader"):
            pytest.skip("this PyYAML has no libyaml")
        monkeypatch.setattr(safe_yaml, "_Loader", yaml.CSafeLoader)
    else:
        monkeypatch.setattr(safe_yaml, "_Loader", yaml.SafeLoader)
    return request.param


def refused(text) -> YamlRefused:
    with pytest.raises(YamlRefused) as caught:
        read_yaml(text)
    return caught.value


def test_country_codes_and_yaml11_booleans_stay_strings():
    doc = read_yaml("members: [NOR, NO, yes, off, ON, Y]\nflag: true\nratio: 1:20\n")
    assert doc.data["members"] == ["NOR", "NO", "yes", "off", "ON", "Y"]
    assert doc.data["flag"] is True
    assert doc.data["ratio"] == "1:20"


def test_numbers_dates_and_quoted_values():
    doc = read_yaml("a: 12\nb: 0.5\nc: 1994-04-07\nd: '12'\ne: ~\nf: -3e2\n")
    assert doc.data == {"a": 12, "b": 0.5, "c": dt.date(1994, 4, 7), "d": "12", "e": None, "f": -300.0}


def test_positions_are_kept_for_keys_and_values():
    doc = read_yaml("top:\n  items:\n    - name: x\n      weight: 2\n")
    assert doc.mark(("top", "items", 0, "weight")) == (4, 7)
    assert doc.mark(("top", "items", 0, "missing")) == (3, 7)  # the mapping that lacks it


def test_python_object_tags_are_refused():
    error = refused("x: !!python/object/apply:os.system ['echo hacked']\n")
    assert "tags" in error.message and error.line == 1


def test_custom_tags_are_refused():
    assert "tags" in refused("x: !include other.yaml\n").message


def test_billion_laughs_is_refused_at_the_first_anchor():
    bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
    for i, name in enumerate("bcdefghi"):
        prev = "abcdefghi"[i]
        bomb += f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]\n"
    error = refused(bomb)
    assert "anchors" in error.message and error.line == 1


def test_aliases_without_anchor_are_refused():
    assert "alias" in refused("a: *nothing\n").message.lower() or "YAML" in refused("a: *nothing\n").message


def test_ten_thousand_deep_nesting_is_refused_with_its_line():
    error = refused("[" * 10_000 + "]" * 10_000)
    assert "nested deeper" in error.message and error.line == 1


def test_deep_block_mappings_are_refused_too():
    text = "".join("  " * i + f"k{i}:\n" for i in range(60)) + "  " * 60 + "v\n"
    assert "nested deeper" in refused(text).message


def test_duplicate_keys_are_refused_naming_both_lines():
    error = refused("id: a\ntitle: x\nid: b\n")
    assert "duplicate key" in error.message and "line 1" in error.message and error.line == 3


def test_oversized_files_are_refused_before_parsing():
    error = refused(b"a: " + b"x" * 3_000_000)
    assert "at most" in error.message


def test_non_utf8_bytes_are_refused_with_a_hint():
    assert "UTF-8" in refused(b"title: caf\xe9\n").message


def test_nul_bytes_are_refused():
    assert "NUL" in refused("a: b\x00c\n").message


def test_multiple_documents_are_refused():
    assert "one YAML document" in refused("a: 1\n---\nb: 2\n").message


def test_syntax_errors_carry_a_line():
    error = refused("a: [1, 2\nb: 3\n")
    assert error.message.startswith("YAML syntax") and error.line >= 1


def test_complex_keys_are_refused():
    assert "key" in refused("? [a, b]\n: 1\n").message


def test_nesting_beyond_libyamls_own_limit_gets_our_message_with_its_line():
    # libyaml refuses past 1,000 levels with "exceeded maximum nesting depth" before our check runs
    error = refused("a:\n  b: " + "[" * 2_000 + "]" * 2_000)
    assert error.message == f"nested deeper than {safe_yaml.MAX_DEPTH} levels" and error.line == 2


def test_an_integer_too_long_for_python_is_refused_with_its_line():
    error = refused("a: 1\nb: " + "9" * 5_000 + "\n")
    assert "5,000 digits" in error.message and error.line == 2
    assert "digits" in refused("v: 0x" + "f" * 40).message


def test_a_number_and_its_quoted_text_are_the_same_key():
    error = refused("council:\n  2011: a\n  '2011': b\n")
    assert "duplicate key" in error.message and error.line == 3


def test_a_tab_in_the_indentation_is_named():
    assert "tab" in refused("a:\n\tb: 1\n").message


def test_anything_the_parser_raises_becomes_a_refusal_with_a_line(monkeypatch):
    def broken(value):
        raise ArithmeticError("boom")

    monkeypatch.setattr(safe_yaml, "_scalar", broken)
    error = refused("a: 1\n")
    assert "ArithmeticError" in error.message and error.line == 1


def test_a_hexadecimal_prefix_without_digits_is_text():
    assert read_yaml("a: 0x_\nb: 0x1_f\n").data == {"a": "0x_", "b": 31}
