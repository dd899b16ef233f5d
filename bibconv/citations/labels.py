"""The labels of the citation sequence labeller (one per kind of field)."""

LABELS: tuple[str, ...] = (
    "author", "editor", "title", "container", "collection", "volume", "issue", "pages", "date",
    "publisher", "location", "doi", "url", "arxiv", "genre", "number", "edition", "other",
)  # fmt: skip
