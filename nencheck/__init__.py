"""nencheck: NEN 7510 compliance kept as YAML in git."""

__version__ = "0.1.0"
