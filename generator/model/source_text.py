"""Reads a contributor's file as text: UTF-8, an optional byte-order mark, and no control characters.

Every data and content file goes through `read_source`, so a file saved in another encoding, or carrying an
invisible character pasted from a word processor, is named with its line instead of failing later.
"""

from __future__ import annotations

import re
from pathlib import Path

from generator.model.errors import ContributorError, Problem

BOM = "\ufeff"
# C0 controls but tab, line feed and carriage return; DEL; C1 controls. None is ever meant in a page or a
# value, and some (NUL) cut text short or corrupt it in browsers and tools.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
ENCODING_FIX = ("Save the file as UTF-8 (in your editor: 'Save with encoding', then UTF-8). Text pasted from a "
                "word processor or an old file is the usual cause; retype the characters on that line.")
CONTROL_FIX = ("Delete the invisible character (retype the text around it): it usually comes from text pasted "
               "from another program.")


def read_source(path: Path, file: str) -> str:
    """The file's text (file: its name as the contributor sees it). A UTF-8 byte-order mark is dropped;
    anything that is not UTF-8 text, and control characters, are refused with their line."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        byte = data[error.start:error.start + 1].hex()
        raise ContributorError([Problem(
            file, f"The file is not UTF-8 text: the byte 0x{byte} on this line is not a character.", line,
            fix=ENCODING_FIX)]) from None
    text = text.removeprefix(BOM)
    problems = control_characters(text, file)
    if problems:
        raise ContributorError(problems)
    return text


def control_characters(text: str, file: str, first_line: int = 1, field: str | None = None) -> list[Problem]:
    """A problem for each line holding a control character (first_line: the line text starts on)."""
    problems = []
    seen: set[int] = set()
    for match in CONTROL.finditer(text):
        line = first_line + text.count("\n", 0, match.start())
        if line not in seen:
            seen.add(line)
            problems.append(Problem(file, f"This line contains an invisible control character "
                                    f"(U+{ord(match.group()):04X}).", line, field, CONTROL_FIX))
    return problems
