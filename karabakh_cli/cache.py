"""A cache of extracted facts in the user's cache directory, so that a lookup does not parse
the document again.

The key covers the document's path and bytes and the code that extracts from it (the package
version and each module's size and modification time), so an edited document or an upgraded
tool never gets a stale answer. Entries are pickles written by this same user into a
directory only they can write (the standard XDG cache): reading them trusts that directory
as much as the shell trusts ~/.bashrc. A file that cannot be read or unpickled is ignored and
rebuilt; a cache directory that cannot be written is skipped silently.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path

DISABLE_ENV = "KARABAKH_NO_CACHE"
FORMAT = 1  # bump when the pickled layout changes


def enabled() -> bool:
    return os.environ.get(DISABLE_ENV, "").strip().lower() in ("", "0", "false", "no")


def directory() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "karabakh"


def key(path: Path, data: bytes) -> str:
    digest = hashlib.sha256()
    digest.update(f"{FORMAT}\0{_code_fingerprint()}\0{path.resolve()}\0".encode())
    digest.update(data)
    return digest.hexdigest()


def _code_fingerprint() -> str:
    from . import __version__

    package = Path(__file__).resolve().parent
    stats = []
    for module in sorted(package.rglob("*.py")):
        status = module.stat()
        stats.append(f"{module.relative_to(package)}:{status.st_size}:{status.st_mtime_ns}")
    return __version__ + ";" + ";".join(stats)


def read(cache_key: str) -> dict | None:
    try:
        with open(directory() / f"{cache_key}.pickle", "rb") as handle:
            facts = pickle.load(handle)
    except Exception:  # noqa: BLE001 - missing, unreadable or corrupt: rebuild
        return None
    return facts if isinstance(facts, dict) else None


def write(cache_key: str, facts: dict) -> None:
    """Write atomically: a temporary file in the same directory, renamed into place."""
    folder = directory()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(facts, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, folder / f"{cache_key}.pickle")
        except BaseException:
            os.unlink(temporary)
            raise
    except (OSError, pickle.PicklingError, RecursionError):
        pass  # a read-only or full cache directory only costs speed
