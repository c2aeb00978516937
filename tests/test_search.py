"""Search: Welsh that understands mutations, accents and Welsh stop words; English with stemming (carers finds
carer); one index per site and language, small enough to load.

The rules of site_src/overrides/assets/javascripts/lunr/min/lunr.cy.min.js and lunr.en-gb.min.js (both built on
lunr.forms.js) are run in node, alone and with the lunr.js that Material's search worker carries; the query set
is typed into the search box of the built sites in Chromium, and the results are read off the page.
"""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import unicodedata
from pathlib import Path

import material
import pytest

from generator.mkdocs_ext.search_language import search_language
from tests.conftest import ROOT, http_server

LUNR_FILES = ROOT / "site_src/overrides/assets/javascripts/lunr/min"
WELSH_FILE = LUNR_FILES / "lunr.cy.min.js"
ENGLISH_FILE = LUNR_FILES / "lunr.en-gb.min.js"
WORKER_MAP = next((Path(material.__file__).parent / "templates/assets/javascripts/workers").glob("search.*.min.js.map"))


def _node(script: str, *args: str, file: Path = WELSH_FILE) -> object:
    """Run a script in node with the language file as process.argv[1] and args after it."""
    done = subprocess.run(["node", "-e", script, str(file), *args], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


# --- The rules ---------------------------------------------------------------------------------------------

RADICALS = {  # a folded word -> the forms it is indexed and searched under, itself first
    "plant": ["plant"], "blant": ["blant", "plant"], "mhlant": ["mhlant", "plant"], "phlant": ["phlant", "plant"],
    "gofalwr": ["gofalwr", "cofalwr"], "ofalwr": ["ofalwr", "gofalwr"], "ngofalwr": ["ngofalwr", "gofalwr"],
    "gymorth": ["gymorth", "cymorth"], "nghymorth": ["nghymorth", "cymorth"], "chymorth": ["chymorth", "cymorth"],
    "deulu": ["deulu", "teulu"], "nheulu": ["nheulu", "teulu"], "theulu": ["theulu", "teulu"],
    "faethu": ["faethu", "baethu", "maethu"], "maethu": ["maethu", "baethu"], "ddiogelu": ["ddiogelu", "diogelu"],
    "ndiogelu": ["ndiogelu", "ddiogelu"],  # n: the nasal of d (ndiogelu is not Welsh, the rule is)
    "lawlyfr": ["lawlyfr", "llawlyfr", "glawlyfr"], "llawlyfr": ["llawlyfr"], "rhiant": ["rhiant"],
    "riant": ["riant", "rhiant", "griant"], "ffordd": ["ffordd"], "fordd": ["fordd", "bordd", "mordd"],
    "waith": ["waith", "gwaith"], "hawdurdod": ["hawdurdod", "awdurdod"], "awdurdod": ["awdurdod", "gawdurdod"],
    "mon": ["mon", "bon"], "fon": ["fon", "bon", "mon"], "tim": ["tim"], "nhim": ["nhim", "tim"],
}


def test_mutations_are_folded_to_every_radical_they_may_come_from():
    got = _node("const r = require(process.argv[1])(); console.log(JSON.stringify("
                "process.argv.slice(2).map(w => r.radicals(w))))", *RADICALS)
    assert dict(zip(RADICALS, got, strict=True)) == RADICALS


def test_words_are_folded_split_at_apostrophes_and_stop_words_known():
    got = _node("const r = require(process.argv[1])(); console.log(JSON.stringify({"
                "words: ['Tîm', 'Môn,', 'o\\'r', 'i’w', 'mae\\'n', 'DŴR', '(gofal)'].map(r.words),"
                "stop: ['a', 'ac', 'yn', 'yr', 'y', 'i', 'mae', 'r', 'n', 'plant', 'dim', 'all', 'is', 'tim']"
                ".map(r.isStopWord)}))")
    assert got["words"] == [["tim"], ["mon"], ["o", "r"], ["i", "w"], ["mae", "n"], ["dwr"], ["gofal"]]
    # Welsh function words go; Welsh words that English lists drop (all, is) and tîm's soft form stay.
    assert got["stop"] == [True] * 9 + [False] * 5


# Material's own lunr.js (from the worker's source map, argv[2]) with a language file (argv[1]) loaded.
LOAD_LUNR = """
const fs = require("fs")
const source = JSON.parse(fs.readFileSync(process.argv[2], "utf8")).sourcesContent[0]  // Material's lunr.js
const module_ = { exports: {} }
new Function("module", "exports", source)(module_, module_.exports)
const lunr = global.lunr = module_.exports
const loaded = require(process.argv[1])(lunr)
"""
# The language's plugin (argv[3]) used as the search worker uses it, over the documents argv[4] (JSON): each
# query after them -> its results, [ref, matched terms, positions].
LUNR_CHECK = LOAD_LUNR + """
const docs = JSON.parse(process.argv[4])
const index = lunr(function () {
  this.use(lunr[process.argv[3]])
  this.metadataWhitelist = ["position"]
  // As Material's tokenizer: a token's position is one number (its block and index), not lunr's [start, length]
  this.tokenizer = (value, metadata) => lunr.tokenizer(value, metadata).map(token => {
    token.metadata.position = token.metadata.index
    return token
  })
  this.ref("location"); this.field("title"); this.field("text")
  docs.forEach(doc => this.add(doc))
})
const found = {}
for (const query of process.argv.slice(5))
  found[query] = index.search(query).map(r => [r.ref, Object.keys(r.matchData.metadata).sort(),
    Object.values(r.matchData.metadata).flatMap(m => Object.entries(m).flatMap(
      ([field, data]) => (data.position || []).map(p => `${field} ${p}`)))]).sort()
console.log(JSON.stringify(found))
"""


WELSH_DOCS = [
    {"location": "a", "title": "Sut i ddod yn ofalwr maeth", "text": "Tîm maethu Ynys Môn: ein plant ni"},
    {"location": "b", "title": "Cymorth", "text": "nghymorth i’ch teulu a'r blant"},
    {"location": "c", "title": "Cyfarfod", "text": "gofalwyr maeth a phlant"},
]


def _positions_once(got: dict) -> None:
    """A word found under two of its forms (mhlant under mhlant and plant) is marked once, not twice over."""
    for results in got.values():
        for _, _, positions in results:
            assert len(positions) == len(set(positions)), positions


def _pages(got: dict) -> dict[str, list[str]]:
    """Each query of a LUNR_CHECK run -> the documents it found."""
    return {query: [ref for ref, _, _ in results] for query, results in got.items()}


def test_the_pipeline_in_lunr_finds_any_form_from_any_form():
    """With Material's own lunr.js: prefix queries as Material writes them, a required word, a stop word."""
    got = _node(LUNR_CHECK, str(WORKER_MAP), "cy", json.dumps(WELSH_DOCS), "mhlant*", "plant*", "ofalwr*",
                "chymorth*", "mon*", "môn*", "+blant", "yn*", "teulu*", "maeth* plant*")
    pages = _pages(got)
    assert pages["mhlant*"] == pages["plant*"] == ["a", "b", "c"]
    assert pages["ofalwr*"] == ["a"] and pages["chymorth*"] == ["b"] and pages["teulu*"] == ["b"]
    assert pages["mon*"] == pages["môn*"] == ["a"]
    assert pages["+blant"] == ["a", "b", "c"], "a required word is found under any of its forms"
    assert pages["yn*"] == [], "a stop word finds nothing (it is not in the index)"
    # Material marks a word missing unless a matched term begins with the word as typed: each is recorded.
    assert all("mhlant" in terms for _, terms, _ in got["mhlant*"])
    assert all("môn" in terms for _, terms, _ in got["môn*"])
    _positions_once(got)
    # Every word found is marked: c's second and fourth words (maeth, phlant), not only the first of a field.
    assert [sorted(positions) for ref, _, positions in got["maeth* plant*"] if ref == "c"] == [["text 1", "text 3"]]


STEMS = {  # a word -> the forms it is indexed and searched under: as written, then its Porter stem if other
    "fostering": ["fostering", "foster"], "fostered": ["fostered", "foster"], "foster": ["foster"],
    "carers": ["carers", "carer"], "carer": ["carer"], "families": ["families", "famili"],
    "family": ["family", "famili"], "reviewed": ["reviewed", "review"], "training": ["training", "train"],
    "carers,": ["carers", "carer"], "(fees)": ["fees", "fee"],  # the trimmer: punctuation at either end goes,
    "tŷ": ["tŷ"], "café.": ["café"],  # letters that are not ASCII stay
    "the": [], "and": [], "—": [],  # stop words, and punctuation alone, are not indexed
}


def test_english_words_are_indexed_as_written_and_under_their_stem():
    got = _node(LOAD_LUNR + "console.log(JSON.stringify(process.argv.slice(3).map(w => loaded.forms(w))))",
                str(WORKER_MAP), *STEMS, file=ENGLISH_FILE)
    assert dict(zip(STEMS, got, strict=True)) == STEMS


ENGLISH_DOCS = [
    {"location": "a", "title": "Becoming a carer", "text": "Every carer has a supervising social worker."},
    {"location": "b", "title": "Stories", "text": "We fostered two brothers."},
    {"location": "c", "title": "Carers", "text": "Fostering and the carers who do it."},
    {"location": "d", "title": "Meetings", "text": "A carer meets other carers."},
]


def test_english_stemming_in_lunr_finds_every_inflection_from_any():
    """With Material's own lunr.js: carers finds a page with only carer, fostering one with only fostered."""
    got = _node(LUNR_CHECK, str(WORKER_MAP), "en-gb", json.dumps(ENGLISH_DOCS), "carers*", "carer*",
                "fostering*", "foster*", "fost*", "fosteri*", "+carers", "the*", file=ENGLISH_FILE)
    pages = _pages(got)
    assert pages["carers*"] == pages["carer*"] == ["a", "c", "d"]
    assert pages["fostering*"] == pages["foster*"] == pages["fost*"] == ["b", "c"]
    assert pages["fosteri*"] == ["c"], "a word typed in part is found as written (fostering's stem is foster)"
    assert pages["+carers"] == ["a", "c", "d"], "a required word is found under its stem"
    assert pages["the*"] == [], "a stop word finds nothing (it is not in the index)"
    # Material marks a word missing unless a matched term begins with the word as typed: each is recorded.
    assert all("carers" in terms for _, terms, _ in got["carers*"])
    assert all("fostering" in terms for _, terms, _ in got["fostering*"])
    _positions_once(got)
    # Every word found is marked, each once: in d, carer (its second word) under carer, carers (its fifth) under both.
    assert [sorted(positions) for ref, _, positions in got["carers*"] if ref == "d"] == [["text 1", "text 4"]]


# --- The query set, typed into the built sites --------------------------------------------------------------

# Each group: the written forms of one word. Every form is typed as a query, and must find every page of the
# site holding a word that begins with any of the group's forms (accents aside), as Material's prefix search does.
WELSH = [
    ["plant", "blant", "mhlant", "phlant"], ["plentyn", "blentyn", "mhlentyn", "phlentyn"],
    ["gofalwr", "ofalwr", "ngofalwr"], ["cymorth", "gymorth", "nghymorth", "chymorth"],
    ["teulu", "deulu", "nheulu", "theulu"], ["cyngor", "gyngor", "nghyngor", "chyngor"], ["maethu", "faethu"],
    ["tîm", "tim", "dîm", "nhîm", "thîm", "thim"], ["Môn", "Mon", "Fôn", "Fon"],
    ["cartref", "gartref", "nghartref", "chartref"], ["pobl", "bobl", "mhobl", "phobl"],
    ["gweithiwr", "weithiwr"], ["cysylltu", "gysylltu", "nghysylltu", "chysylltu"],
    ["polisi", "bolisi", "mholisi", "pholisi"], ["lleol", "leol"], ["awdurdod", "hawdurdod"],
    ["llawlyfr", "lawlyfr"], ["dim", "ddim"],
]
# A form that is also another word: dîm (tîm after "ei") is dim (no, nothing) once accents are folded, and dim's
# own soft form ddim is on pages without tîm. Such a form finds the radical's pages and that word's pages.
ALSO = {"dîm": "dim"}
# Every mutated form of these finds exactly the pages the radical (first) form finds.
SAME_PAGES = ("plant", "gofalwr", "cymorth", "teulu", "cyngor", "maethu", "tîm", "Môn")
# Each group: the inflections of one word, which stemming makes find each other's pages (child and children have
# different stems: each is its own group).
ENGLISH = [
    ["foster", "fostering", "fostered"], ["carer", "carers"], ["allowance", "allowances"], ["fee", "fees"],
    ["child"], ["children"], ["family", "families"], ["council", "councils"], ["review", "reviews", "reviewed"],
    ["payment", "payments"], ["team", "teams"], ["contact", "contacted", "contacting"],
    ["support", "supported", "supporting"], ["train", "training", "trained"], ["handbook"], ["local"],
    ["Anglesey"], ["safeguarding"],
]
SITES = {"cy": ["", "ynys-mon/"], "en": ["", "anglesey/"]}
QUERIES = {"cy": WELSH, "en": ENGLISH}


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c)).lower()


