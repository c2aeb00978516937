"""Foster Wales site generator: data/ and content/ -> validated model -> MkDocs projects -> site/."""
