"""Render abstract replies into text in one locale, through Fluent bundles."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from fluent.runtime import FluentBundle

from bot.core import fluentcache
from bot.core.actions import Action
from bot.core.errors import MissingTranslationError
from bot.core.loader import Library
from bot.core.replies import LIST_ITEM, Reply, Text
from bot.i18n import deployment
from bot.i18n.negotiation import negotiate

log = logging.getLogger(__name__)
_WARM_ARGS: dict[str, Any] = {
    "contact": "", "count": 1, "current": 1, "total": 1, "minimum": 1, "score": 1,
    "level": 1, "title": "", "text": "", "errors": "", "choice": "", "scenario": "",
    "available": "",
}  # fmt: skip
CACHED_TEXTS = 20_000
"""Texts kept rendered (by key and argument values) before the cache starts over: most take
no arguments, and a scenario's "step k of n", menu and list items repeat for every learner."""
DEFAULT_CONTACT = "default-contact"
"""Shown as $contact when no ROLEBOT_SUPPORT_CONTACT is configured."""


@dataclass(frozen=True)
class RenderedButton:
    label: str
    action: Action


@dataclass(frozen=True)
class RenderedReply:
    text: str
    buttons: tuple[tuple[RenderedButton, ...], ...]
    step: str | None


def _signature(item: Text) -> tuple[Any, ...] | None:
    """What a text renders from, hashable: its key and its arguments' values (nested texts by
    their own signature); None when an argument is of another kind."""
    args: list[tuple[Any, ...]] = []
    for name, value in item.args.items():
        if isinstance(value, Text):
            nested = _signature(value)
            if nested is None:
                return None
            args.append((name, nested))
        elif isinstance(value, str | int | float):
            args.append((name, type(value), value))
        else:
            return None
    return (item.catalogue, item.key, item.attribute, tuple(args))


class Translator:
    """Formats `Text`s. Strict mode (tests, validation) raises on any missing key or error;
    otherwise the key itself is shown and the problem logged, so a user never sees a crash.

    `transport` names a variant: an interface message with an attribute of that name (e.g.
    `use-buttons` with `.terminal`) is shown in its variant, so the engine and the service
    keep one abstract key while each transport words it its own way."""

    def __init__(
        self,
        library: Library,
        *,
        contact: str,
        strict: bool = False,
        transport: str = "",
        variables: deployment.Values | None = None,
    ) -> None:
        """`variables` are the deployment profile's values (locale -> name -> text); None
        reads the profile ROLEBOT_PROFILE names (by default russia)."""
        self.library = library
        self.variables = variables if variables is not None else deployment.configured()
        self.strict = strict
        self.contact = contact
        self.transport = transport
        self._default_contacts: dict[str, str] = {}
        self._rendered: dict[tuple[Any, ...], str] = {}
        self._bundles: dict[tuple[str, str], FluentBundle] = {}

    def warm(self, *, compile_messages: bool = True) -> None:
        """Build every bundle (cheap: the files are parsed already) and, unless told not to,
        format every message once: fluent.runtime compiles a message on its first use."""
        for locale, catalogue in self.library.sources:
            bundle = self.bundle(locale, catalogue)
            if not compile_messages:
                continue
            for key in list(bundle._messages):
                message = bundle.get_message(key)
                patterns = [message.value, *message.attributes.values()]
                for pattern in patterns:
                    if pattern is not None:
                        bundle.format_pattern(pattern, _WARM_ARGS)

    def locale(self, requested: str) -> str:
        return negotiate(requested, self.library.locales)

    def bundle(self, locale: str, catalogue: str) -> FluentBundle:
        key = (locale, catalogue)
        bundle = self._bundles.get(key)
        if bundle is None:
            source = self.library.sources.get(key)
            if source is None:
                what = catalogue or "interface"
                raise MissingTranslationError(f"no texts for {what} in {locale}")
            bundle = FluentBundle([locale], use_isolating=False)
            bundle.add_resource(fluentcache.parse(source))
            self._bundles[key] = bundle
        return bundle

    def has(self, locale: str, key: str, catalogue: str = "") -> bool:
        return self.bundle(self.locale(locale), catalogue).has_message(key)

    def text(self, item: Text, locale: str) -> str:
        locale = self.locale(locale)
        # Each text is rendered once per locale and argument values (Fluent formatting was
        # the largest part of an update's CPU time otherwise).
        signature = _signature(item)
        if signature is None:  # an argument that is not a number, a string or a Text
            return self._format(item, locale)
        known = (locale, signature)
        rendered = self._rendered.get(known)
        if rendered is None:
            if len(self._rendered) >= CACHED_TEXTS:
                self._rendered.clear()
            rendered = self._rendered[known] = self._format(item, locale)
        return rendered

    def _format(self, item: Text, locale: str) -> str:
        bundle = self.bundle(locale, item.catalogue)
        attribute = f".{item.attribute}" if item.attribute else ""
        where = f"{item.catalogue or 'bot'}:{item.key}{attribute}"
        if not bundle.has_message(item.key):
            return self._fail(f"missing message {where} in {locale}", item.key)
        message = bundle.get_message(item.key)
        attribute_name = item.attribute
        if attribute_name is None and not item.catalogue and self.transport in message.attributes:
            attribute_name = self.transport
        pattern = message.attributes.get(attribute_name) if attribute_name else message.value
        if pattern is None:
            return self._fail(f"missing {where} in {locale}", item.key)
        args = {
            name: self.text(value, locale) if isinstance(value, Text) else value
            for name, value in item.args.items()
        }
        if "contact" not in args and item.key != DEFAULT_CONTACT:
            args["contact"] = self._contact(locale)
        if item.catalogue:
            for name, value in self.variables.get(locale, {}).items():
                args.setdefault(name, value)
        result, errors = bundle.format_pattern(pattern, args)
        if errors:
            return self._fail(f"cannot render {where} in {locale}: {errors}", str(result))
        return str(result)

    def __call__(self, key: str, locale: str, **args: Any) -> str:
        """Shorthand for an interface text."""
        return self.text(Text(key, args=args), locale)

    def reply(self, reply: Reply, locale: str) -> RenderedReply:
        body = ""
        for index, part in enumerate(reply.parts):
            if index:
                listed = part.key == LIST_ITEM and reply.parts[index - 1].key == LIST_ITEM
                body += "\n" if listed else "\n\n"
            body += self.text(part, locale)
        buttons = tuple(
            tuple(RenderedButton(self.text(b.label, locale), b.action) for b in row)
            for row in reply.buttons
        )
        return RenderedReply(body, buttons, reply.step)

    def words(self, key: str) -> frozenset[str]:
        """A comma-separated list of words (e.g. `play-words-help`) in every locale at once,
        lower case: a learner may type them in any language."""
        found: set[str] = set()
        for locale in self.library.locales:
            if self.has(locale, key):
                found |= {w.strip().lower() for w in self(key, locale).split(",") if w.strip()}
        return frozenset(found)

    def _contact(self, locale: str) -> str:
        if self.contact:
            return self.contact
        cached = self._default_contacts.get(locale)
        if cached is None:
            cached = self._default_contacts[locale] = self.text(Text(DEFAULT_CONTACT), locale)
        return cached

    def _fail(self, problem: str, fallback: str) -> str:
        if self.strict:
            raise MissingTranslationError(problem)
        log.error("translation problem: %s", problem)
        return fallback
