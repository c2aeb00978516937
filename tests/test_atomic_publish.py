"""Issue 28: publishing never leaves a moment without the output folder. A child process swaps two small trees
into place again and again (as each build's publish does) while this process looks for the folder; then the
child is killed mid-swap, and the folder must still be there, whole."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from generator.build.publish import swap_into_place

ROOT = Path(__file__).resolve().parent.parent
SWAPPER = """
import sys
from pathlib import Path
from generator.build.publish import swap_into_place
output, staging = Path(sys.argv[1]), Path(sys.argv[2])
print("ready", flush=True)
while True:
    swap_into_place(staging, output)
"""


def _tree(folder: Path, name: str) -> None:
    for index in range(20):
        (folder / "en" / f"page-{index}").mkdir(parents=True)
        (folder / "en" / f"page-{index}" / "index.html").write_text(name, encoding="utf-8")
    (folder / "marker").write_text(name, encoding="utf-8")


def test_the_replaced_tree_becomes_the_staging_tree(tmp_path):
    output, staging = tmp_path / "site", tmp_path / ".site.staging"
    _tree(output, "old")
    _tree(staging, "new")
    swap_into_place(staging, output)
    assert (output / "marker").read_text() == "new"
    assert (staging / "marker").read_text() == "old"


def test_no_moment_without_the_output_and_a_kill_leaves_a_whole_tree(tmp_path):
    output, staging = tmp_path / "site", tmp_path / ".site.staging"
    _tree(output, "a")
    _tree(staging, "b")
    child = subprocess.Popen([sys.executable, "-c", SWAPPER, str(output), str(staging)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        missing = looks = 0
        stop = time.monotonic() + 2.0
        while time.monotonic() < stop:  # a bounded number of looks, not a timing assertion
            looks += 1
            if not os.path.isdir(output):
                missing += 1
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
    swaps = (output / "marker").read_text()
    assert looks > 1000
    assert missing == 0, f"the output folder was missing {missing} times out of {looks} looks"
    assert swaps in {"a", "b"}
    for index in range(20):
        assert (output / "en" / f"page-{index}" / "index.html").read_text() == swaps
    assert not (tmp_path / ".site.previous").exists()
