"""The command line: parses arguments and calls the pipeline's stages; nothing else."""

from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from . import pipeline
from .errors import ContributorError, warnings_report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="generator", description="Build the Foster Wales sites.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="the project folder (default: here)")
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
    serve = commands.add_parser("serve", help="live preview of one site in one language")
    serve.add_argument("--site", default="national", help="'national' or an authority id, e.g. anglesey")
    serve.add_argument("--lang", default=None, help="language code, e.g. cy (default: the first language)")
    serve.add_argument("--address", default="127.0.0.1:8000")
    clean = commands.add_parser("clean", help="remove the output and build caches")
    clean.add_argument("--output", type=Path, default=None)
    args = parser.parse_args(argv)
    root: Path = args.root.resolve()

    try:
        if args.command == "build":
            output = (args.output or root / "site").resolve()
            summary = pipeline.build_if_changed(root, output, args.absolute_links, args.jobs, args.release)
            what = f"{summary.sites} sites in {summary.languages} languages ({summary.pages} pages)"
            if summary.unchanged:
                print(f"Nothing has changed: {output} is up to date ({what}).")
            else:
                print(f"Built {what} into {output}: {len(summary.built)} of {len(summary.built) + summary.reused} "
                      "site builds redone, the others' output reused.")
            sys.stderr.write(summary.warnings)
        elif args.command == "check":
            project = pipeline.check(root)
            print(f"All data and content are valid: {len(project.sites)} sites, "
                  f"{len(project.pages)} page files.")
            _warn(project)
        elif args.command == "serve":
            from .serve import serve

            serve(root, args.site, args.lang or _first_language(root), args.address)
        elif args.command == "clean":
            pipeline.clean(root, (args.output or root / "site").resolve())
    except ContributorError as error:
        sys.stderr.write(error.report())
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as error:  # a bug in the generator, not a contributor's mistake
        if args.debug:
            traceback.print_exc()
        sys.stderr.write(f"Internal error in the generator ({type(error).__name__}: {error}).\n"
                         "This is not caused by your edit; please report it to the developers "
                         "(run with --debug for details).\n")
        return 2
    return 0


def _warn(project) -> None:
    from .checks import check_warnings

    if warnings := check_warnings(project):
        sys.stderr.write(warnings_report(warnings))


def _first_language(root: Path) -> str:
    from .loader import load_project

    return load_project(root).default_language
