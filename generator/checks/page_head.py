"""What a built page says about its translations: its canonical address, hreflang alternates and language switch."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.checks.html_tags import Tag


@dataclass
class Head:
    """What a page says about its translations."""

    canonical: str | None = None
    alternates: dict[str, str] = field(default_factory=dict)  # hreflang -> address
    switches: list[dict[str, str]] = field(default_factory=list)  # the language switch links' attributes

    def to_data(self) -> dict:
        return {"canonical": self.canonical, "alternates": self.alternates, "switches": self.switches}

    @classmethod
    def from_data(cls, data: dict) -> Head:
        return cls(data["canonical"], data["alternates"], data["switches"])

    def add(self, part: tuple) -> None:
        """One of the page's tags, as `head_part` read it (the page's tags are added in order)."""
        if part[0] == "canonical":
            self.canonical = part[1]
        elif part[0] == "alternate":
            self.alternates[part[1]] = part[2]
        else:
            self.switches.append(dict(part[1]))


def head_part(tag: Tag) -> tuple | None:
    """What a tag says of the page's translations, for `Head.add`: ("canonical", address),
    ("alternate", hreflang, address), ("switch", the attributes of a language switch link); None if nothing."""
    if tag.name == "link" and "rel" in tag.attributes:
        rel = (tag.get("rel") or "").split()
        if "canonical" in rel:
            return ("canonical", tag.get("href"))
        if "alternate" in rel and (hreflang := tag.get("hreflang")) is not None:
            return ("alternate", hreflang, tag.get("href") or "")
    elif tag.name == "a" and "fw-language-switch__link" in tag.attributes:
        values = tag.values()
        if "fw-language-switch__link" in values.get("class", "").split():
            return ("switch", tuple(values.items()))
    return None
