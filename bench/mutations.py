"""Mutation testing of contributor input: break the project's data and content one way at a time, as a careless or
hostile contributor would, and count what the generator does with each.

    .venv/bin/python bench/mutations.py               # every mutation, through `generator check` (a few minutes)
    .venv/bin/python bench/mutations.py --sample 12   # a random sample (seeded)
    .venv/bin/python bench/mutations.py --list        # what would be tried

Each mutation changes one file of a copy of the project, runs the command line in this process (as
`generator check`), and puts the result in one of:
- refused: exit 1 with a plain message naming the file the mutation changed (and no traceback);
- accepted: exit 0 though the mutation is a mistake (a mistake that would be published);
- misblamed: refused, but the message does not name the file that was changed;
- internal: "Internal error", a traceback, or no answer within the time limit: a bug of ours;
- fine: exit 0 for a change that is not a mistake (a byte-order mark), as expected.
The counts go in the README's reliability section. XSS vectors are counted by tests/test_xss.py.
"""

from __future__ import annotations

import argparse
import io
import random
import re
import shutil
import signal
import sys
import tempfile
from collections import Counter
from collections.abc import Callable
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator import cli  # noqa: E402

PARTS = ("data", "content", "site_src", "mkdocs.yml")
SECONDS = 60  # longer than this is a hang


@dataclass(frozen=True)
class Mutation:
    name: str
    file: str  # relative to the project
    change: Callable[[bytes], bytes | None]  # the file's new bytes (None: delete it)
    blame: str | None = None  # the file the message must name (default: file); "" for a change that is fine


def text(function: Callable[[str], str]) -> Callable[[bytes], bytes]:
    return lambda data: function(data.decode("utf-8")).encode("utf-8")


def first(pattern: str, replacement: str) -> Callable[[bytes], bytes]:
    """Replace the first match of pattern (a mutation that finds nothing is a mistake of this script)."""
    def change(source: str) -> str:
        for match in re.finditer(pattern, source, flags=re.M):
            line = source[source.rfind("\n", 0, match.start()) + 1:match.start()]
            if "#" not in line:  # not in a comment
                return source[:match.start()] + match.expand(replacement) + source[match.end():]
        raise LookupError(f"{pattern!r} not found")
    return text(change)


def at_line(number: int, insert: bytes) -> Callable[[bytes], bytes]:
    def change(data: bytes) -> bytes:
        lines = data.split(b"\n")
        index = min(number, len(lines) - 1)
        lines[index] = lines[index] + insert
        return b"\n".join(lines)
    return change


def known_amount(amount: str) -> Callable[[bytes], bytes]:
    """The first unconfirmed allowance made known, with this amount."""
    return first(r"\{unconfirmed: true\}", f"{{amount: {amount}, source: nff-final-report, as_of: '2026'}}")


BILLION_LAUGHS = "l0: &l0 [x]\n" + "".join(
    f"l{n}: &l{n} [" + ", ".join([f"*l{n - 1}"] * 9) + "]\n" for n in range(1, 10))
