"""PAN text-alignment measures: macro precision, macro recall, granularity and plagdet.

The measures follow Potthast et al. (2010), "An Evaluation Framework for Plagiarism
Detection", exactly as ``shared/tools/evalpairs.py`` computes them, so that results agree
with that reference scorer:

* every gold case and every detection is a pair of spans ``(doc, start, end)`` (character
  offsets, end exclusive) and is oriented so that ``(doc_a, start_a, end_a) <
  (doc_b, start_b, end_b)``; which side a file lists first therefore does not matter;
* a pair with an empty (or negative) span on either side is ignored (the file loaders refuse
  negative offsets and spans that end before they start, so from files only empty spans are);
* a detection *detects* a case when both live on the same document pair and their spans
  overlap on side A *and* on side B;
* recall of a case = characters of the case covered by its detections (both sides, union)
  / case length (both sides); precision of a detection = characters of the detection that
  lie in cases it detects / detection length; both are averaged (macro) over all cases,
  resp. all detections; granularity = mean number of detections per detected case;
  ``plagdet = F1 / log2(1 + granularity)``.

Edge cases are those of the reference: no detections or no cases gives precision = recall
= 0, and granularity is 1.0 when no case is detected.
"""

from __future__ import annotations

import gc
import json
import math
import os
import re
import xml.etree.ElementTree as ET
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from echoscope.errors import InputError
from echoscope.read._open import DecodedLines, open_binary
from echoscope.read._record import RecordError, coerce_id

__all__ = [
    "Case",
    "EvaluationInputError",
    "Scores",
    "evaluate",
    "format_report",
    "load_gold",
    "load_members_jsonl",
    "load_pairs_jsonl",
    "load_pan_folder",
    "pan_scores",
]

#: by_label key for cases that carry no label.
UNLABELLED = "-"


class EvaluationInputError(InputError, ValueError):
    """A bad gold/detection record or PAN corpus file (also a ValueError for API callers)."""


@dataclass(frozen=True)
class Case:
    """A pair of passages: a gold case or a detection. Offsets are ``str`` indices."""

    doc_a: str
    start_a: int
    end_a: int
    doc_b: str
    start_b: int
    end_b: int
    label: str | None = None


@dataclass(frozen=True)
class Scores:
    """PAN figures for one set of cases against one set of detections.

    ``cases`` and ``detections`` count only the pairs that were scored (non-empty spans).
    """

    cases: int
    detections: int
    cases_detected: int
    precision: float
    recall: float
    granularity: float
    f1: float
    plagdet: float

    def as_dict(self) -> dict[str, int | float]:
        """The figures as a plain dict (e.g. for JSON output)."""
        return asdict(self)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector.

    Scoring builds hundreds of thousands of small acyclic tuples and lists; the collector's
    repeated passes over them would roughly double the run time and free nothing.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# ---------------------------------------------------------------------------------------
# Loading
# ---------------------------------------------------------------------------------------


#: Largest offset accepted: store offsets are 64-bit; anything beyond is a corrupt record.
MAX_OFFSET = 2**63 - 1

# An offset written as a string: ASCII digits only (int() would also take "1_0" or "١٢"),
# and short enough to stay below the interpreter's limit on digits converted.
_OFFSET_TEXT = re.compile(r"\s*[0-9]{1,19}\s*", re.ASCII)


@contextmanager
def _evaluation_errors() -> Iterator[None]:
    """The shared readers' InputError re-raised as EvaluationInputError (a ValueError too)."""
    try:
        yield
    except EvaluationInputError:
        raise
    except InputError as exc:
        raise EvaluationInputError(exc.path, exc.line, exc.reason) from None


