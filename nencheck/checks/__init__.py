"""Pure rules: (records, as_of) -> problems. Never reads files, never calls today()."""
