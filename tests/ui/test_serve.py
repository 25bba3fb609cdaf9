"""thidua-xlsx ui's start: the port taken (the next one used and said; none free, what to do), a folder that is no
campaign folder, the command's help."""

from __future__ import annotations

import socket

import pytest
from click.testing import CliRunner

from thidua_xlsx.cli import main
from thidua_xlsx.ui.serve import PORTS_TRIED, NoPort, address, bind


def _taken(port: int) -> socket.socket:
    sock = socket.socket()
    try:
        sock.bind(("127.0.0.1", port))
        sock.listen(1)
    except OSError:
        sock.close()  # never left to the collector: warnings are errors, in whichever test it runs
        raise
    return sock


def _free_run(length: int) -> int:
    """A port with the ``length`` ports from it free (as far as one can tell)."""
    for start in range(20000, 60000, 97):
        probes: list[socket.socket] = []
        try:
            for p in range(start, start + length):
                probes.append(_taken(p))
        except OSError:
            continue
        finally:
            for probe in probes:
                probe.close()
        return start
    raise AssertionError("no free ports")


def test_the_port_taken_the_next_one_is_used_and_said():
    port = _free_run(3)
    holder = _taken(port)
    try:
        bound = bind(port)
        try:
            assert bound.port == port + 1 and bound.socket.getsockname() == ("127.0.0.1", port + 1)
            assert bound.said is not None
            assert bound.said.message == f"Cổng {port} đang bị chương trình khác dùng – trang mở ở cổng {port + 1}."
        finally:
            bound.socket.close()
    finally:
        holder.close()
    assert address(port, "abc", "/0a1b") == f"http://127.0.0.1:{port}/0a1b/?token=abc"


def test_every_port_taken_says_what_to_do():
    port = _free_run(PORTS_TRIED)
    holders = [_taken(p) for p in range(port, port + PORTS_TRIED)]
    try:
        with pytest.raises(NoPort) as taken:
            bind(port)
        said = taken.value.issue.message
        assert f"Các cổng {port}–{port + PORTS_TRIED - 1} đều đang bị chương trình khác dùng" in said
        assert "--port" in said
    finally:
        for holder in holders:
            holder.close()


def test_a_folder_that_is_no_campaign_is_said_before_anything_starts(tmp_path):
    result = CliRunner().invoke(main, ["ui", str(tmp_path), "--no-browser"])
    assert result.exit_code == 1
    assert "không phải thư mục chiến dịch" in result.stderr and "thidua-xlsx init" in result.stderr
    assert "http://" not in result.output


def test_the_command_is_listed_and_helped_in_vietnamese():
    result = CliRunner().invoke(main, ["ui", "--help"])
    assert result.exit_code == 0
    assert "Mở trang thi đua trên trình duyệt" in result.output and "--no-browser" in result.output
