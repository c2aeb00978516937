"""A build server: one process that stays running between builds, so a build after an edit does not start
from nothing.

Started in the background by a build that ran without one (never in CI, nor where FOSTERING_BUILD_SERVER=0),
it keeps the generator's modules loaded and its MkDocs workers warm, and runs the builds that `make site`
hands it over a Unix socket. A build that finds nothing changed never asks it (that check is quicker than
connecting). It stops after IDLE_SECONDS without a build, on `python -m generator build-server --stop`, or
as soon as it is asked to build with a theme, catalogue or generator different from the one it loaded: the
build then runs in its own process, as it would with no server, and starts a fresh server.

The server builds exactly as a build in its own process does (the same pipeline, the same output, byte for
byte); only the start-up is saved. Any trouble reaching it, or inside it, and the build runs here instead.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

from generator import pipeline
from generator.build.fingerprint import shared_digest
from generator.model.errors import ContributorError, Problem
from generator.paths import BUILD_SERVER_LOG, BUILD_SERVER_SOCKET

IDLE_SECONDS = 600
SWITCH = "FOSTERING_BUILD_SERVER"  # "0" turns the server off
_MAX_SOCKET_PATH = 100  # Unix socket paths are limited to about 108 bytes


def enabled() -> bool:
    return os.environ.get(SWITCH, "1") not in ("0", "off", "no") and not os.environ.get("CI")


def socket_path(root: Path) -> Path:
    """Where the server of a project folder listens: in its working folder, or, when that path is too long
    for a socket, in the temporary folder under a name of its own."""
    path = root / BUILD_SERVER_SOCKET
    if len(str(path)) <= _MAX_SOCKET_PATH:
        return path
    name = hashlib.blake2b(str(root).encode(), digest_size=8).hexdigest()
    return Path(tempfile.gettempdir()) / f"fostering-build-{os.getuid()}-{name}.sock"


# --- the client: a build that hands its work to the server ---------------------------------------------------

def ask(root: Path, request: dict) -> dict | None:
    """Send a request to the project folder's server and wait for its answer; None if there is no server or
    it could not answer."""
    path = socket_path(root)
    if not path.exists():
        return None
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
            connection.connect(str(path))
            connection.sendall(json.dumps({**request, "shared": shared_digest(root)}).encode() + b"\n")
            with connection.makefile("rb") as answer:
                line = answer.readline()
    except OSError:
        return None
    try:
        return json.loads(line) if line else None
    except ValueError:
        return None


def ask_to_build(root: Path, output: Path, absolute_links: bool, release: bool) -> pipeline.Summary | None:
    """Have the project folder's server build (`pipeline.build_if_changed`'s delegate): its summary, or None
    when there is no server or it could not build (the build then runs here). A contributor's mistake it
    found is raised here as if found here."""
    answer = ask(root, {"command": "build", "output": str(output), "absolute_links": absolute_links,
                        "release": release})
    if answer and "summary" in answer:
        return pipeline.Summary(**{**answer["summary"], "served": True})
    if answer and "problems" in answer:
        raise ContributorError([Problem(**problem) for problem in answer["problems"]])
    return None


def start(root: Path, arguments: list[str]) -> None:
    """Start a server for the project folder in the background, unless one is running or they are off.
    arguments: the command line's options that name the project folder (--root, --tenant)."""
    if not enabled() or ask(root, {"command": "ping"}) is not None:
        return
    log = root / BUILD_SERVER_LOG
    log.parent.mkdir(parents=True, exist_ok=True)
    with log.open("ab") as output:
        subprocess.Popen([sys.executable, "-m", "generator", *arguments, "build-server"],
                         stdin=subprocess.DEVNULL, stdout=output, stderr=output, start_new_session=True)


def stop(root: Path) -> bool:
    """Ask the project folder's server to stop; whether there was one."""
    return ask(root, {"command": "stop"}) is not None


