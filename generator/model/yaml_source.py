"""Reads YAML and remembers the line of every value, so errors can point at the line to edit.

PyYAML's plain loaders forget positions and silently keep the last of two duplicate keys; we compose
the node tree ourselves to keep both the line numbers and a complaint about duplicates.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from generator.memo import digest, read, write
from generator.model.errors import ContributorError, Problem
from generator.model.source_text import CONTROL, CONTROL_FIX

Path_ = tuple[str | int, ...]

_YAML_HINT = (
    "Check the line and the one above it: a missing space after ':', a tab instead of spaces, "
    "uneven indentation, or text containing ': ' or '#' that needs \"quotes\"."
)


@dataclass
class YamlDocument:
    """Plain Python data plus the line (1-based) at which each path starts."""

    file: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int | None:
        """The line of the longest known prefix of path (a missing field points at its parent)."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None


def parse_yaml(text: str, file: str) -> YamlDocument:
    """Parse one YAML document. Raises ContributorError on syntax errors and duplicate keys.

    Inside `reusing_parsed_texts`, a text read before (in this process or by an earlier build) is not parsed again; its
    data is shared, not copied, and not to be changed."""
    if _parsed is None:
        return _parse(text, file)
    key = digest((file, text))
    found = _parsed.used.get(key) or _parsed.stored.get(key)
    if found is None:
        doc = _parse(text, file)
        found, _parsed.added = (doc.data, doc.lines), True
    _parsed.used[key] = found
    return YamlDocument(file, *found)


def still_used(text: str, file: str) -> None:
    """A text this process parsed before, and does not parse again: keep it in the memo file all the same."""
    if _parsed is not None and (key := digest((file, text))) in _parsed.stored:
        _parsed.used[key] = _parsed.stored[key]


class _ParsedTexts:
    """The parsed texts of a load: those read from the memo file, and those this load used."""

    def __init__(self, stored: dict[bytes, tuple[Any, dict]]):
        self.stored = stored
        self.used: dict[bytes, tuple[Any, dict]] = {}
        self.added = False


_parsed: _ParsedTexts | None = None


@contextmanager
def reusing_parsed_texts(memo: Path) -> Iterator[None]:
    """Parse each text at most once across builds: the texts parsed are kept in memo (a pickle in the build's
    working folder), for the next load in another process. Only the texts this load used are kept."""
    global _parsed
    stored = read(memo)
    _parsed = _ParsedTexts(stored["texts"] if isinstance(stored, dict) and stored.get("code") == _CODE
                  and isinstance(stored.get("texts"), dict) else {})
    try:
        yield
        if _parsed.added or len(_parsed.used) != len(_parsed.stored):
            memo.parent.mkdir(parents=True, exist_ok=True)
            write(memo, {"code": _CODE, "texts": _parsed.used})
    finally:
        _parsed = None


