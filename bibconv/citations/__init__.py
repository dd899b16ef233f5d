"""Citation strings → records: ``parse_citation("Li, Yuhang, et al. \\"Brecq: …\\" arXiv preprint …")``.

A CRF sequence labeller (trained by ``scripts/train_citation_model.py`` on records rendered through many
CSL styles) segments the string; rules handle what is certain (DOIs, arXiv ids, URLs, page ranges, years,
"et al."); normalizers in ``fields.py`` turn segments into model values. See ``parser.py``.
"""

from .parser import ParsedCitation, parse_citation, parse_citations

__all__ = ["ParsedCitation", "parse_citation", "parse_citations"]
