"""The Jinja2 environment for documents: packaged templates, optionally overridden by a user's
template directory, HTML autoescaped, undefined variables reported instead of printed empty."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from nencheck.errors import NencheckError
from nencheck.i18n import _, current_language, ngettext
from nencheck.render.dates import format_day, format_month
from nencheck.render.soa_markdown import md_cell
from nencheck.render.status_common import percent

if TYPE_CHECKING:
    from jinja2 import Environment

PACKAGE = "nencheck.render"
TEMPLATES = "templates"


def environment(template_dir: Path | None = None) -> Environment:
    """Templates are looked up in ``template_dir`` first, then in nencheck's own, so a user can
    replace one template (``report.html``) and keep the rest (``style.css``, ``base.html``)."""
    from jinja2 import (
        ChoiceLoader,
        Environment,
        FileSystemLoader,
        PackageLoader,
        StrictUndefined,
        select_autoescape,
    )

    loaders: list[Any] = []
    if template_dir is not None:
        if not template_dir.is_dir():
            raise NencheckError(
                _(
                    "--template-dir {path}: no such directory; point it at a folder with your templates "
                    "(e.g. a copy of report.html)"
                ).format(path=template_dir)
            )
        loaders.append(FileSystemLoader(str(template_dir)))
    loaders.append(PackageLoader(PACKAGE, TEMPLATES))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=select_autoescape(
            enabled_extensions=("html", "htm", "xml", "svg"),
            disabled_extensions=("md", "txt", "css"),
            default_for_string=True,
            default=True,
        ),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    language = current_language()
    env.globals.update({"_": _, "ngettext": ngettext, "language": language})
    filters: dict[str, Any] = {
        "day": lambda value: format_day(value, language),
        "month": lambda value: format_month(value, language),
        "percent": percent,
        "md": md_cell,
    }
    env.filters.update(filters)
    return env


def render_template(env: Environment, name: str, context: dict[str, Any]) -> str:
    """Render one template; a mistake in a (user's) template becomes a clear error, not a traceback."""
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError

    try:
        return env.get_template(name).render(**context)
    except TemplateNotFound as error:
        raise NencheckError(_("template not found: {name}").format(name=error.name)) from None
    except TemplateSyntaxError as error:
        raise NencheckError(
            _("template {name}, line {line}: {message}").format(
                name=error.filename or error.name or name, line=error.lineno, message=error.message
            )
        ) from None
    except TemplateError as error:
        raise NencheckError(
            _("template {name}: {message}").format(name=name, message=error.message or error)
        ) from None


def template_messages() -> list[tuple[str, int, str | tuple[str, ...]]]:
    """Every ``_()`` and ``ngettext()`` string in nencheck's own templates, as
    (template, line, message), so the message catalog can include them next to the Python ones."""
    from jinja2.ext import extract_from_ast

    env = environment()
    assert env.loader is not None
    found: list[tuple[str, int, str | tuple[str, ...]]] = []
    for name in env.list_templates(extensions=("html", "md")):
        source = env.loader.get_source(env, name)[0]
        for line, _function, message in extract_from_ast(env.parse(source), ("_", "ngettext")):
            if isinstance(message, str):
                found.append((name, line, message))
            elif message is not None:  # ngettext: (singular, plural, None for the count)
                found.append((name, line, tuple(part for part in message if isinstance(part, str))))
    return found
