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
    doc = YamlDocument(file, None)
    problems: list[Problem] = []
    doc.data = _to_python(node, (), doc, problems) if node is not None else {}
    if problems:
        raise ContributorError(problems)
    return doc


def _to_python(node: yaml.Node, path: Path_, doc: YamlDocument, problems: list[Problem]) -> Any:
    doc.lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            if key in result:
                problems.append(Problem(
                    doc.file, f"'{key}' appears twice here; only one is allowed.",
                    line=key_node.start_mark.line + 1, field=_dotted(path + (str(key),)),
                    fix="Delete or merge one of the two.",
                ))
                continue
            # A key's line is where the key is written, even when its value starts on the next line.
            result[key] = _to_python(value_node, path + (str(key),), doc, problems)
            doc.lines[path + (str(key),)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_to_python(item, path + (i,), doc, problems) for i, item in enumerate(node.value)]
    return _scalar(node)


def _scalar(node: yaml.Node) -> Any:
    # Let PyYAML's SafeLoader resolve the tag (int, bool, date...) exactly as yaml.safe_load would.
    value = _CONSTRUCTOR.construct_object(node, deep=True)
    _CONSTRUCTOR.constructed_objects.clear()
    return value


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
