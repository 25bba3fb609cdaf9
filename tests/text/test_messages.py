"""The message catalogue and the code agree: every code the package makes is in text/messages.py, and every
code there is made by some test (a code no input can provoke is dead and goes)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from tests import message_codes, python_sources
from thidua_xlsx.text import messages

PACKAGE = Path(messages.__file__).resolve().parents[2]
# calls that make an issue or a reason → which of their positional arguments are codes
MAKERS = {"issue": (0,), "reason": (0,), "add": (0,), "Problem": (0,), "reject": (1,), "refused": (1,), "skip": (1,)}


def _codes_in(node: ast.expr):
    """The codes an argument can be: a literal, either side of ``a if c else b``, or the literal
    head of an f-string or of ``"head." + x`` (returned with a trailing ``*``)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.IfExp):
        yield from _codes_in(node.body)
        yield from _codes_in(node.orelse)
    elif isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        yield node.values[0].value + "*"
    elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add) and isinstance(node.left, ast.Constant):
        yield node.left.value + "*"


def _codes_used() -> list[tuple[str, str, str]]:
    """(code, catalogue, where) for every code written in the package: the code argument of issue(),
    reason(), Problems.add() and their kin (:data:`MAKERS`), and the key of ``MESSAGES[...]`` or
    ``REASONS[...]``."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = path.relative_to(PACKAGE.parent)
        for node in python_sources.nodes(path.read_text(encoding="utf-8")):
            if isinstance(node, ast.Call) and node.args:
                name = getattr(node.func, "id", getattr(node.func, "attr", ""))
                catalogue = "REASONS" if name == "reason" else "MESSAGES"
                for argument in (node.args[i] for i in MAKERS.get(name, ()) if i < len(node.args)):
                    found += [(code, catalogue, f"{where}:{node.lineno}") for code in _codes_in(argument)]
            elif isinstance(node, ast.Subscript) and getattr(node.value, "id", "") in ("MESSAGES", "REASONS"):
                found += [(code, node.value.id, f"{where}:{node.lineno}") for code in _codes_in(node.slice)]
    return found


def test_every_code_the_package_writes_is_in_the_catalogue():
    catalogues = {"MESSAGES": messages.MESSAGES, "REASONS": messages.REASONS}
    used = _codes_used()
    unknown = [f"{where}: {code} ({catalogue})" for code, catalogue, where in used
               if not (any(key.startswith(code[:-1]) for key in catalogues[catalogue]) if code.endswith("*")
                       else code in catalogues[catalogue])]

    assert len(used) > 150  # the walk finds the package's codes (guards against a walk that finds none)
    assert not unknown, "codes missing from text/messages.py:\n" + "\n".join(unknown)


def test_no_template_needs_a_name_its_maker_takes_for_itself():
    """issue(code, severity, file=…, …) and reason(code, …) take these names themselves: a template asking for
    ``{code}`` could only be filled by a call that raises TypeError (a council row of an unknown person did)."""
    import string

    def names(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    assert not [code for code, template in messages.MESSAGES.items() if names(template) & {"code", "severity"}]
    assert not [code for code, template in messages.REASONS.items() if "code" in names(template)]


def test_a_code_no_process_looked_up_is_said_by_the_session_check(monkeypatch):
    """The session's check (tests/message_codes.py) names each code no process of the run looked up, by catalogue:
    here a code added to the catalogue that no test could have made."""
    monkeypatch.setitem(messages.MESSAGES, "test.never_made", "Không ai gặp")
    assert "MESSAGES: test.never_made" in message_codes.never_made()
    assert "MESSAGES: test.never_made" not in [f"MESSAGES: {code}" for code in message_codes.made()["MESSAGES"]]


def test_a_code_written_in_two_parts_of_the_catalogue_is_refused_naming_it():
    """One part's wording would silently hide the other's (docs/conventions.md: Messages)."""
    joined = messages._joined({"file.a": "A.", "file.b": "B."}, {"value.c": "C."})
    assert joined == {"file.a": "A.", "file.b": "B.", "value.c": "C."}
    with pytest.raises(ValueError, match=r"codes in two parts of the catalogue: \['file.b'\]"):
        messages._joined({"file.a": "A.", "file.b": "B."}, {"file.b": "Khác."})


#: Words that say what to do, or that nothing is to be done: a message says one (docs/conventions.md: Messages).
SAYS_WHAT_TO_DO = re.compile(r"hãy|không cần|cần |chạy lại|bấm|xin |sửa |mở |chép |nhập |gõ |chọn |đặt |tải |"
                             r"kiểm tra|nên |để |thì ", re.IGNORECASE)


#: The messages that say neither yet: each is printed in the shipped samples' outputs, held byte for byte to 0.8.0's
#: while the house's refactor is compared with it (tools/compare_samples.py); reworded with the samples' next change.
#: None may join them.
NOT_YET_SAYING_WHAT_TO_DO = frozenset({
    "file.superseded", "file.version_diff", "initiative.reused", "level_above.superseded", "person.no_scores",
    "signal.all_max", "signal.average_far", "signal.dept_equals_self", "year.registration_used",
})


def test_every_message_says_what_to_do_or_that_nothing_is_to_be_done_but_the_named_few():
    """The catalogue's words and the page's own words of them alike (a reason, why a decision is what it is, is not a
    problem: no advice is owed)."""
    from thidua_xlsx.text.page_words import PAGE_MESSAGES

    silent = {code for code, text in messages.MESSAGES.items() if not SAYS_WHAT_TO_DO.search(text)}
    assert sorted(silent - NOT_YET_SAYING_WHAT_TO_DO) == []  # a new message: say what to do, or "Không cần sửa."
    assert sorted(NOT_YET_SAYING_WHAT_TO_DO - silent) == []  # one reworded: off the list
    assert sorted(code for code, text in PAGE_MESSAGES.items() if not SAYS_WHAT_TO_DO.search(text)) == []
