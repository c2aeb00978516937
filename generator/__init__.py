"""Fostering site generator: a tenant's data/ and content/ -> validated model -> MkDocs projects -> site/."""
