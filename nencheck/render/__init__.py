"""Renderers: one module per output format. They take computed values and return text."""
