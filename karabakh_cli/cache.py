"""Two caches in the user's cache directory, so that a lookup does not parse the document
again: the facts a command extracted from a document, and the answers of command lines (their
JSON, CSV or TSV, or the view rendered for people), replayed by the entry point without
importing the command line at all.

What the caches trust, and what they promise:
- Only a regular file is cached. A path that resolves into /dev, /proc or /sys (stdin,
  /dev/fd/N, /proc/self/fd/N, devices), a pipe, or a file that changed identity while it was
  read is never cached nor replayed.
- Facts are keyed by the path as given, the SHA-256 of the bytes read and the code (the
  package version and each module's size and modification time). An answer is keyed by the
  command line, the working directory, KARABAKH_DOC, the surroundings a view depends on
  (terminal or not, its size, NO_COLOR, FORCE_COLOR, TERM) and the code; it records what was read
  (resolved path, device, inode, SHA-256) and is replayed only while the path given still
  resolves to that same file with those same bytes.
- Every entry carries a SHA-256 of its payload (each fact its own), checked before use: a
  damaged entry or fact is ignored and extracted again.
- Facts are pickles, which run code when loaded, so they are read only from a cache folder
  that is a real directory (not a symlink), owned by the current user and not writable by
  group or others, and only from regular files in it that pass the same test. Otherwise the
  cache is not used at all.
- The caches are bounded: the least recently used entries (by modification time, which a
  read refreshes) are deleted past the limits below.
A cache folder that cannot be written only costs speed.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import zlib
from collections import namedtuple
from pathlib import Path

DISABLE_ENV = "KARABAKH_NO_CACHE"
FORMAT = 5  # bump when the layout of an entry changes
DOCUMENT_LIMIT = 4 * 2**20  # larger documents are read afresh: their entries would crowd the cache
# A folder of a few thousand articles: a long article's entry is about 200 KB compressed.
FACT_ENTRIES, FACT_BYTES = 5000, 2**30
FACT_COMPRESSION = 1  # zlib level: a third of the size for 5 ms a write and 2 ms a read
ANSWER_ENTRIES, ANSWER_BYTES = 512, 64 * 2**20
PER_PROCESS = ("/dev", "/proc", "/sys")  # what a path there names depends on who opens it
_FOLDER = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW


# What was read: the path as given, where it led, that file's identity and bytes. (Not a
# typing.NamedTuple: importing typing would cost the replay a third of its time.)
Source = namedtuple("Source", "doc resolved device inode digest")


class Damaged(Exception):
    """A cached fact whose bytes do not match their SHA-256 or cannot be unpickled."""


def enabled() -> bool:
    return os.environ.get(DISABLE_ENV, "").strip().lower() in ("", "0", "false", "no")


def directory() -> Path:
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG spec: a relative path is invalid and is ignored
        base = os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "karabakh"


def identify(path: str | Path) -> tuple[str, int, int] | None:
    """(resolved path, device, inode) of the regular file `path` leads to, or None when it
    leads to anything else or through a per-process folder."""
    try:
        given = os.path.abspath(path)
        resolved = os.path.realpath(given)
        status = os.stat(resolved)
    except (OSError, ValueError):
        return None
    if any(p == top or p.startswith(top + "/") for p in (given, resolved) for top in PER_PROCESS):
        return None
    return (resolved, status.st_dev, status.st_ino) if stat.S_ISREG(status.st_mode) else None


def key(given: str, doc_digest: str) -> str:
    """The fact entry of the document read through the path `given`, with these bytes."""
    return _hash(FORMAT, _code_fingerprint(), given, doc_digest)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _hash(*parts) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(str(part).encode("utf-8", "surrogatepass"))
        hasher.update(b"\0")
    return hasher.hexdigest()


_fingerprint: list[str] = []  # this process's, worked out once: the code it runs does not change


def _code_fingerprint() -> str:
    """The version plus every module's size and modification time: edited code is new code."""
    if not _fingerprint:
        _fingerprint.append(_fingerprint_of_files())
    return _fingerprint[0]


