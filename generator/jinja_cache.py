"""A bytecode cache for compiled Jinja templates in the build working folder, shared by builds and processes.

Jinja checks each template's source against what was compiled. A cache that cannot be read or written (the
working folder removed by `make clean` mid-run, say) only means compiling again.
"""

from __future__ import annotations

import os

from jinja2 import FileSystemBytecodeCache


class FolderBytecodeCache(FileSystemBytecodeCache):
    def __init__(self, folder: str):
        super().__init__(folder)
        self._made = False  # the folder, once made: making it again for each template cost a system call each

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except (OSError, ValueError, EOFError):
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            if not self._made:
                os.makedirs(self.directory, exist_ok=True)
                self._made = True
            super().dump_bytecode(bucket)
        except OSError:
            self._made = False
