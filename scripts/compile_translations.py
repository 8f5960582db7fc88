"""Keep nencheck's message catalogs in step with the code (Babel's Python API).

English is the source language: every user-facing string is wrapped in ``_()``, ``ngettext()`` or
(where it is defined long before it is shown) ``N_()``, in nencheck's Python code and in its Jinja2
templates; every command's help and option help is collected from the click command tree (no
``N_()`` needed there). The translations live in ``nencheck/i18n/<lang>/LC_MESSAGES/nencheck.po``
(edited by people, committed) and are compiled to ``nencheck.mo`` (read at run time, committed
too). Click's own messages ("Usage:", "Missing argument") are extracted from the installed click
into ``click.po`` / ``click.mo`` beside it, the same way.

Run from anywhere, with the project's Python:

  python scripts/compile_translations.py extract          # update every .po from the code
  python scripts/compile_translations.py compile          # write every .mo from its .po
  python scripts/compile_translations.py check            # exit 1 unless complete and compiled
  python scripts/compile_translations.py --check          # the same
  python scripts/compile_translations.py merge OTHER.po   # fill empty translations from OTHER.po
  python scripts/compile_translations.py extract --lang de   # start a new language

``extract`` keeps existing translations, adds new messages untranslated and drops messages the code
no longer has. ``compile`` refuses to compile a catalog whose placeholders do not match. ``check``
(used by tests/test_i18n.py) fails when an extracted message has no translation (or only a fuzzy
one), when a translation's ``{placeholders}`` differ from its message's, or when a .mo is not what
``compile`` would write from its .po.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "nencheck"
I18N = PACKAGE / "i18n"
DOMAIN = "nencheck"
CLICK_DOMAIN = "click"
DOMAINS = (DOMAIN, CLICK_DOMAIN)
# Click translates these through a variable (``_(extra["required"])``): no extractor finds them.
CLICK_RUNTIME_MESSAGES = ("required",)
SOURCE_LANGUAGE = "en"
WIDTH = 100
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_][A-Za-z0-9_]*)(?:[!:][^{}]*)?\}(?!\})")
HEADER_COMMENT = (
    "# {language} translations of nencheck's messages.\n"
    "# Update with: python scripts/compile_translations.py extract; then compile.\n"
    "# See docs/translations.md.\n"
    "#"
)


def jinja2_extractor() -> str | None:
    """Babel's name for Jinja2's extractor, when Jinja2 provides one (``jinja2.ext.babel_extract``)."""
    try:
        from jinja2.ext import babel_extract  # noqa: F401
    except ImportError:
        return None
    return "jinja2.ext:babel_extract"


def method_map() -> list[tuple[str, str]]:
    """Templates first (the first pattern that matches a file wins), then every Python module."""
    methods: list[tuple[str, str]] = []
    extractor = jinja2_extractor()
    if extractor is None:
        print(
            "warning: jinja2.ext.babel_extract is missing: templates not scanned", file=sys.stderr
        )
    else:
        methods += [
            ("render/templates/**.html", extractor),
            ("render/templates/**.md", extractor),
        ]
    methods.append(("**.py", "python"))
    return methods


# The templates' own settings (render/templating.py), so line numbers and whitespace agree.
TEMPLATE_OPTIONS = {"trim_blocks": "true", "lstrip_blocks": "true", "silent": "false"}


def extract_template() -> Catalog:
    """Every message in the package, in the order found (files sorted), as a catalog without
    translations. Locations are kept without line numbers so a .po does not change on every edit."""
    template = Catalog(project="nencheck", domain=DOMAIN, charset="utf-8", fuzzy=False)
    options = {"render/templates/**": TEMPLATE_OPTIONS}
    found = extract_from_dir(
        PACKAGE,
        method_map=method_map(),
        options_map=options,
        keywords=KEYWORDS,
        comment_tags=("Translators:",),
        strip_comment_tags=True,
    )
    for filename, lineno, text, comments, context in sorted(found, key=lambda item: item[0]):
        if not any(forms(text)):
            continue
        location = (f"nencheck/{Path(filename).as_posix()}", lineno)
        template.add(text, None, [location], auto_comments=comments, context=context)
    for text, location in command_help_messages():
        template.add(text, None, [location])
    return flag_placeholders(template)


def flag_placeholders(template: Catalog) -> Catalog:
    for entry in template:
        if entry.id and any(placeholders(text) for text in forms(entry.id)):
            entry.flags.add("python-brace-format")
    return template


def command_help_messages() -> list[tuple[str, tuple[str, int]]]:
    """Every command's help (paragraph by paragraph, as ``translate_help`` looks them up), its
    short help and its options' help, from the click tree itself (every command imported)."""
    import click

    sys.path.insert(0, str(ROOT))
    from nencheck.cli.main import cli
    from nencheck.i18n import help_messages

    found: list[tuple[str, tuple[str, int]]] = []

    def add(text: str | None, command: click.Command) -> None:
        module = getattr(command.callback, "__module__", "nencheck.cli.main") or ""
        location = (module.replace(".", "/") + ".py", 0)
        for message in help_messages(text or ""):
            found.append((message, location))

    def walk(command: click.Command) -> None:
        add(command.help, command)
        add(command.short_help, command)
        for param in command.params:
            add(getattr(param, "help", None), command)
        if isinstance(command, click.Group):
            context = click.Context(command)
            for name in command.list_commands(context):
                sub = command.get_command(context, name)
                if sub is not None:
                    walk(sub)

    walk(cli)
    return found


