"""Giving back to the system the memory a worker's large task freed, so that it does not count while the build goes on.

A worker process lives for the whole build. The edition rules parse the index of every
file's facts into one lxml tree (hundreds of MB at 10,000 documents), the site's join
holds every document's entries; both are freed when the task ends, but the C allocator
(glibc's malloc) keeps the freed pages in the process, so a worker stayed as large as
its largest task while the other ran its own beside it: the build's peak was the two
tasks' peaks summed. glibc's `malloc_trim` hands the free pages back (a few ms);
elsewhere there is no such call and the memory stays, as before.
"""

from __future__ import annotations

import ctypes
import gc
from collections.abc import Callable
from typing import Final


def _malloc_trim() -> Callable[[int], int] | None:
    """glibc's malloc_trim, or None where the C library has none (macOS, musl, Windows)."""
    try:
        return getattr(ctypes.CDLL(None), "malloc_trim", None)  # the symbols the process has loaded, the C library's among them
    except (OSError, TypeError):
        return None


_TRIM: Final = _malloc_trim()


def release_freed_memory() -> None:
    """Collect Python's garbage cycles, then give the pages the C allocator holds free back to the system."""
    gc.collect()
    if _TRIM is not None:
        _TRIM(0)


__all__ = [release_freed_memory.__name__]
