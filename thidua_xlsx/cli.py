"""Command line: a thin click layer. Each command parses, makes one library call, prints, exits.

Heavy imports (openpyxl, xlsxwriter, python-calamine) happen inside the commands so ``--help`` is instant.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NoReturn

import click
import click.core
import click.decorators
import click.exceptions
import click.formatting
import click.parser
import click.types

from thidua_xlsx.model import requests as rq
from thidua_xlsx.model.exits import EXIT_INTERNAL, EXIT_OK, EXIT_STRICT, EXIT_UNUSABLE, EXIT_USAGE
from thidua_xlsx.system.console import speak_whole, terminate_as_exit
from thidua_xlsx.system.voice import Voice
from thidua_xlsx.text import commands as ct
from thidua_xlsx.text import decisions as dx
from thidua_xlsx.text import history as hx
from thidua_xlsx.text import mail as tm
from thidua_xlsx.text import ui as tu
from thidua_xlsx.text.releases import VERSION


def _speak_vietnamese() -> None:
    """click words its usage errors and help through gettext (``_``/``ngettext`` bound in each of its
    modules); bind those names to the catalogue, so that no English reaches a user."""
    def text(message: str) -> str:
        return ct.CLICK_TEXTS.get(message, message)

    def plural(singular: str, many: str, count: int) -> str:
        return text(singular if count == 1 else many)

    for module in (click.core, click.decorators, click.exceptions, click.formatting, click.parser, click.types):
        setattr(module, "_", text)  # noqa: B010 — click's own translation hook, replaced in each module
        if hasattr(module, "ngettext"):
            setattr(module, "ngettext", plural)  # noqa: B010


_speak_vietnamese()

EXIT_CODES_HELP = ct.EXIT_CODES_HELP.format(ok=EXIT_OK, unusable=EXIT_UNUSABLE, usage=EXIT_USAGE,
                                             strict=EXIT_STRICT, internal=EXIT_INTERNAL) + " " + \
    ct.EXIT_CODES_FAULTS.format(unusable=EXIT_UNUSABLE, usage=EXIT_USAGE)


class _Group(click.Group):
    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except OSError as exc:  # the machine's refusal (a full disk, no permission…): what to do, exit 1
            if ctx.obj and ctx.obj.get("debug"):
                raise
            from thidua_xlsx.service import fault_text  # deferred: the service at start-up

            _say(fault_text(exc), err=True)
            ctx.exit(EXIT_UNUSABLE)
        except Exception as exc:  # an internal error: one line, unless --debug
            if ctx.obj and ctx.obj.get("debug"):
                raise
            _say(ct.INTERNAL_ERROR.format(error=f"{type(exc).__name__}: {exc}"), err=True)
            ctx.exit(EXIT_INTERNAL)


@click.group(cls=_Group, help=ct.MAIN_HELP, epilog=EXIT_CODES_HELP, options_metavar=ct.OPTIONS_METAVAR,
             subcommand_metavar=ct.COMMAND_METAVAR)
@click.option("--debug", is_flag=True, help=ct.DEBUG_HELP)
@click.version_option(VERSION, prog_name="thidua-xlsx", message=ct.VERSION_LINE)
@click.option("--thay-doi-tu", "news_since", metavar="BẢN", hidden=True, expose_value=False, is_eager=True,
              callback=lambda ctx, _param, before: _news_since(ctx, before))  # the installer's window, after an update
@click.pass_context
def main(ctx, debug):
    ctx.obj = {"debug": debug}


def _news_since(ctx: click.Context, before: str | None) -> None:
    """``--thay-doi-tu BẢN``: what changed since release ``BẢN`` ("" before 0.8.0) for a school or a commune, what to
    do first — the lines the first run in a folder says, printed by the installer after an update; then exit."""
    if before is None:
        return
    from thidua_xlsx.service import installer_news  # deferred: only the installer asks

    for line in installer_news(before):
        _say(line)
    ctx.exit(0)


def run() -> None:
    """The program's entry point: its output made safe for any console or redirection, then the commands."""
    speak_whole()
    with terminate_as_exit():  # a run asked to stop cleans up as after Ctrl-C: locks, temporaries, LibreOffice
        main()


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


