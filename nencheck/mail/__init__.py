"""Sending what nencheck composed: e-mail over SMTP, or .eml files for review."""
