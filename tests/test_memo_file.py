"""A project's memo file (generator/memo_file.py) is read only by a build it can stand for: one with the same
shared inputs (theme, catalogues, code), of the output it was written with. Anything unreadable means doing
the work again. (That a build in its own process then redoes only the edited page, and publishes what a cold
build does, is shown in test_incremental.)"""

from __future__ import annotations

import pickle

from generator import memo_file

PAGE = ("# Fostering\n", "about.md", "project digest")  # a key as markdown_memo makes them


def _found(output, shared: str, previous_key: str | None):
    memo_file.begin(shared, "the next key", output, previous_key)
    try:
        return memo_file.find("conversions", PAGE)
    finally:
        memo_file.end(None)


def test_a_memo_file_is_read_only_with_the_same_shared_inputs_and_for_the_output_it_was_written_with(tmp_path):
    output = tmp_path / "main"
    memo_file.begin("theme and code", "output key")
    memo_file.note("conversions", PAGE, "<h1>Fostering</h1>")
    memo_file.end(output)
    assert (tmp_path / "main.memo").is_file()

    assert _found(output, "theme and code", "output key") == "<h1>Fostering</h1>"
    assert _found(output, "another theme", "output key") is None
    assert _found(output, "theme and code", "another output") is None
    assert memo_file.find("conversions", PAGE) is None, "no build: nothing is found"


def test_a_build_that_did_not_finish_cleanly_writes_nothing(tmp_path):
    memo_file.begin("theme and code", "output key")
    memo_file.note("conversions", PAGE, "<h1>Fostering</h1>")
    memo_file.end(None)
    assert list(tmp_path.iterdir()) == []


def test_an_unreadable_memo_file_means_doing_the_work_again(tmp_path):
    path = tmp_path / "main.memo"
    for content in (b"", b"not a pickle", pickle.dumps(["a list"]), pickle.dumps({"shared": "s", "key": "k"}),
                    pickle.dumps({"shared": "s", "key": "k", "memos": "not a dict"})):
        path.write_bytes(content)
        assert _found(tmp_path / "main", "s", "k") is None, content


def test_a_digest_tells_keys_apart_by_their_parts_and_is_the_same_for_equal_keys():
    keys = [("ab", "c"), ("a", "bc"), ("abc",), ("1",), (1,), ("'1'",), ("a", None), ("a", "None"),
            ("x", ("y", 2)), ("x", "('y', 2)"), ("é", "\ud800")]
    assert len({memo_file.digest(key) for key in keys}) == len(keys)
    assert memo_file.digest(("".join(["a", "b"]), ("y", 2))) == memo_file.digest(("ab", ("y", 2)))