def _page_words(site: Path) -> dict[str, set[str]]:
    """Each page (location) of a site's index -> the words of its title and text, folded, split as written."""
    pages: dict[str, set[str]] = {}
    for doc in json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]:
        text = re.sub(r"<[^>]+>", " ", f"{doc['title']} {doc['text']}")
        words = {re.sub(r"^\W+|\W+$", "", part) for token in re.split(r"[\s\-]+", text)
                 for part in re.split(r"['’]", _fold(token))}
        pages.setdefault(doc["location"].split("#")[0], set()).update(words)
    return pages


def _expected(pages: dict[str, set[str]], forms: list[str]) -> set[str]:
    folded = [_fold(form) for form in forms]
    return {page for page, words in pages.items() if any(w.startswith(f) for w in words for f in folded)}


# Counts the search worker's answers, so a test knows when the results of what it typed have arrived.
COUNT_ANSWERS = """
window.__answers = 0
const Original = window.Worker
window.Worker = class extends Original {
  constructor(...args) { super(...args); this.addEventListener("message", () => { window.__answers += 1 }) }
}
"""


# Material renders the first ten results, then four more each time the list is scrolled to its end (a change
# from "not at the end" to "at the end", seen on the next animation frame): scroll as a visitor would, up and
# down, until every result the count above the list announces is on the page.
READ_ALL_RESULTS = """
async total => {
  const box = document.querySelector(".md-search__scrollwrap")
  const list = document.querySelector(".md-search-result__list")
  // Two animation frames (a scroll event, then Material's look at it), or a quarter second if none come
  const frame = () => new Promise(done => {
    const late = setTimeout(done, 250)
    requestAnimationFrame(() => requestAnimationFrame(() => { clearTimeout(late); done() }))
  })
  for (let idle = 0; list.children.length < total && idle < 5;) {
    const shown = list.children.length
    box.scrollTop = 0; await frame()
    box.scrollTop = box.scrollHeight; await frame()
    idle = list.children.length > shown ? 0 : idle + 1
  }
  box.scrollTop = 0
  return [...list.querySelectorAll(":scope > li > a:first-child")].map(a => a.getAttribute("href"))
}
"""


