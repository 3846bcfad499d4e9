"""What a message keeps once its button was pressed: only the newest message has live
buttons, and an answered step keeps its text and shows the choice, so the history reads
like a conversation. Both adapters ask here and only translate."""

from __future__ import annotations

from collections.abc import Iterable

from bot.core import actions


def pressed_label(keyboard: Iterable[Iterable[tuple[str, str | None]]], data: str) -> str | None:
    """The label of the button with this callback data in (label, data) rows."""
    for row in keyboard:
        for label, button_data in row:
            if button_data == data:
                return label
    return None


def answered_text(action: actions.Action, original: str | None, label: str | None) -> str | None:
    """The text an answered message keeps (its own, then the choice), or None when it only
    loses its buttons."""
    answers = (
        actions.Answer
        | actions.Rate
        | actions.ReviewAnswer
        | actions.FollowupAnswer
        | actions.FollowupProblem
        | actions.Reminders
    )
    if isinstance(action, answers) and label and original:
        return f"{original}\n\n→ {label}"
    return None
