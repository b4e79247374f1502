"""echoscope: find reused passages and trace talking points across speeches, statements and news."""

import contextlib as _contextlib
import os as _os
import stat as _stat
import sys as _sys
import tempfile as _tempfile

__version__ = "0.1.0"


def installed_version() -> str:
    """The installed distribution's version ("dev" when run from a source tree)."""
    try:
        from importlib.metadata import version

        return version("echoscope")
    except Exception:
        return "dev"


def _can_write(folder: str) -> bool:
    """Whether ``folder`` could be created or written (its nearest existing ancestor is
    writable)."""
    path = _os.path.abspath(folder)
    while not _os.path.exists(path):
        parent = _os.path.dirname(path)
        if parent == path:
            return False
        path = parent
    return _os.path.isdir(path) and _os.access(path, _os.W_OK | _os.X_OK)


def _private_folder(path: str) -> bool:
    """``path`` is a real folder owned by this user that nobody else can write (a compiled-code
    cache must not be one another account can plant files in)."""
    try:
        st = _os.lstat(path)
    except OSError:
        return False
    own = not hasattr(_os, "getuid") or st.st_uid == _os.getuid()
    return _stat.S_ISDIR(st.st_mode) and own and not st.st_mode & 0o022


def _numba_cache_fallback() -> None:
    """numba caches compiled kernels beside their sources or in the user's cache folder. A
    service account with a read-only install and no writable home has neither, and numba then
    refuses to run ("cannot cache function"). Give it a private temporary folder instead."""
    if _os.environ.get("NUMBA_CACHE_DIR"):
        return
    here = _os.path.dirname(_os.path.abspath(__file__))
    if all(_can_write(_os.path.join(here, sub, "__pycache__")) for sub in ("text", "detect")):
        return
    home_cache = _os.environ.get("XDG_CACHE_HOME") or _os.path.join(
        _os.path.expanduser("~"), ".cache"
    )
    if _can_write(home_cache):
        return
    uid = _os.getuid() if hasattr(_os, "getuid") else 0
    path = _os.path.join(_tempfile.gettempdir(), f"echoscope-numba-{uid}")
    with _contextlib.suppress(OSError):
        _os.makedirs(path, mode=0o700, exist_ok=True)
    if not _private_folder(path):
        try:  # a fresh folder each run: nothing is reused, but nothing fails either
            path = _tempfile.mkdtemp(prefix="echoscope-numba-")
        except OSError:
            return
        import atexit
        import shutil

        atexit.register(shutil.rmtree, path, ignore_errors=True)
    _os.environ["NUMBA_CACHE_DIR"] = path
    config = getattr(_sys.modules.get("numba"), "config", None)
    if config is not None:  # numba was imported first: its settings are already read
        config.CACHE_DIR = path


_numba_cache_fallback()