def click_template() -> Catalog:
    """Click's own messages, from the installed click's source (what it passes to gettext)."""
    import click

    template = Catalog(project="click", domain=CLICK_DOMAIN, charset="utf-8", fuzzy=False)
    source = Path(click.__file__).parent
    found = extract_from_dir(
        source, method_map=[("**.py", "python")], keywords={"_": None, "ngettext": (1, 2)}
    )
    for filename, _lineno, text, comments, context in sorted(found, key=lambda item: item[0]):
        if filename.startswith("_win") or not any(forms(text)) or forms(text) == ("d",):
            continue
        template.add(
            text, None, [(f"click/{filename}", 0)], auto_comments=comments, context=context
        )
    for text in CLICK_RUNTIME_MESSAGES:
        template.add(text, None, [("click/core.py", 0)])
    return flag_placeholders(template)


def template_for(domain: str) -> Catalog:
    return extract_template() if domain == DOMAIN else click_template()


def catalog_path(language: str, domain: str = DOMAIN) -> Path:
    return I18N / language / "LC_MESSAGES" / f"{domain}.po"


def languages(requested: str | None) -> list[str]:
    if requested:
        return [requested]
    return sorted(
        path.parent.parent.name
        for path in I18N.glob(f"*/LC_MESSAGES/{DOMAIN}.po")
        if path.parent.parent.name != SOURCE_LANGUAGE
    )


def read_catalog(path: Path, language: str | None = None, domain: str = DOMAIN) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream, locale=language, domain=domain)


def po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, include_lineno=False, ignore_obsolete=True)
    return buffer.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def extract(language: str, template: Catalog, fuzzy: bool, domain: str = DOMAIN) -> None:
    """Bring one language's .po in step with the code; write it only when something changed."""
    path = catalog_path(language, domain)
    if path.exists():
        catalog = read_catalog(path, language, domain)
        before = path.read_bytes()
    else:
        catalog = Catalog(
            locale=language,
            domain=domain,
            project="nencheck",
            charset="utf-8",
            header_comment=HEADER_COMMENT.format(language=language),
            last_translator="nencheck maintainers",
            language_team=language,
            fuzzy=False,
        )
        before = b""
    creation, revision = catalog.creation_date, catalog.revision_date
    catalog.update(template, no_fuzzy_matching=not fuzzy, update_creation_date=False)
    catalog.obsolete.clear()  # messages the code no longer has: dropped, not kept as #~
    catalog.creation_date, catalog.revision_date = creation, revision
    catalog.fuzzy = False
    if po_bytes(catalog) == before:
        print(f"{path.relative_to(ROOT)}: up to date")
        return
    catalog.revision_date = datetime.now(UTC)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(po_bytes(catalog))
    missing = sum(1 for message in catalog if message.id and not translated(message))
    print(
        f"{path.relative_to(ROOT)}: {len(catalog)} messages, {missing} to translate",
        file=sys.stderr if missing else sys.stdout,
    )


def translated(message: Message) -> bool:
    if message.fuzzy:
        return False
    if isinstance(message.string, tuple | list):
        return all(message.string)
    return bool(message.string)


def forms(value: object) -> tuple[str, ...]:
    """A message's text or texts (singular and plural), as a tuple of strings."""
    if isinstance(value, tuple | list):
        return tuple(str(text or "") for text in value)
    return (str(value or ""),)


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def placeholder_problems(catalog: Catalog) -> Iterable[str]:
    """Translations whose ``{names}`` differ from the English message's: a KeyError at run time,
    or a figure silently left out. Every plural form keeps them all (write "{count} dag", not
    "één dag": the singular form is also used for other numbers in some languages)."""
    per_form = catalog.domain == CLICK_DOMAIN  # click's own plurals differ per form
    for message in catalog:
        if not message.id or not translated(message):
            continue
        ids = forms(message.id)
        expected = set().union(*(placeholders(text) for text in ids))
        for index, text in enumerate(forms(message.string)):
            if per_form:
                expected = placeholders(ids[min(index, len(ids) - 1)])
            got = placeholders(text)
            if got != expected:
                yield (
                    f"{ids[0]!r}: placeholders {sorted(got)} in the translation, "
                    f"{sorted(expected)} in the message"
                )


