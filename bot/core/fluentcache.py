"""Parse each Fluent text once: a memo in the process and a cache on disk keyed by content.

fluent.syntax is pure Python (about 1 ms per message here), and a library of scenarios is
parsed by the validator, the lint and the translator. The memo makes that one parse per
process; the disk cache makes a restart with unchanged files skip parsing altogether.
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from fluent.syntax import FluentParser, ast

log = logging.getLogger(__name__)
T = TypeVar("T")
_cache_dir: Path | None = None
FORMAT = "2"
"""Bump to invalidate every cached value (e.g. after changing what is cached)."""


def set_cache_dir(path: Path | None) -> None:
    """Where parsed files are kept between runs; None keeps them in memory only."""
    global _cache_dir
    _cache_dir = path
    parse.cache_clear()


@lru_cache(maxsize=4096)
def parse(text: str) -> ast.Resource:
    """The Fluent AST of `text`, with spans. Callers must not modify it: it is shared."""
    resource = cached("ast", text, lambda: FluentParser(with_spans=True).parse(text))
    assert isinstance(resource, ast.Resource)
    return resource


def cached(kind: str, text: str, compute: Callable[[], T]) -> T:
    """`compute()`, kept on disk under a hash of `kind` and `text` when a cache is set.

    The cache holds only what this process wrote from files it read; a damaged entry is
    ignored and computed again."""
    if _cache_dir is None:
        return compute()
    import fluent.syntax

    version = getattr(fluent.syntax, "__version__", "")
    key = hashlib.sha256(f"{FORMAT}|{version}|{kind}|{text}".encode()).hexdigest()
    path = _cache_dir / f"{key}.pickle"
    try:
        with path.open("rb") as stored:
            return pickle.load(stored)  # type: ignore[no-any-return]
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    value = compute()
    try:
        _cache_dir.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        with temporary.open("wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
    except OSError as exc:
        log.warning("cannot write the Fluent cache", extra={"error": str(exc)})
    return value