GENERIC_DATA = {
    "not UTF-8": lambda: at_line(5, b" \xff\xfe"),
    "Latin-1 accent": lambda: at_line(5, " caf\xe9".encode("latin-1")),
    "NUL byte": lambda: at_line(5, b"\x00"),
    "bell character in a value": first(r"(: )([A-Za-z])", "\\1\a\\2"),
    "escaped NUL in a quoted value": first(r'(: )"', '\\1"\\\\0'),
    "byte-order mark": lambda: (lambda data: b"\xef\xbb\xbf" + data),
    "empty file": lambda: (lambda data: b""),
    "only a comment": lambda: (lambda data: b"# nothing\n"),
    "deleted": lambda: (lambda data: None),
    "cut in half": lambda: (lambda data: data[:len(data) // 2]),
    "a list at the top": lambda: (lambda data: b"- a\n- b\n"),
    "a number at the top": lambda: (lambda data: b"42\n"),
    "tab indentation": first(r"^  ", "\t"),
    "list as a key": lambda: (lambda data: data + b"\n? [a, b]\n: c\n"),
    "group as a key": lambda: (lambda data: data + b"\n? {a: b}\n: c\n"),
    "recursive alias": lambda: (lambda data: data + b"\nloop: &loop [*loop]\n"),
    "billion laughs": lambda: (lambda data: data + b"\n" + BILLION_LAUGHS.encode()),
    "merge key": lambda: (lambda data: data + b"\nbase: &base {a: 1}\nmore: {<<: *base}\n"),
    "deep nesting": lambda: (lambda data: data + b"\ndeep: " + b"[" * 3000 + b"]" * 3000 + b"\n"),
    "python tag": lambda: (lambda data: data + b"\nx: !!python/object/apply:os.system [true]\n"),
    "unknown tag": lambda: (lambda data: data + b"\nx: !thing 1\n"),
    "binary value": lambda: (lambda data: data + b"\nx: !!binary aGVsbG8=\n"),
    "duplicate key": lambda: (lambda data: data + b"\n" + data.split(b"\n")[
        next(i for i, line in enumerate(data.split(b"\n")) if line[:1].isalpha())] + b"\n"),
    "impossible date": first(r"\b(20\d\d)-\d\d-\d\d\b", "\\1-02-30"),
    "month 13": first(r"\b(20\d\d)-\d\d-\d\d\b", "\\1-13-01"),
    "quoted impossible as_of": first(r'as_of: "?(20\d\d)[-\d]*"?', 'as_of: "\\1-02-30"'),
    "quoted month 13 as_of": first(r'as_of: "?(20\d\d)[-\d]*"?', 'as_of: "\\1-13"'),
    "number as .inf": first(r"(: )\d+(\.\d+)?\b(?!-)", "\\1.inf"),
    "number as .nan": first(r"(: )\d+(\.\d+)?\b(?!-)", "\\1.nan"),
    "number as yes": first(r"(: )\d+(\.\d+)?\b(?!-)", "\\1yes"),
    "negative number": first(r"(: )\d+(\.\d+)?\b(?!-)", "\\1-5"),
    "huge number": first(r"(: )\d+(\.\d+)?\b(?!-)", "\\g<1>1e400"),
    "text as a list": first(r"(en: )([^{}\n,]+)", "\\1[\\2]"),
    "unknown field": first(r"^(\s+)(id|name|source): ", "\\1\\2x: "),
    "id with spaces": first(r"(id: )([a-z0-9-]+)", "\\1Not An Id"),
}
DATA_PATTERNS = {"impossible date", "month 13", "quoted impossible as_of", "quoted month 13 as_of", "number as .inf",
                 "number as .nan", "number as yes", "negative number", "huge number", "text as a list",
                 "unknown field", "id with spaces", "tab indentation", "bell character in a value",
                 "escaped NUL in a quoted value"}

CONTENT = {
    "not UTF-8": lambda: at_line(12, b" \xff"),
    "Windows-1252 quote": lambda: at_line(12, b" \x93quoted\x94"),
    "NUL byte": lambda: at_line(12, b"\x00"),
    "escape character": lambda: at_line(12, b"\x1b[31m"),
    "byte-order mark": lambda: (lambda data: b"\xef\xbb\xbf" + data),
    "no front matter": lambda: (lambda data: data.split(b"---", 2)[2]),
    "front matter not closed": lambda: (lambda data: b"---\n" + data.split(b"---", 2)[1]),
    "front matter a list": lambda: (lambda data: b"---\n- a\n---\nText.\n"),
    "impossible reviewed date": lambda: (lambda data: re.sub(rb"\nreviewed: \S+|\n(?=title:)",
                                                             b"\nreviewed: 2026-02-30\n", data, count=1)),
    "id as a list": lambda: (lambda data: re.sub(rb"\nid: ", b"\nid: [a, b]\nx: ", data, count=1)),
    "unknown name": lambda: (lambda data: data + b"\n{{ brnad }}\n"),
    "division by zero": lambda: (lambda data: data + b"\n{{ 1 / 0 }}\n"),
    "modulo by zero": lambda: (lambda data: data + b"\n{{ 1 % 0 }}\n"),
    "huge range": lambda: (lambda data: data + b"\n{% for i in range(10**9) %}x{% endfor %}\n"),
    "nested loops": lambda: (lambda data: data + b"\n{% for i in range(99999) %}{% for j in range(99999) %}"
                             b"{% endfor %}{% endfor %}\n"),
    "macro calling itself": lambda: (lambda data: data + b"\n{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}\n"),
    "huge string": lambda: (lambda data: data + b"\n{{ 'x' * 10**10 }}\n"),
    "huge power": lambda: (lambda data: data + b"\n{{ 10 ** 10 ** 10 }}\n"),
    "long output": lambda: (lambda data: data + b"\n{% for i in range(99999) %}{{ 'x' * 999 }}{% endfor %}\n"),
    "format string attack": lambda: (lambda data: data + b"\n{{ '{0.__class__}'.format(1) }}\n"),
    "private attribute": lambda: (lambda data: data + b"\n{{ brand.__class__ }}\n"),
    "unclosed expression": lambda: (lambda data: data + b"\n{{ brand \n"),
    "bad money": lambda: (lambda data: data + b"\n{{ money('lots') }}\n"),
    "bad date": lambda: (lambda data: data + b"\n{{ date('2026-13') }}\n"),
    "bad number": lambda: (lambda data: data + b"\n{{ number(none) }}\n"),
    "missing page link": lambda: (lambda data: data + b"\n[gone](no-such-page.md)\n"),
    "missing page id": lambda: (lambda data: data + b"\n[gone]({{ page_url('no-such-page') }})\n"),
    "relative link to nowhere": lambda: (lambda data: data + b"\n[gone](../no-such-folder/)\n"),
    "raw script": lambda: (lambda data: data + b"\n<script>alert(1)</script>\n"),
    "javascript link": lambda: (lambda data: data + b"\n[x](java&#x09;script:alert(1))\n"),
    "style attribute list": lambda: (lambda data: data + b"\nText\n{: style=\"background:url(https://x.test/a)\" }\n"),
    "typed figure": lambda: (lambda data: data + b"\nThere are 4,321 carers.\n"),
}
CONTENT_FILES = ("content/en/main/who-can-foster.md", "content/cy/main/pwy-all-faethu.md",
                 "content/en/authority/index.md", "content/en/handbook/health.md",
                 "content/en/handbook/regions/cardiff-and-vale/enfys.md")
SPECIFIC = [
    Mutation("unknown locale", "data/site.yml", first(r"locale: en_GB", "locale: xx_YY")),
    Mutation("locale not a locale", "data/site.yml", first(r"locale: en_GB", "locale: 'en GB!'")),
    Mutation("repeated language code", "data/site.yml", first(r"- code: cy", "- code: en")),
    Mutation("language code missing", "data/site.yml", first(r"- code: cy\n", "- ")),
    Mutation("navigation entry twice", "data/navigation.yml", first(r"(  - who-can-foster\n)", "\\1\\1")),
    Mutation("navigation page unknown", "data/navigation.yml", first(r"(  - who-can-foster\n)", "\\1  - nowhere\n")),
    Mutation("chart summary unbalanced brace", "data/national_data.yml", first(r"\{([a-z0-9-]+\.[a-z0-9-]+)\}",
                                                                                 "{\\1")),
    Mutation("chart summary stray brace", "data/national_data.yml", first(r"(summary:\s*\n?\s*en: )", "\\1} ")),
    Mutation("negative chart value", "data/national_data.yml", first(r"(values: \{\w+: )(\d+)", "\\1-\\2")),
    Mutation("chart value yes", "data/national_data.yml", first(r"(values: \{\w+: )(\d+)", "\\1yes")),
    Mutation("money .inf", "data/payments.yml", known_amount(".inf")),
    Mutation("money yes", "data/payments.yml", known_amount("yes")),
    Mutation("money -1", "data/payments.yml", known_amount("-1")),
    Mutation("money in text", "data/payments.yml", known_amount("'£1,200'")),
    Mutation("figure .nan", "data/good_practice.yml", first(r"(value: )[\d.]+", "\\1.nan")),
    Mutation("figure negative", "data/good_practice.yml", first(r"(value: )[\d.]+", "\\1-3")),
    Mutation("authority in an unknown region", "data/authorities.yml", first(r"region: \S+", "region: atlantis")),
    Mutation("regions deleted", "data/regions.yml", lambda data: None),
    Mutation("authorities deleted", "data/authorities.yml", lambda data: None),
    Mutation("sources deleted", "data/sources.yml", lambda data: None),
    Mutation("handbook deleted", "data/handbook.yml", lambda data: None),
    Mutation("a figure typed into a regional variation", "content/en/handbook/regions/cardiff-and-vale/enfys.md",
             lambda data: data + b"\nThe service has helped 1,234 children.\n"),
]


def mutations() -> list[Mutation]:
    found = []
    data_files = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "data").glob("*.yml"))
    for file in data_files:
        for name, make in GENERIC_DATA.items():
            change = make if name in DATA_PATTERNS else make()
            blame = "" if name in {"byte-order mark"} else None
            found.append(Mutation(f"{file}: {name}", file, change, blame))
    for file in CONTENT_FILES:
        for name, make in CONTENT.items():
            found.append(Mutation(f"{file}: {name}", file, make(), "" if name == "byte-order mark" else None))
    found.extend(Mutation(f"{m.file}: {m.name}", m.file, m.change, m.blame) for m in SPECIFIC)
    return found


