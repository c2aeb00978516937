"""No English paragraph left in a page of another language (a simple function-word count).

A paragraph of eight words or more is flagged when English function words clearly outnumber those of
the page's own language. Names and short labels are too short to count.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from ..errors import Problem
from ..model import Project
from .html_text import article_text
from .pages import built_pages

ENGLISH = set("the and of to is are you your with for that this be will can our we they their it in on "
              "what who how when if not have has from".split())
# Function words of the languages pages are checked in; a language without a list is not checked.
OWN_WORDS = {
    "cy": set("y yr a ac i o yn mae eich ein chi ni gyda ar am sy'n bod wedi neu ond hefyd gan fel pan beth "
              "pwy sut os nid nad eu ei dim ydy oes fydd bydd".split()),
}
_WORD = re.compile(r"[\w'’]+")


def check_language(project: Project, tree: Path) -> list[Problem]:
    problems = []
    for page in built_pages(project, tree):
        own = OWN_WORDS.get(page.lang)
        if own is None:
            continue
        blocks: dict[int, list[str]] = defaultdict(list)
        for piece in article_text(page.path.read_text(encoding="utf-8")):
            if not piece.exempt and piece.block >= 0:
                blocks[piece.block].append(piece.text)
        for text in blocks.values():
            words = [w.lower().replace("’", "'") for w in _WORD.findall(" ".join(text))]
            english = sum(w in ENGLISH for w in words)
            native = sum(w in own for w in words)
            if len(words) >= 8 and english >= 3 and english > 2 * native:
                sample = " ".join(" ".join(text).split())[:90]
                problems.append(Problem(page.source_file, f"This {page.lang} page has a paragraph that reads as "
                                        f"English: \"{sample}\".",
                                        fix="Translate it, or move it to the English page."))
    return problems