def _json_lines(path: Path) -> Iterator[tuple[int, Any]]:
    """``(line number, decoded value)`` for each non-blank line of a JSON-lines file.

    ``.gz``/``.bz2`` are decompressed and a UTF-8 BOM is skipped (as ingest does). A file that
    cannot be opened or read (missing, a folder, truncated compressed data), a line that is not
    UTF-8 or not JSON, a number too long to convert and nesting too deep to decode all raise
    :class:`EvaluationInputError` naming the file and, where there is one, the line.
    """
    name = str(path)
    decode = json.JSONDecoder().decode
    with _evaluation_errors(), open_binary(name) as fh:
        lines = DecodedLines(name, fh)
        for text in lines:
            if lines.problem is not None:
                raise EvaluationInputError(name, lines.line, lines.problem)
            if not text.strip():
                continue
            try:
                value = decode(text)
            except ValueError as exc:  # JSONDecodeError, or an integer of > 4300 digits
                if not text.endswith("\n"):
                    # A truncated compressed file ends in a partial line: say so instead.
                    next(lines, None)
                raise EvaluationInputError(name, lines.line, _json_reason(exc, text)) from None
            except RecursionError:
                raise EvaluationInputError(
                    name, lines.line, "invalid JSON: nested too deeply"
                ) from None
            yield lines.line, value


def _json_reason(exc: ValueError, text: str) -> str:
    if not isinstance(exc, json.JSONDecodeError):  # the interpreter's limit on digits converted
        return "invalid JSON: a number has too many digits"
    reason = f"invalid JSON: {exc.msg} (column {exc.colno})"
    if text.lstrip().startswith("["):
        reason += "; expected JSON lines (one object per line)"
    return reason


def _case_from_record(record: Any, label_field: str, require_label: bool) -> Case:
    """Build a Case from one decoded JSON value; raises RecordError saying what is wrong."""
    if type(record) is not dict:
        raise RecordError(f"expected a JSON object, got {_json_type(record)}")
    doc_a, doc_b = record.get("doc_a"), record.get("doc_b")
    sa, ea = record.get("start_a"), record.get("end_a")
    sb, eb = record.get("start_b"), record.get("end_b")
    # Fast paths for the usual record (plain in-range ints, non-blank string ids, a string or
    # no label: 100k-record files are common); anything else is converted or explained.
    if not (
        type(sa) is int
        and type(ea) is int
        and type(sb) is int
        and type(eb) is int
        and 0 <= sa <= ea <= MAX_OFFSET
        and 0 <= sb <= eb <= MAX_OFFSET
    ):
        sa, ea = _span(record, "start_a", "end_a")
        sb, eb = _span(record, "start_b", "end_b")
    if not (
        type(doc_a) is str
        and type(doc_b) is str
        and doc_a
        and doc_b
        and not doc_a.isspace()
        and not doc_b.isspace()
    ):
        doc_a, doc_b = _doc_id(record, "doc_a"), _doc_id(record, "doc_b")
    label = record.get(label_field)
    if label is not None and type(label) is not str:
        label = _label(record, label_field)
    elif label is None and require_label:
        raise RecordError(
            f"{label_field} is null" if label_field in record else f"no field {label_field!r}"
        )
    return Case(doc_a, sa, ea, doc_b, sb, eb, label)


def _doc_id(record: dict[str, Any], name: str) -> str:
    value = record.get(name)
    if value is None:
        raise RecordError(f"missing field {name!r}")
    return coerce_id(value, name)  # the corpus's rule for ids: a string or an integer


def _label(record: dict[str, Any], name: str) -> str | None:
    """The label as a string (compared as strings, like the reference scorer's ``--by``)."""
    value = record.get(name)
    if value is None:
        return None
    if isinstance(value, dict | list):
        raise RecordError(f"{name} must be a string or a number, not {_json_type(value)}")
    return str(value)


def _span(record: dict[str, Any], start: str, end: str) -> tuple[int, int]:
    """The offsets ``start``, ``end`` of one side: in range and not reversed."""
    s, e = _offset(record, start), _offset(record, end)
    if e < s:
        raise RecordError(f"{end} ({e}) is before {start} ({s})")
    return s, e


def _offset(record: dict[str, Any], name: str) -> int:
    """Offset ``name``: an int, or a float/str holding an integer; anything else is an error."""
    value = record.get(name)
    if value is None:
        raise RecordError(f"missing field {name!r}")
    integral = (
        (isinstance(value, int) and not isinstance(value, bool))
        or (isinstance(value, float) and value.is_integer())
        or (isinstance(value, str) and _OFFSET_TEXT.fullmatch(value) is not None)
    )
    if not integral:
        raise RecordError(f"{name} is not an offset (a non-negative integer): {_shown(value)}")
    number = int(value)
    if number < 0:
        raise RecordError(f"{name} is negative: {number}")
    if number > MAX_OFFSET:
        raise RecordError(f"{name} is out of range: {_shown(value)}")
    return number


