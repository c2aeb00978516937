"""Spelling in every language, with hunspell: British English from Debian, Welsh from Bangor University.

The words checked are those a reader sees in the body of every built page (code and addresses aside), each in
the language of its element: a `lang="en"` phrase on a Welsh page is checked as English. Names and terms the
dictionaries do not know are listed, one per line, in site_src/spelling/words-<lang>.txt: a word written in
lowercase there is accepted with a capital too, and an entry of several words (a programme's name, such as
"Count Yourself In") is accepted only as that whole phrase. A hyphenated or apostrophed word is accepted when
hunspell knows it whole or knows each part. Each unknown word is traced back to where a contributor can
correct it: the page's Markdown, else a data file, else the interface-string catalogue.
"""

from __future__ import annotations

import re
import subprocess
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from generator.checks import tools
from generator.checks.pages import built_pages
from generator.model.errors import Problem
from generator.model.project import Project
from generator.model.schema import language_name
from generator.model.tenant import repository

WORD_LISTS = "site_src/spelling"
_SKIP = {"code", "kbd", "pre", "script", "style", "svg", "samp", "var"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# E-mail and web addresses, and a bare host name shown as a link's text (bridgend.fosterwales.gov.wales).
_NOT_WORDS = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|(?<![\w.])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:/\S*)?(?!\w)")
# Endings written after an apostrophe that are not words on their own ("children's", "sy'n", "i'r").
CLITICS = {"en": {"s", "t", "re", "ll", "ve", "d", "m"},
           "cy": {"n", "r", "u", "i", "w", "m", "ch", "th", "ma", "na"}}


class _Words(HTMLParser):
    """The words of a page's <article>, each with the language of the element it is in."""

    def __init__(self, page_lang: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, bool]] = [("", page_lang, False)]  # (tag, lang, skipped)
        self.article = 0
        self.text: dict[str, list[str]] = defaultdict(list)  # lang -> pieces of text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "article":
            self.article += 1
        if tag in _VOID:
            return
        values = dict(attrs)
        _, lang, skipped = self.stack[-1]
        self.stack.append((tag, (values.get("lang") or lang).split("-")[0], skipped or tag in _SKIP))

    def handle_endtag(self, tag: str) -> None:
        if tag == "article" and self.article:
            self.article -= 1
        if tag in _VOID:
            return
        for index in range(len(self.stack) - 1, 0, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                break

    def handle_data(self, data: str) -> None:
        _, lang, skipped = self.stack[-1]
        if self.article and not skipped:
            self.text[lang].append(data)


@dataclass
class _Unknown:
    pages: list[Path] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)


def check_spelling(project: Project, tree: Path) -> list[Problem]:
    found: dict[tuple[str, str], list[Path]] = defaultdict(list)  # (lang, word) -> pages it is on
    sources: dict[Path, str] = {}
    lists = {lang: word_list(project.root, lang) for lang in project.languages}
    for page in built_pages(project, tree):
        sources[page.path] = page.source_file
        parser = _Words(page.lang)
        parser.feed(page.path.read_text(encoding="utf-8"))
        for lang, pieces in parser.text.items():
            text = _NOT_WORDS.sub(" ", " ".join(" ".join(pieces).split()).replace("’", "'"))
            for phrase in lists.get(lang, _NO_LIST)[1]:
                text = text.replace(phrase, " ")
            for word in dict.fromkeys(_WORD.findall(text)):
                found[(lang, word)].append(page.path)
    unknown: dict[tuple[str, str], _Unknown] = {}
    for lang in sorted({lang for lang, _ in found}):
        base = tools.dictionary(_dictionary_name(project, lang))
        if base is None:
            continue  # a language with no dictionary is not checked
        accepted = lists.get(lang, _NO_LIST)[0]
        words = [word for (code, word) in found if code == lang and not _listed(word, accepted)]
        for word, suggestions in _misspelt(base, lang, words).items():
            unknown[(lang, word)] = _Unknown(found[(lang, word)], suggestions)
    return _explain(project, tree, unknown, sources)


_NO_LIST: tuple[set[str], list[str]] = (set(), [])


def _dictionary_name(project: Project, lang: str) -> str | None:
    """The dictionary data/site.yml names for a language of the tenant (None for any other language)."""
    return project.language(lang).dictionary if lang in project.languages else None


def word_list(root: Path, lang: str) -> tuple[set[str], list[str]]:
    """The project's accepted words of a language, and its accepted phrases (longest first)."""
    path = root / WORD_LISTS / f"words-{lang}.txt"
    if not path.exists():
        return _NO_LIST
    entries = {line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines()} - {""}
    phrases = sorted((entry for entry in entries if " " in entry), key=len, reverse=True)
    return {entry for entry in entries if " " not in entry}, phrases


