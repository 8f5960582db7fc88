"""The parse cache: validated records of unchanged files, reused from one run to the next.

An entry is keyed by the file's path, kind and content: git's blob id, which a revision source
knows for free (``content_key``) and which is computed from the bytes for the working tree. To
spare reading every unchanged file, the working tree keeps what git's index keeps: the file's
size, mtime, ctime and inode beside the blob id, trusted only when the file was last changed
well before the run that recorded it ("racy git"), so a change within the same clock tick is
never missed. Files with errors are never cached: they are parsed and reported every run.

All entries live in ONE file per repository, ``.nencheck/cache/records.bin`` (``.nencheck/``
holds a ``.gitignore`` of ``*``), written once at the end of a run and only when something
changed, by atomic rename. It is a pickle, so it is sealed with an HMAC whose key lives in the
user's cache directory: a cache file planted in a repository (say, committed in a pull request
that CI checks) is not ours and is ignored, never unpickled. A cache of another nencheck
version, a damaged or foreign file, or one that cannot be written all mean: parse, carry on.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import sys
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from nencheck import __version__
from nencheck.store.cache import recordpack
from nencheck.store.read.loader import FileResult, read_record_file
from nencheck.store.read.source import FileSource, WorkingTree

CACHE_DIR = Path(".nencheck") / "cache"
CACHE_FILE = "records.bin"
# Entries changed since records.bin was written, while they are few: a run after an edit then
# writes a small file instead of pickling every entry again (0.4-0.7 s at 10,000 documents).
DELTA_FILE = "records.delta"
DELTA_SHARE = 8  # records.bin is rewritten once the delta holds more than 1/8 of the entries
HISTORY_FILE = "history.bin"  # facts gathered from git, keyed by commit (store/git/file_changes)
MAGIC = b"nencheck parse cache 4\n"
KEY_FILE = "cache.key"
CATALOG_PREFIX = "\0catalog/"  # entries of the built-in catalogs: no file can have this path
# A file changed less than this before the run that saw it may change again within the same
# timestamp tick (2 s on FAT, 1 s on some network file systems): its stat is not trusted.
RACY_MARGIN_NS = 3_000_000_000

Stat = tuple[int, int, int, int]  # size, mtime_ns, ctime_ns, inode
# path -> (kind, blob id, stat when the stat may be trusted, records packed by recordpack, the
# latest event date of the records as a day number or None). The verdict on that date depends
# on today, so it is not cached: the loader compares it with today at every run.
Entry = tuple[str, str, Stat | None, Any, int | None]


def blob_id(content: bytes) -> str:
    """Git's object id of a file with this content, so working-tree and revision reads agree."""
    digest = hashlib.sha1(b"blob %d\0" % len(content), usedforsecurity=False)
    digest.update(content)
    return digest.hexdigest()


