"""``echoscope report``: the viewer's pages written as static HTML files in one folder, to
share without a server (open index.html). The pages are the live viewer's templates, with
links between files instead of routes and the same Content-Security-Policy as a meta tag.

Every file is written under a temporary name and renamed (an interrupted report leaves whole
pages, old or new); pages of an earlier report in the folder are replaced. The folder may not
be the store or any other existing file, and no page may land on the store's files."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from echoscope.errors import EchoscopeError
from echoscope.outputs import atomic_file, store_guard
from echoscope.web import assets, data, views
from echoscope.web.links import StaticLinks
from echoscope.web.render import render


@dataclass
class ReportResult:
    out: Path
    pages: int = 0
    counts: dict[str, int] = field(default_factory=dict)


def write_report(
    db: str | Path,
    out: str | Path,
    *,
    progress: Callable[[str], None] | None = None,
) -> ReportResult:
    """Write the static site for the store ``db`` into ``out``: a page for every talking
    point, document, passage pair, speaker, outlet, accuser and target, so that no link is
    dead."""
    out = Path(os.fsdecode(out))
    guard = store_guard(db)
    _check_folder(out, guard)
    conn = data.connect(db)
    try:
        return _write_site(conn, Path(db).name, out, guard, progress)
    finally:
        conn.close()


def _write_site(
    conn: sqlite3.Connection,
    db_name: str,
    out: Path,
    guard: list[tuple[Path, str]],
    progress: Callable[[str], None] | None,
) -> ReportResult:
    links = StaticLinks()
    result = ReportResult(out=out)
    _make_folder(out / "static")
    for name, src in assets.FILES.items():
        with (
            open(src, "rb") as fin,
            atomic_file(out / "static" / name, "wb", guard=guard, durable=False) as fout,
        ):
            shutil.copyfileobj(fin, fout)

    def write(name: str, page: views.Page) -> None:
        template, context = page
        html = render(
            template,
            links=links,
            page_kind=template[:-5],
            csp=views.CSP,
            db_name=db_name,
            **context,
        )
        with atomic_file(out / name.partition("#")[0], guard=guard, durable=False) as f:
            f.write(html)
        result.pages += 1
        kind = template[:-5]
        result.counts[kind] = result.counts.get(kind, 0) + 1

    def say(msg: str) -> None:
        if progress:
            progress(msg)

    write(links.home(), views.overview_page(conn, links))
    point_ids = data.point_ids(conn)
    n_point_pages = _pages_of(len(point_ids))
    for n in range(1, n_point_pages + 1):
        write(links.points(n), views.points_list_page(conn, links, page=n))
    write(links.search(), _all_points_search(conn))
    say(f"{len(point_ids)} talking points")
    pairs: set[int] = set()
    for pid in point_ids:
        _write_paged(
            write,
            lambda n, pid=pid: (links.point(pid, n), views.point_page(conn, links, pid, page=n)),
            "members",
        )
    docs = data.document_ids(conn)
    say(f"{len(docs)} documents")
    for doc in docs:
        for page in _write_paged(
            write,
            lambda n, doc=doc: (links.doc(doc, None, n), views.document_page(conn, links, doc, n)),
            "passages",
        ):
            pairs.update(p["id"] for p in page["d"]["passages"]["items"])
    say(f"{len(pairs)} passage pairs")
    for pid in sorted(pairs):
        write(links.pair(pid), views.pair_page(conn, links, pid))
    for by in data.ACTOR_KINDS:
        names = data.actor_names(conn, by)
        for n in range(1, _pages_of(len(names)) + 1):
            write(links.actors(by, n), views.actors_page(conn, links, by, n))
        for name in names:
            _write_paged(
                write,
                lambda n, name=name, by=by: (
                    links.actor(name, by, n),
                    views.actor_page(conn, links, name, by, n),
                ),
                "points",
            )
        say(f"{len(names)} {by}s")
    # who accuses whom: the ranked list, and a page for every accuser and target it names
    names = data.target_names(conn)
    _write_paged(write, lambda n: (links.targets(n), views.targets_list_page(conn, links, n)), None)
    for name in names:
        _write_paged(
            write,
            lambda n, name=name: (links.target(name, n), views.target_page(conn, links, name, n)),
            "accused",
        )
    say(f"{len(names)} accusers and targets")
    return result


def _check_folder(out: Path, guard: list[tuple[Path, str]]) -> None:
    """Refuse, before anything is written, an output folder that is the store or a file."""
    for path, what in guard:
        if out.exists() and path.exists() and os.path.samefile(out, path):
            raise EchoscopeError(f"{out}: refusing to write over {what}")
    if out.exists() and not out.is_dir():
        raise EchoscopeError(f"{out}: exists and is not a folder; give a folder for the report")


def _make_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError as e:  # a file where a folder of the path should be
        raise EchoscopeError(f"{folder}: cannot create the folder: {e.filename} is a file") from e
    except OSError as e:
        raise EchoscopeError(f"{folder}: cannot create the folder: {e.strerror or e}") from e


def _write_paged(
    write: Callable[[str, views.Page], None],
    make: Callable[[int], tuple[str, views.Page]],
    paged: str | None,
) -> list[dict[str, Any]]:
    """Write page 1, 2, … of a paginated page (``d[paged]`` says how many there are, or
    ``d`` itself when ``paged`` is None); returns the context of each."""
    contexts = []
    n = 1
    while True:
        name, page = make(n)
        write(name, page)
        contexts.append(page[1])
        pages = page[1]["d"] if paged is None else page[1]["d"][paged]
        if n >= pages["pages"]:
            return contexts
        n += 1


def _pages_of(total: int) -> int:
    return max(1, -(-total // data.PER_PAGE))


def _all_points_search(conn: sqlite3.Connection) -> views.Page:
    """The static search page: every talking point in one list, filtered in the browser."""
    everything = data.points_page(conn, per_page=10**9)
    return "search.html", {"title": "Search", "d": {"q": "", "points": everything}}
