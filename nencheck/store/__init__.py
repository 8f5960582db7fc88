"""Reading and writing a compliance repository: YAML, files, git."""
