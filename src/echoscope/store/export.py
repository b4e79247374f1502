"""Exports of passage pairs (JSONL, CSV, Parquet, or a folder of PAN text-alignment XML),
talking points, accusations and responses, and networks (who repeats whom, who accuses whom),
streamed from the store."""

from __future__ import annotations

import csv
import html
import itertools
import json
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from echoscope.errors import EchoscopeError
from echoscope.model import ACCUSATION_FIELDS, PassagePair
from echoscope.outputs import atomic_file, atomic_folder, atomic_path, store_guard
from echoscope.store import target_rows
from echoscope.store.sqlite import PASSAGE_COLUMNS, Store

EXPORT_FORMATS = ("jsonl", "csv", "parquet")
PAIR_FORMATS = (*EXPORT_FORMATS, "pan")  # pan: a folder, not a file
_META = ("speaker", "date", "outlet", "series")
_CHUNK = 5000


def _records(store: Store, with_text: bool) -> Iterator[list[dict[str, Any]]]:
    """Pairs as dicts, a chunk at a time, with both documents' metadata (and passage text)."""
    chunk = []
    for p in store.iter_passages():
        chunk.append(p)
        if len(chunk) >= _CHUNK:
            yield _enrich(store, chunk, with_text)
            chunk = []
    if chunk:
        yield _enrich(store, chunk, with_text)


def _enrich(store: Store, chunk: list, with_text: bool) -> list[dict[str, Any]]:
    ids = [p.doc_a for p in chunk] + [p.doc_b for p in chunk]
    fields = store.document_fields(ids)
    texts = store.texts(ids) if with_text else {}
    out = []
    for p in chunk:
        rec = p.as_dict()
        for side, doc in (("a", p.doc_a), ("b", p.doc_b)):
            for f in _META:
                rec[f"{f}_{side}"] = fields.get(doc, {}).get(f)
        if with_text:
            rec["text_a"] = texts[p.doc_a][p.start_a : p.end_a]
            rec["text_b"] = texts[p.doc_b][p.start_b : p.end_b]
        out.append(rec)
    return out


def columns(with_text: bool) -> list[str]:
    cols = list(PASSAGE_COLUMNS) + [f"{f}_{s}" for s in "ab" for f in _META]
    return cols + (["text_a", "text_b"] if with_text else [])


def export_pairs(
    store: Store, fmt: str, out: str | os.PathLike[str], *, with_text: bool = True
) -> int:
    """Write every passage pair to ``out`` in ``fmt``; returns the number written."""
    if fmt not in PAIR_FORMATS:
        raise EchoscopeError(f"unknown export format {fmt!r}; use one of {', '.join(PAIR_FORMATS)}")
    if fmt == "pan":
        return export_pan(store, out)
    out = os.fspath(out)
    n = 0
    if fmt == "parquet":
        with atomic_path(out, guard=store_guard(store.path)) as tmp:
            return _parquet(store, os.fspath(tmp), with_text)
    with atomic_file(out, newline="", guard=store_guard(store.path)) as fh:
        writer = csv.DictWriter(fh, fieldnames=columns(with_text)) if fmt == "csv" else None
        if writer:
            writer.writeheader()
        for chunk in _records(store, with_text):
            for rec in chunk:
                if writer:
                    writer.writerow(rec)
                else:
                    fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += len(chunk)
    return n


def _parquet(store: Store, out: str, with_text: bool) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    cols = columns(with_text)
    ints = {"start_a", "end_a", "start_b", "end_b", "tokens_a", "tokens_b"}
    schema = pa.schema(
        [
            (
                c,
                pa.int64()
                if c in ints
                else pa.float64()
                if c in ("score", "identity", "similarity")
                else pa.string(),
            )
            for c in cols
        ]
    )
    n = 0
    with pq.ParquetWriter(out, schema) as writer:
        for chunk in _records(store, with_text):
            writer.write_table(pa.Table.from_pylist(chunk, schema=schema))
            n += len(chunk)
        if n == 0:
            writer.write_table(schema.empty_table())
    return n


