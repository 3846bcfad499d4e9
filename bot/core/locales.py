"""The languages rolebot speaks (cheap to import: the CLI needs them for its options)."""

from __future__ import annotations

LOCALES = ("ru", "en")
