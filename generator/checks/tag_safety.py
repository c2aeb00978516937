"""What one HTML tag of a built page loads or runs that a page must not: the rule the safety check applies to
the facts read from every page (`facts`)."""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urlsplit

from generator.checks.html_tags import Tag

# Elements whose address is loaded by the browser (links to other sites with <a> are fine).
_LOADS = {"script": "src", "link": "href", "img": "src", "iframe": "src", "frame": "src", "embed": "src",
          "object": "data", "source": "src", "video": "src", "audio": "src", "track": "src", "form": "action",
          "input": "src"}
_EMBEDS = {"iframe", "frame", "embed", "object", "applet"}
_NOT_LOADED_LINKS = {"canonical", "alternate"}
# (a scheme may be split by tabs and line breaks, which browsers remove)
_SUSPECT = re.compile(r"""(?:^|[\s"'/])on|s\s*c\s*r\s*i\s*p\s*t\s*:|d\s*a\s*t\s*a\s*:|&""", re.I)
# The schemes a link may use (no scheme: an address on this site). Everything else - javascript:, vbscript:,
# data:, and schemes yet to be invented - is refused: an allow-list, not a list of known attacks.
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.I)
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "background", "cite", "xlink:href",
                   "lowsrc", "dynsrc"}


def unsafe_scheme(address: str) -> str | None:
    """The scheme of an address a browser would not treat as a plain link, read as the browser reads it:
    character references decoded, tabs and line breaks removed anywhere, controls and spaces trimmed at the
    ends ('java&#x09;script:' is javascript:). None for an address that is safe."""
    decoded = re.sub(r"[\t\n\r]", "", unescape(address)).strip("\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c"
                                                          "\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19"
                                                          "\x1a\x1b\x1c\x1d\x1e\x1f ")
    match = _SCHEME.match(decoded)
    if match and match.group(1).lower() not in SAFE_SCHEMES:
        return match.group(1).lower()
    return None


def tag_safety(name: str, attributes: str, content: str | None) -> tuple[tuple[str, ...], bool]:
    """What a tag's attributes load or run that they must not, and whether it is a <script> running text of
    its own (content: the text of a <script> or <style>). Where the tag stands (inside the page's article or
    in the theme's frame) is for the caller to say."""
    suspect = _SUSPECT.search(attributes) if attributes else None
    if not (suspect or name in _LOADS or name in _EMBEDS):
        return (), False
    tag = Tag(name, attributes)
    # Every attribute is read only where a handler or script address may hide; otherwise the few named.
    values = tag.values() if suspect else {}
    get = values.get if suspect else tag.get
    findings = []
    if name in _EMBEDS:
        findings.append(f"an embedded <{name}>")
    attribute = _LOADS.get(name)
    address = (get(attribute) or "") if attribute else ""
    rel = set((get("rel") or "").split())
    if address and not (name == "link" and rel & _NOT_LOADED_LINKS):
        parts = urlsplit(address.strip())
        if parts.netloc or parts.scheme in {"http", "https"}:
            findings.append(f"<{name}> loading '{address}' from another website")
    for attribute_name, value in values.items():
        if attribute_name.startswith("on"):
            findings.append(f"an inline event handler {attribute_name}=\"...\" on <{name}>")
        if attribute_name in _URL_ATTRIBUTES and (scheme := unsafe_scheme(value)):
            findings.append(f"a {scheme}: address on <{name}>")
    inline_script = (name == "script" and not get("src") and (get("type") or "") != "application/json"
                     and bool((content or "").strip()))
    return tuple(findings), inline_script
