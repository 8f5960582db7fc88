"""Pydantic records of a compliance repository. No I/O, no terminal, no clock."""
