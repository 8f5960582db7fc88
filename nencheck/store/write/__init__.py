"""Writing the repository: atomic files, round-trip YAML edits, one commit per change under the lock."""