def _fingerprint_of_files() -> str:
    from . import __version__

    stats = [__version__]
    folders = [os.path.dirname(os.path.abspath(__file__))]
    while folders:
        with os.scandir(folders.pop()) as entries:
            for entry in entries:
                if entry.is_dir() and entry.name != "__pycache__":
                    folders.append(entry.path)
                elif entry.name.endswith(".py"):
                    status = entry.stat()
                    stats.append(f"{entry.path}:{status.st_size}:{status.st_mtime_ns}")
    return ";".join(sorted(stats))


# --- the cache folder: only one this user alone can write -------------------------------


def _trusted(descriptor: int, kind) -> bool:
    status = os.fstat(descriptor)
    return (
        kind(status.st_mode)
        and status.st_uid == os.geteuid()
        and not status.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


def _open_folder(sub: str | None, create: bool) -> int | None:
    """A descriptor of the cache folder (or of `sub` inside it) when every level is trusted;
    every later file operation is relative to it, so a folder swapped in after the check is
    never used. Each level is made with mode 0o700 (os.makedirs would give the folders above
    the last one the umask's mode, group-writable under umask 002)."""
    top = directory()
    try:
        if create:
            os.makedirs(top, mode=0o700, exist_ok=True)
        folder = _trusted_folder(os.open(top, _FOLDER))
        if folder is None or not sub:
            return folder
        try:
            if create:
                try:
                    os.mkdir(sub, 0o700, dir_fd=folder)
                except FileExistsError:
                    pass
            return _trusted_folder(os.open(sub, _FOLDER, dir_fd=folder))
        finally:
            os.close(folder)
    except (OSError, ValueError):
        return None


def _trusted_folder(descriptor: int) -> int | None:
    if _trusted(descriptor, stat.S_ISDIR):
        return descriptor
    os.close(descriptor)
    return None


def _read(sub: str | None, name: str) -> bytes | None:
    """A trusted entry's bytes, marked as recently used; None when missing or untrusted."""
    folder = _open_folder(sub, create=False)
    if folder is None:
        return None
    try:
        handle = os.open(name, os.O_RDONLY | os.O_NOFOLLOW, dir_fd=folder)
        with os.fdopen(handle, "rb") as entry:
            if not _trusted(handle, stat.S_ISREG):
                return None
            data = entry.read()
            try:
                os.utime(handle)  # what eviction counts as use
            except OSError:
                pass  # a read-only cache is still read
        return data
    except OSError:
        return None
    finally:
        os.close(folder)


def _write(sub: str | None, name: str, data: bytes, entries: int, size: int) -> None:
    """Written to a temporary file, renamed into place (never a half-written entry), then the
    least recently used entries past `entries` files or `size` bytes are deleted."""
    folder = _open_folder(sub, create=True)
    if folder is None:
        return
    temporary = f".{name}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    try:
        handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600, dir_fd=folder)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
            os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
        except BaseException:
            os.unlink(temporary, dir_fd=folder)
            raise
        _evict(folder, entries, size)
    except OSError:
        pass  # a read-only or full cache folder only costs speed
    finally:
        os.close(folder)


def _evict(folder: int, entries: int, size: int) -> None:
    files = []
    with os.scandir(folder) as found:
        for entry in found:
            if entry.is_file(follow_symlinks=False):
                status = entry.stat(follow_symlinks=False)
                files.append((status.st_mtime_ns, status.st_size, entry.name))
    files.sort(reverse=True)  # most recently used first
    total = 0
    for count, (_, bytes_used, name) in enumerate(files, 1):
        total += bytes_used
        if count > entries or total > size:
            try:
                os.unlink(name, dir_fd=folder)
            except OSError:
                pass  # already gone: another run evicted it


def _seal(payload: bytes) -> bytes:
    return digest(payload).encode("ascii") + b"\n" + payload


def _unseal(data: bytes | None) -> bytes | None:
    """The payload of a sealed entry, or None when it does not match its SHA-256."""
    seal, _, payload = (data or b"").partition(b"\n")
    return payload if data and seal == digest(payload).encode("ascii") else None


# --- facts: each pickled and sealed on its own, so a command unpickles only what it reads --


