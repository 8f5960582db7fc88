"""Build hook (the project is configured in pyproject.toml): the example organisation, which is
the repository's own nencheck.yaml, controls/, policies/, evidence/ and risks/, is copied into
the wheel as nencheck/example/org, so ``nencheck init --example`` works from an installed package
and the repository stays its one source (an editable install reads it from the checkout)."""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

EXAMPLE = ("nencheck.yaml", "controls", "policies", "evidence", "risks")


class BuildWithExample(build_py):
    def run(self) -> None:
        super().run()
        root = Path(__file__).resolve().parent
        target = Path(self.build_lib) / "nencheck" / "example" / "org"
        for name in EXAMPLE:
            source = root / name
            if source.is_dir():
                shutil.copytree(source, target / name, dirs_exist_ok=True)
            elif source.is_file():
                target.mkdir(parents=True, exist_ok=True)
                shutil.copy2(source, target / name)


setup(cmdclass={"build_py": BuildWithExample})