def _shown(value: Any) -> str:
    """A bad value for an error message: its repr, cut short."""
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return f"an integer of {len(str(abs(value)))} digits"
    text = repr(value) if isinstance(value, str | int | float | bool) else _json_type(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, str):
        return "a string"
    return "a number"


def load_pairs_jsonl(
    path: str | os.PathLike[str], label_field: str = "label", *, require_label: bool = False
) -> list[Case]:
    """Read gold cases or detections from JSONL (``.gz``/``.bz2`` accepted; a BOM too).

    Each line is an object with ``doc_a, start_a, end_a, doc_b, start_b, end_b``; the field
    named ``label_field`` (if present) becomes :attr:`Case.label`, any other field is
    ignored; with ``require_label`` a record without it is an error. Blank lines are skipped.
    Ids are strings or integers; offsets are non-negative integers (integral floats and digit
    strings are accepted), with ``end >= start`` on each side. An unreadable file or a
    malformed record raises :class:`EvaluationInputError` naming ``file:line``. Empty spans
    are kept here and ignored when scoring.
    """
    path = Path(path)
    cases: list[Case] = []
    with _gc_paused():
        for lineno, value in _json_lines(path):
            try:
                cases.append(_case_from_record(value, label_field, require_label))
            except RecordError as exc:
                raise EvaluationInputError(str(path), lineno, exc.reason) from None
    return cases


def load_members_jsonl(path: str | os.PathLike[str]) -> list[tuple[str, int, int, str]]:
    """Talking-point members ``(doc, start, end, point)`` from an ``export points`` JSONL file.

    Other fields are ignored. Errors are raised as by :func:`load_pairs_jsonl`.
    """
    path = Path(path)
    members: list[tuple[str, int, int, str]] = []
    for lineno, record in _json_lines(path):
        try:
            if type(record) is not dict:
                raise RecordError(f"expected a JSON object, got {_json_type(record)}")
            start, end = _span(record, "start", "end")
            doc = _doc_id(record, "doc")
            point = _label(record, "point")
            if point is None:
                raise RecordError("missing field 'point'")
        except RecordError as exc:
            raise EvaluationInputError(str(path), lineno, exc.reason) from None
        members.append((doc, start, end, point))
    return members


def load_gold(
    path: str | os.PathLike[str],
    label_field: str = "label",
    doc_ids: Callable[[], Iterable[str]] | None = None,
) -> tuple[list[Case], set[frozenset[str]] | None]:
    """Gold cases from a JSONL file or a PAN corpus folder, refusing gold with nothing in it.

    ``doc_ids`` (called only for a PAN folder) gives the corpus ids PAN names are mapped to.
    Returns ``(cases, pairs)`` as :func:`load_pan_folder` does (``pairs`` is None for JSONL).
    A file without any gold pair, or whose pairs all have an empty span, raises
    :class:`EvaluationInputError`: scoring against it would report zeros, not a result.
    """
    path = Path(path)
    if path.is_dir():
        return load_pan_folder(path, doc_ids=None if doc_ids is None else doc_ids())
    cases = load_pairs_jsonl(path, label_field=label_field)
    if not cases:
        raise EvaluationInputError(str(path), None, "no gold pairs in the file")
    if all(_normalise(case) is None for case in cases):
        raise EvaluationInputError(
            str(path), None, f"all {len(cases)} gold pairs have an empty span; nothing to score"
        )
    return cases, None


