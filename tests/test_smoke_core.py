from pathlib import Path

from tests.conftest import AS_OF


def test_check_reports_unknown_field_with_suggestion(tmp_path: Path, run) -> None:
    (tmp_path / "controls").mkdir()
    (tmp_path / "nencheck.yaml").write_text("organisation: Test\n", encoding="utf-8")
    (tmp_path / "controls" / "a.yaml").write_text(
        'id: "5.1"\napplicable: true\nstatus: implemented\ntitel: x\n', encoding="utf-8"
    )
    result = run("check", "--as-of", AS_OF, "--format", "json", repo=tmp_path)
    assert result.exit_code == 2
    errors = result.json()["errors"]
    assert errors == [
        {
            "file": "controls/a.yaml",
            "line": 4,
            "column": 1,
            "code": "unknown-field",
            "message": "unknown field 'titel'; did you mean 'title'?",
        }
    ]
