"""Where things are: the build's working folder (`.build/` in a tenant's folder) and the trees beside the output.

Any stage may use it (it needs only the standard library). Every path below is relative to the tenant's folder
(`tenant.tenant_root`), except those made from an output folder.

```
.build/parsed-yaml.memo          the data and front matter texts parsed (model.yaml_source)
.build/projects/<lang>/<site>/   the generated MkDocs project of a site in a language (render.projects)
.build/projects/<lang>/<site>.pages   the pages its files were rendered from (render.projects)
.build/out/<lang>/<site>/        its built output; beside it .json (its record), .facts.json (what the checks
                                 read from its HTML), .memo (its pages' memos) (build.cache, mkdocs_ext.page_memos)
.build/jinja/, .build/jinja-pages/   compiled theme and page templates (render.jinja_cache)
.build/sitemaps/<lang>/sitemap.xml   the language trees' sitemaps (build.publish)
.build/state.json, checked.json  what each output was built from, and the sites that passed the checks
.build/build-server.sock, .log   the build server's socket and log (serve.build_server)
<output>/, .<output>.staging/, .<output>.staging.next/   the published tree, and the trees kept to publish the
                                 next (build.publish)
```
"""

from __future__ import annotations

from pathlib import Path

WORK_DIR = Path(".build")
PARSED_YAML = WORK_DIR / "parsed-yaml.memo"
PROJECTS_DIR = WORK_DIR / "projects"
OUT_DIR = WORK_DIR / "out"
THEME_BYTECODE_DIR = WORK_DIR / "jinja"
PAGE_BYTECODE_DIR = WORK_DIR / "jinja-pages"
SITEMAPS_DIR = WORK_DIR / "sitemaps"
STATE_FILE = WORK_DIR / "state.json"
CHECKED_FILE = WORK_DIR / "checked.json"
BUILD_SERVER_SOCKET = WORK_DIR / "build-server.sock"
BUILD_SERVER_LOG = WORK_DIR / "build-server.log"


def project_folder(root: Path, name: str) -> Path:
    """The generated MkDocs project `name` ('<lang>/<site>')."""
    return root / PROJECTS_DIR / name


def output_folder(root: Path, name: str) -> Path:
    """Where the build cache keeps project `name`'s built output."""
    return root / OUT_DIR / name


def beside(folder: Path, suffix: str) -> Path:
    """A file kept next to a project or output folder: `<folder><suffix>` ('.json', '.facts.json', '.memo')."""
    return folder.with_name(folder.name + suffix)


def staging_path(output: Path) -> Path:
    """The tree the next build is assembled in, before it is swapped into place at output."""
    return output.with_name(f".{output.name}.staging")


def next_staging_path(output: Path) -> Path:
    """The next build's staging tree while a first build makes it."""
    return output.with_name(f".{output.name}.staging.next")
