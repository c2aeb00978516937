"""Digests of a build's inputs taken before anything heavy is loaded: a build with nothing to do stops here.

- `tools_digest`: the generator's code (its Python and the Material partials it copies), Python's version, the
  installed packages' versions and whether the seam is used (`mkdocs_ext.seam`): what turns inputs into
  output. A change here rebuilds everything.
- `shared_digest`: what every MkDocs project reads besides its own files (theme overrides, catalogues, the base
  mkdocs.yml, the tools).
- `fingerprint`: every input of a build, and its options, compared with the one recorded for the output.

Only the standard library (and `trees`, `model.tenant`, `mkdocs_ext.seam`, which need no more).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from generator.mkdocs_ext import seam
from generator.model.tenant import repository
from generator.trees import hash_tree

# The parts of a tenant's folder a build reads (besides the generator and the installed packages).
INPUT_PARTS = ("data", "content", "site_src", "mkdocs.yml")
# What every tenant shares from the repository (see model.tenant).
SHARED_PARTS = ("site_src", "mkdocs.yml")
_PACKAGE = Path(__file__).resolve().parent.parent  # generator/


def tools_digest() -> str:
    digest = hashlib.blake2b(digest_size=20)
    hash_tree(digest, _PACKAGE.parent, _PACKAGE, (".py", ".html"))
    digest.update(sys.version.encode())
    digest.update(b"seam" if seam.wanted() else b"plain route")  # what MkDocs and Material run as
    for folder in sys.path:
        if folder.endswith("site-packages") and os.path.isdir(folder):
            digest.update("\n".join(sorted(n for n in os.listdir(folder) if n.endswith(".dist-info"))).encode())
    return digest.hexdigest()


def shared_digest(root: Path) -> str:
    digest = hashlib.blake2b(digest_size=20)
    shared = repository(root)
    for part in SHARED_PARTS:
        if (shared / part).exists():
            hash_tree(digest, shared, shared / part)
    digest.update(tools_digest().encode())
    return digest.hexdigest()


def fingerprint(root: Path, options: dict) -> str:
    digest = hashlib.blake2b(digest_size=20)
    for part in INPUT_PARTS:
        if (root / part).exists():
            hash_tree(digest, root, root / part)
    shared = repository(root)
    if shared != root:  # a tenant: the repository's theme, catalogues and base configuration too
        for part in SHARED_PARTS:
            hash_tree(digest, shared, shared / part)
    digest.update(tools_digest().encode())
    digest.update(json.dumps(options, sort_keys=True).encode())
    return digest.hexdigest()
