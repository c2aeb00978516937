"""MkDocs' live-reload server for the preview, looking for changed files every POLL_SECONDS.

Its default (half a second) is half of the time a preview has to show an edit; it only polls the previewed
site's generated docs and site_src/: a few files. Installed by the seam for `make serve` only.
"""

from __future__ import annotations

from functools import partial

from mkdocs.livereload import LiveReloadServer as _MkDocsLiveReloadServer

POLL_SECONDS = 0.1

LiveReloadServer = partial(_MkDocsLiveReloadServer, polling_interval=POLL_SECONDS)
