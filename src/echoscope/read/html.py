"""HTML pages: the main text (boilerplate removed) becomes the document text.

Offsets index the extracted text, so what trafilatura returns IS the document; nothing is
normalised after it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import trafilatura

from echoscope.read._open import BOM, decode_utf8
from echoscope.read._record import RecordError

# A declared charset near the top of the page: <meta charset="..."> or the http-equiv form.
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_SNIFF_BYTES = 4096


@dataclass(slots=True)
class Page:
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None


def decode_html(data: bytes) -> str:
    """Decode a page: UTF-8 unless it declares another charset (older government sites do).

    A UTF-8 BOM settles it, as in browsers; otherwise a ``<meta charset>`` near the top.
    """
    m = None if data.startswith(BOM) else _CHARSET.search(data[:_SNIFF_BYTES])
    if m is not None:
        name = m.group(1).decode("ascii")
        try:
            codec = codecs.lookup(name).name
        except LookupError:
            raise RecordError(f"unknown charset {name!r} declared in the page") from None
        if codec != "utf-8":
            try:
                return data.decode(codec)
            except UnicodeDecodeError as exc:
                raise RecordError(
                    f"not valid {name} as declared (byte 0x{data[exc.start]:02x} "
                    f"at offset {exc.start})"
                ) from None
    text, problem = decode_utf8(data)
    if text is None:
        raise RecordError(problem or "not valid UTF-8")
    return text


def parse_html(data: bytes) -> Page:
    """Main text and metadata of one page. Raises RecordError."""
    html = decode_html(data)
    text = trafilatura.extract(
        html,
        output_format="txt",  # plain text, one paragraph per line
        include_comments=False,  # reader comments are not the speaker's words
        # With tables on, cells come out as "| a | b |" rows; with them off, a page whose only
        # text is in a (layout) table still yields that text, one cell per line.
        include_tables=False,
        include_images=False,
        include_links=False,
        include_formatting=False,
        deduplicate=False,
    )
    if not text or not text.strip():
        raise RecordError("no main text found")
    page = Page(text=text)
    meta = trafilatura.extract_metadata(html)
    if meta is not None:
        page.title = meta.title or None
        page.date = meta.date or None
        page.url = meta.url or None
    return page
