import os
import sys

# Our models use no pydantic plugin: spare every process pydantic's search of the installed packages for them.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from generator.cli import main  # noqa: E402  (after the line above)

code = main()
# Everything is written and every worker has stopped: leave without the interpreter's teardown, which frees the
# model's and MkDocs' objects one by one.
sys.stdout.flush()
sys.stderr.flush()
os._exit(code or 0)
