"""Compiled templates are kept on disk for other processes and in memory for other environments of this one."""

from __future__ import annotations

import shutil

import jinja2
from jinja2 import FileSystemBytecodeCache

from generator.mkdocs_ext import theme_env
from generator.render.jinja_cache import FolderBytecodeCache
from tests.conftest import build_twin_sites


def _environment(templates, cache: FolderBytecodeCache) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(templates)), bytecode_cache=cache)


def test_a_new_environment_takes_the_code_from_memory_and_a_changed_template_is_compiled_again(
        tmp_path, monkeypatch):
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "page.html").write_text("Hello {{ name }}", encoding="utf-8")
    folder = tmp_path / "cache"
    cache = FolderBytecodeCache(str(folder))
    assert _environment(templates, cache).get_template("page.html").render(name="Cymru") == "Hello Cymru"
    assert len(list(folder.iterdir())) == 1  # on disk, for the next process

    def compile_again(*args, **kwargs):
        raise AssertionError("compiled again")

    with monkeypatch.context() as patched:
        patched.setattr(jinja2.Environment, "compile", compile_again)
        shutil.rmtree(folder)  # not read from disk either
        assert _environment(templates, cache).get_template("page.html").render(name="Wales") == "Hello Wales"

    (templates / "page.html").write_text("Helo {{ name }}", encoding="utf-8")
    assert _environment(templates, cache).get_template("page.html").render(name="Cymru") == "Helo Cymru"


def test_a_worker_reads_each_theme_template_from_disk_once_for_all_the_projects_it_builds(built, tmp_path,
                                                                                         monkeypatch):
    read: list[str] = []
    original = FileSystemBytecodeCache.load_bytecode

    def reading(self, bucket):
        read.append(bucket.key)
        return original(self, bucket)

    monkeypatch.setattr(FileSystemBytecodeCache, "load_bytecode", reading)
    monkeypatch.setattr(theme_env, "_BYTECODE", {})  # as in a new worker
    build_twin_sites(tmp_path)  # two projects, each naming the working folder by its own path
    assert read and len(read) == len(set(read)), "a theme template was read from disk for each project"