def compiled_messages(content: bytes) -> dict[tuple[str, ...], tuple[str, ...]]:
    """The translations a .mo holds, without its header: the header names the Babel version that
    wrote it, and a new Babel release must not make a correct catalog look stale."""
    catalog = read_mo(io.BytesIO(content))
    return {forms(message.id): forms(message.string) for message in catalog if message.id}


def compile_language(language: str, domain: str = DOMAIN) -> int:
    path = catalog_path(language, domain)
    if not path.exists():
        return 0
    catalog = read_catalog(path, language, domain)
    problems = list(placeholder_problems(catalog))
    for problem in problems:
        print(f"{path.relative_to(ROOT)}: {problem}", file=sys.stderr)
    if problems:
        return 1
    target = path.with_suffix(".mo")
    content = mo_bytes(catalog)
    if not target.exists() or target.read_bytes() != content:
        target.write_bytes(content)
        print(f"{target.relative_to(ROOT)}: written")
    else:
        print(f"{target.relative_to(ROOT)}: up to date")
    return 0


def check_language(language: str, template: Catalog, domain: str = DOMAIN) -> list[str]:
    """What keeps one language from being complete and compiled, one line per problem."""
    path = catalog_path(language, domain)
    where = path.relative_to(ROOT)
    if not path.exists():
        return [f"{where}: missing; run: python scripts/compile_translations.py extract"]
    catalog = read_catalog(path, language, domain)
    problems: list[str] = []
    for message in template:
        if not message.id:
            continue
        entry = catalog.get(message.id, context=message.context)
        if entry is None:
            problems.append(f"{where}: not extracted yet (run extract): {message.id!r}")
        elif not translated(entry):
            state = "fuzzy" if entry.fuzzy else "untranslated"
            problems.append(f"{where}: {state}: {message.id!r}")
    problems += [f"{where}: {problem}" for problem in placeholder_problems(catalog)]
    mo = path.with_suffix(".mo")
    if not mo.exists() or compiled_messages(mo.read_bytes()) != compiled_messages(
        mo_bytes(catalog)
    ):
        problems.append(f"{mo.relative_to(ROOT)}: not compiled from the current .po (run compile)")
    return problems


def merge(language: str, other: Path) -> None:
    """Fill this language's empty translations from another .po (e.g. one made for a branch);
    the domain (nencheck or click) is the one whose file name OTHER ends with, else nencheck."""
    domain = CLICK_DOMAIN if other.name.startswith(CLICK_DOMAIN) else DOMAIN
    path = catalog_path(language, domain)
    catalog = read_catalog(path, language, domain)
    source = read_catalog(other, language, domain)
    filled = 0
    for message in source:
        entry = catalog.get(message.id, context=message.context) if message.id else None
        if entry is not None and translated(message) and not translated(entry):
            entry.string = message.string
            entry.flags.discard("fuzzy")
            filled += 1
    path.write_bytes(po_bytes(catalog))
    print(f"{path.relative_to(ROOT)}: {filled} translations taken from {other}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", nargs="?", choices=("extract", "compile", "check", "merge"))
    parser.add_argument("source", nargs="?", type=Path, help="merge: the .po to take from")
    parser.add_argument("--check", action="store_true", help="the same as the check mode")
    parser.add_argument("--lang", help="one language (default: every catalog under nencheck/i18n)")
    parser.add_argument(
        "--fuzzy",
        action="store_true",
        help="extract: prefill changed messages from similar old ones, flagged fuzzy for review",
    )
    options = parser.parse_args(argv)
    mode = "check" if options.check else options.mode
    if mode is None:
        parser.error("say what to do: extract, compile, check or merge")
    targets = languages(options.lang)
    if mode == "merge":
        if options.source is None or len(targets) != 1:
            parser.error("merge takes one .po file and one language (--lang nl)")
        merge(targets[0], options.source)
        return 0
    if mode == "compile":
        results = [compile_language(lang, domain) for lang in targets for domain in DOMAINS]
        return max(results, default=0)
    templates = {domain: template_for(domain) for domain in DOMAINS}
    if mode == "extract":
        for language in targets:
            for domain, template in templates.items():
                extract(language, template, options.fuzzy, domain)
        return 0
    problems = [
        problem
        for language in targets
        for domain, template in templates.items()
        for problem in check_language(language, template, domain)
    ]
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} translation problems", file=sys.stderr)
        return 1
    print(f"translations complete and compiled: {', '.join(targets) or '(no catalogs)'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
