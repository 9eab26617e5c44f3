"""The ``buurtwacht protocol`` subcommands, through cli.main."""

from __future__ import annotations

import io

import yaml

from buurtwacht.protocols import diff_protocols, load_protocol, load_protocol_file
from buurtwacht.protocols.cli import main


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = main(list(argv), stdout=out)
    return code, out.getvalue()


def test_list():
    code, out = run("list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["id", "version", "extends"]
    rows = [line.split() for line in lines[1:]]
    assert rows[0] == ["be-type", "2025.1", "-"]
    assert ["hasselt", "2025.1", "be-type"] in rows
    assert {row[0] for row in rows} == {"be-type", "beringen", "hasselt", "lanaken"}


def test_show_prints_the_merged_protocol_as_yaml(tmp_path):
    code, out = run("show", "hasselt")
    assert code == 0
    data = yaml.safe_load(out)
    assert data["id"] == "hasselt"
    assert data["retention_days"] == 14
    assert data["findings"]["vigilantism"] == "block"  # inherited from be-type
    assert "14 dagen" in data["charter"]["nl"]
    # the output is itself a valid protocol file, equal to what it shows
    path = tmp_path / "shown.yaml"
    path.write_text(out, encoding="utf-8")
    assert load_protocol_file(path).model_dump() == load_protocol("hasselt").model_dump()


def test_show_unknown_id():
    code, out = run("show", "gent")
    assert code == 1
    assert "unknown protocol 'gent'" in out


def test_validate_ok(tmp_path):
    path = tmp_path / "ok.yaml"
    path.write_text("id: testdorp\nversion: '2025.1'\nextends: hasselt\nretention_days: 7\n")
    assert run("validate", str(path)) == (0, "OK\n")


def test_validate_errors(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(
        "id: testdorp\nversion: '2025.1'\nextends: be-type\n"
        "findings:\n  vigilantism: allow\nretention_days: 60\ncolour: red\n"
    )
    code, out = run("validate", str(path))
    assert code == 1
    assert "OK" not in out
    assert "colour: unknown key" in out
    # schema errors are reported first; the tightening check needs a valid document
    path.write_text(
        "id: testdorp\nversion: '2025.1'\nextends: be-type\n"
        "findings:\n  vigilantism: allow\nretention_days: 60\n"
    )
    code, out = run("validate", str(path))
    assert code == 1
    assert "findings.vigilantism" in out and "retention_days" in out
    assert len(out.splitlines()) == 2


def test_diff():
    code, out = run("diff", "be-type", "hasselt")
    assert code == 0
    assert out.splitlines() == diff_protocols("be-type", "hasselt")
    assert "retention_days: 30 -> 14 (shorter)" in out.splitlines()


def test_diff_identical_and_file(tmp_path):
    assert run("diff", "lanaken", "lanaken") == (0, "no differences\n")
    path = tmp_path / "next.yaml"
    path.write_text("id: lanaken\nversion: '2026.1'\nextends: lanaken\nstrike_limit: 2\n")
    code, out = run("diff", "lanaken", str(path))
    assert code == 0
    assert "version: 2025.1 -> 2026.1" in out
    assert "strike_limit: 3 -> 2 (lower)" in out


def test_charter_subcommand(tmp_path):
    code, out = run("charter", "beringen", "--lang", "de", "--group-name", "BIN Koersel")
    assert code == 0
    assert "Zuerst die Polizei anrufen" in out and "BIN Koersel" in out
    code, out = run("charter", "beringen", "--format", "html", "--lang", "fr")
    assert code == 0 and out.startswith('<article class="charter" lang="fr"')
    target = tmp_path / "charter.pdf"
    code, out = run("charter", "beringen", "--format", "pdf", "-o", str(target))
    assert code == 0
    assert target.read_bytes().startswith(b"%PDF")
    assert run("charter", "beringen", "--format", "pdf")[0] == 2


def test_usage_errors_and_help_go_to_the_given_stream():
    code, out = run()
    assert code == 2 and "usage: buurtwacht protocol" in out
    assert run("frobnicate")[0] == 2
    code, out = run("--help")
    assert code == 0
    for command in ("list", "show", "validate", "diff", "charter"):
        assert command in out
