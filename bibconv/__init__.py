"""bibconv: citation strings, awesome-list markdown, BibTeX and CSL — parsed, merged, deduplicated, written."""

from .api import convert, dedupe, finish, parse_citation, read_file, read_files, read_string, write
from .errors import BibconvError
from .model import OTHERS, Name, Record, Source
from .report import Report

__version__ = "0.1.0"

__all__ = [
    "BibconvError",
    "Name",
    "OTHERS",
    "Record",
    "Report",
    "Source",
    "convert",
    "dedupe",
    "finish",
    "parse_citation",
    "read_file",
    "read_files",
    "read_string",
    "write",
]