class _IdMapper:
    """Maps PAN file names to corpus ids: exact id, else same basename, else same stem.

    The stem is the basename without ``.txt``. A name that matches no id, or several ids
    at the first level that matches at all, is an error.
    """

    def __init__(self, doc_ids: Iterable[str] | None) -> None:
        self._ids: set[str] | None = None
        self._by_base: dict[str, list[str]] = defaultdict(list)
        self._by_stem: dict[str, list[str]] = defaultdict(list)
        self._cache: dict[str, str] = {}
        if doc_ids is None:
            return
        self._ids = set(doc_ids)
        for doc_id in self._ids:
            base = _basename(doc_id)
            self._by_base[base].append(doc_id)
            self._by_stem[_stem(base)].append(doc_id)

    def __call__(self, name: str, where: str) -> str:
        if self._ids is None:
            return name
        hit = self._cache.get(name)
        if hit is None:
            hit = self._cache[name] = self._resolve(name, where)
        return hit

    def _resolve(self, name: str, where: str) -> str:
        assert self._ids is not None
        if name in self._ids:
            return name
        base = _basename(name)
        for candidates in (self._by_base.get(base), self._by_stem.get(_stem(base))):
            if not candidates:
                continue
            if len(candidates) > 1:
                shown = ", ".join(sorted(candidates)[:5])
                raise EvaluationInputError(
                    where, None, f"PAN document {name!r} is ambiguous: matches {shown}"
                )
            return candidates[0]
        raise EvaluationInputError(where, None, f"PAN document {name!r} matches no corpus id")


def _basename(name: str) -> str:
    return re.split(r"[/\\]", name)[-1]


def _stem(base: str) -> str:
    return base[:-4] if base.endswith(".txt") else base


def _corpus_files(root: Path) -> tuple[list[Path], list[Path]]:
    """Annotation ``*.xml`` files and ``pairs`` files under ``root``, in a stable order.

    Folders named ``src`` or ``susp`` are not descended into: they hold only the texts,
    possibly many thousands of them. Hidden files (e.g. macOS ``._*`` forks) are skipped.
    """
    xml_files: list[Path] = []
    pairs_files: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in ("src", "susp"))
        for fname in sorted(filenames):
            if fname.startswith("."):
                continue
            if fname.lower().endswith(".xml"):
                xml_files.append(Path(dirpath) / fname)
            elif fname == "pairs":
                pairs_files.append(Path(dirpath) / fname)
    return xml_files, pairs_files


def _feature_case(
    feature: ET.Element, susp: str, folder_label: str | None, where: str, mapper: _IdMapper
) -> Case | None:
    """A Case from one ``<feature>``, or None if it is not an aligned plagiarism case."""
    attrs = feature.attrib
    if "source_reference" not in attrs or "source_offset" not in attrs:
        # Intrinsic-style or metadata features have no source passage to align to.
        return None
    this_off, this_len, src_off, src_len = (
        _attribute_offset(attrs, name, where)
        for name in ("this_offset", "this_length", "source_offset", "source_length")
    )
    susp_id, src_id = mapper(susp, where), mapper(attrs["source_reference"], where)
    label = attrs.get("obfuscation") or folder_label
    return Case(susp_id, this_off, this_off + this_len, src_id, src_off, src_off + src_len, label)


def _attribute_offset(attrs: dict[str, str], name: str, where: str) -> int:
    """A PAN offset or length attribute: a non-negative integer."""
    value = attrs.get(name)
    if value is None:
        raise EvaluationInputError(where, None, f"plagiarism feature without {name}")
    if not _OFFSET_TEXT.fullmatch(value) or int(value) > MAX_OFFSET:
        shown = value if len(value) <= 40 else value[:37] + "..."
        raise EvaluationInputError(
            where, None, f"plagiarism feature: {name} is not a non-negative integer: {shown!r}"
        )
    return int(value)


def _read_annotation(path: Path, root: Path, mapper: _IdMapper) -> list[Case]:
    """All plagiarism cases of one PAN annotation XML file."""
    try:
        doc = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EvaluationInputError(str(path), None, f"invalid XML: {exc}") from None
    except (LookupError, ValueError) as exc:  # an XML declaration naming an unusable encoding
        raise EvaluationInputError(str(path), None, f"invalid XML: {exc}") from None
    except OSError as exc:  # unreadable, or a dangling link
        raise EvaluationInputError(str(path), None, f"cannot read: {exc.strerror or exc}") from None
    susp = doc.get("reference")
    if not susp:
        raise EvaluationInputError(str(path), None, "<document> has no reference attribute")
    # A file lying directly in the corpus folder has no annotation folder to name its label.
    folder_label = path.parent.name if path.parent != root else None
    cases = []
    for feature in doc.iter("feature"):
        case = _feature_case(feature, susp, folder_label, str(path), mapper)
        if case is not None:
            cases.append(case)
    return cases


