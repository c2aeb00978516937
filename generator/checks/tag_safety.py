"""What one HTML tag of a built page loads or runs that a page must not: the rule the safety check applies to
the facts read from every page (`facts`)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from generator.checks.html_tags import Tag

# Elements whose address is loaded by the browser (links to other sites with <a> are fine).
_LOADS = {"script": "src", "link": "href", "img": "src", "iframe": "src", "frame": "src", "embed": "src",
          "object": "data", "source": "src", "video": "src", "audio": "src", "track": "src", "form": "action",
          "input": "src"}
_EMBEDS = {"iframe", "frame", "embed", "object", "applet"}
_NOT_LOADED_LINKS = {"canonical", "alternate"}
_SUSPECT = re.compile(r"""(?:^|[\s"'/])on|javascript:|&""", re.I)


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
        if value.strip().lower().startswith("javascript:"):
            findings.append(f"a javascript: address on <{name}>")
    inline_script = (name == "script" and not get("src") and (get("type") or "") != "application/json"
                     and bool((content or "").strip()))
    return tuple(findings), inline_script
