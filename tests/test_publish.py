"""Bringing a kept tree up to date (`publish.sync_tree`): it ends as the wanted files, by hard link, even when
it was left off part way (a build server leaves off when a build is asked for)."""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from generator.build.publish import NextStaging, sync_tree
from tests.conftest import inodes


def _files(root: Path, count: int, text: str) -> dict[str, Path]:
    made = {}
    for number in range(count):
        source = root / f"{text}-{number}.html"
        source.write_text(f"{text} {number}", encoding="utf-8")
        made[f"en/page-{number}/index.html"] = source
    return made


def test_a_tree_left_off_part_way_is_finished_by_the_next_call(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    tree = tmp_path / "tree"
    old, new = _files(cache, 700, "old"), _files(cache, 600, "new")
    assert sync_tree(tree, old)
    (tree / "en" / "stray.txt").write_text("not ours", encoding="utf-8")
    asked = iter(range(10**6))
    assert not sync_tree(tree, new, stop=lambda: next(asked) >= 2), "it did not leave off when asked"
    assert inodes(tree) != {name: source.stat().st_ino for name, source in new.items()}
    assert sync_tree(tree, new)
    assert inodes(tree) == {name: source.stat().st_ino for name, source in new.items()}
    assert sorted(p.name for p in (tree / "en").iterdir()) == sorted(f"page-{n}" for n in range(600))


def test_a_tree_left_off_while_linking_is_finished_by_the_next_call(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    tree = tmp_path / "tree"
    wanted = _files(cache, 600, "page")
    assert not sync_tree(tree, wanted, stop=lambda: True)
    assert 0 < len(inodes(tree)) < 600
    assert sync_tree(tree, wanted)
    assert inodes(tree) == {name: source.stat().st_ino for name, source in wanted.items()}


def test_the_next_builds_tree_is_made_by_idle_workers_or_else_here(tmp_path):
    cache = tmp_path / "cache"
    cache.mkdir()
    files = _files(cache, 300, "page")
    handed: list[int] = []

    with ThreadPoolExecutor(2) as workers:
        def aside(function, *args):
            handed.append(len(args[1]))
            return workers.submit(function, *args)

        output = tmp_path / "site"
        made = NextStaging(output)
        made.make(files, aside)
        made.keep()
    assert handed == [150, 150]
    assert inodes(tmp_path / ".site.staging") == {name: path.stat().st_ino for name, path in files.items()}

    shutil.rmtree(tmp_path / ".site.staging")
    made = NextStaging(output)
    made.make(files, lambda function, *args: None)  # no worker idle
    assert inodes(made.folder) == {name: path.stat().st_ino for name, path in files.items()}
    made.discard()
    assert not made.folder.exists() and not (tmp_path / ".site.staging").exists()
