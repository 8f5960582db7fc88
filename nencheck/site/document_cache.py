"""Rendered Markdown documents kept between builds (under ``.nencheck/cache``, sealed like the
parse cache): a document is parsed again only when its bytes changed, or when one of its links
now resolves differently (a policy published, retired or removed; a file added beside it).
At 2,000 documents parsing is most of a build."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from nencheck.render.site_markdown import RenderedDocument, Resolver, Target, render_markdown

CACHE_FILE = "site-documents.bin"


class DocumentCache:
    def __init__(self, root: Path, enabled: bool) -> None:
        self.root = root
        self.enabled = enabled
        self.saved: dict[Any, Any] = {}
        self.used: dict[Any, Any] = {}
        if enabled:
            from nencheck.store.cache.parse_cache import load_sealed

            self.saved = load_sealed(root, CACHE_FILE) or {}

    def render(self, path: str, content: bytes, resolve: Resolver) -> RenderedDocument:
        key = (path, hashlib.sha256(content).hexdigest())
        cached = self.saved.get(key)
        if cached is not None:
            rendered, known = cached
            # asking the resolver again also queues the files the document links to
            if all(resolve(target) == outcome for target, outcome in known):
                self.used[key] = cached
                return rendered  # type: ignore[no-any-return]
        outcomes: list[tuple[str, Target]] = []

        def recording(target: str) -> Target:
            outcome = resolve(target)
            outcomes.append((target, outcome))
            return outcome

        rendered = render_markdown(content.decode("utf-8", "replace"), recording)
        self.used[key] = (rendered, tuple(outcomes))
        return rendered

    def save(self) -> None:
        """Keep what this build used (documents since changed or removed drop out)."""
        if self.enabled and self.used != self.saved:
            from nencheck.store.cache.parse_cache import save_sealed

            save_sealed(self.root, CACHE_FILE, self.used)
