"""Reading untrusted YAML: what is refused, and what is kept as written."""

import datetime as dt

import pytest

from councilgame.scenario.safe_yaml import YamlRefused, read_yaml


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
