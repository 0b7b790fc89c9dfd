"""A small local web site on 127.0.0.1 for ingest tests: feeds, pages, redirects, hostile bodies."""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    # Seconds to wait before sending anything (slow server).
    delay: float = 0.0
    # Send the body in pieces of this size, sleeping ``trickle`` seconds between them.
    chunk: int = 0
    trickle: float = 0.0
    # Endless body: keep sending ``chunk`` bytes until the client gives up.
    endless: bool = False
    # Declare no Content-Length (the client must count while streaming).
    hide_length: bool = False
    # Respond 304 when the request carries this ETag.
    etag: str = ""
    handler: Callable[[BaseHTTPRequestHandler], None] | None = None


class LocalSite:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                site.requests.append((self.path, dict(self.headers)))
                route = site.routes.get(self.path) or site.routes.get(self.path.split("?", 1)[0])
                if route is None:
                    body = b"not found"
                    self.send_response(404)
                    self.send_header("Content-Type", "text/plain")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                if route.handler:
                    route.handler(self)
                    return
                if route.delay:
                    time.sleep(route.delay)
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.send_header("ETag", route.etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                if route.etag:
                    self.send_header("ETag", route.etag)
                for name, value in route.headers.items():
                    self.send_header(name, value)
                if route.hide_length or route.endless:
                    self.send_header("Connection", "close")
                else:
                    self.send_header("Content-Length", str(len(route.body)))
                self.end_headers()
                try:
                    if route.endless:
                        piece = route.body or b"x" * (route.chunk or 1024)
                        while True:
                            self.wfile.write(piece)
                            self.wfile.flush()
                            if route.trickle:
                                time.sleep(route.trickle)
                    elif route.chunk:
                        for start in range(0, len(route.body), route.chunk):
                            self.wfile.write(route.body[start : start + route.chunk])
                            self.wfile.flush()
                            if route.trickle:
                                time.sleep(route.trickle)
                    else:
                        self.wfile.write(route.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                if route.hide_length or route.endless:
                    self.close_connection = True

        class Server(ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address) -> None:
                pass  # clients hanging up on hostile bodies is the point of many tests

        self.server = Server(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_port}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, body: bytes | str = b"", **options) -> str:
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.routes[path] = Route(body=body, **options)
        return self.url(path)

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        return self.add(path, b"", status=status, headers={"Location": location}, content_type="text/plain")

    def hits(self, path: str) -> int:
        return sum(1 for p, _ in self.requests if p.split("?", 1)[0] == path)

    def start(self, *, tls_context=None) -> LocalSite:
        """Serve; with an ssl.SSLContext (server side), serve HTTPS."""
        if tls_context is not None:
            self.server.socket = tls_context.wrap_socket(self.server.socket, server_side=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=9)


def rss(items: list[dict], *, title: str = "Test feed") -> str:
    """An RSS 2.0 document; each item: link, title, and optional description/pubDate/guid."""
    parts = []
    for item in items:
        description = item.get("description", "")
        pub = item.get("pubDate", "Fri, 13 Sep 2024 12:00:00 GMT")
        parts.append(
            "<item>"
            f"<title>{item.get('title', 'Untitled')}</title>"
            f"<link>{item['link']}</link>"
            f"<guid>{item.get('guid', item['link'])}</guid>"
            f"<pubDate>{pub}</pubDate>"
            f"<description><![CDATA[{description}]]></description>"
            "</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<rss version="2.0"><channel><title>{title}</title><link>http://example.org/</link>'
        f"<description>feed</description>{''.join(parts)}</channel></rss>"
    )


def article_html(title: str, paragraphs: list[str]) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright Test News</footer></body></html>"
    )
