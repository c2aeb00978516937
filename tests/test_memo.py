"""The memos' bounded store (generator/memo.py) holds at most its limit, dropping the oldest first."""

from generator.memo import BoundedStore


def _store(limit: int) -> BoundedStore:
    return BoundedStore(limit, cost=lambda key, value: len(key[0]) + len(value))


def test_the_oldest_values_go_first_once_the_limit_is_passed():
    store = _store(10)
    store.put(("ab",), "cd")
    store.put(("ef",), "gh")
    store.put(("ij",), "klm")
    assert [store.get((key,)) for key in ("ab", "ef", "ij")] == [None, "gh", "klm"]
    assert (len(store), store.size) == (2, 9)


def test_a_key_kept_again_is_counted_once():
    store = _store(10)
    for value in ("xy", "xyz", "xyzw"):
        store.put(("ab",), value)
    assert (len(store), store.size, store.get(("ab",))) == (1, 6, "xyzw")


def test_an_emptied_store_keeps_the_limit_and_costs_but_no_values():
    store = _store(10)
    store.put(("ab",), "cd")
    empty = store.emptied()
    empty.put(("abcdef",), "ghijk")
    assert (len(empty), store.get(("ab",))) == (0, "cd")
