"""``echoscope serve``: the web viewer over a store, as an ASGI app (FastAPI on uvicorn).

HTML pages and the JSON API under ``/api`` come from the same functions in
:mod:`echoscope.web.data`; the OpenAPI document is ``/api/openapi.json``. The store is opened
read-only and every response carries a restrictive Content-Security-Policy.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from echoscope import installed_version
from echoscope.errors import EchoscopeError
from echoscope.web import assets, data, views
from echoscope.web.alignview import side_by_side
from echoscope.web.links import ServerLinks
from echoscope.web.render import render

PASSAGE_ID = PathParam(ge=1, le=2**63 - 1)
SECURITY_HEADERS = [
    (b"content-security-policy", (views.CSP + "; frame-ancestors 'none'").encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """ASGI middleware: the same safety headers on every response, errors included."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, send_with_headers)


class HeadAsGet:
    """ASGI middleware: a HEAD request is answered as the GET of the same URL would be (status
    and headers), without the body. Routes are declared for GET only."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_without_body(message: dict) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        # a copy: the server still sees the request as HEAD
        await self.app({**scope, "method": "GET"}, receive, send_without_body)


LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1", "[::1]"]


def create_app(db: str | Path, *, index_search: bool = True, hosts: list[str] | None = None) -> Any:
    """The viewer for the store at ``db`` (opened read-only, once), as an ASGI app.

    ``index_search`` first brings the documents' full-text index up to date. ``hosts``: the
    Host headers answered (default: loopback names only, so a web page cannot read the corpus
    through DNS rebinding); ``["*"]`` answers any."""
    if index_search:
        data.index_for_search(db)
    conn: sqlite3.Connection = data.connect(db)
    # load the compiled tokenizer now, not on the first side-by-side request (~0.35 s)
    side_by_side("warm up", "warm up", "2=")
    links = ServerLinks()
    db_name = Path(db).name
    app = FastAPI(
        title="echoscope",
        summary="Talking points, their occurrences and who echoes whom, read from one store.",
        version=installed_version(),
        openapi_url="/api/openapi.json",
        docs_url=None,  # the interactive docs load scripts from other hosts: off
        redoc_url=None,
    )
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=hosts or LOOPBACK_NAMES)
    app.state.conn = conn

    def page(build: Callable[..., views.Page], *args: Any, **kwargs: Any) -> HTMLResponse:
        template, context = build(conn, links, *args, **kwargs)
        return HTMLResponse(
            render(template, links=links, page_kind=template[:-5], db_name=db_name, **context)
        )

    @app.exception_handler(EchoscopeError)
    async def _error(request: Request, exc: EchoscopeError) -> Response:
        status = 404 if isinstance(exc, data.NotFound) else 400
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": str(exc)}, status_code=status)
        html = render(
            "error.html",
            links=links,
            page_kind="error",
            db_name=db_name,
            title=str(status),
            status="Not found" if status == 404 else "Bad request",
            message=str(exc),
        )
        return HTMLResponse(html, status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return await _error(request, data.NotFound(f"no page at {request.url.path}"))
        return await _error(request, EchoscopeError(str(exc.detail)))

    @app.exception_handler(RequestValidationError)
    async def _bad_parameter(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(x) for x in e['loc'][1:])}: {e['msg']}" for e in exc.errors()
        )
        return await _error(request, EchoscopeError(f"bad parameter: {problems}"))

    @app.exception_handler(sqlite3.OperationalError)
    async def _bad_query(request: Request, exc: sqlite3.OperationalError) -> Response:
        return await _error(request, EchoscopeError(f"cannot answer that: {exc}"))

    # The overview scans whole tables (a fifth of a second at 100k documents): keep it until
    # the store changes (its data version moves whenever another connection commits).
    overview_cache: dict[str, Any] = {}

    def overview() -> dict[str, Any]:
        version = data.store_version(conn)
        if overview_cache.get("version") != version:
            overview_cache.update(version=version, data=data.overview(conn))
        return overview_cache["data"]

    # -- pages ----------------------------------------------------------------------------
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def overview_html() -> HTMLResponse:
        return page(views.overview_page, overview())

    @app.get("/points", response_class=HTMLResponse, include_in_schema=False)
    async def points_html(
        sort: str = "spread",
        page_no: int = Query(1, alias="page", ge=1),
        speaker: str | None = None,
        outlet: str | None = None,
        q: str | None = None,
    ) -> HTMLResponse:
        return page(
            views.points_list_page, sort=sort, page=page_no, speaker=speaker, outlet=outlet, q=q
        )

    @app.get("/points/{point_id}", response_class=HTMLResponse, include_in_schema=False)
    async def point_html(
        point_id: str, page_no: int = Query(1, alias="page", ge=1), color: str = "speaker"
    ) -> HTMLResponse:
        return page(views.point_page, point_id, page=page_no, color=color)

    @app.get("/pairs/{passage_id}", response_class=HTMLResponse, include_in_schema=False)
    async def pair_html(passage_id: int = PASSAGE_ID) -> HTMLResponse:
        return page(views.pair_page, passage_id)

    @app.get("/docs/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    async def document_html(
        doc_id: str, page_no: int = Query(1, alias="page", ge=1)
    ) -> HTMLResponse:
        return page(views.document_page, doc_id, page_no)

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    async def search_html(q: str = "", page_no: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
        return page(views.search_page, q, page=page_no)

    for by in data.ACTOR_KINDS:
        _actor_routes(app, page, by)

    # -- JSON API -------------------------------------------------------------------------
    @app.get("/api/overview", tags=["corpus"])
    async def overview_api() -> dict[str, Any]:
        """Corpus counts, last run, top talking points and documents/echoes per day."""
        return overview()

    @app.get("/api/points", tags=["talking points"])
    async def points_api(
        sort: str = Query("spread", description="one of " + ", ".join(data.SORTS)),
        page_no: int = Query(1, alias="page", ge=1),
        per_page: int = Query(data.PER_PAGE, ge=1, le=500),
        speaker: str | None = None,
        outlet: str | None = None,
        q: str | None = Query(None, description='words, or "a phrase", in the point\'s text'),
    ) -> dict[str, Any]:
        """One page of talking points."""
        return data.points_page(
            conn, sort=sort, page=page_no, per_page=per_page, speaker=speaker, outlet=outlet, q=q
        )

    @app.get("/api/points/{point_id}", tags=["talking points"])
    async def point_api(
        point_id: str,
        page_no: int = Query(1, alias="page", ge=1),
        per_page: int = Query(data.PER_PAGE, ge=1, le=500),
        color: str = Query("speaker", description="timeline groups: speaker or outlet"),
    ) -> dict[str, Any]:
        """A talking point: text, first use, bursts, timeline and one page of occurrences
        (each with the passage id aligning it with its source)."""
        return data.point(conn, point_id, page=page_no, per_page=per_page, color=color)

    @app.get("/api/pairs/{passage_id}", tags=["passages"])
    async def pair_api(passage_id: int = PASSAGE_ID) -> dict[str, Any]:
        """An aligned passage pair, both sides cut into words tagged eq/sub/del/ins with shared
        column numbers, plus context either side."""
        return data.pair(conn, passage_id)

    @app.get("/api/docs/{doc_id:path}", tags=["documents"])
    async def document_api(
        doc_id: str,
        page_no: int = Query(1, alias="page", ge=1),
        per_page: int = Query(data.PER_PAGE, ge=1, le=500),
    ) -> dict[str, Any]:
        """A document: metadata, its text cut into plain and echoed segments (with their talking
        points), and the passages it shares with other documents."""
        return data.document(conn, doc_id, page=page_no, per_page=per_page)

    @app.get("/api/search", tags=["search"])
    async def search_api(
        q: str = Query(..., description='words, or "an exact phrase"'),
        page_no: int = Query(1, alias="page", ge=1),
    ) -> dict[str, Any]:
        """Talking points and documents containing the words (full-text index)."""
        return data.search(conn, q, page=page_no)

    @app.get("/favicon.ico", include_in_schema=False)
    async def favicon() -> Response:
        return Response(status_code=204)

    # -- assets ---------------------------------------------------------------------------
    @app.get("/static/{name}", include_in_schema=False)
    async def static(name: str) -> Response:
        path = assets.path(name)
        if path is None:
            raise data.NotFound(f"no asset {name!r}")
        return FileResponse(path, headers={"cache-control": "public, max-age=3600"})

    # outermost, so that even a crash's bare 500 carries the headers
    return SecurityHeaders(HeadAsGet(app))


def _actor_routes(app: FastAPI, page: Callable[..., HTMLResponse], by: str) -> None:
    """The list and detail pages (and API) for speakers, or for outlets."""
    conn = app.state.conn

    @app.get(f"/{by}s", response_class=HTMLResponse, include_in_schema=False)
    async def actors_html(page_no: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
        return page(views.actors_page, by, page_no)

    @app.get(f"/{by}s/{{name:path}}", response_class=HTMLResponse, include_in_schema=False)
    async def actor_html(name: str, page_no: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
        return page(views.actor_page, name, by, page_no)

    @app.get(f"/api/{by}s", tags=[f"{by}s"], name=f"{by}s")
    async def actors_api(
        page_no: int = Query(1, alias="page", ge=1),
        per_page: int = Query(data.PER_PAGE, ge=1, le=500),
    ) -> dict[str, Any]:
        return data.actors_page(conn, by=by, page=page_no, per_page=per_page)

    @app.get(f"/api/{by}s/{{name:path}}", tags=[f"{by}s"], name=by)
    async def actor_api(name: str, page_no: int = Query(1, alias="page", ge=1)) -> dict[str, Any]:
        return data.actor(conn, name, by=by, page=page_no)

    actors_api.__doc__ = f"{by.capitalize()}s ranked by the talking points they use."
    actor_api.__doc__ = (
        f"What a {by} repeats, from whom, who repeats them, and their who-echoes-whom network."
    )


def app_from_env() -> Any:
    """Factory for uvicorn (each worker process builds its own app and connection); the
    search index was brought up to date once, before the workers started."""
    import os

    hosts = os.environ.get("ECHOSCOPE_HOSTS")
    return create_app(
        os.environ["ECHOSCOPE_DB"], index_search=False, hosts=hosts.split(",") if hosts else None
    )
