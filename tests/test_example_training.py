"""The example organisation's YAML is its own source of truth; only the bulk training rows are
generated (scripts/example_training.py), and the committed rows are exactly what it writes."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import PROJECT_ROOT


def test_committed_training_rows_are_what_the_generator_writes() -> None:
    done = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "scripts" / "example_training.py"), "--check"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_the_generator_notices_an_edited_row(tmp_path: object) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "example_training", PROJECT_ROOT / "scripts" / "example_training.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    files = module.training_files(PROJECT_ROOT)
    assert set(files) == {
        "evidence/training/people.yaml",
        "evidence/training/completions/2025.yaml",
        "evidence/training/completions/2026.yaml",
    }
    committed = (PROJECT_ROOT / "evidence/training/completions/2026.yaml").read_text("utf-8")
    assert files["evidence/training/completions/2026.yaml"] == committed
    assert files["evidence/training/people.yaml"].count("\n  - {id: ") == 300