def _read_pairs_file(path: Path, mapper: _IdMapper) -> set[frozenset[str]]:
    """Document pairs listed in a PAN ``pairs`` file ("suspicious source" per line)."""
    pairs: set[frozenset[str]] = set()
    name = str(path)
    with _evaluation_errors(), open_binary(name) as fh:
        lines = DecodedLines(name, fh)
        for line in lines:
            if lines.problem is not None:
                raise EvaluationInputError(name, lines.line, lines.problem)
            names = line.split()
            if not names:
                continue
            if len(names) != 2:
                raise EvaluationInputError(name, lines.line, "expected two document names")
            where = f"{path}:{lines.line}"
            pairs.add(frozenset(mapper(doc, where) for doc in names))
    return pairs


def load_pan_folder(
    path: str | os.PathLike[str], doc_ids: Iterable[str] | None = None
) -> tuple[list[Case], set[frozenset[str]] | None]:
    """Read a PAN 2012–2015 text-alignment corpus folder as gold cases.

    Every ``*.xml`` file under ``path`` (recursively; folders named ``src`` and ``susp``
    excepted) is read; each ``<feature>`` that has ``source_reference`` and
    ``source_offset`` is a case from the suspicious document (``this_offset``/
    ``this_length``, side A) to the source document (``source_offset``/``source_length``,
    side B). Features without a source
    passage (intrinsic or metadata features) are skipped. The label is the ``obfuscation``
    attribute, else the name of the annotation folder (None for XML files lying directly in
    ``path``).

    With ``doc_ids`` (the ids of the user's corpus), each PAN file name is mapped to the
    single id equal to it, else whose basename equals it, else whose basename without
    ``.txt`` equals it without ``.txt`` (so ``susp/suspicious-document00228`` matches
    ``suspicious-document00228.txt``); no match or several raise
    :class:`EvaluationInputError` (a ValueError). Without ``doc_ids`` names are kept.

    Returns ``(cases, pairs)``; ``pairs`` is the set of document pairs (as frozensets of
    mapped ids) listed in every file named ``pairs`` under ``path``, or None if there is
    none. Pass it to :func:`evaluate` to score only the listed pairs, as PAN does.
    """
    root = Path(path)
    if not root.is_dir():
        raise EvaluationInputError(str(root), None, "not a PAN corpus folder")
    mapper = _IdMapper(doc_ids)
    cases: list[Case] = []
    xml_files, pairs_files = _corpus_files(root)
    if not xml_files:
        raise EvaluationInputError(
            str(root), None, "not a PAN corpus folder: no annotation (*.xml) files"
        )
    for xml_path in xml_files:
        cases.extend(_read_annotation(xml_path, root, mapper))
    if not pairs_files:
        return cases, None
    pairs: set[frozenset[str]] = set()
    for pairs_path in pairs_files:
        pairs |= _read_pairs_file(pairs_path, mapper)
    return cases, pairs


# ---------------------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------------------


# A normalised pair: (doc_a, start_a, end_a, doc_b, start_b, end_b) with side A <= side B.
_Span = tuple[str, int, int, str, int, int]


def _normalise(case: Case) -> _Span | None:
    """Orient the pair (A <= B, as tuples); None if either span is empty."""
    a = (case.doc_a, case.start_a, case.end_a)
    b = (case.doc_b, case.start_b, case.end_b)
    if b < a:
        a, b = b, a
    if a[2] <= a[1] or b[2] <= b[1]:
        return None
    return (*a, *b)


def _union_len(intervals: list[tuple[int, int]]) -> int:
    """Number of characters covered by a list of half-open intervals."""
    if len(intervals) == 1:  # the common case: one detection per case
        s, e = intervals[0]
        return e - s
    total, cur_s, cur_e = 0, None, None
    for s, e in sorted(intervals):
        if cur_e is None or s > cur_e:
            if cur_e is not None:
                total += cur_e - cur_s
            cur_s, cur_e = s, e
        elif e > cur_e:
            cur_e = e
    if cur_e is not None:
        total += cur_e - cur_s
    return total