@dataclass
class ParseCache:
    """A ``FileReader`` for ``load_repository``: ``(source, path, kind) -> FileResult``."""

    root: Path
    started_ns: int = field(default_factory=time.time_ns)
    _old: dict[str, Entry] | None = None  # records.bin with records.delta applied
    _base: dict[str, Entry] | None = None  # records.bin as read
    _base_id: str = ""
    _used: dict[str, Entry] = field(default_factory=dict)
    _fresh: dict[str, tuple[str, str, Stat | None, list[Any], date | None]] = field(
        default_factory=dict
    )
    _changed: bool = False
    _all_keyed: bool = True  # every file came with a content_key (a git revision)

    def __call__(self, source: FileSource, path: str, kind: str) -> FileResult:
        old = self._entries().get(path)
        key = source.content_key(path)
        stat: Stat | None = None
        raw: bytes | None = None
        if key is not None:
            if source.points_outside(path):
                return read_record_file(source, path, kind)  # reports it
        else:
            self._all_keyed = False
            stat, outside = _stat(source, path)
            if outside:
                return read_record_file(source, path, kind)  # reports it
            if old is not None and stat is not None and old[2] == stat:
                key = old[1]  # unchanged since a run that read it: git's index does the same
            else:
                try:
                    raw = source.read(path)
                except OSError:
                    return read_record_file(source, path, kind)  # reports it
                key = blob_id(raw)
        hit = self._hit(path, kind, key, old, stat)
        if hit is not None:
            return hit
        if raw is None:
            try:
                raw = source.read(path)
            except OSError:
                return read_record_file(source, path, kind)
            if stat is not None:
                key = blob_id(raw)  # the key of the bytes actually parsed
        from nencheck.store.read.parsing import records_from_bytes  # the YAML parser, on a miss

        result = records_from_bytes(path, raw, kind)
        self._changed = True
        if not result.errors:
            self._fresh[path] = (kind, key, stat, result.records, result.latest_event)
        return result

    def _hit(
        self, path: str, kind: str, key: str, old: Entry | None, stat: Stat | None
    ) -> FileResult | None:
        if old is None or old[0] != kind or old[1] != key:
            return None
        records = _unpack(old[3])
        if records is None:
            return None
        entry = old
        if stat is not None and old[2] != stat:  # the working tree: remember the file's stat
            trusted = None if self._racy(stat) else stat
            if old[2] != trusted:
                entry = (kind, key, trusted, old[3], old[4])
                self._changed = True
        self._used[path] = entry
        latest = None if old[4] is None else date.fromordinal(old[4])
        return FileResult(records=records, latest_event=latest)

    def builtin_catalog(self, name: str) -> Any:
        """A catalog shipped with nencheck: parsing and validating it (and building its models'
        validators) was a tenth of a small repository's warm run."""
        from importlib import resources

        from nencheck.store.read.catalogs import builtin_catalog

        path = f"{CATALOG_PREFIX}{name}"
        data = resources.files("nencheck.catalogs").joinpath(f"{name}.yaml").read_bytes()
        hit = self._hit(path, "catalog", blob_id(data), self._entries().get(path), None)
        if hit is not None and len(hit.records) == 1:
            return hit.records[0]
        catalog = builtin_catalog(name)
        self._fresh[path] = ("catalog", blob_id(data), None, [catalog], None)
        self._changed = True
        return catalog

    def finish(self) -> None:
        """Save the entries of this run, if anything changed. Never fails the run."""
        entries = self._next_entries()
        if entries is None:
            return
        try:
            if self._base is not None:
                changed = {p: e for p, e in entries.items() if self._base.get(p) is not e}
                removed = [path for path in self._base if path not in entries]
                if len(changed) + len(removed) <= len(entries) // DELTA_SHARE:
                    delta = {"base": self._base_id, "entries": changed, "removed": removed}
                    _write(self.root, DELTA_FILE, _dumps(delta))
                    return
            _write(self.root, CACHE_FILE, _dumps({"id": os.urandom(8).hex(), "entries": entries}))
            (self.root / CACHE_DIR / DELTA_FILE).unlink(missing_ok=True)
        except Exception:  # a cache that cannot be saved is no cache, not an error
            return

    def _next_entries(self) -> dict[str, Entry] | None:
        old = self._entries()
        if self._all_keyed:
            # A revision's files: keep the working tree's entries beside them.
            unused = {path: entry for path, entry in old.items() if path not in self._used}
        else:
            unused = {}
            self._changed |= len(self._used) + len(self._fresh) < len(old)  # files went away
        if not self._changed:
            return None
        entries = {**unused, **self._used}
        for path, (kind, key, stat, records, latest) in self._fresh.items():
            trusted = stat if stat is not None and not self._racy(stat) else None
            day = None if latest is None else latest.toordinal()
            entries[path] = (kind, key, trusted, recordpack.pack(records), day)
        return entries

    def _racy(self, stat: Stat) -> bool:
        return max(stat[1], stat[2]) >= self.started_ns - RACY_MARGIN_NS

    def _entries(self) -> dict[str, Entry]:
        if self._old is None:
            self._base_id, self._base, self._old = _read_entries(self.root)
            if self._base is None:
                self._changed = True  # missing, damaged or foreign: write a good one
        return self._old


def _read_entries(root: Path) -> tuple[str, dict[str, Entry] | None, dict[str, Entry]]:
    """(the id of records.bin, its entries, those entries with records.delta applied). A delta
    made for another records.bin (one written since by another run) is left out: entries are
    keyed by content, so either file alone is never stale, only less complete."""
    base = _read(root, CACHE_FILE)
    if base is None or not isinstance(base.get("entries"), dict):
        return "", None, {}
    base_id, entries = str(base.get("id")), base["entries"]
    delta = _read(root, DELTA_FILE)
    if delta is None or delta.get("base") != base_id:
        return base_id, entries, entries
    merged = {**entries, **delta["entries"]}
    for path in delta["removed"]:
        merged.pop(path, None)
    return base_id, entries, merged


def saved_entries(root: Path) -> dict[str, Entry]:
    """The entries a run would start from (for tests and diagnosis)."""
    return _read_entries(root)[2]