def pack(value) -> tuple[bytes, str]:
    import pickle

    blob = pickle.dumps(value, protocol=5)
    return blob, digest(blob)


def unpack(packed: tuple[bytes, str]):
    import pickle

    blob, sealed = packed
    if digest(blob) != sealed:
        raise Damaged
    try:
        return pickle.loads(blob)
    except Exception as exc:  # noqa: BLE001 - whatever the bytes do, the fact is extracted again
        raise Damaged from exc


def read_facts(cache_key: str) -> dict[str, tuple[bytes, str]] | None:
    """The stored facts (name -> (pickle, SHA-256)), not yet unpickled, or None. The index of
    an entry is sealed; each fact is checked only when it is unpacked."""
    data = _decompressed(_read(None, f"{cache_key}.facts"))
    seal, _, rest = (data or b"").partition(b"\n")
    index, _, blobs = rest.partition(b"\n")
    if _unseal(seal + b"\n" + index) is None:
        return None
    facts, offset = {}, 0
    try:
        for name, (sealed, length) in json.loads(index).items():
            facts[str(name)] = (blobs[offset:offset + length], str(sealed))
            offset += length
    except (ValueError, TypeError, AttributeError):
        return None
    return facts


def write_facts(cache_key: str, facts: dict[str, tuple[bytes, str]]) -> None:
    """Add `facts` to the entry, keeping the sound facts another run stored meanwhile."""
    stored = read_facts(cache_key) or {}
    merged = {name: packed for name, packed in stored.items() if digest(packed[0]) == packed[1]}
    merged.update(facts)
    index = json.dumps({name: [sealed, len(blob)] for name, (blob, sealed) in merged.items()}).encode("utf-8")
    data = _seal(index) + b"\n" + b"".join(blob for blob, _ in merged.values())
    _write(None, f"{cache_key}.facts", zlib.compress(data, FACT_COMPRESSION), FACT_ENTRIES, FACT_BYTES)


def _decompressed(data: bytes | None) -> bytes | None:
    if data is None:
        return None
    try:
        return zlib.decompress(data)
    except zlib.error:
        return None  # damaged: extracted again


# --- answers of command lines ----------------------------------------------------------

ANSWER_SHAPE = {
    "doc": str, "resolved": str, "device": int, "inode": int, "digest": str,
    "stdout": str, "view": str, "stderr": str, "code": int,
}


def _answer_name(argv: list[str]) -> str:
    from .pager import surroundings

    place = (os.getcwd(), os.environ.get("KARABAKH_DOC", ""), surroundings())
    return _hash(FORMAT, _code_fingerprint(), *place, *argv) + ".json"


def replayable(argv: list[str]) -> bool:
    return "--no-cache" not in argv and enabled()


def replay(argv: list[str]) -> dict | None:
    """The recorded answer to this command line, if the document it names is still the same
    file with the same bytes."""
    if not replayable(argv):
        return None
    payload = _unseal(_read("answers", _answer_name(argv)))
    try:
        answer = json.loads(payload) if payload is not None else None
    except ValueError:
        return None
    if not isinstance(answer, dict) or any(type(answer.get(name)) is not kind for name, kind in ANSWER_SHAPE.items()):
        return None
    return answer if _still_reads(Source(*(answer[name] for name in Source._fields))) else None


def _still_reads(source: Source) -> bool:
    if identify(source.doc) != source[1:4]:
        return False
    try:
        with open(source.resolved, "rb") as document:
            status = os.fstat(document.fileno())
            data = document.read(DOCUMENT_LIMIT + 1)
    except OSError:
        return False
    return (status.st_dev, status.st_ino) == (source.device, source.inode) and digest(data) == source.digest


def remember(argv: list[str], source: Source, stdout: str, stderr: str, code: int, view: str = "") -> None:
    """Keep an answer: what was written to stdout, or a view rendered for people (written
    through the pager when replayed), with what went to stderr and the exit code."""
    answer = {**source._asdict(), "stdout": stdout, "view": view, "stderr": stderr, "code": code}
    payload = json.dumps(answer).encode("ascii")
    _write("answers", _answer_name(argv), _seal(payload), ANSWER_ENTRIES, ANSWER_BYTES)