#: Document pairs with more detections than this get a sorted index (see _match).
_SCAN_ALL = 8


def _match(gold: list[_Span], dets: list[_Span]) -> list[list[int]]:
    """For each case, the indices of the detections that overlap it on both sides.

    Detections are grouped by document pair. A pair with many detections is sorted by
    ``start_a``, and a case scans only those whose ``start_a`` lies in ``(start_a -
    longest, end_a)``, which keeps this near-linear even for pairs with many passages.
    """
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for j, d in enumerate(dets):
        groups[(d[0], d[3])].append(j)
    sorted_groups: dict[tuple[str, str], tuple[list[int], list[int], int]] = {}
    for key, members in groups.items():
        if len(members) > _SCAN_ALL:
            members.sort(key=lambda j: dets[j][1])
            starts = [dets[j][1] for j in members]
            longest = max(dets[j][2] - dets[j][1] for j in members)
            sorted_groups[key] = (members, starts, longest)

    hits: list[list[int]] = []
    for doc_a, sa, ea, doc_b, sb, eb in gold:
        found: list[int] = []
        members = groups.get((doc_a, doc_b))
        if members is not None:
            if len(members) > _SCAN_ALL:
                members, starts, longest = sorted_groups[(doc_a, doc_b)]
                members = members[bisect_right(starts, sa - longest) : bisect_left(starts, ea)]
            for j in members:
                d = dets[j]
                if d[1] < ea and d[2] > sa and d[4] < eb and d[5] > sb:
                    found.append(j)
        hits.append(found)
    return hits


def _scores(
    gold: list[_Span],
    dets: list[_Span],
    hits: list[list[int]],
    case_ids: Iterable[int],
    n_dets: int | None,
) -> Scores:
    """PAN figures for the cases ``case_ids``, given the precomputed ``hits``.

    Precision counts, per detection, only the characters lying in these cases. With
    ``n_dets`` None the denominator is the detections hit by these cases (per-label
    scoring); otherwise it is ``n_dets`` (all detections).
    """
    n_cases = detected = gran_sum = 0
    rec_sum = 0.0
    # per detection: its intersections with the cases it detects, side A and side B
    parts_a: dict[int, list[tuple[int, int]]] = defaultdict(list)
    parts_b: dict[int, list[tuple[int, int]]] = defaultdict(list)
    for i in case_ids:
        n_cases += 1
        found = hits[i]
        if not found:
            continue
        _, sa, ea, _, sb, eb = gold[i]
        in_a, in_b = [], []
        for j in found:
            _, dsa, dea, _, dsb, deb = dets[j]
            xa = (max(sa, dsa), min(ea, dea))
            xb = (max(sb, dsb), min(eb, deb))
            in_a.append(xa)
            in_b.append(xb)
            parts_a[j].append(xa)
            parts_b[j].append(xb)
        detected += 1
        gran_sum += len(found)
        rec_sum += (_union_len(in_a) + _union_len(in_b)) / ((ea - sa) + (eb - sb))
    prec_sum = 0.0
    for j, in_a in parts_a.items():
        _, dsa, dea, _, dsb, deb = dets[j]
        prec_sum += (_union_len(in_a) + _union_len(parts_b[j])) / ((dea - dsa) + (deb - dsb))
    if n_dets is None:
        n_dets = len(parts_a)
    return _finish(n_cases, n_dets, detected, prec_sum, rec_sum, gran_sum)


def _finish(
    n_cases: int, n_dets: int, detected: int, prec_sum: float, rec_sum: float, gran_sum: int
) -> Scores:
    """Turn the sums into macro averages, F1 and plagdet (edge cases as evalpairs)."""
    precision = prec_sum / n_dets if n_dets else 0.0
    recall = rec_sum / n_cases if n_cases else 0.0
    granularity = gran_sum / detected if detected else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    plagdet = f1 / math.log2(1 + granularity)
    return Scores(n_cases, n_dets, detected, precision, recall, granularity, f1, plagdet)


