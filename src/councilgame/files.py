"""Reading and writing the user's files: the one place that touches the disk
for scenarios, saves and settings.

Reading refuses anything that is not a regular file *before* it can block:
a named pipe or a device called `case.yaml` (or `/dev/stdin`) would
otherwise hang `validate` or the window for ever. Writing goes to a
temporary file that is renamed over the old one, so a full disk or a crash
mid-write leaves the previous file intact.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

# O_NONBLOCK: opening a FIFO with no writer returns at once instead of waiting for one.
# O_NOFOLLOW: a symbolic link is refused rather than followed out of the user's folder.
# Both are POSIX; on Windows there are no FIFOs to fear and the flags are absent.
_READ_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)


class NotRegular(OSError):
    """The path names something other than a regular file; the message says what."""


def kind_of(mode: int) -> str:
    """What a file mode names, in words ("a named pipe"), for a message saying why it is refused."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISLNK(mode):
        return "a symbolic link"
    return "not a regular file"


def read_regular(path: Path, limit: int) -> bytes:
    """Up to limit + 1 bytes of a regular file (so the caller can tell "too large");
    raise NotRegular or OSError. Never blocks on a pipe or device."""
    path = Path(path)
    try:
        before = os.lstat(path)
    except FileNotFoundError:
        raise NotRegular("not a regular file (missing)") from None
    if not stat.S_ISREG(before.st_mode):
        raise NotRegular(f"not a regular file ({kind_of(before.st_mode)})")
    try:
        fd = os.open(path, _READ_FLAGS)
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # O_NOFOLLOW met a link put there since lstat
            raise NotRegular("not a regular file (a symbolic link)") from None
        raise
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):  # swapped since lstat: judge what was opened
            raise NotRegular(f"not a regular file ({kind_of(info.st_mode)})")
        chunks, remaining = [], limit + 1
        while remaining > 0:
            chunk = os.read(fd, min(remaining, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Replace path with data, or leave it as it was; raise OSError on failure."""
    path = Path(path)
    if path.parent.exists() and not path.parent.is_dir():  # mkdir would only say "File exists"
        raise NotADirectoryError(f"{path.parent} is a file, not a folder")
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir():
        raise IsADirectoryError(f"{path} is a folder")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
