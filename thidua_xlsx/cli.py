"""Command line: a thin click layer. Each command parses, makes one library call, prints, exits.

Heavy imports (openpyxl, xlsxwriter, python-calamine) happen inside the commands so ``--help`` is instant.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from thidua_xlsx.text import messages as ct

EXIT_OK = 0
EXIT_UNUSABLE = 1  # nothing usable: an invalid campaign, or no submission could be read
EXIT_USAGE = 2  # click's own code for wrong arguments
EXIT_STRICT = 3  # --strict and problems were found
EXIT_INTERNAL = 4  # a bug: please report it (run again with --debug for the traceback)

def _speak_vietnamese() -> None:
    """click words its usage errors and help through gettext (``_``/``ngettext`` bound in each of its
    modules); bind those names to the catalogue, so that no English reaches a user."""
    import click.core
    import click.decorators
    import click.exceptions
    import click.formatting
    import click.parser
    import click.types

    def text(message: str) -> str:
        return ct.CLICK_TEXTS.get(message, message)

    def plural(singular: str, many: str, count: int) -> str:
        return text(singular if count == 1 else many)

    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.types):
        module._ = text
        if hasattr(module, "ngettext"):
            module.ngettext = plural


_speak_vietnamese()

EXIT_CODES_HELP = ct.EXIT_CODES_HELP.format(ok=EXIT_OK, unusable=EXIT_UNUSABLE, usage=EXIT_USAGE,
                                             strict=EXIT_STRICT, internal=EXIT_INTERNAL)


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except Exception as exc:  # an internal error: one line, unless --debug
            if ctx.obj and ctx.obj.get("debug"):
                raise
            _say(ct.INTERNAL_ERROR.format(error=f"{type(exc).__name__}: {exc}"), err=True)
            ctx.exit(EXIT_INTERNAL)


@click.group(cls=_Group, help=ct.MAIN_HELP, epilog=EXIT_CODES_HELP, options_metavar=ct.OPTIONS_METAVAR,
             subcommand_metavar=ct.COMMAND_METAVAR)
@click.option("--debug", is_flag=True, help=ct.DEBUG_HELP)
@click.version_option(package_name="thidua-xlsx")
@click.pass_context
def main(ctx, debug):
    ctx.obj = {"debug": debug}


def _say(text: str, err: bool = False) -> None:
    """click.echo that ends quietly when the reader of a pipe has gone (``status | head``): the rest of
    the output is dropped, the work goes on (the summary is still written)."""
    try:
        click.echo(text, err=err)
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, (sys.stderr if err else sys.stdout).fileno())


def _print_problems(problems) -> None:
    for problem in problems:
        _say(f"{problem.severity_label}: {problem.render()}", err=True)


def _open_campaign(book: Path):
    """The campaign folder of ``book`` (campaign.xlsx), or exit 1 with every problem printed."""
    from thidua_xlsx.workspace import open_campaign

    folder, problems = open_campaign(book)
    _print_problems(problems)
    if folder is None:
        if problems.errors and book.is_file():
            _say(ct.CAMPAIGN_INVALID.format(count=len(problems.errors), file=book), err=True)
        sys.exit(EXIT_UNUSABLE)
    return folder


def _campaign_for(inbox: Path, campaign_path: Path | None):
    """--campaign, else the campaign folder holding the inbox, else one beside it."""
    from thidua_xlsx.model.issues import Problems
    from thidua_xlsx.workspace import campaign_file, find_campaign

    if campaign_path is not None:
        return _open_campaign(campaign_file(campaign_path))
    problems = Problems()
    book = find_campaign(inbox, problems)
    if book is None:
        _print_problems(problems)
        sys.exit(EXIT_UNUSABLE)
    _say(ct.CAMPAIGN_USED.format(path=book), err=True)
    return _open_campaign(book)


@main.command(help=ct.INIT_HELP, epilog=EXIT_CODES_HELP, options_metavar=ct.OPTIONS_METAVAR)
@click.argument("directory", metavar=ct.FOLDER_METAVAR, type=click.Path(file_okay=False, path_type=Path))
@click.option("--level", type=click.Choice(["mam-non", "tieu-hoc", "thcs", "thpt"]), default="tieu-hoc",
              show_default=True, help=ct.LEVEL_HELP)
@click.option("--force", is_flag=True, help=ct.FORCE_HELP)
def init(directory: Path, level: str, force: bool):
    from thidua_xlsx.service import init_campaign
    from thidua_xlsx.workspace import CAMPAIGN_FILE, campaign_books

    target = directory / CAMPAIGN_FILE
    existing = campaign_books(directory) if directory.is_dir() else []
    if existing and not force:  # a campaign.ods the secretary saved counts too
        raise click.UsageError(ct.EXISTS.format(path=existing[0]))
    campaign = init_campaign(directory, level)
    _say(ct.INIT_DONE.format(path=target, school=campaign.school.name, departments=len(campaign.departments),
                                   staff=len(campaign.staff)))


@main.command(help=ct.GENERATE_HELP, epilog=EXIT_CODES_HELP, options_metavar=ct.OPTIONS_METAVAR)
@click.argument("campaign_path", metavar="CAMPAIGN", type=click.Path(exists=True, path_type=Path))
@click.option("--round", "round_", type=click.Choice(["dang-ky", "cham-diem"]), required=True, help=ct.ROUND_HELP)
@click.option("-o", "--output", "outbox", type=click.Path(file_okay=False, path_type=Path), default=None,
              help=ct.OUTBOX_HELP)
@click.option("--from", "from_summary", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help=ct.FROM_HELP)
@click.option("--force", is_flag=True, help=ct.GENERATE_FORCE_HELP)
def generate(campaign_path: Path, round_: str, outbox: Path | None, from_summary: Path | None, force: bool):
    from thidua_xlsx.service import generate_round
    from thidua_xlsx.workspace import OUTBOX, campaign_file
    from thidua_xlsx.write.console import checklist_lines

    folder = _open_campaign(campaign_file(campaign_path))
    outbox = outbox or folder.folder / OUTBOX / round_
    result = generate_round(folder, round_, outbox, from_summary, force=force)
    _print_problems(result.problems)
    if result.problems.errors:
        sys.exit(EXIT_UNUSABLE)
    for path in result.paths:
        _say(f"  {path}")
    _say(ct.GENERATE_DONE.format(count=len(result.paths), outbox=outbox))
    if round_ == "cham-diem" and result.checklist is None:
        _say(ct.GENERATE_NO_FROM, err=True)
    for line in checklist_lines(result.checklist) if result.checklist else ():
        _say(line)


def _read_inbox(inbox: Path, campaign_path: Path | None, round_: str | None):
    from thidua_xlsx.read.containment import scan_inbox
    from thidua_xlsx.service import merge_inbox

    folder = _campaign_for(inbox, campaign_path)
    total = len(scan_inbox(inbox)) if sys.stderr.isatty() else 0  # counted for the bar only (10,000 files: 0.14 s)
    show = total > 1
    with click.progressbar(length=total, label=ct.READING, file=sys.stderr) if show else _NoBar() as bar:
        return merge_inbox(inbox, folder, round_, on_file=lambda _path: bar.update(1))


def _export_pdf(summary_path: Path) -> None:
    from thidua_xlsx.system.office import OfficeError, convert, find_soffice

    if find_soffice() is None:
        _say(ct.PDF_NO_OFFICE, err=True)
        return
    try:
        pdf = convert(summary_path, "pdf", summary_path.parent)
    except OfficeError as exc:
        _say(ct.PDF_FAILED.format(reason=exc), err=True)
        return
    _say(ct.PDF_DONE.format(path=pdf))


def _write_public_list(summary, path: Path, days: int, pdf: bool) -> None:
    import datetime as dt

    from thidua_xlsx.model.layout import SCORING, VIETNAM_UTC_OFFSET
    from thidua_xlsx.write.summary import write_public_list

    if summary.round != SCORING:
        _say(ct.PUBLIC_ONLY_SCORING, err=True)
        return
    today = (dt.datetime.now(dt.timezone.utc) + VIETNAM_UTC_OFFSET).date()
    write_public_list(summary, path, today, days)
    _say(ct.PUBLIC_DONE.format(path=path, until=(today + dt.timedelta(days=days)).strftime("%d/%m/%Y")))
    if pdf:
        _export_pdf(path)


def _write_feedback(summary, folder: Path, force: bool) -> None:
    from thidua_xlsx.write.feedback import write_feedback

    try:
        result = write_feedback(summary, folder, summary.campaign.settings.sheet_password, force)
    except OSError as exc:
        raise click.UsageError(ct.OUTPUT_FOLDER.format(path=folder, reason=exc.strerror or exc)) from None
    if result.written:
        _say(ct.FEEDBACK_DONE.format(count=len(result.written), folder=folder,
                                     names=", ".join(p.name for p in result.written)))
    elif not result.not_converted and not result.kept:
        _say(ct.FEEDBACK_NONE)
    if result.not_converted:
        _say(ct.FEEDBACK_NOT_CONVERTED.format(names=", ".join(result.not_converted)), err=True)
    for path in result.kept:
        _say(ct.FEEDBACK_KEPT.format(path=path), err=True)


def _prepare_docs(folder: Path, inbox: Path, force: bool) -> None:
    """Refuse, before any work, a folder in the inbox, or one holding papers (a Báo cáo thành tích someone
    has written has the name the tool would write) without --force."""
    if folder.resolve().is_relative_to(inbox.resolve()):
        raise click.UsageError(ct.DOCS_IN_INBOX.format(path=folder))
    if not force and folder.is_dir() and any(p.suffix.lower() in (".docx", ".pdf") for p in folder.rglob("*")):
        raise click.UsageError(ct.DOCS_EXIST.format(path=folder))


def _write_documents(summary, folder: Path) -> None:
    from thidua_xlsx.model.layout import SCORING
    from thidua_xlsx.papers.dossiers import write_documents

    if summary.round != SCORING:
        _say(ct.DOCS_ONLY_SCORING, err=True)
        return
    try:
        papers = write_documents(summary, folder)
    except OSError as exc:
        raise click.UsageError(ct.OUTPUT_FOLDER.format(path=folder, reason=exc.strerror or exc)) from None
    docx = [d for d in papers.documents if d.path.suffix == ".docx"]
    _say(ct.DOCS_DONE.format(folder=folder, docx=len(docx), pdf=sum(d.pdf is not None for d in docx)))
    _say(ct.DOCS_SHARED.format(names=", ".join(d.path.name for d in papers.shared)))
    for dossier in papers.dossiers:
        shared = sum(d in papers.shared for d in dossier.documents)
        _say(ct.DOCS_DOSSIER.format(title=dossier.title, folder=dossier.folder.name, own=len(dossier.documents) - shared,
                                    shared=shared, attach=len(dossier.attachments), checklist=dossier.checklist.name))
    if papers.pdf_problem:
        _say(papers.pdf_problem, err=True)
    for warning in papers.warnings:
        _say(warning, err=True)


class _NoBar:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def update(self, _n):
        pass


def _report(summary, verbose: bool) -> None:
    from thidua_xlsx.write.console import console_lines

    for line in console_lines(summary, verbose):
        _say(line)


_inbox_arg = click.argument("inbox", type=click.Path(exists=True, file_okay=False, path_type=Path))
_campaign_opt = click.option("--campaign", "campaign_path", type=click.Path(exists=True, path_type=Path),
                             default=None, help=ct.CAMPAIGN_OPT_HELP)
_round_opt = click.option("--round", "round_", type=click.Choice(["dang-ky", "cham-diem"]), default=None,
                          help=ct.MERGE_ROUND_HELP)


@main.command(help=ct.MERGE_HELP, epilog=EXIT_CODES_HELP, options_metavar=ct.OPTIONS_METAVAR)
@_inbox_arg
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None, help=ct.SUMMARY_HELP)
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=ct.JSON_HELP)
@click.option("--force", is_flag=True, help=ct.FORCE_HELP)
@click.option("--pdf", "pdf", is_flag=True, help=ct.PDF_HELP)
@click.option("--strict", is_flag=True, help=ct.STRICT_HELP)
@click.option("--council", "council_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=None, help=ct.COUNCIL_HELP)
@click.option("--cong-khai", "public_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help=ct.PUBLIC_HELP)
@click.option("--y-kien", "public_days", type=click.IntRange(1, 60), default=5, show_default=False,
              metavar=ct.DAYS_METAVAR, help=ct.PUBLIC_DAYS_HELP)
@click.option("--feedback", "feedback_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help=ct.FEEDBACK_HELP)
@click.option("--docs", "--ho-so", "docs_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help=ct.DOCS_HELP)
@_campaign_opt
@_round_opt
def merge(inbox, output, json_path, force, pdf, strict, council_path, public_path, public_days, feedback_dir,
          docs_dir, campaign_path, round_):
    from thidua_xlsx.service import apply_council_file
    from thidua_xlsx.write.report_json import write_report_json
    from thidua_xlsx.write.summary import write_summary

    for target in (output, json_path, public_path):
        _prepare_output(target, force)
    if feedback_dir is not None and feedback_dir.resolve().is_relative_to(inbox.resolve()):
        raise click.UsageError(ct.FEEDBACK_IN_INBOX.format(path=feedback_dir))
    if docs_dir is not None:
        _prepare_docs(docs_dir, inbox, force)
    summary = _read_inbox(inbox, campaign_path, round_)
    if council_path is not None and summary.accepted_files:
        if output is not None and output.resolve() == council_path.resolve():
            raise click.UsageError(ct.COUNCIL_SAME_FILE.format(path=council_path))
        summary, problems = apply_council_file(summary, council_path)
        if summary is None:
            _print_problems(problems)
            sys.exit(EXIT_UNUSABLE)
    if output is None:
        output = Path(ct.DEFAULT_SUMMARY.format(round=summary.round))
        _prepare_output(output, force)
    _report(summary, verbose=False)
    if not summary.accepted_files:
        _say(_nothing_usable(inbox, summary), err=True)
        sys.exit(EXIT_UNUSABLE)
    write_summary(summary, output)
    _say(ct.SUMMARY_DONE.format(path=output))
    if json_path is not None:
        write_report_json(summary, json_path)
        _say(ct.JSON_DONE.format(path=json_path))
    if pdf:
        _export_pdf(output)
    if public_path is not None:
        _write_public_list(summary, public_path, public_days, pdf)
    if feedback_dir is not None:
        _write_feedback(summary, feedback_dir, force)
    if docs_dir is not None:
        _write_documents(summary, docs_dir)
    if strict and any(i.severity == "error" for i in summary.issues):
        sys.exit(EXIT_STRICT)


def _prepare_output(target: Path | None, force: bool) -> None:
    """Refuse an existing file without --force, and create the folder, before any work is done."""
    if target is None:
        return
    if target.is_dir():
        raise click.UsageError(ct.OUTPUT_IS_FOLDER.format(path=target))
    if target.exists() and not force:
        raise click.UsageError(ct.EXISTS.format(path=target))
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise click.UsageError(ct.OUTPUT_FOLDER.format(path=target.parent, reason=exc.strerror or exc)) from None


def _nothing_usable(inbox: Path, summary) -> str:
    return ct.EMPTY_INBOX.format(inbox=inbox) if not summary.files else ct.NOTHING_USABLE.format(inbox=inbox)


@main.command(help=ct.STATUS_HELP, epilog=EXIT_CODES_HELP, options_metavar=ct.OPTIONS_METAVAR)
@_inbox_arg
@_campaign_opt
@_round_opt
@click.option("--strict", is_flag=True, help=ct.STRICT_HELP)
@click.option("--nhac", "nudge", is_flag=True, help=ct.NUDGE_HELP)
def status(inbox, campaign_path, round_, strict, nudge):
    import datetime as dt

    from thidua_xlsx.decide.followup import follow_up
    from thidua_xlsx.model.layout import VIETNAM_UTC_OFFSET
    from thidua_xlsx.write.console import followup_lines, reminder_lines

    summary = _read_inbox(inbox, campaign_path, round_)
    _report(summary, verbose=True)
    today = (dt.datetime.now(dt.timezone.utc) + VIETNAM_UTC_OFFSET).date()
    followups = follow_up(summary, today)
    for line in followup_lines(summary, followups) + ([""] + reminder_lines(summary, followups) if nudge else []):
        _say(line)
    if not summary.accepted_files:
        _say(_nothing_usable(inbox, summary), err=True)
        sys.exit(EXIT_UNUSABLE)
    if strict and any(i.severity == "error" for i in summary.issues):
        sys.exit(EXIT_STRICT)
