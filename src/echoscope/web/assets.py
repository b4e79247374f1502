"""The files pages load: our script and style sheet, and D3 from its PyPI package (XStatic-D3),
so nothing is fetched from another host and the static report can copy them."""

from __future__ import annotations

from pathlib import Path

import xstatic.pkg.d3

HERE = Path(__file__).parent / "static"
FILES = {
    "echoscope.css": HERE / "echoscope.css",
    "echoscope.js": HERE / "echoscope.js",
    "d3.js": Path(xstatic.pkg.d3.BASE_DIR) / "d3.js",
}


def path(name: str) -> Path | None:
    """The file served as ``/static/<name>``; only the files listed above exist."""
    return FILES.get(name)
