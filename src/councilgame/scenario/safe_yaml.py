"""Reading untrusted YAML.

Scenario files travel by e-mail between instructors, so reading one must
never run code, hang, or surprise. We build plain Python values from the
parser's event stream ourselves (iteratively, so depth is counted, not
recursed) and refuse what a scenario never needs:

- anchors and aliases (a 300-byte "billion laughs" file expands to gigabytes);
- tags of any kind (`!!python/object/apply` and friends);
- duplicate keys (the second silently wins in PyYAML);
- YAML 1.1 booleans and sexagesimals: `NO`, `yes`, `on`, `1:20` stay strings,
  only `true` / `false` are booleans (the YAML 1.2 core schema);
- files over MAX_BYTES and nesting deeper than MAX_DEPTH.

Every value's position is kept in `marks` (path tuple -> (line, col), 1-based)
so that validation errors can name the line an author has to fix.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import re
from dataclasses import dataclass, field
from typing import Any, Protocol

import yaml

from councilgame import i18n
from councilgame.i18n import _

_Loader: type[yaml.CSafeLoader] | type[yaml.SafeLoader]
try:  # libyaml's parser is ~10x faster; the Python one behaves the same.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on the wheel
    from yaml import SafeLoader as _Loader

MAX_BYTES = 2_000_000
MAX_DEPTH = 32
# No count a case needs comes near 10**30; Python refuses to read integers past 4,300 digits
# with a ValueError of its own, so longer ones are refused here first, with their line.
MAX_DIGITS = 30

Path = tuple[object, ...]

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$")
_HEX = re.compile(r"^0x_*[0-9a-fA-F][0-9a-fA-F_]*$")  # at least one digit: `0x_` is text
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9][0-9_]*(?:\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class YamlRefused(Exception):
    """The file is not acceptable YAML for a scenario. line/col are 1-based."""

    def __init__(self, message: str, line: int = 0, col: int = 0, path: Path = ()):
        super().__init__(message)
        self.message = message
        self.line = line
        self.col = col
        self.path = path


@dataclass
class Document:
    data: Any
    digest: str = ""  # SHA-256 of the text: a save is bound to the exact case it was played on
    marks: dict[Path, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path, tuple[int, int]] = field(default_factory=dict)

    def mark(self, path: Path) -> tuple[int, int]:
        """Position of the value at path, or of its nearest located ancestor."""
        path = tuple(path)
        while path:
            if path in self.key_marks:
                return self.key_marks[path]
            if path in self.marks:
                return self.marks[path]
            path = path[:-1]
        return self.marks.get((), (1, 1))


class _Mark(Protocol):
    """A parser position: PyYAML's Mark, or libyaml's."""

    line: int
    column: int


def _pos(mark: _Mark | None) -> tuple[int, int]:
    if mark is None:  # the parser places every event; read_yaml's last resort reports it if one day it does not
        raise ValueError("the YAML parser gave no position")
    return (mark.line + 1, mark.column + 1)


def _scalar(event: yaml.ScalarEvent) -> Any:
    value = event.value
    if not event.implicit[0]:
        return value  # quoted or block scalars are always strings
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value) or _HEX.match(value):
        digits = value.replace("_", "").lstrip("+-")
        if len(digits) > MAX_DIGITS:
            raise YamlRefused(_("a number of {count} digits is too long (at most {most})").format(
                count=i18n.number(len(digits)), most=MAX_DIGITS), *_pos(event.start_mark))
        return int(digits, 16) if digits.startswith("0x") else int(value.replace("_", ""))
    if _FLOAT.match(value) and any(c.isdigit() for c in value):
        return float(value.replace("_", ""))
    if value in (".inf", "+.inf", ".Inf", "+.Inf"):
        return float("inf")
    if value in ("-.inf", "-.Inf"):
        return float("-inf")
    if _DATE.match(value):
        try:
            return _dt.date.fromisoformat(value)
        except ValueError:
            return value
    return value


class _Frame:
    __slots__ = ("container", "path", "opened", "key", "key_mark", "keys")

    def __init__(self, container: dict[Any, Any] | list[Any], path: Path, opened: _Mark | None):
        self.container = container
        self.path = path
        self.opened = opened  # parser mark where the container starts
        self.key: object = _NO_KEY
        self.key_mark = (0, 0)  # where the key being read is; set with the key, read only after it
        self.keys: set[str] = set()


_NO_KEY = object()


def read_yaml(text: str | bytes, max_bytes: int = MAX_BYTES, max_depth: int = MAX_DEPTH,
              loader: type[yaml.CSafeLoader] | type[yaml.SafeLoader] | None = None) -> Document:
    """Parse one YAML document into plain values plus positions, or raise YamlRefused.

    Whatever the text holds, nothing but YamlRefused leaves this function."""
    if isinstance(text, bytes):
        if len(text) > max_bytes:
            raise YamlRefused(_("file is {size} bytes; a scenario may be at most {most}").format(
                size=i18n.number(len(text)), most=i18n.number(max_bytes)))
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise YamlRefused(_("not UTF-8 text (byte {offset}: {byte}); save the file as UTF-8").format(
                offset=exc.start, byte=repr(text[exc.start:exc.start + 1]))) from None
    elif len(text) > max_bytes:
        raise YamlRefused(_("file is {size} characters; a scenario may be at most {most}").format(
            size=i18n.number(len(text)), most=i18n.number(max_bytes)))
    if "\x00" in text:
        raise YamlRefused(_("file contains NUL bytes; is it really a YAML text file?"))

    doc = Document(data=None, digest=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest())
    stack: list[_Frame] = []
    documents = 0
    last: yaml.Event | None = None  # the event being read, to place an unexpected failure

    def place(value: Any, start: _Mark | None, path_hint: Path | None = None) -> Path | None:
        """Put a finished value into the container on top of the stack."""
        if not stack:
            doc.data = value
            doc.marks[()] = _pos(start)
            return ()
        top = stack[-1]
        if isinstance(top.container, list):
            path = top.path + (len(top.container),)
            top.container.append(value)
            doc.marks[path] = _pos(start)
            return path
        if top.key is _NO_KEY:  # this value is a key
            if isinstance(value, (dict, list)):
                raise YamlRefused(_("a mapping key must be a plain value"), *_pos(start), path=top.path)
            # By text: `2011:` and `'2011':` name the same year once the schema reads them.
            if str(value) in top.keys:
                first = next(m for k, m in doc.key_marks.items() if k[:-1] == top.path and str(k[-1]) == str(value))
                raise YamlRefused(_('duplicate key "{key}" (the first is at line {line})').format(key=value, line=first[0]),
                                  *_pos(start), path=top.path + (value,))
            top.key = value
            top.key_mark = _pos(start)
            return None
        path = top.path + (top.key,)
        top.container[top.key] = value
        top.keys.add(str(top.key))
        doc.key_marks[path] = top.key_mark
        doc.marks[path] = _pos(start)
        top.key = _NO_KEY
        return path

    def child_path() -> Path:
        if not stack:
            return ()
        top = stack[-1]
        if isinstance(top.container, list):
            return top.path + (len(top.container),)
        return top.path + (top.key,)

    try:
        for event in yaml.parse(text, Loader=loader or _Loader):
            last = event
            if isinstance(event, yaml.AliasEvent):
                raise YamlRefused(_("aliases (*name) are not allowed in scenario files; write the value out"),
                                  *_pos(event.start_mark), path=child_path())
            anchor = getattr(event, "anchor", None)
            if anchor is not None:
                raise YamlRefused(_("anchors (&{anchor}) are not allowed in scenario files").format(anchor=anchor),
                                  *_pos(event.start_mark), path=child_path())
            tag = getattr(event, "tag", None)
            if tag is not None and tag != "!":
                raise YamlRefused(_("tags ({tag}) are not allowed in scenario files").format(tag=tag), *_pos(event.start_mark),
                                  path=child_path())
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise YamlRefused(_("only one YAML document per file (remove the second '---')"), *_pos(event.start_mark))
            elif isinstance(event, yaml.ScalarEvent):
                place(_scalar(event), event.start_mark)
            elif isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                if len(stack) >= max_depth:
                    raise YamlRefused(_deeper(max_depth), *_pos(event.start_mark), path=child_path())
                container: Any = {} if isinstance(event, yaml.MappingStartEvent) else []
                if stack and isinstance(stack[-1].container, dict) and stack[-1].key is _NO_KEY:
                    raise YamlRefused(_("a mapping key must be a plain value"), *_pos(event.start_mark), path=stack[-1].path)
                path = child_path()
                stack.append(_Frame(container, path, event.start_mark))
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                frame = stack.pop()
                place(frame.container, frame.opened)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = _pos(mark) if mark else (0, 0)
        problem = exc.problem or exc.context or ""
        if "nesting depth" in problem:  # libyaml's own limit (1,000 levels), far beyond ours
            raise YamlRefused(_deeper(max_depth), line, col) from None
        if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
            problem += " " + _("(a tab character: indent with spaces)")
        elif any(words in problem for words in INDENTATION_TROUBLE):
            problem += _indentation(text, line)
        raise YamlRefused(_("YAML syntax: {problem}").format(problem=problem), line, col) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. a raw control character
        position = getattr(exc, "position", 0) or 0
        line = text.count("\n", 0, position) + 1
        col = position - (text.rfind("\n", 0, position) + 1) + 1
        raise YamlRefused(_("character {character} is not allowed in YAML ({reason}); write it as an escape in a "
                            'double-quoted string, e.g. "\\u0007"').format(character=repr(exc.character), reason=exc.reason),
                          line, col) from None
    except yaml.YAMLError as exc:
        raise YamlRefused(_("YAML error: {problem}").format(problem=" ".join(str(exc).split()))) from None
    except YamlRefused:
        raise
    except RecursionError:  # pragma: no cover - depth is capped above
        raise YamlRefused(_deeper(max_depth)) from None
    except Exception as exc:  # noqa: BLE001 - a file must never raise anything but YamlRefused
        line, col = _pos(last.start_mark) if last is not None and last.start_mark else (0, 0)
        what = f"{type(exc).__name__}: {' '.join(str(exc).split())[:200]}"
        raise YamlRefused(_("cannot be read: {problem}").format(problem=what), line, col) from None
    return doc


# What the YAML parser says when a line is indented wrongly; an author reads "did not find expected key".
INDENTATION_TROUBLE = ("did not find expected key", "mapping values are not allowed", "expected <block end>",
                       "did not find expected '-'", "could not find expected ':'")


def _indentation(text: str, line: int) -> str:
    """The indentation of the line the parser stopped at beside the line above it, in words: what a
    mis-indented key looks like to an author who cannot see spaces."""
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return ""
    here = lines[line - 1]
    above = next((n for n in range(line - 1, 0, -1) if lines[n - 1].strip() and not lines[n - 1].lstrip().startswith("#")),
                 None)
    if above is None:
        return ""
    ours, theirs = len(here) - len(here.lstrip(" ")), len(lines[above - 1]) - len(lines[above - 1].lstrip(" "))
    if ours == theirs:
        return " " + _("(check line {above} above: a key needs ':' after it, and a list item '- ' before it)").format(
            above=above)
    return " " + _("(this line is indented {ours} spaces and line {above} above it {theirs}: keys of one mapping line up "
                   "in the same column, and a key indented deeper must sit under a key that ends with ':')").format(
        ours=ours, above=above, theirs=theirs)


def _deeper(most: int) -> str:
    return _("nested deeper than {most} levels").format(most=most)