@main.command(help=ct.INIT_HELP, epilog=EXIT_CODES_HELP, options_metavar=ct.OPTIONS_METAVAR)
@click.argument("directory", metavar=ct.FOLDER_METAVAR, type=click.Path(file_okay=False, path_type=Path))
@click.option("--level", type=click.Choice(["mam-non", "tieu-hoc", "thcs", "thpt", "nd233", "cap-xa"]),
              default="tieu-hoc",
              show_default=True, help=ct.LEVEL_HELP)
@click.option("--cham-theo", "scoring", type=click.Choice(rq.SCORINGS), default=rq.BY_MONTH, show_default=True,
              help=ct.SCORING_HELP)
@click.option("--force", is_flag=True, help=ct.FORCE_HELP)
@click.option("--tu", "source", type=click.Path(exists=True, path_type=Path), default=None,
              metavar=ct.NEW_YEAR_METAVAR, help=ct.NEW_YEAR_HELP)
@click.option("--khoa-moi", "new_key", is_flag=True, help=ct.NEW_KEY_HELP)
@click.pass_context
def init(ctx, directory: Path, level: str, scoring: str, force: bool, source: Path | None, new_key: bool):
    def given(name: str) -> bool:
        return ctx.get_parameter_source(name) is not click.core.ParameterSource.DEFAULT

    if source is not None and given("level"):
        raise click.UsageError(ct.NEW_YEAR_WITH_LEVEL)
    if given("scoring") and (source is not None or level == "cap-xa"):
        raise click.UsageError(ct.SCORING_WITHOUT_PRESET)
    if given("scoring") and level == "nd233" and scoring != rq.BY_MONTH:
        raise click.UsageError(ct.SCORING_NOT_ND233.format(scoring=scoring))
    if new_key and (level != "cap-xa" or source is not None or force):
        raise click.UsageError(ct.NEW_KEY_ALONE)
    _run(rq.InitRequest(directory=directory, level=level, force=force, source=source, scoring=scoring,
                        new_key=new_key))


@main.command(help=ct.GENERATE_HELP, epilog=EXIT_CODES_HELP, options_metavar=ct.OPTIONS_METAVAR)
@click.argument("campaign_path", metavar="CAMPAIGN", type=click.Path(exists=True, path_type=Path))
@click.option("--round", "round_", type=click.Choice(["dang-ky", "cham-diem"]), required=True, help=ct.ROUND_HELP)
@click.option("-o", "--output", "outbox", type=click.Path(file_okay=False, path_type=Path), default=None,
              help=ct.OUTBOX_HELP)