def _dumps(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def _stat(source: FileSource, path: str) -> tuple[Stat | None, bool]:
    """(the file's stat if it can be had, whether the path leads outside the repository)."""
    if not isinstance(source, WorkingTree):
        return None, source.points_outside(path)
    found = source.inside_stat(path)
    if found is None:
        if source.points_outside(path):
            return None, True
        try:
            found = os.stat(os.path.join(source.root, path))  # a link inside the repository
        except OSError:
            return None, False
    return (found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino), False


def _unpack(packed: Any) -> list[Any] | None:
    try:
        return recordpack.unpack(packed)
    except Exception:  # a class that moved, a damaged entry: parse instead
        return None


def fingerprint() -> bytes:
    """What the cached records depend on besides the files: nencheck's version, the source of
    the models and of the reading code (a schema change without a version bump, in
    development), and the Python and pydantic versions that pickled them."""
    import pydantic

    digest = hashlib.sha256(f"{__version__} {sys.version} {pydantic.VERSION}".encode())
    package = Path(__file__).resolve().parent.parent.parent
    sources = sorted((package / "model").glob("*.py"))  # FileChange (history.bin) included
    sources += [
        package / "store" / room / name
        for room, name in (
            ("read", "loader.py"),
            ("read", "parsing.py"),
            ("read", "yamlread.py"),
            ("cache", "parse_cache.py"),
            ("cache", "recordpack.py"),
            ("git", "file_changes.py"),
            ("git", "runner.py"),  # its pinned options shape what history.bin holds
        )
    ]
    for source in sources:
        try:
            digest.update(source.read_bytes())
        except OSError:
            digest.update(source.name.encode())
    return digest.hexdigest().encode()


def _header() -> bytes:
    return MAGIC + fingerprint() + b"\n"


def load_sealed(root: Path, name: str) -> dict[Any, Any] | None:
    """A dict saved with ``save_sealed`` by this user and this nencheck, or None."""
    return _read(root, name)


def save_sealed(root: Path, name: str, value: dict[Any, Any]) -> None:
    """Save a dict under ``.nencheck/cache/NAME``, sealed like the parse cache. Never fails."""
    try:
        _write(root, name, _dumps(value))
    except Exception:  # a cache that cannot be saved is no cache, not an error
        return


def _read(root: Path, name: str) -> dict[Any, Any] | None:
    key = _secret(create=False)
    if key is None:
        return None
    try:
        data = (root / CACHE_DIR / name).read_bytes()
    except OSError:
        return None
    header = _header()
    mac_end = len(header) + 32
    if not data.startswith(header) or len(data) < mac_end:
        return None
    payload = memoryview(data)[mac_end:]
    if not hmac.compare_digest(data[len(header) : mac_end], hmac.digest(key, payload, "sha256")):
        return None
    try:
        entries = pickle.loads(payload)
    except Exception:  # a damaged file is a missing cache
        return None
    return entries if isinstance(entries, dict) else None


def _write(root: Path, name: str, payload: bytes) -> None:
    key = _secret(create=True)
    if key is None:
        return
    folder = root / CACHE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder.parent / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# nencheck's parse cache: never commit it\n*\n", encoding="utf-8")
    import tempfile

    # Written whole, then renamed over the old file: a reader sees the old cache or the new
    # one. No fsync: after a crash, a torn file fails its HMAC and is simply rebuilt.
    handle, temporary = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(_header())
            stream.write(hmac.digest(key, payload, "sha256"))
            stream.write(payload)
        os.replace(temporary, folder / name)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _key_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "nencheck" / KEY_FILE


def _secret(create: bool) -> bytes | None:
    """This user's key for sealing cache files; made on first use. None when there is none."""
    path = _key_path()
    try:
        key = path.read_bytes()
        if len(key) >= 32:
            return key
    except OSError:
        pass
    if not create:
        return None
    import secrets
    import tempfile

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists() and path.stat().st_size < 32:
            path.unlink()  # cut short by a crash while it was written: make it anew
        # Written whole under another name, then linked into place: a reader sees no key or
        # the whole key, and of two processes making one at once the first link wins.
        handle, temporary = tempfile.mkstemp(prefix=".cache.key.", dir=path.parent)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(secrets.token_bytes(32))
            os.link(temporary, path)
        except FileExistsError:
            pass  # another process made it first
        finally:
            os.unlink(temporary)
        key = path.read_bytes()
    except OSError:
        return None
    return key if len(key) >= 32 else None
