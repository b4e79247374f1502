"""``echoscope serve``: the web viewer over a store, as an ASGI app (FastAPI on uvicorn).

HTML pages and the JSON API under ``/api`` come from the same functions in
:mod:`echoscope.web.data`; the OpenAPI document is ``/api/openapi.json``. The store is opened
read-only and every response carries a restrictive Content-Security-Policy.

Query mode (``POST /query``, ``POST /api/query``): where is a pasted text echoed in the corpus,
answered from the store's token index in a worker thread (:func:`echoscope.web.data.query`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlparse

from fastapi import FastAPI, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from echoscope import installed_version
from echoscope.errors import EchoscopeError
from echoscope.web import assets, data, views
from echoscope.web.alignview import side_by_side
from echoscope.web.links import ServerLinks
from echoscope.web.render import render

PASSAGE_ID = PathParam(ge=1, le=2**63 - 1)
QUERY_PATH = "/query"
# A request body of a query is read up to this size: its text's cap, escaped the most JSON can
# (a control character as \u0000 is 6 bytes) or a form can (%XX per byte), plus the rest.
MAX_QUERY_BODY = 6 * data.MAX_QUERY_BYTES + 65536
# Queries run at once (each in a worker thread, with its own read-only open of the store); the
# others wait their turn, so a burst of large queries cannot take every core and the memory.
MAX_CONCURRENT_QUERIES = 4
# Queries that may wait for a turn; more are refused at once (503), each holding its body.
MAX_WAITING_QUERIES = 16
QUERY_FIELDS = ("text", "name")
QUERY_BODY_SCHEMA = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["text"],
                "properties": {
                    "text": {
                        "type": "string",
                        "description": f"the text to look for (at most {data.MAX_QUERY_BYTES:,} "
                        "bytes of UTF-8)",
                    },
                    "name": {
                        "type": "string",
                        "description": "what to call it (default "
                        f'"{data.DEFAULT_QUERY_NAME}"; its passages name it query:NAME)',
                    },
                },
                "additionalProperties": False,
            },
            "example": {
                "text": "This government treats the national treasury ...",
                "name": "speech",
            },
        }
    },
}
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


class UnsupportedBody(data.QueryRefused):
    status = 415


class Forbidden(data.QueryRefused):
    status = 403


async def _query_body(request: Request) -> bytes:
    """The request's body, refused once it is larger than a query may be (read as it comes,
    so an endless body is never held)."""
    too_large = data.QueryTooLarge(
        f"the request is over {MAX_QUERY_BODY:,} bytes; a query's text may hold at most "
        f"{data.MAX_QUERY_BYTES:,} bytes of UTF-8"
    )
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_QUERY_BODY:
        raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_QUERY_BODY:
            raise too_large
    return bytes(body)


def _refuse_cross_site(request: Request) -> None:
    """A page of another site may post a form here (the browser sends it to 127.0.0.1 with
    our Host), and although it cannot read the answer it can make the machine work: a query
    sent from anywhere but this server's own pages is refused."""
    site = request.headers.get("sec-fetch-site", "")
    origin = request.headers.get("origin", "")
    foreign = site in ("cross-site", "same-site") or (
        origin not in ("", "null") and urlparse(origin).netloc != request.headers.get("host", "")
    )
    if foreign:
        raise Forbidden("queries are answered for this server's own pages only")


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").partition(";")[0].strip().lower()


