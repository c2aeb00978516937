"""The command line: parses arguments and calls the pipeline's stages; nothing else."""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from pathlib import Path

from generator import pipeline
from generator.mkdocs_ext import seam
from generator.model import annotations
from generator.model.errors import ContributorError, Problem, warnings_report
from generator.model.tenant import folder_name, tenant_root
from generator.serve import build_server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="generator", description="Build a fostering service's sites.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: here)")
    parser.add_argument("--tenant", default=None,
                        help="build another tenant, from tenants/<name>/ (default: the repository's own data)")
    parser.add_argument("--debug", action="store_true", help="show the Python traceback of internal errors")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="validate, render and build every site into the output folder")
    build.add_argument("--output", type=Path, default=None, help="where to publish (default: <root>/site)")
    build.add_argument("--absolute-links", action="store_true",
                       help="link between languages by their published addresses, for deployment "
                            "(default: relative links, so the tree works served from anywhere)")
    build.add_argument("--jobs", type=int, default=None, help="builds run at once (default: 2)")
    build.add_argument("--release", action="store_true",
                       help="refuse anything unconfirmed or awaiting translation (for publishing)")
    commands.add_parser("check", help="validate data and content without building")
    gates = commands.add_parser("gates", help="run the quality gates over a built tree (links, translations, "
                                "freshness, safety, spelling, HTML, accessibility)")
    gates.add_argument("--output", type=Path, default=None, help="the built tree (default: <root>/site)")
    gates.add_argument("--release", action="store_true", help="treat warnings as errors, as a release does")
    gates.add_argument("--only", default=None, help="comma-separated gate names to run (default: all)")
    commands.add_parser("translations", help="print every page's translation state as a Markdown table")
    commands.add_parser("facts", help="print each file's and each council's confirmed and unconfirmed facts, "
                                      "oldest first, with what each waits for (Markdown)")
    changes = commands.add_parser("changes", help="list the pages a change touches, where they are in the preview and "
                                  "their translation state (a pull request's summary)")
    changes.add_argument("--base", default="origin/main", help="the branch the change is compared with "
                         "(default: origin/main)")
    changes.add_argument("--files", nargs="*", default=None,
                         help="the changed files, from the repository's root (default: asked of git)")
    changes.add_argument("--preview", default=None, help="where the built sites can be downloaded")
    translated = commands.add_parser("translated", help="record that translations match the current version of "
                                     "the pages they translate")
    translated.add_argument("files", nargs="+", help="translated page files, e.g. content/cy/main/amdanom-ni.md")
    external = commands.add_parser("external-links", help="check links to other websites (needs the network)")
    external.add_argument("--output", type=Path, default=None, help="the built tree (default: <root>/site)")
    external.add_argument("--timeout", type=float, default=15.0, help="seconds to wait for each website")
    serve = commands.add_parser("serve", help="live preview of one site in one language")
    serve.add_argument("--site", default="main", help="'main' (the main site) or an authority id, e.g. anglesey")
    serve.add_argument("--lang", default=None, help="language code, e.g. cy (default: the first language)")
    serve.add_argument("--address", default="127.0.0.1:8000")
    server = commands.add_parser("build-server", help="keep a build process running, so builds after an edit "
                                 "start at once (started by a build; stops after 10 minutes unused)")
    server.add_argument("--stop", action="store_true", help="stop the running one")
    server.add_argument("--idle", type=float, default=None, help="seconds unused before it stops")
    clean = commands.add_parser("clean", help="remove the output and build caches")
    clean.add_argument("--output", type=Path, default=None)
    args = parser.parse_args(argv)
    repository: Path = args.root.resolve()

    warnings: list[Problem] = []
    folder = ""  # the tenant's folder, which the files named in messages are in
    try:
        root = tenant_root(repository, args.tenant)  # the tenant's data and content; output stays here
        folder = folder_name(root)
        if args.command == "build":
            output = (args.output or repository / "site").resolve()
            # A build for another day (FOSTERING_BUILD_DATE) is not handed to, nor leaves, a build server, which
            # builds for the day it is.
            served = build_server.enabled() and not os.environ.get(pipeline.BUILD_DATE)
            summary = pipeline.build_if_changed(
                root, output, args.absolute_links, args.jobs, args.release,
                delegate=build_server.ask_to_build if served else None)
            what = (f"{_count(summary.sites, 'site')} in {_count(summary.languages, 'language')} "
                    f"({_count(summary.pages, 'page')})")
            if summary.unchanged:
                print(f"Nothing has changed: {output} is up to date ({what}).")
            else:
                print(f"Built {what} into {output}: {len(summary.built)} of {len(summary.built) + summary.reused} "
                      "site builds redone, the others' output reused"
                      + (" (by the build server)." if summary.served else "."))
            sys.stderr.write(summary.warnings)
            annotations.emit([Problem(**problem) for problem in summary.warning_problems], "warning")
            if served and not summary.unchanged and not summary.served:
                build_server.start(root, _folder_arguments(repository, args.tenant))
        elif args.command == "check":
            project = pipeline.check(root, warnings)
            print(f"All data and content are valid: {len(project.sites)} sites, "
                  f"{len(project.pages)} page files.")
        elif args.command == "gates":
            return _gates(root, (args.output or repository / "site").resolve(), args.release, args.only, folder)
        elif args.command == "translations":
            from generator.checks.translation_status import status_report
            from generator.model.loader import load_project
            sys.stdout.write(status_report(load_project(root)))
        elif args.command == "facts":
            from generator.checks.fact_report import report
            from generator.model.loader import load_project
            sys.stdout.write(report(load_project(root)))
        elif args.command == "changes":
            return _changes(repository, root, folder, args.base, args.files, args.preview)
        elif args.command == "translated":
            from generator.checks.translation_status import mark_translated
            from generator.model.loader import load_project
            try:
                done = mark_translated(load_project(root), args.files)
            except ValueError as error:
                sys.stderr.write(f"{error}\n")
                return 1
            print("\n".join(done))
        elif args.command == "external-links":
            return _external_links(root, (args.output or repository / "site").resolve(), args.timeout)
        elif args.command == "serve":
            from generator.serve.preview import serve
            serve(root, args.site, args.lang or _first_language(root), args.address)
        elif args.command == "build-server":
            if args.stop:
                print("Stopped the build server." if build_server.stop(root) else "No build server was running.")
            else:
                build_server.run(root, args.idle or build_server.IDLE_SECONDS)
        elif args.command == "clean":
            build_server.stop(root)
            pipeline.clean(root, (args.output or repository / "site").resolve())
    except ContributorError as error:
        sys.stderr.write(error.report(folder))
        annotations.emit(error.problems, "error", folder)
        return 1
    except seam.MkDocsChanged as error:  # for the developers: an upgrade of MkDocs or Material to follow
        sys.stderr.write(f"{error}\n")
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug in the generator, not a contributor's mistake
        if args.debug:
            traceback.print_exc()
        sys.stderr.write(f"Internal error in the generator ({type(error).__name__}: {error}).\n"
                         "This is not caused by your edit; please report it to the developers "
                         "(run with --debug for details).\n")
        return 2
    finally:
        if warnings:
            sys.stderr.write(warnings_report(warnings, folder))
            annotations.emit(warnings, "warning", folder)
    return 0


