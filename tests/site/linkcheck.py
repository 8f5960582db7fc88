"""A link checker for a built site: every href and src of every page resolves to a file inside the
site (anchors to an id on the target page), and nothing is loaded from elsewhere."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name == "id":
                self.ids.add(value)
            elif name in ("href", "src", "action"):
                self.links.append((tag, name, value))


def parse(page: Path) -> _Page:
    parser = _Page()
    parser.feed(page.read_text("utf-8"))
    return parser


def broken_links(site: Path) -> list[str]:
    """One line per problem: a link leading nowhere, an absolute path, an external resource."""
    pages = {page: parse(page) for page in sorted(site.rglob("*.html"))}
    problems: list[str] = []
    for page, parsed in pages.items():
        where = page.relative_to(site)
        for tag, _attribute, value in parsed.links:
            parts = urlsplit(value)
            if parts.scheme in ("http", "https", "mailto", "tel"):
                if tag != "a":  # a link out is fine; loading a resource from out there is not
                    problems.append(f"{where}: external resource {value}")
                continue
            if parts.scheme or value.startswith("/"):
                problems.append(f"{where}: not a relative link: {value}")
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if site.resolve() not in target.parents and target != site.resolve():
                problems.append(f"{where}: {value} leads outside the site")
            elif not target.is_file():
                problems.append(f"{where}: {value} does not exist")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{where}: {value}: no id {parts.fragment!r} there")
    return problems