def _normalise_all(cases: Iterable[Case]) -> tuple[list[_Span], list[Case]]:
    """Normalised spans of the non-empty pairs, with the Case each came from."""
    spans, kept = [], []
    for case in cases:
        span = _normalise(case)
        if span is not None:
            spans.append(span)
            kept.append(case)
    return spans, kept


def pan_scores(gold: Sequence[Case], detections: Sequence[Case]) -> Scores:
    """Macro precision, macro recall, granularity, F1 and plagdet of ``detections``.

    Labels are ignored; see the module docstring for the definitions.
    """
    with _gc_paused():
        g, _ = _normalise_all(gold)
        d, _ = _normalise_all(detections)
        return _scores(g, d, _match(g, d), range(len(g)), len(d))


def evaluate(
    gold: Sequence[Case],
    detections: Sequence[Case],
    *,
    by_label: bool = True,
    pairs: set[frozenset[str]] | None = None,
) -> dict[str, Any]:
    """Score ``detections`` against ``gold`` overall and, optionally, per gold label.

    Returns ``{"overall": Scores, "by_label": {label: Scores}, "ignored_detections": n,
    "empty_cases": n, "empty_detections": n}``; the last two count the pairs not scored because
    a span is empty.

    * ``pairs``: if given, only detections on a listed document pair (``frozenset`` of the
      two ids, e.g. from :func:`load_pan_folder`) are scored, as PAN does; the others are
      dropped and counted in ``ignored_detections``. Gold cases are never dropped, and
      detections on a listed pair without cases count as false positives.
    * per label ``L``: recall and granularity are taken over the cases labelled ``L``;
      precision over the detections that overlap (on both sides) at least one case of
      ``L``, each detection credited only with its characters inside ``L`` cases; so
      ``detections`` there is the number of such detections. Detections that hit no case
      count against overall precision only.
    * cases without a label are grouped under ``"-"``; if no case has a label at all,
      ``by_label`` is empty (it would merely repeat the overall figures).
    """
    ignored = 0
    if pairs is not None:
        kept = [c for c in detections if frozenset((c.doc_a, c.doc_b)) in pairs]
        ignored = len(detections) - len(kept)
        detections = kept
    with _gc_paused():
        overall, per_label = _score_with_labels(gold, detections, by_label)
    return {
        "overall": overall,
        "by_label": per_label,
        "ignored_detections": ignored,
        "empty_cases": len(gold) - overall.cases,
        "empty_detections": len(detections) - overall.detections,
    }


def _score_with_labels(
    gold: Sequence[Case], detections: Sequence[Case], by_label: bool
) -> tuple[Scores, dict[str, Scores]]:
    """Overall scores and (if asked and any case is labelled) scores per label."""
    g, g_cases = _normalise_all(gold)
    d, _ = _normalise_all(detections)
    hits = _match(g, d)  # matched once, shared by the overall and per-label figures
    overall = _scores(g, d, hits, range(len(g)), len(d))
    if not by_label or all(c.label is None for c in g_cases):
        return overall, {}
    members: dict[str, list[int]] = defaultdict(list)
    for i, case in enumerate(g_cases):
        members[UNLABELLED if case.label is None else case.label].append(i)
    per_label = {label: _scores(g, d, hits, members[label], None) for label in sorted(members)}
    return overall, per_label


_COLUMNS = (
    "cases",
    "detections",
    "cases_detected",
    "precision",
    "recall",
    "granularity",
    "f1",
    "plagdet",
)
_HEADERS = ("cases", "dets", "detected", "prec", "recall", "gran", "F1", "plagdet")


#: Longest label shown in the report's table; longer ones are cut short.
_LABEL_WIDTH = 40


def _label_shown(label: str) -> str:
    """A gold label as the terminal may show it: safe characters, bounded width."""
    from echoscope.show.terminal import terminal_text

    text = terminal_text(label)
    return text if len(text) <= _LABEL_WIDTH else text[: _LABEL_WIDTH - 1] + "…"


