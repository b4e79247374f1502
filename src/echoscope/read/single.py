"""One whole file (plain text or HTML) as one document."""

from __future__ import annotations

from echoscope.model import Document
from echoscope.read._open import RAW_LIMIT, decode_utf8, read_bytes
from echoscope.read._record import Entry, RecordError, bad, coerce_text
from echoscope.read.html import parse_html


def read_single(path: str, doc_id: str, fmt: str) -> Entry:
    """``fmt`` is "txt" or "html". The whole file is the record, so the entry has no line."""
    data = read_bytes(path)
    try:
        if fmt == "html":
            page = parse_html(data)
            doc = Document(
                id=doc_id,
                text=page.text,
                title=page.title,
                date=page.date,
                url=page.url,
                origin=path,
            )
        else:
            text, problem = decode_utf8(data)
            if text is None:
                raise RecordError(problem or "not valid UTF-8")
            doc = Document(id=doc_id, text=coerce_text(text), origin=path)
    except RecordError as exc:
        raw = data[: RAW_LIMIT * 4].decode("utf-8", "replace")[:RAW_LIMIT]
        return bad(path, None, exc.reason, raw)
    return Entry(path, None, doc, raw=doc.text[:RAW_LIMIT])