def _search(page, query: str) -> dict:
    """Type a query into the open search box: every page found (the whole list, scrolled) and the marks."""
    before = page.evaluate("window.__answers")
    page.keyboard.press("ControlOrMeta+A")  # the focus is in the search box: type over what is there
    page.keyboard.insert_text(query)
    page.keyboard.press("End")  # Material reads the query on key up
    page.wait_for_function("n => window.__answers > n", arg=before)
    page.wait_for_function("() => !document.querySelector('.md-search-result__meta').textContent.includes('…')"
                           " && document.querySelector('.md-search-result__list').children.length"
                           " >= Math.min(10, +(document.querySelector('.md-search-result__meta')"
                           ".textContent.match(/\\d+/) || [0])[0])")
    meta = page.inner_text(".md-search-result__meta")
    total = int(match.group()) if (match := re.search(r"\d+", meta)) else 0
    # The marks of the results as first shown (the list is rendered again as it is scrolled), and of all.
    marks = set(page.eval_on_selector_all(".md-search-result mark", "els => els.map(e => e.textContent)"))
    links = page.evaluate(READ_ALL_RESULTS, total)
    assert len(links) == total, f"{query!r}: {meta} announced, {len(links)} shown"
    return {"meta": meta, "total": total, "pages": {re.sub(r"[?#].*$", "", link) for link in links},
            "marks": marks | set(page.eval_on_selector_all(".md-search-result mark",
                                                           "els => els.map(e => e.textContent)")),
            "missing": page.eval_on_selector_all(".md-search-result del", "els => els.map(e => e.textContent)")}