_SOURCE_FOLDER = "src"  # PAN's layout: sources in src/, suspicious documents in susp/
_UNSAFE_NAME = re.compile(r"[^\w.-]+")
_ATTRIBUTE_SPACE = {"\t": "&#9;", "\n": "&#10;", "\r": "&#13;"}  # kept, not read as spaces


def _basename(doc_id: str) -> str:
    return doc_id.replace("\\", "/").rsplit("/", 1)[-1]


def _is_source(doc_id: str, series: str | None) -> bool:
    parts = doc_id.replace("\\", "/").split("/")
    return series == _SOURCE_FOLDER or (len(parts) > 1 and parts[0] == _SOURCE_FOLDER)


def _stem(name: str) -> str:
    name = name[:-4] if name.endswith(".txt") else name
    return _UNSAFE_NAME.sub("_", name).strip("._") or "document"


def _attr(value: str) -> str:
    """An XML attribute value, quoted, that reads back as ``value``."""
    escaped = html.escape(value, quote=True)
    return '"' + "".join(_ATTRIBUTE_SPACE.get(c, c) for c in escaped) + '"'


def _pan_xml(this: str, passages: list[tuple[int, int, str, int, int]]) -> str:
    """One PAN detections document: a ``detected-plagiarism`` feature per passage."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f"<document reference={_attr(this)}>"]
    for start, end, source, s_start, s_end in passages:
        lines.append(
            f'<feature name="detected-plagiarism" this_offset="{start}" '
            f'this_length="{end - start}" source_reference={_attr(source)} '
            f'source_offset="{s_start}" source_length="{s_end - s_start}"/>'
        )
    lines.append("</document>")
    return "\n".join(lines) + "\n"


def _pan_names(store: Store) -> dict[str, str]:
    """Each document's name in PAN XML: its file name (PAN names documents so), or its whole
    id where two documents of the export share a file name. An id XML cannot carry (a control
    character) is refused."""
    ids = {d for p in store.iter_passages() for d in (p.doc_a, p.doc_b)}
    for doc in sorted(ids):
        if xml_safe(doc) != doc:
            raise EchoscopeError(
                f"document {doc!r} has a character in its id that PAN XML cannot carry"
            )
    counts = Counter(_basename(d) for d in ids)
    return {d: _basename(d) if counts[_basename(d)] == 1 else d for d in ids}


def export_pan(store: Store, out: str | os.PathLike[str]) -> int:
    """Write the passages as a PAN text-alignment detections folder: one XML file per document
    pair, named and laid out as PAN's scorer reads them. The suspicious side ("this") is the
    document outside ``src/`` (PAN's layout, ``ingest --series-from-dir``); where neither or
    both are, the later document in the store. Offsets are characters. The folder must be new
    or empty; it is written beside its final name and renamed into place. Returns the number
    of passages written."""
    names = _pan_names(store)
    n = 0
    with atomic_folder(out) as work:
        series: dict[str, str | None] = {}
        files: set[str] = set()
        pairs = itertools.groupby(store.iter_passages(), key=lambda p: (p.doc_a, p.doc_b))
        for (doc_a, doc_b), group in pairs:
            chunk: list[PassagePair] = list(group)
            unknown = [d for d in (doc_a, doc_b) if d not in series]
            for d, f in store.document_fields(unknown).items():
                series[d] = f.get("series")
            a_is_source = _is_source(doc_a, series.get(doc_a))
            b_is_source = _is_source(doc_b, series.get(doc_b))
            flip = b_is_source and not a_is_source
            this, source = (doc_a, doc_b) if flip else (doc_b, doc_a)
            rows = [
                (p.start_a, p.end_a, names[source], p.start_b, p.end_b)
                if flip
                else (p.start_b, p.end_b, names[source], p.start_a, p.end_a)
                for p in chunk
            ]
            base = f"{_stem(_basename(this))}-{_stem(_basename(source))}"
            name, k = f"{base}.xml", 1
            while name.casefold() in files:  # two pairs of like names (or names unlike only
                k += 1  # in case, on a file system that folds it)
                name = f"{base}-{k}.xml"
            files.add(name.casefold())
            (work / name).write_text(_pan_xml(names[this], sorted(rows)), encoding="utf-8")
            n += len(rows)
    return n


POINT_COLUMNS = (
    "point",
    "doc",
    "start",
    "end",
    "date",
    "speaker",
    "outlet",
    "role",
    "source_doc",
    "source_start",
    "lag_hours",
    "source_lag_hours",
    "degree",
    "match",
)


def export_points(store: Store, fmt: str, out: str | os.PathLike[str]) -> int:
    """One record per talking-point member passage; returns the number written."""
    if fmt not in EXPORT_FORMATS:
        raise EchoscopeError(
            f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}"
        )
    cols = ", ".join(f'"{c}"' if c == "end" else c for c in POINT_COLUMNS)
    rows = [
        dict(zip(POINT_COLUMNS, r, strict=True))
        for r in store.conn.execute(
            f"SELECT {cols} FROM point_members ORDER BY point, date IS NULL, date, doc, start"
        )
    ]
    out = os.fspath(out)
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        ints = {"start", "end", "source_start", "degree"}
        floats = {"lag_hours", "source_lag_hours"}
        schema = pa.schema(
            [
                (c, pa.int64() if c in ints else pa.float64() if c in floats else pa.string())
                for c in POINT_COLUMNS
            ]
        )
        with atomic_path(out, guard=store_guard(store.path)) as tmp:
            pq.write_table(pa.Table.from_pylist(rows, schema=schema), os.fspath(tmp))
    else:
        with atomic_file(out, newline="", guard=store_guard(store.path)) as fh:
            if fmt == "csv":
                writer = csv.DictWriter(fh, fieldnames=POINT_COLUMNS)
                writer.writeheader()
                writer.writerows(rows)
            else:
                for r in rows:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    return len(rows)


NETWORK_FORMATS = ("graphml", "gexf")


def export_network(
    store: Store, fmt: str, out: str | os.PathLike[str], *, by: str = "speaker"
) -> tuple[int, int]:
    """Who-repeats-whom network (directed: source -> repeater) for Gephi; (nodes, edges)."""
    import networkx as nx

    if fmt not in NETWORK_FORMATS:
        raise EchoscopeError(f"unknown network format {fmt!r}; use graphml or gexf")
    graph = nx.DiGraph()
    for src, dst, count, points, lag, first, last in store.conn.execute(
        "SELECT source, target, count, points, median_lag_hours, first_date, last_date "
        "FROM actor_edges WHERE kind = ? ORDER BY source, target",
        (by,),
    ):
        graph.add_edge(
            xml_safe(src),
            xml_safe(dst),
            weight=count,
            points=points,
            median_lag_hours=lag if lag is not None else -1.0,
            first_date=xml_safe(first or ""),
            last_date=xml_safe(last or ""),
        )
    for name in graph.nodes:
        graph.nodes[name]["label"] = name
        graph.nodes[name]["kind"] = by
    with atomic_path(out, guard=store_guard(store.path)) as tmp:
        (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(graph, os.fspath(tmp))
    return graph.number_of_nodes(), graph.number_of_edges()


# characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with every character XML cannot carry written as a visible ``U+XXXX``."""
    return _NOT_XML.sub(lambda m: f"U+{ord(m.group()):04X}", text)


# -- who accuses whom of what (the targets stage) --------------------------------------------

#: the fields of an exported accusation, in order: the issue's contract first, then the rest
TARGET_COLUMNS = (
    *ACCUSATION_FIELDS[:8],  # doc, start, end, accuser, target, charge, cue_start, cue_end
    "point",
    *ACCUSATION_FIELDS[8:],  # the mention and charge offsets, accuser_from
    "date",
    "sentence",
)
_TARGET_INTS = frozenset(
    (
        "start",
        "end",
        "cue_start",
        "cue_end",
        "target_start",
        "target_end",
        "accuser_start",
        "accuser_end",
        "charge_start",
        "charge_end",
    )
)
#: the fields of an exported response: ``doc`` answers ``answers``
RESPONSE_COLUMNS = ("doc", "answers", "accuser", "target", "lag_hours", "date", "answers_date")


def target_columns(with_text: bool = True) -> tuple[str, ...]:
    return TARGET_COLUMNS if with_text else TARGET_COLUMNS[:-1]


def _write_records(
    store: Store,
    fmt: str,
    out: str | os.PathLike[str],
    cols: tuple[str, ...],
    rows: Iterable[dict[str, Any]],
    types: dict[str, str],
) -> int:
    """Write ``rows`` (only ``cols``, in order) as JSONL, CSV or Parquet, streamed: Parquet a
    row group per batch. ``types`` maps a column to "int" or "float" (others are text)."""
    if fmt not in EXPORT_FORMATS:
        raise EchoscopeError(
            f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}"
        )
    records = ({c: row[c] for c in cols} for row in rows)
    n = 0
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        kinds = {"int": pa.int64(), "float": pa.float64()}
        schema = pa.schema([(c, kinds.get(types.get(c, ""), pa.string())) for c in cols])
        with (
            atomic_path(out, guard=store_guard(store.path)) as tmp,
            pq.ParquetWriter(os.fspath(tmp), schema) as writer,
        ):
            while batch := list(itertools.islice(records, _CHUNK)):
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n += len(batch)
            if n == 0:
                writer.write_table(schema.empty_table())
        return n
    with atomic_file(out, newline="", guard=store_guard(store.path)) as fh:
        writer = csv.DictWriter(fh, fieldnames=cols) if fmt == "csv" else None
        if writer:
            writer.writeheader()
        for rec in records:
            if writer:
                writer.writerow(rec)
            else:
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
            n += 1
    return n


