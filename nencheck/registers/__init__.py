"""Changing records through the CLI: each register plans an in-place edit and its commit message."""
