"""A policy's Markdown document as HTML for the Kennisbank: CommonMark with tables (markdown-it-py),
raw HTML escaped (staff documents must not inject scripts), headings two levels down (the page's
own title is the h1, "Document" the h2) with ids, and every link handed to a resolver: a policy id becomes the link
to its page, a file next to the document is copied, an unknown target is reported by line.

Pure: text and a resolver in, HTML, plain text (for search) and problems out.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token


@dataclass(frozen=True)
class Target:
    """What a link in a document leads to: ``href`` (None: show the text without a link) and a
    ``problem`` to report (None: nothing wrong)."""

    href: str | None
    problem: str | None = None


Resolver = Callable[[str], Target]


@dataclass(frozen=True)
class LinkProblem:
    line: int  # 1-based line in the Markdown file
    target: str
    message: str


@dataclass
class RenderedDocument:
    html: str
    text: str  # the document's words, for the search index
    problems: list[LinkProblem] = field(default_factory=list)


_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
SEARCH_TEXT_LIMIT = 60_000  # characters of a document kept in the search index


def render_markdown(source: str, resolve: Resolver) -> RenderedDocument:
    """The document as HTML; links and images go through ``resolve`` unless they are absolute
    (``https:``, ``mailto:``) or point inside the page (``#section``)."""
    parser = _parser()
    tokens = parser.parse(source)
    lines = source.splitlines()
    problems: list[LinkProblem] = []
    words: list[str] = []
    slugs: dict[str, int] = {}
    block_map: list[int] | None = None
    open_tag = "a"
    for index, token in enumerate(tokens):
        if token.map is not None:
            block_map = token.map
        if token.type == "heading_open":
            _demote(token)
            title = tokens[index + 1].content if index + 1 < len(tokens) else ""
            token.attrSet("id", _unique(heading_slug(title), slugs))
        elif token.type == "heading_close":
            _demote(token)
        elif token.type in ("fence", "code_block"):
            words.append(token.content)
        elif token.type == "inline":
            for child in token.children or []:
                if child.type in ("text", "code_inline"):
                    words.append(child.content)
                elif child.type in ("link_open", "image"):
                    _resolve_child(child, resolve, lines, block_map, problems)
                elif child.type == "link_close" and open_tag == "span":
                    child.tag = "span"  # the end of a link that became plain words
                if child.type == "link_open":
                    open_tag = child.tag
            words.append("\n")
    html = parser.renderer.render(tokens, parser.options, {})
    text = re.sub(r"[ \t]*\n[\s]*", "\n", " ".join(words)).strip()
    return RenderedDocument(html=html, text=text[:SEARCH_TEXT_LIMIT], problems=problems)


@cache
def _parser() -> MarkdownIt:
    """One parser for every document (building one costs more than parsing a document)."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])


def markdown_links(source: str) -> list[tuple[int, str]]:
    """(line, target) of every relative link and image in the document, as written (decoded)."""
    from urllib.parse import unquote

    rendered = render_markdown(source, lambda target: Target(None, target))
    return [(problem.line, unquote(problem.target)) for problem in rendered.problems]


def _resolve_child(
    child: Token,
    resolve: Resolver,
    lines: list[str],
    block_map: list[int] | None,
    problems: list[LinkProblem],
) -> None:
    attribute = "src" if child.type == "image" else "href"
    target = str(child.attrGet(attribute) or "")
    if target.startswith("#"):
        child.attrSet(attribute, "#" + heading_slug(target[1:]))
        return
    if _SCHEME.match(target) or target.startswith("//"):
        return
    outcome = resolve(target)
    if outcome.problem is not None:
        problems.append(LinkProblem(_line_of(target, lines, block_map), target, outcome.problem))
    if outcome.href is not None:
        child.attrSet(attribute, outcome.href)
    elif child.type == "image":
        child.type, child.tag, child.attrs = "text", "", {}
        child.content = "".join(part.content for part in child.children or []) or target
    else:  # the words stay, without a link that leads nowhere
        child.tag, child.attrs = "span", {"class": "link-missing"}


def _line_of(target: str, lines: list[str], block_map: list[int] | None) -> int:
    """The line of the link: the first line of its block that names the target."""
    start, end = (block_map[0], block_map[1]) if block_map else (0, len(lines))
    for number in range(start, min(end, len(lines))):
        if target in lines[number]:
            return number + 1
    return start + 1


def _demote(token: Token) -> None:
    """h1 -> h3: the page's title is the h1 and "Document" the h2 above the text."""
    level = min(int(token.tag[1]) + 2, 6)
    token.tag = f"h{level}"


def heading_slug(text: str) -> str:
    """An id for a heading: ``Doel en werkwijze`` -> ``doc-doel-en-werkwijze`` (accents folded;
    prefixed so a document's headings never collide with the page's own ids)."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(char for char in folded if not unicodedata.combining(char)).casefold()
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    return "doc-" + (slug or "section")


def _unique(slug: str, seen: dict[str, int]) -> str:
    count = seen.get(slug, 0)
    seen[slug] = count + 1
    return slug if count == 0 else f"{slug}-{count + 1}"
