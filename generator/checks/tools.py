"""Where the quality gates find their outside tools, all installed by the project's own Makefile.

- axe-core and the Nu HTML Checker (vnu-jar) from the npm registry, pinned in package-lock.json (node_modules/);
- Java, Chromium, hunspell and its British English dictionary from Debian;
- other hunspell dictionaries unpacked into .tools/hunspell/ from the wheels in requirements-spelling.txt.

They belong to the checkout of the generator (TOOLS_ROOT), not to the project being checked, so a copy of the
project (as the tests make) is checked with the same tools. A missing tool is not a contributor's mistake: it
is reported as a problem with the setup and how to fix it.
"""

from __future__ import annotations

import shutil
import sys
import zipfile
from pathlib import Path

from generator.model.errors import Problem

TOOLS_ROOT = Path(__file__).resolve().parents[2]  # the repository the generator runs from
SETUP_FIX = "Run `make gates` (or `make test`), which installs the tools the quality gates need."
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DEBIAN_DICTIONARIES = Path("/usr/share/hunspell")
# Where dictionaries are looked for by name (data/site.yml, languages[].dictionary): the project's, then Debian's.
DICTIONARY_FOLDERS = (TOOLS_ROOT / ".tools" / "hunspell", DEBIAN_DICTIONARIES)


class MissingTool(Exception):
    """A tool a gate needs is not installed."""

    def __init__(self, what: str):
        self.problem = Problem("(setup)", f"{what} is not installed, so this gate cannot run.", fix=SETUP_FIX)
        super().__init__(self.problem.message)


def axe_script() -> Path:
    return _require(TOOLS_ROOT / "node_modules" / "axe-core" / "axe.min.js", "axe-core (node_modules/axe-core)")


def vnu_jar() -> Path:
    return _require(TOOLS_ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar",
                    "The Nu HTML Checker (node_modules/vnu-jar)")


def java() -> str:
    found = shutil.which("java")
    if not found:
        raise MissingTool("Java (Debian's default-jre-headless)")
    return found


def chromium() -> Path:
    return _require(CHROMIUM, "Chromium (Debian's chromium)")


def hunspell() -> str:
    found = shutil.which("hunspell")
    if not found:
        raise MissingTool("hunspell (Debian's hunspell)")
    return found


def dictionary(name: str | None) -> Path | None:
    """The hunspell dictionary of that name (the path without .dic/.aff), or None when there is no name."""
    if not name:
        return None
    for folder in DICTIONARY_FOLDERS:
        if (folder / f"{name}.dic").exists():
            return folder / name
    raise MissingTool(f"The spelling dictionary {name} ({name}.dic in " + " or ".join(map(str, DICTIONARY_FOLDERS))
                      + ")")


def _require(path: Path, what: str) -> Path:
    if not path.exists():
        raise MissingTool(what)
    return path


def unpack_dictionary(download_dir: Path, target_dir: Path) -> None:
    """Take the hunspell dictionaries (.dic, .aff) and their licences out of the downloaded wheels (nothing
    else of them is used)."""
    target_dir.mkdir(parents=True, exist_ok=True)
    for wheel in sorted(download_dir.glob("*.whl")):
        with zipfile.ZipFile(wheel) as archive:
            for name in archive.namelist():
                base = name.rsplit("/", 1)[-1]
                if base.endswith((".dic", ".aff")) or base in {"LICENCE", "COPYING.LESSER"}:
                    (target_dir / base).write_bytes(archive.read(name))


if __name__ == "__main__":  # used by the Makefile: python -m generator.checks.tools DOWNLOADS TARGET
    unpack_dictionary(Path(sys.argv[1]), Path(sys.argv[2]))