# --- the server ---------------------------------------------------------------------------------------------

def run(root: Path, idle: float = IDLE_SECONDS) -> None:
    """Serve builds for the project folder until idle for `idle` seconds or told to stop."""
    shared = shared_digest(root)
    path = socket_path(root)
    listener = _listen(path)
    if listener is None:
        return  # another server has the socket
    own = os.stat(path).st_ino
    # Stopped by a signal, it still stops its workers (which would otherwise be left running).
    signal.signal(signal.SIGTERM, _stop_on_signal)
    signal.signal(signal.SIGHUP, _stop_on_signal)
    # Everything a build loads, loaded now, and the workers started: the first build is as quick as the rest.
    from generator.build.workers import Builders, previous_config
    from generator.pipeline import run as build_run  # noqa: F401

    builders = Builders(warm_up=previous_config(root), rebuilds=True)
    try:
        listener.settimeout(idle)
        while True:
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                return
            with connection:
                connection.settimeout(None)
                with connection.makefile("rb") as incoming:
                    line = incoming.readline()
                try:
                    request = json.loads(line)
                except ValueError:
                    continue
                if request.get("command") == "ping":
                    _reply(connection, {"running": True})
                    continue
                if request.get("command") == "stop" or request.get("shared") != shared:
                    _reply(connection, {"stopping": True})  # changed theme or generator: a fresh server
                    return
                if builders.broken():  # a worker died: the pool refuses work
                    builders.close()
                    builders = Builders(warm_up=previous_config(root), rebuilds=True)
                answer, published = _build(root, request, builders)
                _reply(connection, answer)
            # While it waits: the tree the build replaced is brought up to date for the next build (after a build
            # that changed every page, the next edit's build would otherwise relink the whole tree), leaving off
            # as soon as a build is asked for.
            try:
                pipeline.prepare_next_build(Path(request["output"]), published, stop=lambda: _asked(listener))
            except OSError:
                pass  # the next build brings the tree up to date itself
    finally:
        builders.close()
        listener.close()
        _unlink_if(path, own)


def _stop_on_signal(number, frame) -> None:
    raise SystemExit(0)


def _build(root: Path, request: dict, builders) -> tuple[dict, dict[str, Path]]:
    """The answer to a build request, and the files the build published (none if it failed)."""
    try:
        summary = pipeline.build_if_changed(root, Path(request["output"]), request["absolute_links"],
                                            release=request["release"], builders=builders)
        # The published files are already recorded: not sent.
        return {"summary": dataclasses.asdict(dataclasses.replace(summary, published={}))}, summary.published
    except ContributorError as error:
        return {"problems": [dataclasses.asdict(problem) for problem in error.problems]}, {}
    except Exception:  # the build runs again in the asking process, which reports it as it would
        traceback.print_exc()
        return {"failed": True}, {}


def _asked(listener: socket.socket) -> bool:
    """Whether a connection is waiting to be accepted."""
    return bool(select.select([listener], [], [], 0)[0])


def _reply(connection: socket.socket, answer: dict) -> None:
    try:
        connection.sendall(json.dumps(answer).encode() + b"\n")
    except OSError:
        pass  # the asking build was interrupted


def _listen(path: Path) -> socket.socket | None:
    if path.exists():
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
                probe.connect(str(path))
            return None  # a server is answering there
        except OSError:
            path.unlink(missing_ok=True)  # left by a server that was killed
    path.parent.mkdir(parents=True, exist_ok=True)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    old_umask = os.umask(0o077)  # only this user may ask for builds
    try:
        listener.bind(str(path))
    except OSError:
        listener.close()
        return None
    finally:
        os.umask(old_umask)
    listener.listen()
    return listener


def _unlink_if(path: Path, inode: int) -> None:
    """Remove the socket file if it is still this server's (a new server may have replaced it)."""
    try:
        if os.stat(path).st_ino == inode:
            path.unlink()
    except OSError:
        pass