def _folder_arguments(repository: Path, tenant: str | None) -> list[str]:
    return ["--root", str(repository), *(["--tenant", tenant] if tenant else [])]


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _built(project, output: Path) -> bool:
    if not (output / project.default_language / "index.html").exists():
        sys.stderr.write(f"There is no built site in {output}: run `make site` first.\n")
        return False
    return True


def _gates(root: Path, output: Path, release: bool, only: str | None, folder: str) -> int:
    from generator.checks.gates import NAMES, report, run_gates
    from generator.model.loader import load_project
    names = [name.strip() for name in only.split(",")] if only else None
    if names and (unknown := [name for name in names if name not in NAMES]):
        sys.stderr.write(f"Unknown gate {', '.join(unknown)}: the gates are {', '.join(NAMES)}.\n")
        return 2
    project = load_project(root)
    if not _built(project, output):
        return 1
    results = run_gates(project, output, release, names)
    sys.stdout.write(report(results, folder))
    for result in results:
        annotations.emit(result.findings.errors, "error", folder)
        annotations.emit(result.findings.warnings, "warning", folder)
    return 0 if all(result.passed for result in results) else 1


def _external_links(root: Path, output: Path, timeout: float) -> int:
    from generator.checks.external_links import check_external_links, external_links, problems, report
    from generator.model.loader import load_project
    project = load_project(root)
    if not _built(project, output):
        return 1
    links = check_external_links(external_links(project, output), timeout)
    sys.stdout.write(report(links))
    broken = problems(project, links)
    if broken:
        sys.stderr.write(ContributorError(broken).report().replace("The site was not built", "Links to fix"))
        annotations.emit(broken, "error")
    return 1 if broken else 0


def _changes(repository: Path, root: Path, folder: str, base: str, files: list[str] | None,
             preview: str | None) -> int:
    """The pages a change touches, as Markdown; also into the job's summary under GitHub Actions."""
    from generator.checks.changes import changed_files, summary
    from generator.model.loader import load_project
    compared = base if files is None else None  # files given: compared with nothing named
    if files is None:
        try:
            files = changed_files(repository, base)
        except ValueError as error:
            sys.stderr.write(f"{error}\n")
            return 1
    text = summary(load_project(root), files, folder, compared, preview)
    sys.stdout.write(text)
    if job_summary := os.environ.get("GITHUB_STEP_SUMMARY"):
        with open(job_summary, "a", encoding="utf-8") as out:
            out.write(text)
    return 0


def _first_language(root: Path) -> str:
    from generator.model.loader import load_project
    return load_project(root).default_language