def _json_query(request: Request, body: bytes) -> tuple[object, object]:
    """``text`` and ``name`` of a JSON query body, or what is wrong with it. The media type
    must be JSON: a page of another site can post a form or plain text here, but not JSON
    without asking first (CORS), which this server never allows."""
    shape = 'send {"text": "...", "name": "..."} as application/json'
    if _media_type(request) != "application/json":
        raise UnsupportedBody(f"the body must be JSON: {shape}")
    try:
        payload = json.loads(body.decode("utf-8"))
    except (ValueError, RecursionError):  # bad UTF-8 or JSON; nesting too deep to parse
        raise data.QueryRefused(f"the body is not valid JSON: {shape}") from None
    if not isinstance(payload, dict):
        raise data.QueryRefused(f"the body must be a JSON object: {shape}")
    if payload.get("semantic"):
        raise data.QueryRefused(
            "semantic queries (other words, other languages) are not answered by the viewer: "
            "run 'echoscope detect --semantic --query FILE'"
        )
    unknown = sorted(str(k)[:40] for k in payload if k not in (*QUERY_FIELDS, "semantic"))
    if unknown:
        raise data.QueryRefused(
            f"unknown field{'s' if len(unknown) > 1 else ''} {', '.join(unknown[:5])}: {shape}"
        )
    if "text" not in payload:
        raise data.QueryRefused(f'"text" is missing: {shape}')
    return payload["text"], payload.get("name")


