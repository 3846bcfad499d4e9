"""Abstract replies: message keys with arguments and buttons with actions; no transport types."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bot.core.actions import Action

LIST_ITEM = "list-item"
"""Interface key that renders `$text` as a bullet; adjacent items form one list."""

INTERFACE = ""
"""Catalogue name of the interface texts (locales/<lang>/bot.ftl); otherwise a scenario id."""


@dataclass(frozen=True)
class Text:
    """One translatable text: `key` (optionally `.attribute`) in a catalogue."""

    key: str
    catalogue: str = INTERFACE
    attribute: str | None = None
    args: dict[str, Any] = field(default_factory=dict)


def bullet(item: Text) -> Text:
    return Text(LIST_ITEM, args={"text": item})


@dataclass(frozen=True)
class Button:
    label: Text
    action: Action


@dataclass(frozen=True)
class Reply:
    """One outgoing message: its paragraphs and keyboard rows."""

    parts: tuple[Text, ...]
    buttons: tuple[tuple[Button, ...], ...] = ()
    step: str | None = None
    """The step this message shows, so a transport can make older keyboards inert."""
