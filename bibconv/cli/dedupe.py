"""``bibconv dedupe``: one record per work in existing bibliographies."""

from __future__ import annotations

import shutil

import click

from .. import api, fileio
from ..errors import BibconvError
from ..report import MergeGroup
from . import common
from .options import FORMAT_NAMES, input_options, output_format, output_options, report_options, write_options


@click.command(epilog="""\b
Examples:
  bibconv dedupe refs.bib -o clean.bib --report merged.json
  bibconv dedupe scholar.bib dblp.bib > merged.bib
  bibconv dedupe refs.bib --dry-run          # show what would be merged
  bibconv dedupe refs.bib --in-place         # rewrite refs.bib, keeping refs.bib.bak
""")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@input_options
@click.option("--to", type=click.Choice(FORMAT_NAMES), help="Output format (default: from the -o suffix, else bibtex).")
@output_options
@click.option("--dry-run", is_flag=True, help="Print the groups that would be merged, as a readable diff; write nothing else.")
@click.option("--in-place", is_flag=True, help="Rewrite the (single) input file with the result, keeping INPUT.bak.")
@click.option("--rekey", is_flag=True, help="Generate fresh citation keys (Google Scholar form) instead of keeping yours.")
@report_options
@common.verbosity_options
@common.handle_errors
def dedupe(inputs: tuple[str, ...], from_: str | None, encoding: str | None, wrapped: bool, keep_non_papers: bool,
           to: str | None, output: str, ascii_: bool, arxiv_style: str, style: str, markup: str, md_layout: str,
           dry_run: bool, in_place: bool, rekey: bool, report_path: str | None, strict: bool) -> None:
    """Merge entries of the same work (same DOI, same arXiv id, or the same title with compatible authors
    and years, typos allowed) into one; keep your citation keys (merged keys stay resolvable through the
    biblatex ids field) and report every merge and every disagreement."""
    if in_place and (len(inputs) != 1 or inputs[0] == fileio.STDIN or output != fileio.STDIN):
        raise BibconvError("--in-place needs exactly one input file and no -o")
    with common.progress(list(inputs), "reading") as paths:
        records, report = api.read_files(paths, from_, encoding=encoding, wrapped=wrapped, keep_non_papers=keep_non_papers)
    if in_place and report.unread and not dry_run:
        # Rewriting the file would lose the blocks that could not be read: refuse, naming the first.
        first = report.unread[0]
        raise BibconvError(
            f"cannot rewrite in place: {len(report.unread)} block(s) could not be read ({first.reason}); "
            "fix them or write to -o",
            first.source.file,
            first.source.line,
        )
    merged, merge_report = api.dedupe(records, rekey=rekey)
    report.extend(merge_report)
    if dry_run:
        click.echo(format_groups(report.groups), nl=False)
        click.echo(format_candidates(report.candidates), nl=False)
        common.show_report(report)
        return
    text = api.write(api.finish(merged), output_format(to, output), **write_options(ascii_, arxiv_style, style, markup, md_layout))
    if in_place:
        target = inputs[0]
        shutil.copy2(target, target + ".bak")
        fileio.write_text(target, text)
    else:
        fileio.write_text(output, text, inputs)
    common.write_report(report_path, report, list(inputs))
    common.show_report(report)
    common.echo(f"{len(records)} entries in, {len(merged)} out, {len(report.groups)} merged groups")
    common.check_strict(strict, report)


def format_groups(groups: list[MergeGroup]) -> str:
    """The --dry-run view: each group as the kept key and the merged members, with reasons and conflicts."""
    if not groups:
        return "no duplicates found\n"
    lines: list[str] = []
    for group in groups:
        lines.append(f"@@ {group.key}  ({len(group.members)} entries: {'; '.join(group.reasons)})")
        for member, position in zip(group.members, group.sources or [None] * len(group.members), strict=False):
            mark = " " if member == group.key else "-"
            where = f"  [{position}]" if position else ""
            lines.append(f"{mark} {member}{where}")
        for field, values in group.conflicts.items():
            lines.append(f"  ! {field}: " + " | ".join(str(v) for v in values))
        lines.append("")
    return "\n".join(lines)


def format_candidates(candidates: list[dict]) -> str:
    """Pairs left unmerged that may be one work (a renamed preprint): for the user to look at."""
    lines = [f"?? {' ~ '.join(c['keys'])}  (not merged: {c['reason']})" for c in candidates]
    return "\n".join(lines) + "\n" if lines else ""
