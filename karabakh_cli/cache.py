"""Two caches in the user's cache directory, so that a lookup does not parse the document
again: the extracted facts of a document (pickles), and the JSON answers of `--json`
invocations (replayed by the entry point without importing the command line at all).

The key covers the document's path and bytes and the code that extracts from it (the package
version and each module's size and modification time), so an edited document or an upgraded
tool never gets a stale answer. Entries are pickles written by this same user into a
directory only they can write (the standard XDG cache): reading them trusts that directory
as much as the shell trusts ~/.bashrc. A file that cannot be read or unpickled is ignored and
rebuilt; a cache directory that cannot be written is skipped silently.

An answer is keyed by the command line, the working directory, KARABAKH_DOC and the code; it
records the document it read and that document's SHA-256, and is replayed only while the
document still has those bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

DISABLE_ENV = "KARABAKH_NO_CACHE"
FORMAT = 2  # bump when the pickled layout changes


def enabled() -> bool:
    return os.environ.get(DISABLE_ENV, "").strip().lower() in ("", "0", "false", "no")


def directory() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "karabakh"


def key(path: Path, data: bytes) -> str:
    return _hash(FORMAT, _code_fingerprint(), path.resolve(), data)


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _hash(*parts) -> str:
    hasher = hashlib.sha256()
    for part in parts:
        hasher.update(part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass"))
        hasher.update(b"\0")
    return hasher.hexdigest()


def _code_fingerprint() -> str:
    """The version plus every module's size and modification time: edited code is new code."""
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


def read(cache_key: str) -> dict | None:
    import pickle

    try:
        with open(directory() / f"{cache_key}.pickle", "rb") as handle:
            facts = pickle.load(handle)
    except Exception:  # noqa: BLE001 - missing, unreadable or corrupt: rebuild
        return None
    if not isinstance(facts, dict) or not all(isinstance(blob, bytes) for blob in facts.values()):
        return None
    return facts


def write(cache_key: str, facts: dict) -> None:
    """Each fact is pickled on its own, so a reader unpickles only the ones it needs."""
    import pickle

    def dump(out) -> None:
        pickle.dump({name: pickle.dumps(value, protocol=5) for name, value in facts.items()}, out, protocol=5)

    _write_atomically(directory() / f"{cache_key}.pickle", dump)


def _write_atomically(target: Path, dump) -> None:
    """A temporary file in the same directory, renamed into place: never a half-written entry."""
    import tempfile

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                dump(out)
            os.replace(temporary, target)
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, ValueError, TypeError, RecursionError):
        pass  # a read-only or full cache directory, or an unpicklable value, only costs speed


# --- answers of --json invocations -------------------------------------------------------


def _answer_path(argv: list[str]) -> Path:
    key = _hash(FORMAT, _code_fingerprint(), os.getcwd(), os.environ.get("KARABAKH_DOC", ""), *argv)
    return directory() / "answers" / f"{key}.json"


def replayable(argv: list[str]) -> bool:
    return "--json" in argv and "--no-cache" not in argv and enabled()


def replay(argv: list[str]) -> dict | None:
    """The recorded answer to this command line, if its document has not changed since."""
    if not replayable(argv):
        return None
    try:
        answer = json.loads(_answer_path(argv).read_text(encoding="utf-8"))
        if digest(Path(answer["doc"]).read_bytes()) != answer["digest"]:
            return None
        return {name: answer[name] for name in ("stdout", "stderr", "code")}
    except Exception:  # noqa: BLE001 - missing, unreadable or corrupt: answer afresh
        return None


def remember(argv: list[str], doc: str, doc_digest: str, stdout: str, stderr: str, code: int) -> None:
    answer = {"doc": doc, "digest": doc_digest, "stdout": stdout, "stderr": stderr, "code": code}
    payload = json.dumps(answer, ensure_ascii=False).encode("utf-8")
    _write_atomically(_answer_path(argv), lambda out: out.write(payload))
