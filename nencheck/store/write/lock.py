"""The repository's write lock: one writer at a time, from reading the records to the verified
commit (SPEC, "Commands": two writes at once never lose one).

Decisions (docs/registers.md, "Writes, locks and interruptions"):

- The lock is an OS lock (``flock``) on ``.nencheck/write/lock``. The operating system releases
  it when its process ends, however it ends (kill -9, a crash, power loss), so a stale lock is
  impossible by construction: a lock whose holder is gone is simply free, and the next writer
  takes it at once. The file itself is never deleted (deleting a flock'ed file lets two
  processes each lock a different file).
- The holder writes a small note into the lock file (pid, command, host, start time), so a
  waiting writer can say who holds it. The note is emptied on release; a note left by a killed
  holder is overwritten by the next one and never shown, because it is read only while the lock
  is seen taken. A note whose process is gone is described as "a nencheck process that has
  just started" rather than naming a dead process.
- A second writer waits up to ``NENCHECK_LOCK_WAIT`` seconds (default 10), saying once on
  stderr that it waits and for whom, then refuses (exit 2) naming the holder.
- Within one process the lock is re-entrant: the command takes it before reading the records,
  and the writer takes it again (a no-op) around the write and the commit.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from nencheck.errors import NencheckError
from nencheck.i18n import _

WRITE_DIR = Path(".nencheck") / "write"
LOCK_FILE = "lock"
WAIT_ENV = "NENCHECK_LOCK_WAIT"
DEFAULT_WAIT = 10.0
_POLL = 0.05


@dataclass(frozen=True)
class Holder:
    """Who holds the lock, as its note says."""

    pid: int
    command: str
    host: str
    since: str

    def describe(self) -> str:
        if self.host == socket.gethostname() and not process_alive(self.pid):
            return _("a nencheck process that has just started")
        return _("'{command}' (process {pid} on {host}, since {since})").format(
            command=self.command, pid=self.pid, host=self.host, since=self.since
        )


@dataclass
class _Held:
    fd: int
    count: int
    command: str


_held: dict[str, _Held] = {}


def write_dir(root: Path) -> Path:
    """``.nencheck/write`` (created, with ``.nencheck/.gitignore`` of ``*`` so git ignores it)."""
    folder = root / WRITE_DIR
    folder.mkdir(parents=True, exist_ok=True)
    ignore = folder.parent / ".gitignore"
    if not ignore.exists():
        with contextlib.suppress(OSError):
            ignore.write_text("*\n", encoding="utf-8")
    return folder


def process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, but belongs to someone else
        return True
    except OSError:
        return False
    return True


def held_command(root: Path) -> str | None:
    """The command of this process's lock on ``root``, or None when it does not hold it."""
    held = _held.get(_key(root))
    return held.command if held else None


@contextlib.contextmanager
def repository_lock(
    root: Path, command: str, *, on_wait: Callable[[str], None] | None = None
) -> Iterator[None]:
    """Hold the lock for the ``with`` block (re-entrant within this process)."""
    acquire(root, command, on_wait=on_wait)
    try:
        yield None
    finally:
        release(root)


def acquire(root: Path, command: str, *, on_wait: Callable[[str], None] | None = None) -> None:
    """Take the lock, waiting up to NENCHECK_LOCK_WAIT seconds; NencheckError naming the holder
    when it stays taken."""
    key = _key(root)
    if key in _held:
        _held[key].count += 1
        return
    path = write_dir(root) / LOCK_FILE
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        _wait_for(fd, path, on_wait)
        _write_note(fd, command)
    except BaseException:
        os.close(fd)
        raise
    _held[key] = _Held(fd, 1, command)


def release(root: Path) -> None:
    key = _key(root)
    held = _held.get(key)
    if held is None:
        return
    held.count -= 1
    if held.count > 0:
        return
    del _held[key]
    with contextlib.suppress(OSError):
        os.ftruncate(held.fd, 0)
    _unlock(held.fd)
    os.close(held.fd)


def is_free(root: Path) -> bool:
    """Whether no process (this one included) holds the lock right now."""
    if _key(root) in _held:
        return False
    path = root / WRITE_DIR / LOCK_FILE
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    try:
        if not _try_lock(fd):
            return False
        _unlock(fd)
        return True
    finally:
        os.close(fd)


def current_holder(root: Path) -> Holder | None:
    """The note of whoever holds the lock (None when unreadable or empty)."""
    try:
        data = json.loads((root / WRITE_DIR / LOCK_FILE).read_text("utf-8"))
        return Holder(int(data["pid"]), str(data["command"]), str(data["host"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def wait_seconds() -> float:
    try:
        return max(0.0, float(os.environ.get(WAIT_ENV, DEFAULT_WAIT)))
    except ValueError:
        return DEFAULT_WAIT


def _wait_for(fd: int, path: Path, on_wait: Callable[[str], None] | None) -> None:
    if _try_lock(fd):
        return
    root = path.parent.parent.parent
    if on_wait is not None:
        on_wait(
            _("waiting for the repository's write lock, held by {holder} ...").format(
                holder=_holder_text(root)
            )
        )
    deadline = time.monotonic() + wait_seconds()
    while time.monotonic() < deadline:
        time.sleep(_POLL)
        if _try_lock(fd):
            return
    raise NencheckError(
        _(
            "another change is being written: the repository's write lock is held by {holder}. "
            "Nothing was written; try again when it has finished."
        ).format(holder=_holder_text(root))
    )


def _holder_text(root: Path) -> str:
    holder = current_holder(root)
    return holder.describe() if holder else _("a nencheck process that has just started")


def _write_note(fd: int, command: str) -> None:
    note = {
        "pid": os.getpid(),
        "command": command,
        "host": socket.gethostname(),
        "since": datetime.now().strftime("%Y-%m-%d %H:%M:%S"),
    }
    with contextlib.suppress(OSError):
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(note).encode("utf-8"), 0)


def _key(root: Path) -> str:
    return os.path.realpath(root)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    _FAR = 1 << 30  # lock a byte far beyond the note, so the note stays readable

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _FAR, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, _FAR, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_UN)
