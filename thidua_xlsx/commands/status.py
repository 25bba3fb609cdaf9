"""``status``: the inbox read as ``merge`` reads it, each department against the deadline; nothing written."""

from __future__ import annotations

from thidua_xlsx.model import result as rs
from thidua_xlsx.model.errors import Refused
from thidua_xlsx.model.places import round_key
from thidua_xlsx.model.requests import StatusRequest
from thidua_xlsx.model.result import Result, WrittenFile
from thidua_xlsx.steps import outputs as out
from thidua_xlsx.steps.opening import locate_campaign
from thidua_xlsx.steps.reading import counted, heard, nothing_usable, read_and_report
from thidua_xlsx.system.voice import Voice, vietnam_today
from thidua_xlsx.text import commands as ct
from thidua_xlsx.text import mail as tm
from thidua_xlsx.write.console import console_lines, followup_lines, reminder_lines


def status(request: StatusRequest, voice: Voice = Voice()) -> Result:
    """``status``: the report with every problem, each department against the deadline (a period's own), and
    (``nudge``) a reminder per department head. Writes nothing, but with ``drafts_dir`` (--thu) the reminders as
    e-mail drafts. A school's: the commune's is commune.commands.status."""
    from thidua_xlsx.decide.followup import follow_up  # deferred: decide.followup at start-up
    from thidua_xlsx.write.drafts import refuse_in_inbox  # deferred: email.utils at start-up

    inbox, campaign_path, round_, period, nudge, drafts_dir = \
        request.inbox, request.campaign_path, request.round, request.period, request.nudge, request.drafts_dir
    refuse_in_inbox(drafts_dir, inbox)
    if drafts_dir is not None and not nudge:  # a school's: the reminders (the commune's: the codes)
        raise Refused(tm.THU_NEEDS_NUDGE)
    if request.codes_of is not None:  # the codes are the commune's to issue
        raise Refused(ct.CODES_AT_SCHOOL)
    folder = locate_campaign(inbox, campaign_path, voice)
    voice, said = heard(voice)
    summary, _read = read_and_report(inbox, folder, round_, request.strict, voice, period)
    summary, report = counted(summary, folder, request.strict, voice)  # as merge counts it
    for line in console_lines(summary, report, verbose=True, said=said):
        voice.say(line)
    followups = follow_up(summary, vietnam_today())
    for line in followup_lines(summary, followups) + ([""] + reminder_lines(summary, followups) if nudge else []):
        voice.say(line)
    files: tuple[WrittenFile, ...] = ()
    if nudge and drafts_dir is not None:  # --thu: each reminder as an e-mail draft (the only thing status writes)
        from thidua_xlsx.write.drafts import status_drafts  # deferred: email.utils at start-up

        with out.holding(out.campaign_lock(folder, inbox), "status", voice):
            written = out.record_of(folder, inbox)
            status_drafts(summary, followups, drafts_dir, written, voice)
            written.save()
        files = written.made(lambda _path: rs.DRAFT)
    if not report.valid:
        voice.warn(nothing_usable(inbox, summary))
    return Result("status", report, files, round_key(summary.round, summary.period), folder.folder)


