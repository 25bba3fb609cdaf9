"""The commune's key (a Sở's alike): the one secret behind the codes it issues its schools and the seal over its own
summary's record (docs/security.md says what each proves and against whom).

The key is random (:data:`KEY_BYTES` from :mod:`secrets`), made once in the commune's folder and kept there alone
(commune.system_key): nothing the commune writes carries it or anything it can be made from. Each use derives its own
key with a label of its own, so a school's code says nothing of the officer's seal or of another school's code. The
campaign id is a public identifier, printed in the commune's summary and JSON: it keys nothing.

Releases before 0.8 keyed both with the campaign id (:func:`legacy_school_code`): a school summary sealed with such a
code is recognised, to be named as such (not as forged), and never trusted as sealed."""

from __future__ import annotations

import base64
import hashlib
import hmac
from collections.abc import Iterable
from dataclasses import dataclass, field

KEY_BYTES = 32  # 256 bits
CODE_GROUPS = 3  # of five letters or digits: 75 bits, out of reach of a search over a school's sealed summary
SCHOOL_CODE_LABEL = "thidua-xlsx/school-code/2"
OFFICER_SEAL_LABEL = "thidua-xlsx/officer-seal/2"
# SHA-256 of keys anyone can read: the shipped sample commune's (samples/cap-xa/khoa-bi-mat.txt). A commune whose key
# is one of them is told at each run: every code and seal made with it can be made by anyone.
PUBLISHED_KEYS = frozenset({"024934bd924d760e4105d108829fefc55e7d45f97c9b8d1b063c6788a3a18dd2"})


@dataclass(frozen=True)
class CommuneKey:
    """The commune's secret (never printed: it has no readable form but the key file's), with what its file says of
    its life (commune.system_key): ``legacy``, whether codes of the scheme before 0.8 may have been issued in this
    folder (a key made when a folder of an earlier release was first opened; False for a commune made on 0.9.0 or
    later, which never recognises one); ``previous``, the keys it replaced that could still be read (a file sealed
    with a code one of them issued is named as such, never trusted); ``replaced_on``, the day (ISO) it was made in
    place of a lost or given-up key ("" never); ``public``: it is a key anyone can read (the sample's)."""

    secret: bytes = field(repr=False)
    legacy: bool = True
    previous: tuple[bytes, ...] = field(default=(), repr=False)
    replaced_on: str = ""

    def __post_init__(self) -> None:
        if len(self.secret) < 16 or any(len(k) < 16 for k in self.previous):  # a bug: the reader refuses them
            raise ValueError("a commune key of fewer than 128 bits")

    @property
    def public(self) -> bool:
        return hashlib.sha256(self.secret).hexdigest() in PUBLISHED_KEYS

    def previous_codes(self, school: str, school_year: str) -> tuple[str, ...]:
        """The codes the keys this one replaced issued school ``school`` for ``school_year``: only to name a file
        sealed with one, never to trust it."""
        return tuple(CommuneKey(k).school_code(school, school_year) for k in self.previous)

    def _derived(self, label: str) -> bytes:
        return hmac.new(self.secret, label.encode("utf-8"), hashlib.sha256).digest()

    def school_code(self, school: str, school_year: str) -> str:
        """The code the commune issues school ``school`` (its code in the commune's list) for ``school_year``:
        fifteen letters and digits in groups of five, "ABCDE-FGH23-45JKL"."""
        raw = hmac.new(self._derived(SCHOOL_CODE_LABEL), f"{school}\n{school_year}".encode(), hashlib.sha256)
        return _grouped(raw.digest(), CODE_GROUPS)

    def officer_seal_of(self, pieces: Iterable[str]) -> str:
        """The seal (HMAC-SHA-256) over the commune summary's record whose canonical JSON is ``pieces`` joined."""
        return _mac(self._derived(OFFICER_SEAL_LABEL), pieces)


LEGACY_CODE_GROUPS = 2  # a code a release before 0.8 issued: "ABCDE-FGH23"


def is_legacy_code(typed: str) -> bool:
    """Whether the code a school typed has the form a release before 0.8 issued (ten letters and digits): a commune of
    0.8 or later holds everything such a seal covers."""
    return len([ch for ch in typed if ch.isalnum()]) == 5 * LEGACY_CODE_GROUPS


def legacy_school_code(campaign_id: str, school: str, school_year: str) -> str:
    """The code a release before 0.8 issued, keyed with the commune's campaign id (which its outputs print): only to
    recognise a school summary sealed with it, never to trust one."""
    raw = hmac.new(campaign_id.encode("utf-8"), f"thidua-xlsx/origin/{school}/{school_year}".encode(),
                   hashlib.sha256).digest()
    return _grouped(raw, LEGACY_CODE_GROUPS)


def legacy_officer_seal_of(campaign_id: str, pieces: Iterable[str]) -> str:
    """The seal a release before 0.8 put over the commune summary's record, keyed with the campaign id: only to tell
    such a record (asked again) from one edited by hand."""
    return _mac(f"thidua-xlsx/officer/{campaign_id}".encode(), pieces)


def _mac(key: bytes, pieces: Iterable[str]) -> str:
    """HMAC-SHA-256 with ``key`` over ``pieces`` joined, as UTF-8, made piece by piece (a province's record is never
    whole in memory)."""
    mac = hmac.new(key, digestmod=hashlib.sha256)
    for piece in pieces:
        mac.update(piece.encode("utf-8"))
    return mac.hexdigest()


def _grouped(raw: bytes, groups: int) -> str:
    letters = base64.b32encode(raw).decode("ascii")
    return "-".join(letters[5 * k:5 * k + 5] for k in range(groups))
