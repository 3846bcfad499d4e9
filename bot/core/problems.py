"""Validation findings reported as `file:line: message`."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding in one file; `line` is 1-based, 0 for the file as a whole (its encoding)."""

    file: str
    line: int
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        prefix = "" if self.severity is Severity.ERROR else "warning: "
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {prefix}{self.message}"