def search_all(output: Path, browser) -> dict:
    """Every query of the set, typed into the search box of the national and one local site per language."""
    found: dict = {}
    with http_server(output) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 400})  # a list that scrolls
        context.set_default_timeout(15_000)
        context.add_init_script(COUNT_ANSWERS)
        context.route(re.compile(r"^(?!http://127\.0\.0\.1)"), lambda route: route.abort())  # no other host
        for lang, sites in SITES.items():
            for site in sites:
                page = context.new_page()
                page.goto(f"{base}/{lang}/{site}")
                page.keyboard.press("/")  # the keyboard opens the search
                page.wait_for_function("window.__answers > 0")  # the index is ready
                for group in QUERIES[lang]:
                    for query in group:
                        result = _search(page, query)
                        result["pages"] = {p.removeprefix(f"{base}/{lang}/{site}") for p in result["pages"]}
                        found[lang, site, query] = result
                found[lang, site, "keyboard"] = _keyboard(page, QUERIES[lang][0][0])
                page.close()
        context.close()
    return found


@pytest.fixture(scope="module")
def searched(built, browser) -> dict:
    return search_all(built.output, browser)


def _keyboard(page, query: str) -> str:
    """Arrow down from the box to the first result and press Enter: the address the browser goes to."""
    _search(page, query)
    page.keyboard.press("ArrowDown")
    focused = page.evaluate("document.activeElement.getAttribute('href')")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(re.escape(re.sub(r"[?#].*$", "", focused))))
    return focused



