"""The parse cache: validated records of unchanged files, reused from one run to the next."""
