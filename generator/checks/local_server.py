"""A built tree served on loopback, as a visitor gets it (directory addresses, index.html): for the browser gates
and the tests."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class _UnderPath(_Quiet):
    """Serves the folder under a path (e.g. '/fostering/'), as a tree published at such an address is."""

    base_path = "/"

    def translate_path(self, path: str) -> str:
        if not (path + "/").startswith(self.base_path):
            return str(Path(self.directory) / ".outside-the-published-tree")  # not found
        return super().translate_path("/" + path[len(self.base_path):])


@contextmanager
def serve_folder(folder: Path, base_path: str = "/") -> Iterator[str]:
    """Serve folder at http://127.0.0.1:<free port><base_path>, yielding that address (without its final '/')."""
    handler = type("Handler", (_UnderPath,), {"base_path": base_path}) if base_path != "/" else _Quiet
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(handler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{base_path.rstrip('/')}"
    finally:
        server.shutdown()
        server.server_close()