@click.option("--from", "from_summary", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help=ct.FROM_HELP)
@click.option("--force", is_flag=True, help=ct.GENERATE_FORCE_HELP)
@click.option("--period", default=None, metavar=ct.PERIOD_METAVAR, help=ct.PERIOD_HELP)
@click.option("--thu", "drafts_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              metavar=tm.THU_METAVAR, help=tm.THU_HELP)
def generate(campaign_path: Path, round_: str, outbox: Path | None, from_summary: Path | None, force: bool,
             period: str | None, drafts_dir: Path | None):
    _run(rq.GenerateRequest(campaign_path=campaign_path, round=round_, outbox=outbox, from_summary=from_summary,
                            force=force, period=period, drafts_dir=drafts_dir))


@contextlib.contextmanager
def _reading(total: int) -> Iterator[Callable[[str], None]]:
    """A progress bar while reading, when stderr is a terminal and there is more than one file."""
    if total < 2 or not sys.stderr.isatty():
        yield lambda _name: None
        return
    with click.progressbar(length=total, label=ct.READING, file=sys.stderr) as bar:
        yield lambda _name: bar.update(1)


# The service's voice at the console: reports and the codes asked for (status --ma) on stdout, warnings on stderr, the
# progress bar; what a merge decided the console says in its lines (the page shows it as tables).
_VOICE = Voice(say=_say, warn=lambda text: _say(text, err=True), secret=_say, reading=_reading)


def _run(request: rq.Request) -> NoReturn:
    """The command ``request`` asks for, run through the service; its exit code is its Result's. A request refused
    before any work is the usage error (exit 2); a run that cannot start or go on (a campaign with errors, another run
    holding it) says its problems and why (exit 1); the machine's refusals are the group's (exit 1). The process is
    the command's alone (service.own_process; not the page's: ``ui`` serves without this)."""
    from thidua_xlsx import service  # deferred: the service at start-up
    from thidua_xlsx.model.errors import CommandError, Refused  # deferred: model.errors at start-up

    service.own_process()
    try:
        result = service.run(request, _VOICE, rq.CLI)
    except Refused as refused:
        raise click.UsageError(str(refused)) from None  # its text, else its problems' (each with its place)
    except CommandError as error:
        _print_problems(error.problems)
        if error.message:
            _say(error.message, err=True)
        sys.exit(error.exit_code)
    sys.exit(result.exit_code)


_inbox_arg = click.argument("inbox", type=click.Path(exists=True, file_okay=False, path_type=Path))
_campaign_opt = click.option("--campaign", "campaign_path", type=click.Path(exists=True, path_type=Path),
                             default=None, help=ct.CAMPAIGN_OPT_HELP)
_round_opt = click.option("--round", "round_", type=click.Choice(["dang-ky", "cham-diem"]), default=None,
                          help=ct.MERGE_ROUND_HELP)


def _summary_options(command):
    """The options ``merge`` and ``year`` share: the summary and what is written from it."""
    for option in reversed((
            click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
                         help=ct.SUMMARY_HELP),
            click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
                         help=ct.JSON_HELP),
            click.option("--force", is_flag=True, help=ct.FORCE_HELP),
            click.option("--pdf", "pdf", is_flag=True, help=ct.PDF_HELP),
            click.option("--strict", is_flag=True, help=ct.STRICT_HELP),
            click.option("--council", "council_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                         default=None, help=ct.COUNCIL_HELP),
            click.option("--bo-duyet", "drop_council", is_flag=True, help=dx.DROP_HELP),
            click.option("--cong-khai", "public_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
                         help=ct.PUBLIC_HELP),
            click.option("--y-kien", "public_days", type=click.IntRange(1, 60), default=5, show_default=False,
                         metavar=ct.DAYS_METAVAR, help=ct.PUBLIC_DAYS_HELP),
            click.option("--history", "--lich-su", "history_path", type=click.Path(exists=True, path_type=Path),
                         default=None, help=ct.HISTORY_OPTION_HELP))):
        command = option(command)
    return command


_period_opt = click.option("--period", default=None, metavar=ct.PERIOD_METAVAR, help=ct.MERGE_PERIOD_HELP)
_thu_opt = click.option("--thu", "drafts_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
                        metavar=tm.THU_METAVAR, help=tm.THU_HELP)
_docs_opt = click.option("--docs", "--ho-so", "docs_dir", type=click.Path(file_okay=False, path_type=Path),
                         default=None, help=ct.DOCS_HELP)