def format_report(result: dict[str, Any]) -> str:
    """A plain-text table of an :func:`evaluate` result (overall row, then one per label),
    followed by notes on what was not scored and on figures that are undefined."""
    overall: Scores = result["overall"]
    rows: list[tuple[str, Scores]] = [("overall", overall)]
    rows += [(_label_shown(k), v) for k, v in sorted(result.get("by_label", {}).items())]
    name_w = max(len("label"), *(len(name) for name, _ in rows))
    widths = [max(len(h), 8) for h in _HEADERS]
    header = (h.rjust(w) for h, w in zip(_HEADERS, widths, strict=True))
    lines = ["  ".join(["label".ljust(name_w), *header])]
    for name, scores in rows:
        cells = []
        for col, w in zip(_COLUMNS, widths, strict=True):
            value = getattr(scores, col)
            cells.append((f"{value:.4f}" if isinstance(value, float) else str(value)).rjust(w))
        lines.append("  ".join([name.ljust(name_w), *cells]))
    if result.get("ignored_detections"):
        lines.append(
            f"{result['ignored_detections']} detection(s) on document pairs not listed "
            "in the gold pairs were ignored"
        )
    empty = [
        f"{result[key]} {what}"
        for key, what in (("empty_cases", "gold pair(s)"), ("empty_detections", "detection(s)"))
        if result.get(key)
    ]
    if empty:
        lines.append(f"{' and '.join(empty)} with an empty span were not scored")
    # PAN defines these averages as 0 when there is nothing to average over (as evalpairs).
    if overall.cases == 0:
        lines.append("no gold cases to score: recall is undefined and shown as 0")
    if overall.detections == 0:
        lines.append("no detections to score: precision is undefined and shown as 0")
    return "\n".join(lines)


def cluster_scores(
    members: Iterable[tuple[str, int, int, str]],
    gold: Iterable[dict[str, Any]],
    point_field: str = "point",
) -> dict[str, float]:
    """Purity, inverse purity and adjusted Rand index of talking points against gold points.

    ``members`` are (doc, start, end, talking point id). Each gold copy (one side of a gold
    pair, deduplicated) is matched to the member passage of its document that overlaps it most;
    a copy no member overlaps is a cluster of its own. Scores are over gold copies.
    """
    copies: dict[tuple[str, int, int], str] = {}
    for g in gold:
        for side in ("a", "b"):
            copies[(str(g[f"doc_{side}"]), int(g[f"start_{side}"]), int(g[f"end_{side}"]))] = str(
                g[point_field]
            )
    by_doc: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for doc, s, e, pid in members:
        by_doc[doc].append((s, e, pid))
    pairs = []
    for (doc, s, e), gp in sorted(copies.items()):
        best, best_ov = None, 0
        for ms, me, pid in by_doc.get(doc, ()):
            ov = min(e, me) - max(s, ms)
            if ov > best_ov:
                best, best_ov = pid, ov
        pairs.append((gp, best if best is not None else f"unmatched:{doc}:{s}"))
    n = len(pairs)
    if n == 0:
        return {"copies": 0, "purity": 0.0, "inverse_purity": 0.0, "ari": 0.0}
    table: dict[tuple[str, str], int] = defaultdict(int)
    for gp, cp in pairs:
        table[(gp, cp)] += 1
    by_cluster: dict[str, list[int]] = defaultdict(list)
    by_gold: dict[str, list[int]] = defaultdict(list)
    for (gp, cp), k in table.items():
        by_cluster[cp].append(k)
        by_gold[gp].append(k)
    purity = sum(max(v) for v in by_cluster.values()) / n
    inverse = sum(max(v) for v in by_gold.values()) / n

    def pairs_of(k: int) -> float:
        return k * (k - 1) / 2

    index = sum(pairs_of(k) for k in table.values())
    sum_c = sum(pairs_of(sum(v)) for v in by_cluster.values())
    sum_g = sum(pairs_of(sum(v)) for v in by_gold.values())
    expected = sum_c * sum_g / pairs_of(n) if n > 1 else 0.0
    top = (sum_c + sum_g) / 2
    ari = (index - expected) / (top - expected) if top != expected else 1.0
    return {
        "copies": n,
        "purity": round(purity, 4),
        "inverse_purity": round(inverse, 4),
        "ari": round(ari, 4),
    }
