"""Server-side HTML: one Jinja environment with autoescaping, shared by server and report.

Corpus text is untrusted. Autoescaping covers markup; :func:`untrusted` also makes invisible
direction-changing characters and control characters visible, so a record can neither silently
reorder what a reader sees nor put a NUL or an escape character into the page; :func:`href`
does the same for a URL put in an attribute. Templates wrap every untrusted name, id and title
in ``<bdi>`` (and whole texts in ``dir="auto"``), so right-to-left text stays in its own box.
"""

from __future__ import annotations

import re
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

# Bidi embeddings, overrides and isolates, and the implicit marks. Arabic letter mark too.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
# C0 and C1 control characters, less the tab and line feed that text needs (carriage returns
# are turned into line feeds first, as an HTML parser would).
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_HIDDEN = re.compile(f"{BIDI_CONTROLS.pattern}|{CONTROLS.pattern}")
_LINE_BREAKS = re.compile("\r\n?")
# What a URL in an attribute may not hold raw: controls, bidi controls, any space.
_NOT_IN_URL = re.compile(f"{BIDI_CONTROLS.pattern}|{CONTROLS.pattern}|\\s")


def _visible(match: re.Match[str]) -> str:
    ch = match.group()
    why = "hidden direction control" if BIDI_CONTROLS.fullmatch(ch) else "control character"
    return f'<span class="ctl" title="{why}">U+{ord(ch):04X}</span>'


def untrusted(text: object) -> Markup:
    """Escaped text in which every bidi control and control character is shown as a visible
    token (``U+202E``) instead of acting on the page."""
    if text is None:
        return Markup("")
    escaped = str(escape(_LINE_BREAKS.sub("\n", str(text))))
    return Markup(_HIDDEN.sub(_visible, escaped))


def href(url: object) -> str:
    """A URL for an ``href``: controls, bidi controls and spaces percent-encoded (browsers
    would drop or reinterpret them), everything else as written; autoescaping does the rest."""
    return _NOT_IN_URL.sub(
        lambda m: "".join(f"%{b:02X}" for b in m.group().encode("utf-8")), str(url or "")
    )


def without_controls(text: object) -> str:
    """Text for an attribute that must keep it as typed (a form field's value): controls and
    bidi controls removed, nothing else changed."""
    return _HIDDEN.sub("", str(text or ""))


_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")


def language(tag: object) -> str:
    """A record's language as a ``lang`` attribute value (``ur``, ``en-GB``); "" for anything
    that is not shaped like a language tag."""
    value = str(tag or "")
    return value if _LANGUAGE_TAG.fullmatch(value) else ""


def plain(text: object, width: int = 0) -> str:
    """One line of text (no control or bidi characters), cut to ``width`` characters."""
    flat = " ".join(str(text or "").split())
    flat = BIDI_CONTROLS.sub("", "".join(ch if ch.isprintable() else " " for ch in flat))
    return flat if not width or len(flat) <= width else flat[: width - 1] + "…"


def hours(value: float | None) -> str:
    if value is None:
        return "–"
    if abs(value) < 48:
        return f"{value:g} h"
    return f"{value / 24:.1f} days"


def date(value: str | None) -> str:
    return (value or "undated").replace("T", " ")[:16]


def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("echoscope.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        untrusted=untrusted,
        href=href,
        without_controls=without_controls,
        language=language,
        plain=plain,
        hours=hours,
        date=date,
    )
    return env


_ENV: Environment | None = None


def render(template: str, **context: Any) -> str:
    global _ENV
    if _ENV is None:
        _ENV = environment()
    return _ENV.get_template(template).render(**context)
