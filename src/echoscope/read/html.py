"""HTML pages: the main text (boilerplate removed) becomes the document text.

Offsets index the extracted text, so what trafilatura returns IS the document; nothing is
normalised after it.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from echoscope.read._open import BOM, decode_utf8
from echoscope.read._record import RecordError, check_string

# A declared charset near the top of the page: <meta charset="..."> or the http-equiv form.
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_SNIFF_BYTES = 4096
# Text encodings to Python, but no page is written in them: their output is not the page.
_NOT_CHARSETS = frozenset(["unicode-escape", "raw-unicode-escape", "idna", "punycode", "undefined"])


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
            info = codecs.lookup(name)
        except LookupError:
            raise RecordError(f"unknown charset {name!r} declared in the page") from None
        if not _is_charset(info):
            raise RecordError(f"the page declares {name!r}, which is not a character encoding")
        if info.name != "utf-8":
            try:
                text = data.decode(info.name)
            except UnicodeDecodeError as exc:
                raise RecordError(
                    f"not valid {name} as declared (byte 0x{data[exc.start]:02x} "
                    f"at offset {exc.start})"
                ) from None
            except (UnicodeError, LookupError) as exc:  # e.g. idna on a label too long
                raise RecordError(f"cannot decode the page as {name}: {exc}") from None
            # UTF-7 and UTF-16 can decode to unpaired surrogates, which the extractor would
            # silently cut the text at.
            check_string(text, f"the page as {name}")
            return text
    text, problem = decode_utf8(data)
    if text is None:
        raise RecordError(problem or "not valid UTF-8")
    return text


def _is_charset(info: codecs.CodecInfo) -> bool:
    """Whether a codec turns bytes into text as a page's charset does: not base64, zlib or
    rot13 (bytes-to-bytes or text-to-text), nor Python's escape and IDNA codecs."""
    # _is_text_encoding is how str.decode itself tells them apart; there is no public flag.
    return getattr(info, "_is_text_encoding", True) and info.name not in _NOT_CHARSETS


def parse_html(data: bytes) -> Page:
    """Main text and metadata of one page. Raises RecordError."""
    html = decode_html(data)
    try:
        return _extract(html)
    except RecordError:
        raise
    except Exception as exc:
        # Any failure of the extractor on hostile markup: trafilatura and lxml assume sane
        # pages (an SVG-only page trips an assertion in the date finder), and one such page is
        # one bad record, not a crash of the ingest.
        what = type(exc).__name__
        raise RecordError(f"the HTML extractor failed on this page ({what})") from None


def _extract(html: str) -> Page:
    import trafilatura  # here, not above: loading it costs every command a tenth of a second

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