def _listed(word: str, accepted: set[str]) -> bool:
    return word in accepted or word.lower() in accepted


def _misspelt(base: Path, lang: str, words: list[str]) -> dict[str, list[str]]:
    """The words hunspell does not know, with its suggestions. A word with an apostrophe or a hyphen is accepted
    when hunspell knows it whole, or knows each part (a clitic such as 'n or 's counting as known)."""
    parts = {part for word in words for part in _parts(word) if part != word}
    verdicts = _hunspell(base, sorted(set(words) | parts))
    clitics = CLITICS.get(lang, set())
    result = {}
    for word in words:
        if verdicts.get(word) is None:
            continue
        pieces = _parts(word)
        if len(pieces) > 1 and all(part.lower() in clitics or verdicts.get(part) is None for part in pieces):
            continue
        result[word] = verdicts[word]
    return result


def _parts(word: str) -> list[str]:
    return [part for part in re.split(r"['-]", word) if part]


def _hunspell(base: Path, words: list[str]) -> dict[str, list[str] | None]:
    """hunspell's verdict on each word: None when known, else its suggestions (ispell pipe mode, one word a line)."""
    if not words:
        return {}
    command = [tools.hunspell(), "-d", str(base), "-i", "UTF-8", "-a"]
    output = subprocess.run(command, input="".join(f"^{word}\n" for word in words), capture_output=True,
                            text=True, encoding="utf-8", check=True).stdout
    if output.startswith("@(#)"):  # the version banner
        output = output.split("\n", 1)[1]
    blocks = output.split("\n\n")  # one block of results for each line given
    verdicts: dict[str, list[str] | None] = {}
    for word, block in zip(words, blocks, strict=False):
        results = [line for line in block.splitlines() if line]
        miss = next((line for line in results if line[0] in "&#"), None)
        if miss is None:
            verdicts[word] = None
        else:
            verdicts[word] = [s.strip() for s in miss.split(":", 1)[1].split(",")] if miss[0] == "&" else []
    return verdicts


def _explain(project: Project, tree: Path, unknown: dict[tuple[str, str], _Unknown],
             sources: dict[Path, str]) -> list[Problem]:
    problems = []
    for (lang, word), item in sorted(unknown.items(), key=lambda entry: (entry[0][0], entry[0][1].lower())):
        file, line = _locate(project.root, lang, word, [sources[page] for page in item.pages])
        count = len(item.pages)
        example = item.pages[0].relative_to(tree).parent.as_posix()
        on = f"on {example}" if count == 1 else f"on {count} pages, e.g. {example}"
        guess = f"Did you mean {', '.join(repr(s) for s in item.suggestions[:3])}? " if item.suggestions else ""
        problems.append(Problem(
            file, f"'{word}' is not a {language_name(lang)} word the spelling dictionary knows ({on}).", line,
            fix=f"{guess}Correct the spelling. If it is a name or a term spelt correctly, add it on a line of its own "
                f"to {WORD_LISTS}/words-{lang}.txt; a phrase in another language than the page's should be "
                "marked with its language, e.g. <span lang=\"en\">...</span>."))
    return problems


def _locate(root: Path, lang: str, word: str, page_sources: list[str]) -> tuple[str, int | None]:
    """The file and line a contributor edits to correct word: its page, else data (preferring a line in the
    word's language), else the interface-string catalogue."""
    pattern = re.compile(rf"(?<![\w'’-]){re.escape(word).replace(chr(39), '[' + chr(39) + '’]')}(?![\w-])")
    in_lang = re.compile(rf"\b{lang}:")
    candidates = list(dict.fromkeys(page_sources))
    candidates += [path.relative_to(root).as_posix() for path in sorted((root / "data").glob("*.yml"))]
    if root == repository(root):  # a tenant's interface strings are the repository's catalogues
        candidates += [path.relative_to(root).as_posix() for path in sorted((root / "site_src").rglob("*.po"))]
    fallback: tuple[str, int | None] | None = None
    for file in candidates:
        lines = (root / file).read_text(encoding="utf-8").splitlines()
        for number, text in enumerate(lines, start=1):
            if not pattern.search(text) or text.lstrip().startswith(("#", "msgid")):
                continue
            if not file.startswith("data/"):
                return file, number
            # In data, the line is in the word's language when it says so, or follows a line that does.
            if in_lang.search(text.split(word)[0]) or (number > 1 and in_lang.search(lines[number - 2])
                                                      and lines[number - 2].rstrip().endswith((">-", "|", ">"))):
                return file, number
            fallback = fallback or (file, number)
    return fallback or (page_sources[0], None)
