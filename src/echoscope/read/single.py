"""One whole file (plain text or HTML) as one document."""

from __future__ import annotations

from echoscope.model import Document
from echoscope.read._open import RAW_LIMIT, decode_utf8, read_bytes
from echoscope.read._record import (
    Entry,
    RecordError,
    bad,
    binary_reason,
    check_unicode,
    coerce_text,
    name_problem,
)
from echoscope.read.html import parse_html


def read_single(path: str, doc_id: str, fmt: str) -> Entry:
    """``fmt`` is "txt" or "html". The whole file is the record, so the entry has no line.

    The id (the file's name or path in its folder) must be UTF-8, as the store's ids are; a
    file whose bytes are binary (a NUL byte, mostly control characters) is refused unread.
    """
    problem = name_problem(doc_id)
    if problem is not None:
        return bad(path, None, problem)
    data = read_bytes(path)
    try:
        _check_not_binary(data)
        if fmt == "html":
            page = parse_html(data)
            doc = Document(
                id=doc_id,
                text=coerce_text(page.text),
                title=page.title,
                date=page.date,
                url=page.url,
                origin=path,
            )
            check_unicode(doc)  # a declared charset such as UTF-7 can decode to surrogates
        else:
            text, problem = decode_utf8(data)
            if text is None:
                raise RecordError(problem or "not valid UTF-8")
            doc = Document(id=doc_id, text=coerce_text(text), origin=path)
    except RecordError as exc:
        raw = data[: RAW_LIMIT * 4].decode("utf-8", "replace")[:RAW_LIMIT]
        return bad(path, None, exc.reason, raw)
    return Entry(path, None, doc, raw=doc.text[:RAW_LIMIT])


def _check_not_binary(data: bytes) -> None:
    """Refuse binary bytes before decoding, so the reason names them and their offset."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise RecordError("UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8")
    problem = binary_reason(data.decode("latin-1"), of_bytes=True)  # one char per byte
    if problem is not None:
        raise RecordError(problem)