@main.command(help=ct.MERGE_HELP, epilog=EXIT_CODES_HELP, options_metavar=ct.OPTIONS_METAVAR)
@_inbox_arg
@_summary_options
@click.option("--feedback", "feedback_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help=ct.FEEDBACK_HELP)
@_docs_opt
@_campaign_opt
@_round_opt
@_period_opt
@click.option("--xuat-tinh", "import_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help=ct.IMPORT_HELP)
@click.option("--ma-tinh", "mapping", default=None, metavar=ct.MAPPING_METAVAR, help=ct.MAPPING_HELP)
@_thu_opt
def merge(inbox, output, json_path, force, pdf, strict, council_path, drop_council, public_path, public_days,
          history_path, feedback_dir, docs_dir, campaign_path, round_, period, import_dir, mapping, drafts_dir):
    _run(rq.MergeRequest(inbox=inbox, output=output, json_path=json_path, force=force, pdf=pdf, strict=strict,
                         council_path=council_path, drop_council=drop_council, public_path=public_path,
                         public_days=public_days, feedback_dir=feedback_dir, docs_dir=docs_dir,
                         campaign_path=campaign_path, round=round_, period=period, history_path=history_path,
                         import_dir=import_dir, mapping=mapping, drafts_dir=drafts_dir))


@main.command(help=ct.YEAR_HELP, epilog=EXIT_CODES_HELP, options_metavar=ct.OPTIONS_METAVAR)
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@_summary_options
@_docs_opt
@_campaign_opt
@_thu_opt
def year(folder, output, json_path, force, pdf, strict, council_path, drop_council, public_path, public_days,
         history_path, docs_dir, campaign_path, drafts_dir):
    _run(rq.YearRequest(inbox=folder, output=output, json_path=json_path, force=force, pdf=pdf, strict=strict,
                        council_path=council_path, drop_council=drop_council, public_path=public_path,
                        public_days=public_days, docs_dir=docs_dir, campaign_path=campaign_path,
                        history_path=history_path, drafts_dir=drafts_dir))


@main.command(help=ct.STATUS_HELP, epilog=EXIT_CODES_HELP, options_metavar=ct.OPTIONS_METAVAR)
@_inbox_arg
@_campaign_opt
@_round_opt
@click.option("--strict", is_flag=True, help=ct.STRICT_HELP)
@click.option("--nhac", "nudge", is_flag=True, help=ct.NUDGE_HELP)
@_period_opt
@_thu_opt
@click.option("--ma", "codes_of", is_flag=False, flag_value="", default=None, metavar=ct.CODES_METAVAR,
              help=ct.CODES_HELP)
def status(inbox, campaign_path, round_, strict, nudge, period, drafts_dir, codes_of):
    _run(rq.StatusRequest(inbox=inbox, campaign_path=campaign_path, round=round_, strict=strict, nudge=nudge,
                          period=period, drafts_dir=drafts_dir, codes_of=codes_of))


@main.command(help=hx.HISTORY_HELP, epilog=EXIT_CODES_HELP, options_metavar=ct.OPTIONS_METAVAR)
@click.option("--book", type=click.Path(dir_okay=False, path_type=Path), default=None, help=hx.BOOK_HELP)
@click.argument("summaries", nargs=-1, metavar=hx.SUMMARY_METAVAR,
                type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--chinh-thuc", "final", is_flag=True, help=dx.FINAL_HELP)
def history(book: Path, summaries: tuple[Path, ...], final: bool):
    _run(rq.HistoryRequest(book=book, summaries=summaries, final=final))


@main.command(help=tu.UI_HELP, epilog=EXIT_CODES_HELP, options_metavar=ct.OPTIONS_METAVAR)
@click.argument("folder", metavar=ct.FOLDER_METAVAR, required=False, default=Path("."),
                type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--port", type=click.IntRange(1024, 65535), default=8765, show_default=False,
              help=tu.PORT_HELP)
@click.option("--no-browser", is_flag=True, help=tu.NO_BROWSER_HELP)
def ui(folder: Path, port: int, no_browser: bool):
    from thidua_xlsx.model.issues import issue  # deferred: model.issues at start-up
    from thidua_xlsx.service import is_campaign_folder  # deferred: the service at start-up
    from thidua_xlsx.ui.serve import NoPort, serve  # deferred: the page at start-up

    folder = folder.resolve()
    if not is_campaign_folder(folder):
        _say(issue("ui.not_campaign", folder=str(folder)).message, err=True)
        sys.exit(EXIT_UNUSABLE)
    try:
        serve(folder, port, not no_browser, _say)
    except NoPort as taken:
        _say(taken.issue.message, err=True)
        sys.exit(EXIT_UNUSABLE)


@main.command(help=tm.COLLECT_HELP, epilog=EXIT_CODES_HELP, options_metavar=ct.OPTIONS_METAVAR)
@click.argument("source", metavar=tm.SOURCE_METAVAR)
@click.argument("folder", metavar=tm.FOLDER_METAVAR, required=False, default=".",
                type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--since", default=None, metavar=tm.DATE_METAVAR, help=tm.SINCE_HELP)
@click.option("--cafile", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None,
              help=tm.CAFILE_HELP)
def collect(source: str, folder: Path, since: str | None, cafile: Path | None):
    from thidua_xlsx.model.issues import Issue  # deferred: model.issues at start-up
    from thidua_xlsx.model.typed import typed_date  # deferred: model.typed at start-up
    from thidua_xlsx.service import mailbox_of, stored_password  # deferred: the service at start-up

    day = typed_date(since) if since is not None else None
    if isinstance(day, Issue):
        raise click.UsageError(day.message)
    box = mailbox_of(source)  # None too for an address holding a password: refused, never asked
    password = ""  # from tm.PASSWORD_VARIABLE, the keyring, or asked, before the campaign is held; never written
    if box is not None:
        password = stored_password(box) or click.prompt(tm.PASSWORD_PROMPT.format(user=box.user, host=box.host),
                                                        hide_input=True, default="", show_default=False)
    _run(rq.CollectRequest(source=source, folder=folder, since=day, cafile=cafile, password=password))
