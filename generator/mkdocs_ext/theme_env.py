"""The theme's Jinja environment, made with what does not change between builds done once per process.

MkDocs, for each of a tenant's projects: lists the installed themes (every package's entry points, clearing
its list as it loads a theme), walks the theme's folders for its static files (Material's thousands of icons
walked and filtered) and compiles the theme's templates. A worker builds many projects with the same packages
and theme, so it does each once: the themes are listed once (`get_themes`, the seam's replacement of MkDocs'),
and each build's theme environment (`wrap_get_env`, applied by the plugin) lists the theme's files once and
keeps compiled templates in a bytecode cache in the working folder, shared by every build and process.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs import utils

from generator.render.jinja_cache import FolderBytecodeCache

_listed = utils.get_themes  # MkDocs' own, functools.lru_cache'd (this module is imported before the seam)
_THEME_FILES: dict[tuple, list[str]] = {}  # by the theme's folders and static templates
_BYTECODE: dict[str, FolderBytecodeCache] = {}  # by the working folder's real path


def get_themes():
    """MkDocs' list of installed themes, made once: the packages do not change under a worker (a build server
    stops when they do)."""
    return _listed()


get_themes.cache_clear = lambda: None  # MkDocs clears it as it loads each theme


def wrap_get_env(theme, bytecode_folder: Path, serving: bool) -> None:
    """Make theme.get_env give environments that keep compiled templates in bytecode_folder and list the
    theme's files once per process (not when serving: a preview's theme can change under it)."""
    original = type(theme).get_env
    key = (tuple(theme.dirs), tuple(sorted(theme.static_templates)))

    def get_env():
        env = original(theme)
        env.bytecode_cache = _bytecode_cache(bytecode_folder)
        unfiltered = env.list_templates

        def list_templates(extensions=None, filter_func=None):
            # MkDocs lists the theme's files to find its static files, with a filter that refuses every path
            # with a part starting with '.': walk without those folders (Material's icons are in '.icons').
            if (serving or extensions is not None or filter_func is None or filter_func(".x")
                    or filter_func("a/.x")):
                return unfiltered(extensions, filter_func)
            if key not in _THEME_FILES:
                _THEME_FILES[key] = [name for name in theme_files(theme.dirs) if filter_func(name)]
            return list(_THEME_FILES[key])

        env.list_templates = list_templates
        return env

    theme.get_env = get_env


def theme_files(folders: list[str]) -> list[str]:
    """What jinja2.FileSystemLoader.list_templates finds, less anything under a folder starting with '.'."""
    found = set()
    for folder in folders:
        for base, subfolders, names in os.walk(folder, followlinks=True):
            subfolders[:] = [name for name in subfolders if not name.startswith(".")]
            prefix = os.path.relpath(base, folder).replace(os.sep, "/")
            found.update(name if prefix == "." else f"{prefix}/{name}" for name in names)
    return sorted(found)


def _bytecode_cache(folder: Path) -> FolderBytecodeCache:
    key = os.path.realpath(folder)  # each project names the working folder by a path of its own
    if key not in _BYTECODE:
        _BYTECODE[key] = FolderBytecodeCache(key)
    return _BYTECODE[key]