def export_targets(
    store: Store, fmt: str, out: str | os.PathLike[str], *, with_text: bool = True
) -> int:
    """One record per accusation (:data:`TARGET_COLUMNS`; without the evidence sentence
    unless ``with_text``), by date; returns the number written."""
    types = dict.fromkeys(_TARGET_INTS, "int")
    target_rows.require_tables(store.conn, store.path)
    with target_rows.Snapshot(store.conn):  # the pages of one state of the store
        rows = target_rows.stream_accusations(store.conn, batch=_CHUNK)
        return _write_records(store, fmt, out, target_columns(with_text), rows, types)


def export_responses(store: Store, fmt: str, out: str | os.PathLike[str]) -> int:
    """One record per response (:data:`RESPONSE_COLUMNS`: ``doc`` answers ``answers``,
    ``lag_hours`` later); returns the number written."""
    target_rows.require_tables(store.conn, store.path)
    with target_rows.Snapshot(store.conn):
        rows = target_rows.iter_responses(store.conn, batch=_CHUNK)
        return _write_records(store, fmt, out, RESPONSE_COLUMNS, rows, {"lag_hours": "float"})


def export_target_network(store: Store, fmt: str, out: str | os.PathLike[str]) -> tuple[int, int]:
    """Who-accuses-whom network (directed: accuser -> target) for Gephi; (nodes, edges).
    An edge's weight is its accusations; ``points`` the talking points carrying them (ids
    separated by spaces); a node's ``kind`` and ``party`` are the entity list's."""
    import networkx as nx

    if fmt not in NETWORK_FORMATS:
        raise EchoscopeError(f"unknown network format {fmt!r}; use graphml or gexf")
    target_rows.require_tables(store.conn, store.path)
    graph = nx.DiGraph()
    with target_rows.Snapshot(store.conn):
        points = target_rows.edge_points(store.conn)
        attributes = target_rows.entity_attributes(store.conn)
        for edge in target_rows.target_edges(store.conn):
            accuser, target = edge["accuser"], edge["target"]
            graph.add_edge(
                xml_safe(accuser),
                xml_safe(target),
                weight=edge["count"],
                docs=edge["docs"],
                first_date=xml_safe(edge["first_date"] or ""),
                last_date=xml_safe(edge["last_date"] or ""),
                points=xml_safe(" ".join(points.get((accuser, target), []))),
            )
            for name in (accuser, target):
                kind, party = attributes.get(name, ("", ""))
                node = graph.nodes[xml_safe(name)]
                node["label"] = xml_safe(name)
                node["kind"] = xml_safe(kind)
                node["party"] = xml_safe(party)
    with atomic_path(out, guard=store_guard(store.path)) as tmp:
        (nx.write_graphml if fmt == "graphml" else nx.write_gexf)(graph, os.fspath(tmp))
    return graph.number_of_nodes(), graph.number_of_edges()
