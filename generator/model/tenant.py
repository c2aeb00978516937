"""Tenants: the fostering services this generator builds, each from its own data and content.

The default tenant is the repository itself (`data/`, `content/`); any other lives in `tenants/<name>/`, laid
out the same way (`data/`, `content/<lang>/`, `site_src/spelling/`). Every tenant shares the repository's
theme (`site_src/overrides/`), interface-string catalogues (`site_src/locales/`) and base `mkdocs.yml`; its
brand, colours, languages, addresses, regions and sites are its own data. Each tenant has its own working
folder (`.build/` inside its folder), so building one never disturbs another's cache.
"""

from __future__ import annotations

from pathlib import Path

from generator.model.errors import ContributorError, Problem

TENANTS_DIR = "tenants"


def tenant_root(repository: Path, name: str | None) -> Path:
    """The folder of a tenant's data and content: the repository itself for the default tenant."""
    if not name:
        return repository
    folder = repository / TENANTS_DIR / name
    if not (folder / "data").is_dir():
        known = sorted(p.parent.name for p in (repository / TENANTS_DIR).glob("*/data"))
        raise ContributorError([Problem(
            f"{TENANTS_DIR}/{name}/", f"There is no tenant '{name}'.",
            fix="Use one of: " + ", ".join(known) + " (or leave TENANT out for the default)" if known
            else f"Create {TENANTS_DIR}/{name}/data/ (see the README, Adding a tenant).")])
    return folder


def folder_name(root: Path) -> str:
    """The tenant's folder as a contributor types it, for naming its files: '' or 'tenants/<name>/'."""
    shared = repository(root)
    return "" if shared == root else root.relative_to(shared).as_posix() + "/"


def repository(root: Path) -> Path:
    """Where a tenant's shared theme, catalogues and base mkdocs.yml are: the repository it belongs to."""
    return root.parents[1] if root.parent.name == TENANTS_DIR else root
