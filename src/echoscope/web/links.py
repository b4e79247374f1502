"""Where each page lives: one set of URLs for the server, another for the static report.

Templates only ever call these methods, so the same template renders both.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote, urlencode


def _query(params: dict[str, object]) -> str:
    kept = {k: v for k, v in params.items() if v not in (None, "") and not (k == "page" and v == 1)}
    return ("?" + urlencode(kept)) if kept else ""


class ServerLinks:
    """URLs of the live viewer (``echoscope serve``)."""

    static_mode = False

    def asset(self, name: str) -> str:
        return f"/static/{name}"

    def home(self) -> str:
        return "/"

    def points(self, page: int = 1, **filters: object) -> str:
        return "/points" + _query({**filters, "page": page})

    def point(self, point_id: str, page: int = 1, color: str = "speaker") -> str:
        extra = _query({"page": page, "color": None if color == "speaker" else color})
        return f"/points/{quote(point_id, safe='')}{extra}"

    def pair(self, passage_id: int) -> str:
        return f"/pairs/{int(passage_id)}"

    def doc(self, doc_id: str, at: int | None = None, page: int = 1) -> str:
        return (
            f"/docs/{quote(doc_id, safe='')}"
            + _query({"page": page})
            + (f"#at-{int(at)}" if at is not None else "")
        )

    def actors(self, by: str = "speaker", page: int = 1) -> str:
        return f"/{by}s" + _query({"page": page})

    def actor(self, name: str, by: str = "speaker", page: int = 1) -> str:
        return f"/{by}s/{quote(name, safe='')}" + _query({"page": page})

    def search(self, q: str = "", page: int = 1) -> str:
        return "/search" + (_query({"q": q, "page": page}) if q else "")

    def targets(self, page: int = 1) -> str:
        return "/targets" + _query({"page": page})

    def target(self, name: str, page: int = 1) -> str:
        return f"/target/{quote(name, safe='')}" + _query({"page": page})

    def api(self, path: str) -> str:
        return f"/api/{path}"


def slug(value: str) -> str:
    """A file-name-safe, collision-free name for any id or name (ids may hold any character)."""
    readable = re.sub(r"[^A-Za-z0-9_-]+", "_", value)[:48].strip("_") or "x"
    return f"{readable}-{hashlib.sha1(value.encode()).hexdigest()[:8]}"


class StaticLinks:
    """File names of the static report: one flat folder, so every link is relative."""

    static_mode = True

    def asset(self, name: str) -> str:
        return f"static/{name}"

    def home(self) -> str:
        return "index.html"

    def points(self, page: int = 1, **filters: object) -> str:
        return "points.html" if page == 1 else f"points-{page}.html"

    def point(self, point_id: str, page: int = 1, color: str = "speaker") -> str:
        return f"point-{slug(point_id)}" + ("" if page == 1 else f"-{page}") + ".html"

    def pair(self, passage_id: int) -> str:
        return f"pair-{int(passage_id)}.html"

    def doc(self, doc_id: str, at: int | None = None, page: int = 1) -> str:
        return (
            f"doc-{slug(doc_id)}"
            + ("" if page == 1 else f"-{page}")
            + ".html"
            + (f"#at-{int(at)}" if at is not None else "")
        )

    def actors(self, by: str = "speaker", page: int = 1) -> str:
        return f"{by}s.html" if page == 1 else f"{by}s-{page}.html"

    def actor(self, name: str, by: str = "speaker", page: int = 1) -> str:
        return f"{by}-{slug(name)}" + ("" if page == 1 else f"-{page}") + ".html"

    def search(self, q: str = "", page: int = 1) -> str:
        return "search.html"

    def targets(self, page: int = 1) -> str:
        return "targets.html" if page == 1 else f"targets-{page}.html"

    def target(self, name: str, page: int = 1) -> str:
        return f"target-{slug(name)}" + ("" if page == 1 else f"-{page}") + ".html"

    def api(self, path: str) -> str:
        return ""
