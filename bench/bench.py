"""Benchmark: our pipeline against one plain `mkdocs build` per generated project, in one run.

    .venv/bin/python bench/bench.py                   # real corpus and synthetic x1, x4, x10; 3 runs each
    .venv/bin/python bench/bench.py --scales 1 --runs 5 --no-serve

For each corpus, in a throwaway copy of the project:
- ours, cold: `python -m generator build` after `generator clean` (no build cache, no site/, no kept trees;
  median of --runs runs);
- ours, no-op: the same command again, nothing changed;
- ours, one edit: a sentence added to one page of one site (content/en/main/about.md), then the command, in
  its own process (FOSTERING_BUILD_SERVER=0, as in CI and on a first build);
- ours, one edit, build server: the same with a warm build server running for the corpus (what `make site`
  does after the first build on a developer's machine), and the server's resident memory;
- plain: `mkdocs build -f <project>/mkdocs.yml` for every project our build generated (the same files),
  as separate processes, two at a time (the machine has two cores), with our plugin doing only what the
  theme needs (FOSTERING_PLAIN_MKDOCS=1: no shared caches, every site its own theme files), into a folder
  whose previous run's output is removed just before, as our cold build follows `generator clean`;
- serve (real corpus only): seconds from saving a page to the preview server returning the changed page;
- search (real corpus only): each site's search index, gzip-compressed (smallest, median, largest, and the
  largest council site's), and the build time search adds: CPU seconds of a plain `mkdocs build` of one
  council site (Welsh Anglesey, with its handbook) with Material's search plugin and with it disabled
  (median of --runs runs each). Our language pipelines (Welsh mutations, English stemming) add nothing at
  build time: lunr.js builds the index in the visitor's browser from the same JSON.
Reported: medians (wall clock, and CPU seconds of the whole process tree), the ratio ours/plain for a cold
build, the peak memory of the process tree (sum of the resident sizes of its processes, sampled every 50 ms),
and the size of each output. A synthetic corpus xK is the real one with every page copied K-1 times under
new ids, slugs and titles (so about 300*K pages, with the real pages' data, tables and links).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("data", "content", "site_src", "mkdocs.yml")
PYTHON = sys.executable
LETTERS = "BCDEFGHIJKLMNOPQRSTUVWXYZ"


# --- corpora ----------------------------------------------------------------------------------------

def make_corpus(folder: Path, scale: int | None) -> Path:
    """A copy of the project; scale None is the real corpus, K every page K times."""
    folder.mkdir(parents=True)
    for part in PARTS:
        source = ROOT / part
        (shutil.copytree if source.is_dir() else shutil.copy)(source, folder / part)
    if scale and scale > 1:
        _multiply(folder, scale)
    return folder


def _multiply(folder: Path, scale: int) -> None:
    navigation = folder / "data" / "navigation.yml"
    nav_text = navigation.read_text(encoding="utf-8")
    for kind in ("main", "authority"):
        ids = _nav_ids(nav_text, kind)
        extra = [f"{page_id}-copy-{LETTERS[n].lower()}" for n in range(scale - 1) for page_id in ids]
        block = "".join(f"  - {page_id}\n" for page_id in ids + extra)
        nav_text = re.sub(rf"(?ms)^{kind}:\n(?:  - .*?\n)+", f"{kind}:\n{block}", nav_text, count=1)
        for lang_folder in (folder / "content").iterdir():
            for page in sorted((lang_folder / kind).glob("*.md")):
                text = page.read_text(encoding="utf-8")
                for n in range(scale - 1):
                    letter = LETTERS[n]
                    copy = re.sub(r"(?m)^id: (\S+)$", rf"id: \1-copy-{letter.lower()}", text, count=1)
                    copy = re.sub(r"(?m)^title: (.*)$", lambda m, x=letter: "title: " + _suffix(m.group(1), x),
                                  copy, count=1)
                    stem = "home" if page.stem == "index" else page.stem
                    (page.parent / f"{stem}-copy-{letter.lower()}.md").write_text(copy, encoding="utf-8")
    navigation.write_text(nav_text, encoding="utf-8")


def _nav_ids(text: str, kind: str) -> list[str]:
    block = re.search(rf"(?ms)^{kind}:\n((?:  - .*?\n)+)", text).group(1)
    return [line.strip()[2:] for line in block.splitlines()]


def _suffix(title: str, letter: str) -> str:
    if title[:1] in "\"'" and title[-1:] == title[:1]:
        return f"{title[:-1]} {letter}{title[-1]}"
    return f"{title} {letter}"


# --- measuring ---------------------------------------------------------------------------------------

class TreeSampler:
    """Peak of the summed resident memory of a process and its descendants."""

    def __init__(self, pid: int):
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, _tree_rss(self.pid))
            self._stop.wait(0.05)

    def stop(self) -> int:
        self._stop.set()
        self.thread.join()
        return self.peak


def _tree_rss(pid: int) -> int:
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            children.setdefault(int(fields[1]), []).append(int(entry))
            rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss.get(current, 0)
        todo.extend(children.get(current, []))
    return total


def run(command: list[str], cwd: Path, env: dict | None = None) -> tuple[float, float, int]:
    """Run a command; (wall seconds, CPU seconds of it and its children, peak memory in bytes)."""
    before = os.times()
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env={**os.environ, **(env or {})}, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    sampler = TreeSampler(process.pid)
    out, err = process.communicate()
    wall = time.perf_counter() - started
    peak = sampler.stop()
    after = os.times()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{out}\n{err}")
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system), peak


def ours(corpus: Path, *args: str, server: bool = False) -> tuple[float, float, int]:
    return run([PYTHON, "-m", "generator", "--root", str(corpus), "build", *args], corpus,
               {"FOSTERING_BUILD_SERVER": "1" if server else "0", "CI": ""})


def served_edits(corpus: Path, page: Path, runs: int) -> tuple[list[tuple[float, float, int]], int]:
    """One-edit builds handed to a warm build server; (their measurements, the server's resident memory)."""
    server = subprocess.Popen([PYTHON, "-m", "generator", "--root", str(corpus), "build-server", "--idle", "300"],
                              env={**os.environ, "FOSTERING_BUILD_SERVER": "1", "CI": ""},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    original = page.read_text(encoding="utf-8")
    try:
        from generator.serve import build_server
        deadline = time.perf_counter() + 120
        while build_server.ask(corpus, {"command": "ping"}) is None:
            if time.perf_counter() > deadline:
                raise SystemExit("the build server did not start")
            time.sleep(0.1)
        time.sleep(2)  # its workers warm up
        edits = []
        for n in range(runs):
            page.write_text(original + f"\nAn edit handed to the build server, number {LETTERS[n].lower()}.\n",
                            encoding="utf-8")
            edits.append(ours(corpus, server=True))
            time.sleep(0.5)
        memory = _tree_rss(server.pid)
    finally:
        page.write_text(original, encoding="utf-8")
        server.terminate()  # it stops its workers too
        server.wait(30)
    return edits, memory


def plain(corpus: Path) -> tuple[float, float, int, int]:
    """One `mkdocs build` per generated project, two at a time; (wall, cpu, peak memory, output bytes).

    The previous run's output is removed just before, as `generator clean` removes ours before our cold build:
    each route builds right after its previous output was removed. (This machine's file system, which has no
    journal, looks past every recently freed inode when it makes a file or folder: building right after
    removing a tree of tens of thousands of files is slower, for both.)"""
    configs = sorted((corpus / ".build" / "projects").glob("*/*/mkdocs.yml"))
    out = corpus / "plain-site"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    env = {**os.environ, "FOSTERING_PLAIN_MKDOCS": "1"}
    peak = 0
    lock = threading.Lock()
    live: set[int] = set()
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            with lock:
                pids = list(live)
            peak = max(peak, sum(_tree_rss(pid) for pid in pids))
            stop.wait(0.05)

    def one(config: Path) -> None:
        target = out / config.parent.parent.name / config.parent.name
        process = subprocess.Popen([PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(target)],
                                   env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        with lock:
            live.add(process.pid)
        _out, err = process.communicate()
        with lock:
            live.discard(process.pid)
        if process.returncode != 0:
            raise SystemExit(f"mkdocs build -f {config} failed:\n{err}")

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    before = os.times()
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=2) as pool:
        list(pool.map(one, configs))
    wall = time.perf_counter() - started
    after = os.times()
    stop.set()
    sampler.join()
    size = tree_size(out)
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system), \
        peak, size


def tree_size(folder: Path) -> int:
    """Bytes of the files under folder, a file with several links counted once."""
    seen, total = set(), 0
    for path in folder.rglob("*"):
        if path.is_file():
            stat = path.stat()
            if (stat.st_dev, stat.st_ino) not in seen:
                seen.add((stat.st_dev, stat.st_ino))
                total += stat.st_size
    return total


def search_cost(corpus: Path, runs: int) -> dict:
    """Each site's search index, compressed; CPU seconds one council site's plain build spends on search."""
    site = corpus / "site"
    sizes = {str(index.parent.parent.relative_to(site)): len(gzip.compress(index.read_bytes()))
             for index in site.glob("*/**/search/search_index.json")}
    councils = [size for name, size in sizes.items() if "/" in name]  # <lang>/<council>; <lang> is national
    config = corpus / ".build" / "projects" / "cy" / "anglesey" / "mkdocs.yml"
    without = config.with_name("mkdocs.no-search.yml")  # beside it: its relative paths still hold
    project = json.loads(config.read_text(encoding="utf-8"))
    project["plugins"]["search"] = {"enabled": False}
    without.write_text(json.dumps(project), encoding="utf-8")
    out = corpus / "search-cost-site"
    cpu = {}
    try:
        for name, path in (("with", config), ("without", without)):
            cpu[name] = statistics.median(
                run([PYTHON, "-m", "mkdocs", "build", "-q", "-f", str(path), "-d", str(out)], corpus,
                    {"FOSTERING_PLAIN_MKDOCS": "1"})[1] for _ in range(runs))
    finally:
        without.unlink()
        shutil.rmtree(out, ignore_errors=True)
    return {"indexes": len(sizes), "smallest": min(sizes.values()), "median": statistics.median(sizes.values()),
            "largest": max(sizes.values()), "largest_council": max(councils),
            "build_with": cpu["with"], "build_without": cpu["without"]}


def serve_latency(corpus: Path, runs: int) -> list[float]:
    """Seconds from saving a page to `make serve` returning it changed (Welsh Anglesey, contact page)."""
    port = 8700 + os.getpid() % 200
    server = subprocess.Popen([PYTHON, "-m", "generator", "--root", str(corpus), "serve", "--site", "anglesey",
                               "--lang", "cy", "--address", f"127.0.0.1:{port}"],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/ynys-mon/cysylltu/"
    page = corpus / "content" / "cy" / "authority" / "cysylltu.md"
    original = page.read_text(encoding="utf-8")
    times = []
    try:
        _wait_for(url, lambda body: True, 120)
        time.sleep(1)
        for n in range(runs):
            marker = f"Gair{LETTERS[n % 26]}{LETTERS[(n // 26) % 26]}prawf"
            started = time.perf_counter()
            page.write_text(original + f"\nMae'r tîm yn barod i'ch helpu gyda {marker} a mwy.\n", encoding="utf-8")
            _wait_for(url, lambda body, m=marker: m in body, 60)
            times.append(time.perf_counter() - started)
            time.sleep(1)
    finally:
        page.write_text(original, encoding="utf-8")
        server.send_signal(signal.SIGINT)
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
    return times


def _wait_for(url: str, ready, timeout: float) -> None:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if ready(response.read().decode("utf-8", "replace")):
                    return
        except OSError:
            pass
        time.sleep(0.01)
    raise SystemExit(f"{url} did not show the change within {timeout} s")


# --- the run -----------------------------------------------------------------------------------------

def measure(corpus: Path, runs: int) -> dict:
    about = corpus / "content" / "en" / "main" / "about.md"
    original = about.read_text(encoding="utf-8")
    cold, noop, edit, plain_runs = [], [], [], []
    for n in range(runs):
        about.write_text(original, encoding="utf-8")
        # As `make clean`: the build cache, the output and the trees kept to publish the next one (otherwise
        # the later "cold" runs would find the run before's staging tree and bring it up to date).
        subprocess.run([PYTHON, "-m", "generator", "--root", str(corpus), "clean"], cwd=corpus, check=True,
                       capture_output=True)
        cold.append(ours(corpus))
        noop.append(ours(corpus))
        about.write_text(original + f"\nAn edit made by the benchmark, number {LETTERS[n].lower()}.\n",
                         encoding="utf-8")
        edit.append(ours(corpus))
        about.write_text(original, encoding="utf-8")
        ours(corpus)  # back to the generated projects of the unedited corpus for the plain route
        plain_runs.append(plain(corpus))
    shutil.rmtree(corpus / "plain-site")
    served, server_memory = served_edits(corpus, about, max(runs, 5))
    ours(corpus)
    size = tree_size(corpus / "site")
    pages = len([p for p in (corpus / "site").rglob("index.html")
                 if not {"search", "assets"} & set(p.relative_to(corpus / "site").parts)])

    def med(values, index):
        return statistics.median(v[index] for v in values)

    return {
        "load": os.getloadavg()[1],
        "pages": pages, "projects": len(list((corpus / ".build" / "projects").glob("*/*/mkdocs.yml"))),
        "cold": med(cold, 0), "cold_cpu": med(cold, 1), "noop": med(noop, 0), "edit": med(edit, 0),
        "edit_cpu": med(edit, 1), "edit_served": med(served, 0), "server_memory": server_memory,
        "plain": med(plain_runs, 0), "plain_cpu": med(plain_runs, 1),
        "peak_ours": max(max(v[2] for v in cold), max(v[2] for v in edit)),
        "peak_plain": max(v[2] for v in plain_runs), "size_ours": size, "size_plain": max(v[3] for v in plain_runs),
        "runs": runs,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scales", default="1,4,10", help="synthetic corpora, comma-separated (default 1,4,10)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement (median reported)")
    parser.add_argument("--no-real", action="store_true", help="skip the real corpus")
    parser.add_argument("--no-serve", action="store_true", help="skip the preview-server measurement")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args()

    # As `make` does before any run: the generator's bytecode, which this machine's Python may not write itself.
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "generator")], check=True)
    work = Path(tempfile.mkdtemp(prefix="fw-bench-"))
    results = {}
    try:
        corpora = ([("real", None)] if not args.no_real else []) + [
            (f"synthetic x{k}", int(k)) for k in args.scales.split(",") if k]
        for name, scale in corpora:
            print(f"{name}: building ...", file=sys.stderr, flush=True)
            corpus = make_corpus(work / name.replace(" ", "-"), scale)
            results[name] = measure(corpus, args.runs)
            if name == "real" and not args.no_serve:
                results[name]["serve"] = statistics.median(serve_latency(corpus, max(args.runs, 5)))
            if name == "real":
                results[name]["search"] = search_cost(corpus, args.runs)
            print(json.dumps(results[name]), file=sys.stderr, flush=True)
            # Each corpus is removed at the end, not before the next is measured: removing tens of thousands of
            # files slows making files for a while on this machine, and our cold build is the next one's first.
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(report(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


def report(results: dict) -> str:
    mib = 1024 * 1024
    lines = ["| corpus | pages (projects) | plain cold | ours cold | ratio | ours no-op | ours one edit | "
             "one edit, build server | peak memory ours / plain (server) | output ours / plain |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for name, r in results.items():
        lines.append(
            f"| {name} | {r['pages']} ({r['projects']}) | {r['plain']:.1f} s ({r['plain_cpu']:.0f} s CPU) | "
            f"{r['cold']:.1f} s ({r['cold_cpu']:.0f} s CPU) | {r['cold'] / r['plain']:.2f} | {r['noop']:.2f} s | "
            f"{r['edit']:.2f} s ({r['edit_cpu']:.2f} s CPU) | {r['edit_served']:.2f} s | "
            f"{r['peak_ours'] / mib:.0f} / {r['peak_plain'] / mib:.0f} ({r['server_memory'] / mib:.0f}) MiB | "
            f"{r['size_ours'] / mib:.0f} / {r['size_plain'] / mib:.0f} MiB |")
    serve = [f"{name}: {r['serve']:.2f} s" for name, r in results.items() if "serve" in r]
    if serve:
        lines.append("")
        lines.append("Preview server, save to changed page served (median): " + "; ".join(serve))
    for name, r in results.items():
        if "search" in r:
            s, kib = r["search"], 1024
            lines.append("")
            lines.append(
                f"Search ({name}): {s['indexes']} indexes (one per site and language), gzip-compressed "
                f"{s['smallest'] / kib:.1f} to {s['largest'] / kib:.1f} KiB (median {s['median'] / kib:.1f} KiB; "
                f"largest council site {s['largest_council'] / kib:.1f} KiB, the limit 150 KB); one council site "
                f"built plainly: {s['build_with']:.2f} s CPU with search, {s['build_without']:.2f} s without "
                f"(+{s['build_with'] - s['build_without']:.2f} s).")
    runs = {r["runs"] for r in results.values()}
    lines.append("")
    loads = [r["load"] for r in results.values() if "load" in r]
    lines.append(f"Medians of {', '.join(map(str, sorted(runs)))} runs; {os.cpu_count()} cores"
                 + (f"; load average while measuring {min(loads):.1f} to {max(loads):.1f} (other work on the "
                    "machine slows the wall-clock figures; CPU seconds are less affected)." if loads else "."))
    return "\n".join(lines)


if __name__ == "__main__":
    main()
