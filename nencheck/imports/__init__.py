"""Spreadsheets in: one table reader, one header matcher, one --map parser, one plan; per record kind on top."""
