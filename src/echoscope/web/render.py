"""Server-side HTML: one Jinja environment with autoescaping, shared by server and report.

Corpus text is untrusted. Autoescaping covers markup; :func:`untrusted` also makes invisible
direction-changing characters visible, so a record cannot silently reorder what a reader sees.
"""

from __future__ import annotations

import re
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

# Bidi embeddings, overrides and isolates, and the implicit marks. Arabic letter mark too.
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")


def untrusted(text: object) -> Markup:
    """Escaped text in which every bidi control character is shown as a visible token."""
    if text is None:
        return Markup("")
    escaped = str(escape(str(text)))
    return Markup(
        BIDI_CONTROLS.sub(
            lambda m: (
                f'<span class="ctl" title="hidden direction control">U+{ord(m.group()):04X}</span>'
            ),
            escaped,
        )
    )


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
    env.filters.update(untrusted=untrusted, plain=plain, hours=hours, date=date)
    return env


_ENV: Environment | None = None


def render(template: str, **context: Any) -> str:
    global _ENV
    if _ENV is None:
        _ENV = environment()
    return _ENV.get_template(template).render(**context)
