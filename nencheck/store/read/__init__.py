"""Reading the repository: finding it, listing record files, strict YAML, validation into records."""
