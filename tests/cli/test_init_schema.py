from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import yaml

from tests.conftest import AS_OF, PROJECT_ROOT, git


def test_init_scaffolds_every_catalog_control_honestly_and_commits(tmp_path: Path, run) -> None:
    target = tmp_path / "nieuw"
    result = run("init", str(target), "--organisation", "Testzorg")
    assert result.exit_code == 0, result.output
    controls = sorted((target / "controls").rglob("*.yaml"))
    assert len(controls) == 101
    first = yaml.safe_load((target / "controls" / "5-organisatorisch" / "5.1.yaml").read_text())
    assert first["applicable"] is True and first["status"] == "not_started"
    assert git(target, "log", "--format=%s").strip().startswith("nencheck init")
    assert git(target, "status", "--porcelain") == ""
    checked = run("check", "--as-of", AS_OF, "--format", "json", repo=target)
    assert checked.json()["errors"] == []


def test_init_quotes_an_organisation_name_that_yaml_would_misread(tmp_path: Path, run) -> None:
    target = tmp_path / "nieuw"
    name = "'t Hooghe: Zorg #1"
    assert run("init", str(target), "--organisation", name).exit_code == 0
    status = run("status", "--as-of", AS_OF, "--format", "json", repo=target)
    assert status.exit_code == 0, status.output
    assert status.json()["organisation"] == name


def test_init_refuses_an_existing_repository(tmp_path: Path, run) -> None:
    (tmp_path / "nencheck.yaml").write_text("organisation: Bestaand\n", encoding="utf-8")
    result = run("init", str(tmp_path))
    assert result.exit_code == 2
    assert (tmp_path / "nencheck.yaml").read_text() == "organisation: Bestaand\n"


def test_schema_validates_the_example_policies() -> None:
    from nencheck.render.json_schema import schema_for

    schema = schema_for("policy")
    policy = yaml.safe_load(
        'id: PROT-1\ntitle: T\ntype: protocol\nstatus: draft\nversion: "1"\nowner: Q\n'
    )
    jsonschema.validate(policy, schema)
    policy["titel"] = "x"
    try:
        jsonschema.validate(policy, schema)
    except jsonschema.ValidationError as error:
        assert "titel" in error.message
    else:
        raise AssertionError("unknown field accepted by the schema")


def test_schema_command_prints_every_kind(run) -> None:
    result = run("schema", repo=PROJECT_ROOT)
    assert result.exit_code == 0
    kinds = json.loads(result.stdout)
    assert {"settings", "control", "policy", "evidence", "audit", "incident", "completions"} <= set(
        kinds
    )
    single = run("schema", "control")
    control = json.loads(single.stdout)
    assert control["properties"]["status"] == {"$ref": "#/$defs/ControlStatus"}
    assert "implemented" in control["$defs"]["ControlStatus"]["enum"]
    assert "applicable" in json.loads(single.stdout)["required"]


def test_output_to_a_missing_folder_or_an_unwritable_file_is_a_clear_error(
    tmp_path: Path, run
) -> None:
    missing = tmp_path / "geen-map" / "status.txt"
    result = run("status", "--as-of", AS_OF, "-o", str(missing), repo=PROJECT_ROOT)
    assert result.exit_code == 2 and "geen-map" in result.stderr
    assert not missing.parent.exists()
    blocked = tmp_path / "map-is-bestand"
    blocked.write_text("", encoding="utf-8")
    result = run("status", "--as-of", AS_OF, "-o", str(blocked / "x.txt"), repo=PROJECT_ROOT)
    assert result.exit_code == 2 and "Traceback" not in result.output


def test_rev_and_as_recorded_together_are_refused(run) -> None:
    result = run("status", "--rev", "HEAD", "--as-recorded", "--as-of", AS_OF, repo=PROJECT_ROOT)
    assert result.exit_code == 2 and "--as-recorded" in result.stderr


def test_a_bad_as_of_is_explained_in_the_repository_language(run) -> None:
    result = run("check", "--as-of", "2026-13-01", repo=PROJECT_ROOT)
    assert result.exit_code == 2 and "is geen datum" in result.stderr


def test_register_groups_take_the_global_options_before_the_subcommand(run) -> None:
    for group, command in (("finding", "list"), ("incident", "list"), ("training", "status")):
        result = run(group, "--as-of", AS_OF, "--lang", "en", command, repo=PROJECT_ROOT)
        assert result.exit_code == 0, (group, result.output)


def test_schema_write_dir_creates_the_folder_as_the_readme_shows(tmp_path: Path, run) -> None:
    target = tmp_path / "repo" / ".schemas"
    result = run("schema", "--write-dir", str(target), repo=PROJECT_ROOT)
    assert result.exit_code == 0, result.stderr
    assert (target / "policy.schema.json").is_file()
    assert (
        json.loads((target / "control.schema.json").read_text("utf-8"))["title"]
        == "nencheck control"
    )
    blocked = tmp_path / "bestand"
    blocked.write_text("x", encoding="utf-8")
    refused = run("schema", "--write-dir", str(blocked / "sub"), repo=PROJECT_ROOT)
    assert refused.exit_code == 2 and "bestand" in refused.stderr
