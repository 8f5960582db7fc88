"""nencheck's click classes: help shown in the current language, and the one lazy group.

Help texts stay English in the code (docstrings, ``help=``); they are translated when shown,
paragraph by paragraph (``nencheck.i18n.translate_help``), and scripts/compile_translations.py
collects them from the command tree into the catalog. Click's own messages ("Usage:",
"Missing argument") come from the ``click`` catalog: ``install_click_translations`` points
click's gettext calls at it (docs/translations.md).
"""

from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Sequence
from typing import Any

import click

from nencheck.cli.commands import Entry
from nencheck.i18n import N_, _, click_gettext, click_ngettext, translate_help

# The click modules whose messages people see; each does `from gettext import gettext as _`.
CLICK_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.termui",
    "click.types",
    "click.utils",
)


def install_click_translations() -> None:
    """Let click's messages follow nencheck's language (click uses the stdlib's global gettext
    domain, which would follow only the environment's locale, and for every program at once)."""
    for name in CLICK_MODULES:
        module = sys.modules.get(name) or importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = click_gettext  # type: ignore[attr-defined]
        if hasattr(module, "ngettext"):
            module.ngettext = click_ngettext  # type: ignore[attr-defined]


# Placeholders in usage lines and option lists ("--title TEXT"), translated where shown; the
# help texts name them in their translated form ("naar BESTAND schrijven").
METAVARS = {
    "[OPTIONS]": N_("[OPTIONS]"),
    "COMMAND [ARGS]...": N_("COMMAND [ARGS]..."),
    "ADDRESS": N_("ADDRESS"),
    "DATE": N_("DATE"),
    "DIR": N_("DIR"),
    "DIRECTORY": N_("DIRECTORY"),
    "DURATION": N_("DURATION"),
    "FIELD": N_("FIELD"),
    "FILE": N_("FILE"),
    "FORMAT": N_("FORMAT"),
    "HEADER": N_("HEADER"),
    "INTEGER RANGE": N_("INTEGER RANGE"),
    "NAME": N_("NAME"),
    "PATH": N_("PATH"),
    "TEXT": N_("TEXT"),
    "TIMESTAMP": N_("TIMESTAMP"),
    "VALUE": N_("VALUE"),
}
_METAVAR_WORD = re.compile(r"INTEGER RANGE|\[OPTIONS\]|COMMAND \[ARGS\]\.\.\.|[A-Z][A-Z_]*")


def translate_metavar(text: str) -> str:
    """``FILE`` -> "BESTAND"; choices (``[text|json]``) and ids (``ID``, ``REV``) stay as they are."""
    return _METAVAR_WORD.sub(
        lambda match: _(METAVARS[match.group(0)]) if match.group(0) in METAVARS else match.group(0),
        text,
    )


class HelpCommand(click.Command):
    """A command whose help, summary and option help are shown in the current language."""

    def format_help(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        from nencheck.cli.context import AppContext

        state = ctx.find_object(AppContext)
        if state is not None:
            state.settle_language()  # the repository's language, unless --lang said
        super().format_help(ctx, formatter)

    def collect_usage_pieces(self, ctx: click.Context) -> list[str]:
        return [translate_metavar(piece) for piece in super().collect_usage_pieces(ctx)]

    def get_short_help_str(self, limit: int = 45) -> str:
        if self.short_help:
            return translate_help(self.short_help)
        return " ".join(translate_help(self.help).split("\n\n")[0].split())

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        text = translate_help(self.help)
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(text)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for param in self.get_params(ctx):
            if isinstance(param, click.Argument):
                continue
            record = translated_record(param, ctx)
            if record is not None:
                rows.append(record)
        if rows:
            with formatter.section(_("Options")):
                formatter.write_dl(rows)


def translated_record(param: click.Parameter, ctx: click.Context) -> tuple[str, str] | None:
    """An option's line in --help with its help text and placeholder translated (click adds
    "[default: ...]" and "[required]" from its own catalog)."""
    original_help, original_metavar = getattr(param, "help", None), param.metavar
    if not getattr(param, "is_flag", False):
        param.metavar = translate_metavar(param.make_metavar(ctx))
    param.help = translate_help(original_help) if original_help else original_help  # type: ignore[attr-defined]
    try:
        return param.get_help_record(ctx)
    finally:
        param.help = original_help  # type: ignore[attr-defined]
        param.metavar = original_metavar


class HelpGroup(HelpCommand, click.Group):
    """A group of commands; its subcommands and subgroups get the same translated help."""

    command_class = HelpCommand
    group_class = type  # subgroups are HelpGroups too

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        HelpCommand.format_options(self, ctx, formatter)
        self.format_commands(ctx, formatter)


class LazyGroup(HelpGroup):
    """A group whose commands (some or all) live in modules imported only when used; ``--help``
    lists them from the command table (cli/commands.py) without importing them."""

    def __init__(self, *args: Any, lazy: Sequence[Entry] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = {entry.name: entry for entry in lazy}

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *self.lazy})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.commands:
            return self.commands[cmd_name]
        entry = self.lazy.get(cmd_name)
        if entry is None:
            return None
        module_name, attribute = entry.target.split(":")
        command = getattr(importlib.import_module(module_name), attribute)
        assert isinstance(command, click.Command)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = []
        for name in self.list_commands(ctx):
            if name in self.lazy:
                rows.append((name, _(self.lazy[name].summary)))
                continue
            command = self.commands[name]
            if not command.hidden:
                rows.append((name, command.get_short_help_str(formatter.width)))
        if rows:
            with formatter.section(_("Commands")):
                formatter.write_dl(rows)


install_click_translations()
