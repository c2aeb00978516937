"""The store behind the memos: values under keys, at most a number of bytes of them, the oldest dropped first."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


class Kept:
    def __init__(self, limit: int, cost: Callable[[tuple, Any], int]):
        """limit: how many bytes may be kept; cost: the bytes a key and its value take (roughly: their text)."""
        self.limit, self.cost = limit, cost
        self.values: dict[tuple, Any] = {}
        self.size = 0

    def get(self, key: tuple) -> Any | None:
        return self.values.get(key)

    def keep(self, key: tuple, value: Any) -> None:
        if key in self.values:
            self.size -= self.cost(key, self.values.pop(key))
        self.values[key] = value
        self.size += self.cost(key, value)
        while self.size > self.limit and self.values:
            oldest = next(iter(self.values))
            self.size -= self.cost(oldest, self.values.pop(oldest))

    def __len__(self) -> int:
        return len(self.values)

    def emptied(self) -> Kept:
        """An empty store with the same limit and costs."""
        return Kept(self.limit, self.cost)
