"""Checks over the model and the built output. They never reach into the renderer."""
