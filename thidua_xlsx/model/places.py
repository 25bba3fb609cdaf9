"""The one map of a campaign folder: where each thing lives and how it is named.

Every command and every door asks this module, so that the CLI and the page write the same files in the same places
for the same request. A school's campaign folder::

    campaign.xlsx (or campaign.ods)      the campaign book
    inbox-dang-ky/                       the registration round's returned books
    inbox/ , inbox/<period>/             the scoring round's (a period's in its own folder)
    outbox/<round or period>/            the books generate writes
    so-da-phat/ , so-da-nhan/            the records of the books issued and received
    tong-hop_<round or period>.xlsx      a round's summary (a period's in ky/, where the year reads them): the
                                         registration's tong-hop_dang-ky.xlsx (read by the year and by generate),
                                         the single scoring round's tong-hop_cham-diem.xlsx
    ky/tong-hop_<period>.xlsx            the periods' summaries
    tong-hop_ca-nam.xlsx                 the year's, from its periods
    hoi-dong/                            the head's and the council's passes, each kept with its round once a merge
                                         applied it (hieu-truong_<period>.xlsx, hoi-dong_ca-nam.xlsx), applied again
                                         by every later merge of that round; cu/ those replaced or dropped (a
                                         commune's: xa-duyet.xlsx, the officer's decisions typed on the page)
    ho-so/ , xuat-tinh/                  the papers (cu/: an earlier run's papers no longer in the hồ sơ); the
                                         commune's import files for the province's system
    lich-su.xlsx                         the history book
    da-ghi.json , cac-lan-chay.json      the record of the tool's own outputs; the runs remembered

A commune's (or a Sở's) campaign folder has ``cap-tren.xlsx``, its key ``khoa-bi-mat.txt`` (kept there alone, never
sent) and ``inbox/`` with the schools' summaries, and writes ``tong-hop-cac-truong.xlsx``. Pure names: nothing here
opens a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from thidua_xlsx.model import layout as ly

CAMPAIGN_FILE = "campaign.xlsx"
CAMPAIGN_ODS = "campaign.ods"  # LibreOffice's "Save As" of campaign.xlsx
LEVEL_ABOVE_BOOK = "cap-tren.xlsx"
COMMUNE_KEY_FILE = "khoa-bi-mat.txt"  # beside cap-tren.xlsx: the commune's key (commune.system_key), never sent
INBOX, OUTBOX = "inbox", "outbox"
REGISTRATION_INBOX = "inbox-dang-ky"
ISSUED_FOLDER = "so-da-phat"  # one record per workbook issued
RECEIVED_FOLDER = "so-da-nhan"  # one record per file filed by the intake (page, collect)
MESSAGES_FOLDER = "thu"  # in so-da-nhan/: what the collector settled of each message
STAGING_FOLDER = ".thidua-nhan"  # where received bytes wait while they are read: on the campaign's disk, never an inbox
PERIODS_FOLDER = "ky"  # the periods' summaries, which the year reads
COUNCIL_FOLDER = "hoi-dong"  # the head's and the council's passes kept with their rounds
DECISIONS_ASIDE = "cu"  # in hoi-dong/: a round's pass replaced by a newer one, or dropped on purpose
UPLOAD_STEM = "hoi-dong_tai-len"  # in hoi-dong/cu/: an upload of the page waiting for the merge that applies it
DECISION_NAMES = {"head": "hieu-truong_{round}", "council": "hoi-dong_{round}"}  # a round's pass, by whose word
DOCS_FOLDER = "ho-so"  # the papers (merge --docs)
PAPERS_ASIDE = "cu"  # in the papers' folder: an earlier run's paper no longer in the hồ sơ (moved, never deleted)
IMPORT_FOLDER = "xuat-tinh"  # the commune's import files for the province's system (merge --xuat-tinh)
HISTORY_BOOK = "lich-su.xlsx"
OFFICER_BOOK = "xa-duyet.xlsx"  # in hoi-dong/: the commune's summary with the officer's decisions typed on the page
OUTPUTS_RECORD = "da-ghi.json"
RUNS_RECORD = "cac-lan-chay.json"
YEAR_KEY = "ca-nam"  # the year from its periods, as a round of the page and of the runs record
LEVEL_ABOVE_KEY = "xa"  # the commune's merge, likewise
HISTORY_KEY = "lich-su"  # the history book's update
SUMMARY_NAME = "tong-hop_{round}.xlsx"
YEAR_SUMMARY = SUMMARY_NAME.format(round=YEAR_KEY)
LEVEL_ABOVE_SUMMARY = "tong-hop-cac-truong.xlsx"
# The single scoring round's summaries as the README's examples and the shipped sample name them (-o), before and
# after the council: found by the page as the round's own when no run of the tool is remembered for it.
README_SCORING_SUMMARY, README_FINAL_SUMMARY = "tong-hop.xlsx", "tong-hop-cuoi.xlsx"
README_PERIOD_FINAL = "cuoi_{period}.xlsx"  # a period's summary after the head's pass, beside its own (READMEs 0.2–0.6)
# The registration round's summary as earlier versions of the README, the guide and the sample named it: still read
# (by the year, generate and the page) in a folder that has it and not the round's own (tong-hop_dang-ky.xlsx).
OLD_REGISTRATION_SUMMARY = "tong-hop-dang-ky.xlsx"


def round_key(round_: str, period: str = "") -> str:
    """A round's key (the page's addresses, the runs record): a period's code, else the round's."""
    return period or round_


@dataclass(frozen=True)
class Places:
    """Where each thing of the campaign folder ``folder`` lives."""

    folder: Path

    def inbox(self, round_: str, period: str = "") -> Path:
        """The returned books of ``round_`` (and ``period``)."""
        if round_ == ly.REGISTRATION:
            return self.folder / REGISTRATION_INBOX
        return self.folder / INBOX / period if period else self.folder / INBOX

    def outbox(self, round_: str, period: str = "") -> Path:
        """The books ``generate`` writes for ``round_`` (a period's in its own folder)."""
        return self.folder / OUTBOX / round_key(round_, period if round_ == ly.SCORING else "")

    def summary(self, round_: str, period: str = "") -> Path:
        """A round's summary (``merge``'s default output): a period's in ``ky/``, where the year reads them."""
        name = SUMMARY_NAME.format(round=round_key(round_, period))
        return self.folder / PERIODS_FOLDER / name if period else self.folder / name

    @property
    def year_summary(self) -> Path:
        return self.folder / YEAR_SUMMARY

    @property
    def periods(self) -> Path:
        """The folder of the periods' summaries (``year``'s input)."""
        return self.folder / PERIODS_FOLDER

    @property
    def council(self) -> Path:
        return self.folder / COUNCIL_FOLDER

    def council_upload(self, suffix: str) -> Path:
        """Where the council's summary uploaded on the page waits for its merge (another name beside it when taken);
        the merge that applies it keeps it with its round (:meth:`decision`)."""
        return self.council / DECISIONS_ASIDE / f"{UPLOAD_STEM}{suffix}"

    def is_upload(self, path: Path) -> bool:
        """Whether ``path`` is an upload waiting in ``hoi-dong/cu/`` (moved, not copied, when its merge keeps it)."""
        return path.parent == self.decisions_aside and path.name.startswith(UPLOAD_STEM)

    def decision(self, kind: str, round_key: str, suffix: str = ".xlsx") -> Path:
        """The head's (``kind`` "head") or the council's ("council") pass kept for round ``round_key``."""
        return self.council / (DECISION_NAMES[kind].format(round=round_key) + suffix)

    @property
    def decisions_aside(self) -> Path:
        return self.council / DECISIONS_ASIDE

    @property
    def officer_book(self) -> Path:
        return self.council / OFFICER_BOOK

    @property
    def docs(self) -> Path:
        return self.folder / DOCS_FOLDER

    @property
    def imports(self) -> Path:
        return self.folder / IMPORT_FOLDER

    @property
    def history_book(self) -> Path:
        return self.folder / HISTORY_BOOK

    @property
    def level_above_summary(self) -> Path:
        return self.folder / LEVEL_ABOVE_SUMMARY


# The names Windows keeps for its devices, whatever follows them (``con.txt``, ``NUL .tar.gz`` are the device too),
# in any case — as Python 3.13's ``ntpath.isreserved`` lists them (with the superscript digits Windows takes for
# digits, and the console's two): a file or folder so named cannot be made there, or opens the device instead.
WINDOWS_DEVICES = frozenset({"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} |
                            {f"{kind}{digit}" for kind in ("COM", "LPT") for digit in "123456789\u00b9\u00b2\u00b3"})


def shown(path: Path, folder: Path) -> str:
    """``path`` as the secretary finds it: relative to the campaign folder ``folder`` ("hoi-dong/xa-duyet.xlsx"), as it
    is when outside it."""
    try:
        return path.relative_to(folder).as_posix()
    except ValueError:
        return str(path)


def windows_device(name: str) -> bool:
    """Whether Windows reads the file name ``name`` as a device's (its part before the first dot, trailing spaces
    aside, is one of :data:`WINDOWS_DEVICES`, in any case): ``nul .xlsx``, ``con.ban.xlsx``, ``COM¹``."""
    return name.partition(".")[0].rstrip(" ").upper() in WINDOWS_DEVICES