class _Hang(Exception):
    pass


def _alarm(signum, frame):
    raise _Hang


def run(project: Path, mutation: Mutation) -> tuple[str, str]:
    """The outcome of one mutation, and the messages given."""
    path = project / mutation.file
    original = path.read_bytes()
    try:
        changed = mutation.change(original)
    except LookupError:
        return "skipped", ""
    if changed == original:
        return "skipped", ""
    if changed is None:
        path.unlink()
    else:
        path.write_bytes(changed)
    out, err = io.StringIO(), io.StringIO()
    signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(SECONDS)
    try:
        with redirect_stdout(out), redirect_stderr(err):
            code = cli.main(["--root", str(project), "check"])
    except _Hang:
        code, err = 3, io.StringIO("no answer within the time limit")
    except BaseException as error:  # noqa: BLE001 - whatever escapes the command line is a bug
        code, err = 3, io.StringIO(f"escaped: {type(error).__name__}: {error}")
    finally:
        signal.alarm(0)
        path.write_bytes(original)
    messages = err.getvalue()
    blame = mutation.file if mutation.blame is None else mutation.blame
    if code not in (0, 1) or "Internal error" in messages or "Traceback" in messages:
        return "internal", messages
    if code == 0:
        return ("fine" if blame == "" else "accepted"), messages
    if blame and blame not in messages:
        return "misblamed", messages
    return "refused", messages


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=0, help="try this many, chosen at random (seeded)")
    parser.add_argument("--seed", type=int, default=28)
    parser.add_argument("--only", default="", help="only the mutations whose name contains this")
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--verbose", action="store_true", help="print the messages of every mutation not refused")
    args = parser.parse_args(argv)
    chosen = [mutation for mutation in mutations() if args.only in mutation.name]
    if args.sample:
        chosen = random.Random(args.seed).sample(chosen, min(args.sample, len(chosen)))
    if args.list:
        print("\n".join(m.name for m in chosen))
        return 0
    counts: Counter[str] = Counter()
    with tempfile.TemporaryDirectory(prefix="mutations-") as folder:
        project = Path(folder)
        for part in PARTS:
            (shutil.copytree if (ROOT / part).is_dir() else shutil.copy)(ROOT / part, project / part)
        for mutation in chosen:
            outcome, messages = run(project, mutation)
            counts[outcome] += 1
            if outcome not in ("refused", "fine", "skipped"):
                print(f"{outcome.upper()}: {mutation.name}")
                if args.verbose:
                    print("    " + messages.strip().replace("\n", "\n    ")[:1500])
    tried = sum(counts.values()) - counts["skipped"]
    print(f"mutations tried: {tried}; refused with the file named: {counts['refused']}; fine as expected: "
          f"{counts['fine']}; internal errors: {counts['internal']}; accepted mistakes: {counts['accepted']}; "
          f"misblamed: {counts['misblamed']}")
    return 0 if counts["internal"] + counts["accepted"] + counts["misblamed"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
