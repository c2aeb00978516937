"""Renders the local offer and the National Commitment: what is known with its source, the rest marked."""

from __future__ import annotations

from markupsafe import Markup

from generator.model.project import Project
from generator.model.schema import Provision
from generator.render import i18n, urls
from generator.render.html.markup import source_note, unconfirmed_marker


class OfferRenderer:
    def __init__(self, project: Project, lang: str):
        self.project, self.lang = project, lang
        self.locale = project.language(lang).locale
        self._ = i18n.translations(project.root, lang).gettext

    def unconfirmed(self) -> Markup:
        return unconfirmed_marker(self.project.root, self.lang)

    def source_note(self, provision: Provision) -> Markup:
        return source_note(self.project, self.lang, provision.source, provision.as_of)

    def local_offer(self, authority, here: str) -> Markup:
        provisions = self.project.offer.authorities[authority.id]
        provided, unknown = [], []
        site = self.project.site(authority.id)
        for offer in self.project.offer.offer_types:
            if offer.derived_from == "handbook":
                # The site publishes it: the offer is the handbook itself, linked, rather than a typed claim.
                contents = next((p for p in self.project.site_pages(site) if p.role == "contents"), None)
                if contents and self.project.publishes_handbook(site):
                    link = urls.relative_link(here, urls.output_path(contents, self.lang))
                    provided.append(Markup('<li data-derived="handbook"><strong>{}</strong>: {} <a href="{}">{}</a>'
                                           "</li>").format(offer.name.get(self.lang), offer.description.get(self.lang),
                                                           link, self._("Read the handbook")))
                else:
                    unknown.append(offer)
                continue
            provision = provisions[offer.id]
            if provision.unconfirmed:
                unknown.append(offer)
            elif provision.provided:
                detail = provision.detail.get(self.lang) if provision.detail else offer.description.get(self.lang)
                provided.append(Markup("<li><strong>{}</strong>: {} {}</li>").format(
                    offer.name.get(self.lang), detail, self.source_note(provision)))
        parts = []
        if provided:
            parts.append(Markup('<ul class="fw-offer">{}</ul>').format(Markup("").join(provided)))
        if unknown:
            items = Markup("").join(Markup("<li>{}: {}</li>").format(o.name.get(self.lang), self.unconfirmed())
                                    for o in unknown)
            parts.append(Markup("<p>{}</p><ul class=\"fw-offer fw-offer--unconfirmed\">{}</ul>").format(
                self._("Not confirmed yet for this council: ask the fostering team."), items))
        return Markup("\n").join(parts)

    def national_commitment(self) -> Markup:
        commitment = self.project.offer.national_commitment
        contents = self.unconfirmed() if commitment.contents.unconfirmed else commitment.contents.detail.get(self.lang)
        rows = Markup("").join(
            Markup('<tr><th scope="row">{}</th><td>{}</td></tr>').format(
                authority.name.get(self.lang), self.adoption(commitment.adoption[authority.id]))
            for authority in self.project.authorities)
        return Markup('<p>{}</p><p>{}: {}</p><table class="fw-money"><caption>{}</caption><thead><tr>'
                      '<th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>').format(
            commitment.summary.get(self.lang), self._("What it includes"), contents,
            self._("Councils that have adopted the National Commitment"), self._("Council"), self._("Adopted"), rows)

    def adoption(self, provision: Provision) -> Markup:
        if provision.unconfirmed:
            return self.unconfirmed()
        answer = self._("Yes") if provision.provided else self._("No")
        return Markup("{} {}").format(answer, self.source_note(provision))
