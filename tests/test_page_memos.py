"""A project's memo file (generator/mkdocs_ext/page_memos.py) is read only by a build it can stand for: one with
the same shared inputs (theme, catalogues, code), of the output it was written with. Anything unreadable means doing
the work again. (That a build in its own process then redoes only the edited page, and publishes what a cold
build does, is shown in test_incremental.)"""

from __future__ import annotations

import pickle

from generator import memo
from generator.mkdocs_ext import page_memos

PAGE = ("# Fostering\n", "about.md", "project digest")  # a key as markdown_memo makes them


def _found(output, shared: str, previous_key: str | None):
    page_memos.begin(shared, "the next key", output, previous_key)
    try:
        return page_memos.find("conversions", PAGE)
    finally:
        page_memos.end(None)


def test_a_memo_file_is_read_only_with_the_same_shared_inputs_and_for_the_output_it_was_written_with(tmp_path):
    output = tmp_path / "main"
    page_memos.begin("theme and code", "output key")
    page_memos.note("conversions", PAGE, "<h1>Fostering</h1>")
    page_memos.end(output)
    assert (tmp_path / "main.memo").is_file()

    assert _found(output, "theme and code", "output key") == "<h1>Fostering</h1>"
    assert _found(output, "another theme", "output key") is None
    assert _found(output, "theme and code", "another output") is None
    assert page_memos.find("conversions", PAGE) is None, "no build: nothing is found"


def test_a_build_that_did_not_finish_cleanly_writes_nothing(tmp_path):
    page_memos.begin("theme and code", "output key")
    page_memos.note("conversions", PAGE, "<h1>Fostering</h1>")
    page_memos.end(None)
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
    assert len({memo.digest(key) for key in keys}) == len(keys)
    assert memo.digest(("".join(["a", "b"]), ("y", 2))) == memo.digest(("ab", ("y", 2)))
