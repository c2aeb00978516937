import os
import sys

from .cli import main

code = main()
# Everything is written and every worker has stopped: leave without the interpreter's teardown, which frees the
# model's and MkDocs' objects one by one (about a tenth of a second after a build).
sys.stdout.flush()
sys.stderr.flush()
os._exit(code or 0)