def _form_query(request: Request, body: bytes) -> tuple[str, str]:
    """``text`` and ``name`` of the query page's form. A browser sends a textarea's line
    breaks as CRLF: they become LF again, so offsets index the text as it was pasted."""
    if _media_type(request) != "application/x-www-form-urlencoded":
        raise UnsupportedBody("the form must be sent as application/x-www-form-urlencoded")
    try:
        fields = dict(
            parse_qsl(
                body.decode("ascii"),
                keep_blank_values=True,
                encoding="utf-8",
                errors="strict",
                max_num_fields=len(QUERY_FIELDS) + 2,
            )
        )
    except ValueError:  # not ASCII, not UTF-8 once decoded, or too many fields
        raise data.QueryRefused(
            "the form could not be read (send it from the query page)"
        ) from None
    return fields.get("text", "").replace("\r\n", "\n"), fields.get("name", "")


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
    # and the query kernels, not on the first query (~0.7 s); a store that cannot answer a
    # query yet is still served (its queries then say why)
    with contextlib.suppress(EchoscopeError, sqlite3.Error, OSError):
        data.warm_query(db)
    queries_at_once = asyncio.Semaphore(MAX_CONCURRENT_QUERIES)
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

    def page(
        build: Callable[..., views.Page], *args: Any, status: int = 200, **kwargs: Any
    ) -> HTMLResponse:
        template, context = build(conn, links, *args, **kwargs)
        html = render(
            template,
            links=links,
            page_kind=template[:-5],
            db_name=db_name,
            query_url=QUERY_PATH,
            **context,
        )
        return HTMLResponse(html, status_code=status)

    @app.exception_handler(EchoscopeError)
    async def _error(request: Request, exc: EchoscopeError, status: int | None = None) -> Response:
        if status is None:
            status = 404 if isinstance(exc, data.NotFound) else getattr(exc, "status", 400)
        if request.url.path.startswith("/api/"):
            return JSONResponse({"error": str(exc)}, status_code=status)
        html = render(
            "error.html",
            links=links,
            page_kind="error",
            db_name=db_name,
            query_url=QUERY_PATH,
            title=str(status),
            status={
                403: "Forbidden",
                404: "Not found",
                405: "Method not allowed",
                500: "Server error",
                503: "Unavailable",
            }.get(status, "Bad request"),
            message=str(exc),
        )
        return HTMLResponse(html, status_code=status)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> Response:
        # an error no handler expected (a damaged index file, a bug): one line, no traceback
        return await _error(
            request, EchoscopeError(f"the server could not answer ({type(exc).__name__})"), 500
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 404:
            return await _error(request, data.NotFound(f"no page at {request.url.path}"))
        if exc.status_code == 405:  # e.g. GET /api/query, POST to a page
            allowed = {k.lower(): v for k, v in (exc.headers or {}).items()}.get("allow", "")
            response = await _error(
                request,
                EchoscopeError(
                    f"{request.method} is not answered at {request.url.path}"
                    + (f" (only {allowed})" if allowed else "")
                ),
                status=405,
            )
            if allowed:
                response.headers["allow"] = allowed
            return response
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

    @app.get("/targets", response_class=HTMLResponse, include_in_schema=False)
    async def targets_html(page_no: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
        return page(views.targets_list_page, page_no)

    @app.get("/target/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    async def target_html(name: str, page_no: int = Query(1, alias="page", ge=1)) -> HTMLResponse:
        return page(views.target_page, name, page_no)

    # -- query mode -----------------------------------------------------------------------
    waiting = [0]  # queries waiting for a turn (the event loop is one thread)

    async def answer(text: object, name: object) -> dict[str, Any]:
        text, name = data.check_query(text, name)  # before waiting for a turn
        if queries_at_once.locked() and waiting[0] >= MAX_WAITING_QUERIES:
            raise data.QueryUnavailable("too many queries at once: try again in a moment")
        waiting[0] += 1
        try:
            await queries_at_once.acquire()
        finally:
            waiting[0] -= 1
        try:
            return await run_in_threadpool(data.query, db, text, name)
        finally:
            queries_at_once.release()

    @app.get(QUERY_PATH, response_class=HTMLResponse, include_in_schema=False)
    async def query_form() -> HTMLResponse:
        return page(views.query_page)

    @app.post(QUERY_PATH, response_class=HTMLResponse, include_in_schema=False)
    async def query_html(request: Request) -> HTMLResponse:
        text, name = "", ""
        try:
            _refuse_cross_site(request)
            text, name = _form_query(request, await _query_body(request))
            result = await answer(text, name)
        except data.QueryRefused as e:  # the form again, with the text, and what was wrong
            return page(views.query_page, text=text, name=name, error=str(e), status=e.status)
        # a long text with many echoes is a large page: built off the event loop too
        return await run_in_threadpool(page, views.query_page, result, text=text, name=name)

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

    @app.get("/api/targets", tags=["targets"])
    async def targets_api(
        page_no: int = Query(1, alias="page", ge=1),
        per_page: int = Query(data.PER_PAGE, ge=1, le=500),
    ) -> dict[str, Any]:
        """Who accuses whom: targets ranked by how often they are accused (accusations,
        accusers, documents, first and last date), and the strongest accuser -> target edges
        with the talking points that carry them."""
        return data.targets_page(conn, page=page_no, per_page=per_page)

    @app.get("/api/target/{name:path}", tags=["targets"])
    async def target_api(
        name: str,
        page_no: int = Query(1, alias="page", ge=1),
        per_page: int = Query(data.PER_PAGE, ge=1, le=500),
    ) -> dict[str, Any]:
        """An accuser or target: who accuses them, of what, since when, through which talking
        points; one page of the accusations against them, each with its sentence cut at its
        cue, target, accuser and charge (``evidence``); whom they accuse; the responses they
        take part in."""
        return data.target(conn, name, page=page_no, per_page=per_page)

    @app.post("/api/query", tags=["query"], openapi_extra={"requestBody": QUERY_BODY_SCHEMA})
    async def query_api(request: Request) -> JSONResponse:
        """Where is this text echoed? Body: ``{"text": "...", "name": "optional"}`` (JSON).
        The corpus documents that share passages with the text, strongest first, each with
        its metadata and its passages: offsets on both sides (``start_a``/``end_a`` in the
        text, ``start_b``/``end_b`` in the document), the quoted text of each side
        (``text_a``, ``text_b``), kind, score and alignment; plus counts, notes and the
        seconds it took. Nothing is stored. Errors: ``{"error": "..."}`` with 400 (empty
        text, bad JSON), 403 (sent from another site's page), 413 (too large), 415 (not
        JSON) or 503 (the token index is not current, or too many queries wait)."""
        _refuse_cross_site(request)
        text, name = _json_query(request, await _query_body(request))
        # an answer can be megabytes (every passage quoted on both sides): encoded off the
        # event loop, and as it is (the route declares no model to check it against)
        return await run_in_threadpool(JSONResponse, await answer(text, name))

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
