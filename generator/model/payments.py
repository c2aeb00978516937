"""What a foster carer would receive: the one computation both the calculator and its tests rely on.

The calculator page's JavaScript does the same arithmetic on the same figures (emitted from this model);
a browser test holds the two to the same answers for every council and age band.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model.project import Project
from generator.model.schema import AgeBand, Authority

WEEKS_IN_YEAR = 52


@dataclass(frozen=True)
class Item:
    age: int
    band: AgeBand | None  # None: no band covers this age
    weekly: float | None  # None: the rate is not confirmed


@dataclass(frozen=True)
class Estimate:
    items: tuple[Item, ...]

    @property
    def weekly_pence(self) -> int | None:
        """The total a week in pence, or None if any part is unconfirmed (a partial total would mislead).

        Whole pence, so the browser's arithmetic and ours agree to the penny.
        """
        if not self.items or any(item.weekly is None for item in self.items):
            return None
        return sum(round(item.weekly * 100) for item in self.items)

    @property
    def yearly_pence(self) -> int | None:
        return None if self.weekly_pence is None else self.weekly_pence * WEEKS_IN_YEAR


def band_for(project: Project, age: int) -> AgeBand | None:
    return next((b for b in project.payments.age_bands if b.from_age <= age <= b.to_age), None)


def calculate(project: Project, authority: Authority, ages: list[int]) -> Estimate:
    """The weekly allowance for each child at the authority's latest rates."""
    rates = project.rates_for(authority)
    items = []
    for age in ages:
        band = band_for(project, age)
        money = rates[0].weekly.get(band.id) if rates and band else None
        items.append(Item(age, band, money.amount if money and money.known else None))
    return Estimate(tuple(items))
