"""Issue 28: each class of contributor mistake found by mutation ends in a plain message naming the file that was
edited, its line where one exists, and exit 1 through `generator check` (which does not build: fast). One copy
of the project is shared; each case changes one file and puts it back."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

from generator import cli
from tests.conftest import copy_project

BILLION_LAUGHS = "l0: &l0 [x]\n" + "".join(
    f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]\n" for n in range(1, 10))
ALLOWANCE = "age-0-4: {unconfirmed: true}"


def _known(amount: str) -> tuple[str, str]:
    return ALLOWANCE, f"age-0-4: {{amount: {amount}, source: nff-final-report, as_of: '2026'}}"


# (file, old text or None to append, new text, expected in the message, the line holding this text or None)
CASES = {
    "not UTF-8": ("data/regions.yml", "  - id: gwent\n", b"  - id: gwent \xff\n", "is not UTF-8", "id: gwent"),
    "NUL byte in content": ("content/en/main/who-can-foster.md", None, b"\nText\x00here.\n", "control character",
                            "Text"),
    "impossible date": ("content/en/handbook/health.md", "reviewed: 2026-11-02", "reviewed: 2026-02-30",
                        "not a date that exists", "reviewed: 2026-02-30"),
    "month 13 as_of": ("data/national_data.yml", 'as_of: "2016"', 'as_of: "2016-13"', "not a date that exists",
                       'as_of: "2016-13"'),
    "list as a key": ("data/regions.yml", None, "\n? [a, b]\n: c\n", "is a list, not a name", "? [a, b]"),
    "recursive alias": ("data/regions.yml", None, "\nloop: &loop [*loop]\n", "never ends", "loop:"),
    "billion laughs": ("data/regions.yml", None, "\n" + BILLION_LAUGHS, "Aliases", None),
    "unknown locale": ("data/site.yml", "locale: en_GB", "locale: xx_YY", "not a locale Babel knows",
                       "locale: xx_YY"),
    "repeated language code": ("data/site.yml", "- code: cy", "- code: en", "listed 2 times", None),
    "division by zero": ("content/en/main/who-can-foster.md", None, "\n{{ 1 / 0 }}\n", "division", "1 / 0"),
    "huge range": ("content/en/main/who-can-foster.md", None, "\n{% for i in range(10**9) %}x{% endfor %}\n",
                   "template code", "range(10**9)"),
    "macro calling itself": ("content/en/main/who-can-foster.md", None,
                             "\n{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}\n", "calls itself", None),
    "huge string": ("content/en/main/who-can-foster.md", None, "\n{{ 'x' * 10**10 }}\n", "too much", "'x' *"),
    "money .inf": ("data/payments.yml", *_known(".inf"), "not", None),
    "money yes": ("data/payments.yml", *_known("yes"), "true is not a number", None),
    "negative chart value": ("data/national_data.yml", "values: {children: 5851}",
                             "values: {children: -5851}", "at least 0", "children: -5851"),
    "unbalanced summary brace": ("data/national_data.yml", "{start.children} in", "{start.children in",
                                 "brace", None),
    "navigation entry twice": ("data/navigation.yml", "  - who-can-foster\n", "  - who-can-foster\n" * 2,
                               "listed twice", None),
    "deleted regions": ("data/regions.yml", "", None, "This data file is missing", None),
    # A page shared by the 22 council sites: named once, with the line, though built 22 times.
    "link to a missing page file": ("content/en/authority/contact.md", None, "\n[Gone](no-such-page.md)\n",
                                    "leads to a page that does not exist", "[Gone]"),
    "link to a missing address": ("content/cy/handbook/iechyd.md", None, "\n[Ar goll](../dim-tudalen/)\n",
                                  "leads to a page that does not exist", "[Ar goll]"),
    "menu group at a page not in the menu": ("data/navigation.yml", "first: handbooks", "first: handbook",
                                             "is not a page of the main menu", "first: handbook"),
    "menu groups out of order": ("data/navigation.yml", "first: handbooks", "first: who-can-foster",
                                 "does not start after the one before it", "first: who-can-foster"),
    # The built-page gate named the chapter's core file for this; what was edited is the variation.
    "figure typed into a regional variation": ("content/en/handbook/regions/cardiff-and-vale/enfys.md", None,
                                               "\nThere are 4,321 carers.\n", "'4,321' is typed", "4,321"),
}


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    return copy_project(tmp_path_factory.mktemp("mistakes"))


def _check(root: Path) -> tuple[int, str]:
    err = io.StringIO()
    with redirect_stdout(io.StringIO()), redirect_stderr(err):
        code = cli.main(["--root", str(root), "check"])
    return code, err.getvalue()


def _line(data: bytes, text: str) -> int:
    for number, line in enumerate(data.split(b"\n"), start=1):
        if text.encode() in line:
            return number
    raise AssertionError(f"{text!r} not in the changed file")


@pytest.mark.parametrize("name", list(CASES))
def test_mistake_is_named_with_its_file(project, name):
    file, old, new, expected, line_text = CASES[name]
    path = project / file
    original = path.read_bytes()
    if new is None:
        changed = None
    else:
        new_bytes = new if isinstance(new, bytes) else new.encode()
        if old is None:
            changed = original + new_bytes
        else:
            assert old.encode() in original, f"{old!r} not in {file}"
            changed = original.replace(old.encode(), new_bytes, 1)
    try:
        path.unlink() if changed is None else path.write_bytes(changed)
        code, messages = _check(project)
    finally:
        path.write_bytes(original)
    assert code == 1, messages
    assert "Internal error" not in messages and "Traceback" not in messages, messages
    assert file in messages, messages
    assert expected in messages, messages
    if line_text:
        assert f"{file}, line {_line(changed, line_text)}" in messages, messages
    if name.startswith("link"):
        assert messages.count(expected) == 1, messages


def test_unchanged_copy_passes(project):
    """The cases above fail for their mutation, not because the copy itself fails."""
    code, messages = _check(project)
    assert code == 0, messages