def _parse(text: str, file: str) -> YamlDocument:
    try:
        try:
            node = yaml.compose(text, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            # libyaml found a mistake: let the pure-Python parser describe it, as it always has.
            node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or "the file is not valid YAML"
        raise ContributorError(
            [Problem(file, f"The YAML could not be read: {problem}.", line=mark.line + 1 if mark else None,
                     fix=_YAML_HINT)]
        ) from None
    except (yaml.YAMLError, RecursionError):
        raise ContributorError([Problem(file, "The YAML could not be read: it is nested too deeply.",
                                        fix=_NESTING_FIX)]) from None
    doc = YamlDocument(file, None)
    walk = _Walk(doc)
    try:
        doc.data = walk.value(node, (), 0) if node is not None else {}
    except _TooMuch as error:
        walk.problems.append(error.problem)
    if walk.problems:
        raise ContributorError(walk.problems)
    return doc


# Data is a tree of a few thousand values. Aliases (&name, *name) can make a short text stand for an enormous
# or endless one ("billion laughs"), and nesting can exhaust Python's stack: both are refused early.
MAX_VALUES = 200_000  # values a file may stand for, aliases expanded
MAX_ALIAS_DEPTH = 4  # aliases within what an alias stands for
MAX_NESTING = 60  # groups and lists within each other
_NESTING_FIX = "Write the data as plain 'name: value' lines and lists, indented a few levels at most."
_ALIAS_FIX = ("Write the values out in full instead of repeating them with &name and *name: data files do not "
              "need aliases.")


class _TooMuch(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem


class _Walk:
    """The node tree -> plain data, noting each value's line; every mistake becomes a problem."""

    def __init__(self, doc: YamlDocument):
        self.doc, self.problems = doc, []
        self.count = 0
        self.seen: set[int] = set()  # collections met before: met again, it is through an alias
        self.open: set[int] = set()  # collections being read (an alias to one of them never ends)

    def problem(self, node: yaml.Node, path: Path_, message: str, fix: str) -> None:
        self.problems.append(Problem(self.doc.file, message, node.start_mark.line + 1, _dotted(path) or None, fix))

    def too_much(self, node: yaml.Node, path: Path_, message: str, fix: str) -> _TooMuch:
        return _TooMuch(Problem(self.doc.file, message, node.start_mark.line + 1, _dotted(path) or None, fix))

    def value(self, node: yaml.Node, path: Path_, aliased: int) -> Any:
        self.count += 1
        if self.count > MAX_VALUES:
            raise self.too_much(node, path, f"The file stands for more than {MAX_VALUES:,} values once its "
                                "aliases (*name) are expanded.", _ALIAS_FIX)
        if len(path) > MAX_NESTING:
            raise self.too_much(node, path, f"The data is nested more than {MAX_NESTING} levels deep.",
                                _NESTING_FIX)
        self.doc.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path)
        key = id(node)
        if key in self.open:
            self.problem(node, path, "An alias (*name) here refers to the group or list it is inside, so it "
                         "never ends.", _ALIAS_FIX)
            return None
        if key in self.seen:
            aliased += 1
            if aliased > MAX_ALIAS_DEPTH:
                raise self.too_much(node, path, f"Aliases (*name) here repeat other aliases more than "
                                    f"{MAX_ALIAS_DEPTH} levels deep.", _ALIAS_FIX)
        self.seen.add(key)
        self.open.add(key)
        try:
            if isinstance(node, yaml.SequenceNode):
                return [self.value(item, path + (i,), aliased) for i, item in enumerate(node.value)]
            return self.mapping(node, path, aliased)
        finally:
            self.open.discard(key)

    def mapping(self, node: yaml.Node, path: Path_, aliased: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problem(key_node, path, "'<<' (merging another group in) cannot be used in data files.",
                             "Write the fields out in full.")
                continue
            if not isinstance(key_node, yaml.ScalarNode):
                kind = "a list" if isinstance(key_node, yaml.SequenceNode) else "a group of fields"
                self.problem(key_node, path, f"A field's name here is {kind}, not a name.",
                             "Write each field as 'name: value', the name a plain word (a '?' or '[' at the start "
                             "of a line makes YAML read what follows as a name).")
                continue
            key = self.scalar(key_node, path)
            if key in result:
                self.problem(key_node, path + (str(key),), f"'{key}' appears twice here; only one is allowed.",
                             "Delete or merge one of the two.")
                continue
            # A key's line is where the key is written, even when its value starts on the next line.
            result[key] = self.value(value_node, path + (str(key),), aliased)
            self.doc.lines[path + (str(key),)] = key_node.start_mark.line + 1
        return result

    def scalar(self, node: yaml.Node, path: Path_) -> Any:
        try:
            value = _scalar(node)
        except (yaml.YAMLError, ValueError, OverflowError):
            # Legal YAML whose value cannot be made: an impossible date (2026-02-30), an unknown !tag.
            self.problem(node, path, _unreadable(node), _UNREADABLE_FIX.get(
                node.tag, "Write the value as plain text, a number, true or false, or a date as YYYY-MM-DD."))
            return None
        if isinstance(value, bytes | bytearray | set):  # !!binary, !!set: not data a page can show
            self.problem(node, path, f"The value uses the tag '{node.tag}', which data files cannot use.",
                         "Write the value as plain text, a number, true or false, or a date as YYYY-MM-DD.")
            return None
        if isinstance(value, str) and (control := CONTROL.search(value)):
            self.problem(node, path, f"The text contains an invisible control character "
                         f"(U+{ord(control.group()):04X}).", CONTROL_FIX)
        return value


_UNREADABLE_FIX = {"tag:yaml.org,2002:timestamp": "Write a date that exists, as YYYY-MM-DD (months 01 to 12, "
                                                  "days up to the month's last)."}


def _unreadable(node: yaml.Node) -> str:
    if node.tag == "tag:yaml.org,2002:timestamp":
        return f"'{node.value}' is not a date that exists."
    if node.tag.startswith("tag:yaml.org,2002:"):
        return f"'{node.value}' cannot be read as a value."
    return f"The value uses the tag '{node.tag}', which data files cannot use."


def _scalar(node: yaml.Node) -> Any:
    # Let PyYAML's SafeLoader resolve the tag (int, bool, date...) exactly as yaml.safe_load would.
    try:
        return _CONSTRUCTOR.construct_object(node, deep=True)
    finally:
        _CONSTRUCTOR.constructed_objects.clear()
        _CONSTRUCTOR.recursive_objects.clear()


# What parsing depends on besides the text: this module and PyYAML.
_CODE = hashlib.blake2b(Path(__file__).read_bytes() + yaml.__version__.encode(), digest_size=16).hexdigest()
# libyaml's parser when PyYAML has it (several times faster); both resolve tags the same way.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CONSTRUCTOR = yaml.SafeLoader(" ")


def _dotted(path: Path_) -> str:
    text = ""
    for part in path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def field_name(path: Path_) -> str:
    """A field path as people read it: 'authorities[3].name.cy' (list items counted from 1)."""
    return _dotted(path)
