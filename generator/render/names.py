"""Names kept in another language, marked with it wherever they appear (WCAG 3.1.2, language of parts).

A programme's name such as "Skills to Foster" stays in English on a Welsh page; a screen reader reads it with
Welsh pronunciation unless the words are inside an element with `lang="en"`. The names are listed once, in
data/glossary.yml (`names`), and `mark` wraps each one in a built page of another language in
`<span lang="..">`. `unmarked` finds those left unwrapped (the language gate, generator/checks/language.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cache

_TOKENS = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)([^>]*?)(/?)>", re.S)
_LANG = re.compile(r"""\slang\s*=\s*["']?([\w-]+)""")
# Text that is not prose (or cannot hold an element) is left alone.
_SKIP = {"script", "style", "code", "pre", "kbd", "samp", "title", "textarea", "svg", "head", "option"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@cache
def _pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    # Longest first, so "Fostering Changes" is not taken for a shorter name; whole words only.
    ordered = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(name) for name in ordered) + r")(?![\w-])")


def _texts(html: str, page_lang: str) -> Iterator[tuple[int, str, str, bool]]:
    """(index among the tokens, token, language of the text there, whether it is prose) for every token."""
    stack: list[tuple[str, str, bool]] = [("", page_lang, False)]
    for index, token in enumerate(_TOKENS.split(html)):
        if not token.startswith("<"):
            yield index, token, stack[-1][1], not stack[-1][2]
            continue
        yield index, token, stack[-1][1], False
        tag = _TAG.match(token)
        if not tag:
            continue
        closing, name, attributes, self_closing = tag.groups()
        name = name.lower()
        if closing:
            # Close up to the matching element (HTML lets some end tags be left out).
            for depth in range(len(stack) - 1, 0, -1):
                if stack[depth][0] == name:
                    del stack[depth:]
                    break
        elif name not in _VOID and not self_closing:
            lang = _LANG.search(attributes)
            _, outer_lang, skipped = stack[-1]
            stack.append((name, lang.group(1).split("-")[0].lower() if lang else outer_lang,
                          skipped or name in _SKIP))


def _wanted(names: Mapping[str, Sequence[str]], page_lang: str) -> dict[str, str]:
    """Name -> its language, for the names of languages other than the page's."""
    return {name: lang for lang, listed in names.items() if lang != page_lang for name in listed}


def mark(html: str, page_lang: str, names: Mapping[str, Sequence[str]]) -> str:
    """The page with every listed name of another language, outside an element of that language, wrapped."""
    wanted = _wanted(names, page_lang)
    if not wanted:
        return html
    pattern = _pattern(tuple(wanted))
    tokens = _TOKENS.split(html)
    for index, token, lang, prose in _texts(html, page_lang):
        if prose and pattern.search(token):
            tokens[index] = pattern.sub(
                lambda m, lang=lang: m.group(0) if wanted[m.group(1)] == lang else
                f'<span lang="{wanted[m.group(1)]}">{m.group(1)}</span>', token)
    return "".join(tokens)


def unmarked(html: str, page_lang: str, names: Mapping[str, Sequence[str]]) -> list[str]:
    """The listed names of another language in the page's text that are not inside an element of it."""
    wanted = _wanted(names, page_lang)
    if not wanted:
        return []
    pattern = _pattern(tuple(wanted))
    return [m.group(1) for _, token, lang, prose in _texts(html, page_lang) if prose
            for m in pattern.finditer(token) if wanted[m.group(1)] != lang]


def kept_names(project) -> dict[str, list[str]]:
    """The project's names kept in their own language (data/glossary.yml `names`), by language."""
    glossary = project.data.get("glossary")
    return {lang: list(listed) for lang, listed in glossary[0].names.items()} if glossary else {}
