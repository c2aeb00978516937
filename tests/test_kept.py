"""The memos' store (generator/kept.py) keeps at most its limit, dropping the oldest first."""

from generator.kept import Kept


def _store(limit: int) -> Kept:
    return Kept(limit, cost=lambda key, value: len(key[0]) + len(value))


def test_the_oldest_values_go_first_once_the_limit_is_passed():
    kept = _store(10)
    kept.keep(("ab",), "cd")
    kept.keep(("ef",), "gh")
    kept.keep(("ij",), "klm")
    assert [kept.get((key,)) for key in ("ab", "ef", "ij")] == [None, "gh", "klm"]
    assert (len(kept), kept.size) == (2, 9)


def test_a_key_kept_again_is_counted_once():
    kept = _store(10)
    for value in ("xy", "xyz", "xyzw"):
        kept.keep(("ab",), value)
    assert (len(kept), kept.size, kept.get(("ab",))) == (1, 6, "xyzw")


def test_an_emptied_store_keeps_the_limit_and_costs_but_no_values():
    kept = _store(10)
    kept.keep(("ab",), "cd")
    empty = kept.emptied()
    empty.keep(("abcdef",), "ghijk")
    assert (len(empty), kept.get(("ab",))) == (0, "cd")
