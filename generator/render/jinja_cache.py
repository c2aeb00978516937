"""A bytecode cache for compiled Jinja templates in the build working folder, shared by builds and processes.

Jinja checks each template's source against what was compiled. A cache that cannot be read or written (the
working folder removed by `make clean` mid-run, say) only means compiling again. What was read or written is
also kept in memory, by template and source checksum: MkDocs makes a new environment for each project built,
and a worker read the theme's templates from disk again for each (a code object is never changed, so
environments can share it).
"""

from __future__ import annotations

import os
from types import CodeType

from jinja2 import FileSystemBytecodeCache


class FolderBytecodeCache(FileSystemBytecodeCache):
    def __init__(self, folder: str):
        super().__init__(folder)
        self._made = False  # the folder, once made: making it again for each template cost a system call each
        self._code: dict[tuple[str, str], CodeType] = {}  # by (template key, source checksum)

    def load_bytecode(self, bucket) -> None:
        code = self._code.get((bucket.key, bucket.checksum))
        if code is not None:
            bucket.code = code
            return
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError):
            bucket.reset()
        if bucket.code is not None:
            self._keep(bucket)

    def dump_bytecode(self, bucket) -> None:
        self._keep(bucket)
        try:
            if not self._made:
                os.makedirs(self.directory, exist_ok=True)
                self._made = True
            super().dump_bytecode(bucket)
        except OSError:
            self._made = False

    def _keep(self, bucket) -> None:
        if len(self._code) >= 4096:  # a long-running process (a build server, `make serve`) sees edited texts
            self._code.clear()
        self._code[bucket.key, bucket.checksum] = bucket.code
