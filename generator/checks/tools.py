"""Where the quality gates find their outside tools, all installed by the project's own Makefile.

- axe-core and the Nu HTML Checker (vnu-jar) from the npm registry, pinned in package-lock.json (node_modules/);
- Java, Chromium, hunspell and its British English dictionary from Debian;
- the Welsh hunspell dictionary unpacked into .tools/hunspell/ (see requirements-spelling.txt).

They belong to the checkout of the generator (TOOLS_ROOT), not to the project being checked, so a copy of the
project (as the tests make) is checked with the same tools. A missing tool is not a contributor's mistake: it
is reported as a problem with the setup and how to fix it.
"""

from __future__ import annotations

import shutil
import sys
import zipfile
from pathlib import Path

from ..errors import Problem

TOOLS_ROOT = Path(__file__).resolve().parents[2]  # the repository the generator runs from
SETUP_FIX = "Run `make gates` (or `make test`), which installs the tools the quality gates need."
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DEBIAN_DICTIONARIES = Path("/usr/share/hunspell")
# Dictionary (without .dic/.aff) for each language code, relative to TOOLS_ROOT or absolute.
DICTIONARIES = {"en": DEBIAN_DICTIONARIES / "en_GB", "cy": Path(".tools/hunspell/cy_GB")}


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


def dictionary(lang: str) -> Path | None:
    """The hunspell dictionary of a language, or None when the project has none for it."""
    if lang not in DICTIONARIES:
        return None
    base = DICTIONARIES[lang] if DICTIONARIES[lang].is_absolute() else TOOLS_ROOT / DICTIONARIES[lang]
    _require(base.with_suffix(".dic"), f"The {lang} spelling dictionary ({base}.dic)")
    return base


def _require(path: Path, what: str) -> Path:
    if not path.exists():
        raise MissingTool(what)
    return path


def unpack_dictionary(download_dir: Path, target_dir: Path) -> None:
    """Take cy_GB.dic and cy_GB.aff out of the downloaded wheel (nothing else of it is used)."""
    wheel = next(download_dir.glob("cymraeg_mcp-*.whl"))
    target_dir.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(wheel) as archive:
        for name in archive.namelist():
            if name.rsplit("/", 1)[-1] in {"cy_GB.dic", "cy_GB.aff", "LICENCE", "COPYING.LESSER"}:
                (target_dir / name.rsplit("/", 1)[-1]).write_bytes(archive.read(name))


if __name__ == "__main__":  # used by the Makefile: python -m generator.checks.tools DOWNLOADS TARGET
    unpack_dictionary(Path(sys.argv[1]), Path(sys.argv[2]))