@pytest.mark.parametrize("lang", ["cy", "en"])
def test_the_query_set_finds_the_pages_it_must(built, searched, lang):
    """Recall of at least 95% in each language, over every (query, page that must be found) pair."""
    must = found = 0
    misses = []
    held = set()
    for site in SITES[lang]:
        pages = _page_words(built.output / lang / site)
        for group in QUERIES[lang]:
            expected = _expected(pages, group)
            held.update(group if expected else ())
            for query in group:
                got = searched[lang, site, query]["pages"]
                must += len(expected)
                found += len(expected & got)
                misses += [f"{site or 'main'}: {query!r} misses {page}" for page in sorted(expected - got)]
    stale = [group[0] for group in QUERIES[lang] if group[0] not in held]
    assert not stale, f"no page of either site holds {stale} (the query set is stale)"
    queries = sum(len(group) for group in QUERIES[lang])
    assert queries >= {"cy": 40, "en": 20}[lang]
    print(f"{lang}: recall {found}/{must} = {found / must:.1%} over {queries} queries")  # shown by pytest -rP
    assert found / must >= 0.95, f"recall {found}/{must}:\n" + "\n".join(misses)



# Written down by hand: pages holding only other forms of the word typed (ofalwr, blant, gymorth; carer, foster,
# family), so that only the folding or the stemming can find them. Each must be among the results.
ONLY_OTHER_FORMS = {
    ("cy", "", "gofalwr"): {"sut-i-ddod-yn-ofalwr-maeth/", "pwy-all-faethu/", "amdanom-ni/"},
    ("cy", "", "plant"): {"amdanom-ni/", "geirfa/"},
    ("cy", "", "cymorth"): {"hygyrchedd/", "pwy-all-faethu/", "yr-ymrwymiad-cenedlaethol/"},
    ("cy", "ynys-mon/", "gofalwr"): {"llawlyfr/diogelu-a-honiadau/", "llawlyfr/pan-fydda-i-n-barod/"},
    ("cy", "ynys-mon/", "cymorth"): {"ein-rhanbarth/", "llawlyfr/materion-ariannol/"},
    ("en", "", "carers"): {"personal-learning-record/", "welsh-language/"},
    ("en", "", "fostering"): {"carer-handbooks/"},
    ("en", "anglesey/", "carers"): {"handbook/records-and-confidentiality/", "handbook/safeguarding-and-allegations/"},
    ("en", "anglesey/", "fostering"): {"handbook/education/", "handbook/health/"},
    ("en", "anglesey/", "families"): {"our-region/", "what-you-will-receive/"},
}


def test_pages_holding_only_another_form_of_the_word_are_found(built, searched):
    for (lang, site, query), pages in ONLY_OTHER_FORMS.items():
        words = _page_words(built.output / lang / site)
        for page in sorted(pages):
            assert not any(word.startswith(_fold(query)) for word in words[page]), \
                f"{lang}/{site}{page} holds {query!r} as typed: pick a page that does not"
            assert page in searched[lang, site, query]["pages"], f"{lang}/{site}: {query!r} misses {page}"


