"""Atomic file writes: a temporary file, fsync, then rename.

An interrupted write leaves the old file or the new one, never a truncated one. The temporary
file lies in the target's folder, or in ``temp_dir`` when given (the writer uses
``.nencheck/write``, where an interrupted write's leftovers are always found and cleaned; when
that folder is on another file system the target's folder is used after all).
"""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path


def write_atomic(
    path: Path, content: bytes, *, temp_dir: Path | None = None, prefix: str | None = None
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    folder = temp_dir or path.parent
    name_prefix = prefix if prefix is not None else f".{path.name}."
    handle, temporary = tempfile.mkstemp(prefix=name_prefix, suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        try:
            os.replace(temporary, path)
        except OSError as error:
            if error.errno != errno.EXDEV or temp_dir is None:
                raise
            Path(temporary).unlink(missing_ok=True)
            write_atomic(path, content)
            return
        sync_folder(path.parent)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def sync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
