"""What the stages remember between calls and between runs: a bounded store in memory, and memo files on disk.

Any stage may use it (it needs only the standard library). A memo only ever saves work: whatever is not found
in it, or cannot be read, is worked out again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from collections.abc import Callable
from pathlib import Path
from typing import Any


class BoundedStore:
    """Values under keys, at most `limit` bytes of them (by `cost`), the oldest put dropped first."""

    def __init__(self, limit: int, cost: Callable[[tuple, Any], int]):
        """limit: how many bytes may be held; cost: the bytes a key and its value take (roughly: their text)."""
        self.limit, self.cost = limit, cost
        self.values: dict[tuple, Any] = {}
        self.size = 0

    def get(self, key: tuple) -> Any | None:
        return self.values.get(key)

    def put(self, key: tuple, value: Any) -> None:
        if key in self.values:
            self.size -= self.cost(key, self.values.pop(key))
        self.values[key] = value
        self.size += self.cost(key, value)
        while self.size > self.limit and self.values:
            oldest = next(iter(self.values))
            self.size -= self.cost(oldest, self.values.pop(oldest))

    def __len__(self) -> int:
        return len(self.values)

    def emptied(self) -> BoundedStore:
        """An empty store with the same limit and costs."""
        return BoundedStore(self.limit, self.cost)


# --- memo files: values under digests of their keys, for this program's next run -------------------------------

def digest(key: tuple) -> bytes:
    """A key's digest: of each part's text (a string's own, anything else's `repr`), so the same for equal keys in
    any process. A string is hashed as it is (a page's HTML, the biggest part: its `repr` costs three times as
    much)."""
    hashed = hashlib.blake2b(digest_size=16)
    for part in key:
        text = part if type(part) is str else repr(part)
        data = text.encode("utf-8", "surrogatepass")
        hashed.update(b"%s%d:" % (b"s" if text is part else b"r", len(data)))
        hashed.update(data)
    return hashed.digest()


def read(path: Path) -> Any | None:
    """What write() put in path; None if there is no such file or it cannot be read (the work is then done
    again). A pickle: written and read only by this program, in its own working folder."""
    try:
        with open(path, "rb") as file:
            return pickle.load(file)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, TypeError,
            ValueError):
        return None


def write(path: Path, data: Any) -> None:
    temporary = path.with_name(f".{path.name}.{os.getpid()}")
    with open(temporary, "wb") as file:
        pickle.dump(data, file, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(temporary, path)