@pytest.mark.parametrize("site", SITES["cy"])
def test_every_mutated_form_finds_the_pages_of_the_radical(searched, site):
    for group in WELSH:
        if group[0] in SAME_PAGES:
            radical = searched["cy", site, group[0]]["pages"]
            assert radical, group
            for form in group[1:]:
                also = searched["cy", site, ALSO[form]]["pages"] if form in ALSO else set()
                assert searched["cy", site, form]["pages"] == radical | also, f"{site}: {form} against {group[0]}"


@pytest.mark.parametrize("site", SITES["en"])
def test_every_inflection_finds_the_pages_of_the_word(searched, site):
    """carers finds exactly the pages carer finds, fostering and fostered those of foster, and so on."""
    for group in ENGLISH:
        word = searched["en", site, group[0]]["pages"]
        assert word or len(group) == 1, group
        for form in group[1:]:
            assert searched["en", site, form]["pages"] == word, f"{site}: {form} against {group[0]}"


def _first_search(output: Path, browser, lang: str, query: str) -> dict:
    """One query typed into a page just opened (in the set, a query follows others on the same page)."""
    with http_server(output) as base:
        context = browser.new_context(viewport={"width": 1280, "height": 400})
        context.add_init_script(COUNT_ANSWERS)
        page = context.new_page()
        page.goto(f"{base}/{lang}/")
        page.keyboard.press("/")
        page.wait_for_function("window.__answers > 0")
        try:
            return _search(page, query)
        finally:
            context.close()


def test_results_show_the_words_as_written_and_nothing_found_as_missing(searched, built, browser):
    def marked(lang, site, query, word):
        return any(word in mark for mark in searched[lang, site, query]["marks"])

    assert marked("cy", "ynys-mon/", "Mon", "Môn"), "Mon finds Môn, marked as written"
    marks = _first_search(built.output, browser, "cy", "mhlant")["marks"]
    assert any("blant" in mark for mark in marks) and any("plant" in mark for mark in marks), marks
    assert marked("cy", "", "gofalwr", "ofalwr")
    assert any(re.fullmatch(r"carer\W*", mark, re.I) for mark in searched["en", "", "carers"]["marks"]), \
        "carers finds carer, marked as written"
    for (lang, site, query), result in searched.items():
        if query != "keyboard" and result["pages"]:
            assert not result["missing"], f"{lang}/{site} {query!r}: marked missing {result['missing']}"
            # Each mark is text as written: a position marked twice would break the snippet ("rk>Môn").
            broken = [mark for mark in result["marks"] if "<" in mark or ">" in mark]
            assert not broken, f"{lang}/{site} {query!r}: {broken}"


def test_results_are_in_the_page_language_and_reached_by_keyboard(searched):
    # Welsh counts a noun in the singular after a numeral (docs/welsh-style.md): "13 dogfen sy'n cyfateb".
    assert re.search(r"\d+ d?dogfen sy'n cyfateb", searched["cy", "", "plant"]["meta"])
    assert "matching documents" in searched["en", "", "foster"]["meta"]
    for lang, sites in SITES.items():
        for site in sites:
            assert f"/{lang}/{site}" in searched[lang, site, "keyboard"], "Enter on the first result opens it"


def test_each_site_and_language_has_its_own_index_with_its_language(built):
    for lang in ("cy", "en"):
        indexes = sorted((built.output / lang).glob("**/search/search_index.json"))
        assert len(indexes) == len(built.project.sites)
        for index in indexes:
            data = json.loads(index.read_text(encoding="utf-8"))
            assert data["config"]["lang"] == [search_language(lang)]
            site = index.parent.parent
            assert all((site / doc["location"].split("#")[0]).exists() for doc in data["docs"]), index
            # A council site's index (its handbook included) stays under 150 KB compressed.
            assert len(gzip.compress(index.read_bytes())) < 150_000, index
    handbook = json.loads((built.output / "cy/ynys-mon/search/search_index.json").read_text(encoding="utf-8"))
    assert any("llawlyfr" in doc["location"] for doc in handbook["docs"]), "the handbook is in its council's index"
