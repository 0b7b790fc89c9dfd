"""Fetching untrusted URLs without letting them reach inside our network or exhaust a worker.

Every URL staff or a feed hands us is hostile until proven otherwise:
- only http/https; the host is resolved here and EVERY address it resolves to must be public
  (private, loopback, link-local, multicast, reserved, unspecified, CGNAT, and the same
  addresses hidden in IPv4-mapped / NAT64 / 6to4 / Teredo IPv6 forms are refused);
- the connection goes to the vetted address (Host header and TLS SNI carry the name), so a
  DNS answer that changes between our check and the connect (rebinding) is never used;
- redirects are followed here, one hop at a time, each hop vetted again, at most
  MAX_REDIRECTS, loops refused;
- connect/read timeouts plus an overall deadline (a server trickling one byte a second never
  trips a read timeout);
- the body is counted while streaming, before and after gzip/deflate decoding, which we do
  ourselves with a bounded output so a gzip bomb cannot inflate in memory;
- content types are checked per purpose (feed, page, robots.txt);
- conditional GET (ETag / Last-Modified), Retry-After on 429/503, a descriptive User-Agent,
  robots.txt for pages (cached per host), and a per-host pace shared by all workers.

``settings.FETCH_ALLOW_LOOPBACK`` admits 127.0.0.0/8 and ::1 (tests and local demos only).
"""

from __future__ import annotations

import email.utils
import ipaddress
import logging
import socket
import threading
import time
import zlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpx
from django.conf import settings
from django.core.cache import cache

log = logging.getLogger(__name__)

MAX_REDIRECTS = 5
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ROBOTS_MAX_BYTES = 512 * 1024
ROBOTS_CACHE_SECONDS = 3600
RETRY_AFTER_CAP_SECONDS = 6 * 3600

# What each purpose accepts; anything else is refused before the body is read.
CONTENT_TYPES = {
    "feed": frozenset(
        {
            "application/rss+xml",
            "application/atom+xml",
            "application/rdf+xml",
            "application/xml",
            "text/xml",
            "application/x-rss+xml",
            "text/rss+xml",
            "text/atom+xml",
        }
    ),
    "page": frozenset({"text/html", "application/xhtml+xml", "text/plain"}),
    "robots": frozenset({"text/plain"}),
}


class FetchError(Exception):
    """Base class: the URL could not be fetched. ``transient`` errors are worth retrying."""

    transient = False


class FetchRefused(FetchError):
    """The URL is not one we may fetch (scheme, address, credentials)."""


class FetchDisallowedByRobots(FetchRefused):
    """The site's robots.txt disallows this page for our User-Agent."""


class FetchTooLarge(FetchError):
    """The body exceeded the size cap (checked while streaming, after decoding)."""


class FetchTimeout(FetchError):
    transient = True


class FetchConnectionError(FetchError):
    transient = True


class FetchTooManyRedirects(FetchError):
    pass


class FetchRedirectLoop(FetchTooManyRedirects):
    pass


class FetchBadContentType(FetchError):
    pass


class FetchBadEncoding(FetchError):
    """A Content-Encoding we don't decode, or a corrupt compressed body."""


class FetchHTTPError(FetchError):
    def __init__(self, status: int, url: str) -> None:
        super().__init__(f"HTTP {status} from {url}")
        self.status = status
        self.url = url
        self.transient = status >= 500 or status in (408, 425)


class FetchRetryLater(FetchError):
    """429/503 (or our own per-host pace): try again after ``retry_after`` seconds."""

    transient = True

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class FetchPaced(FetchRetryLater):
    """Our own per-host pace says wait: not the publisher's fault, not a failure."""


@dataclass(frozen=True)
class FetchResult:
    url: str  # final URL after redirects
    status: int
    content: bytes = b""
    content_type: str = ""
    charset: str | None = None
    etag: str = ""
    last_modified: str = ""
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def not_modified(self) -> bool:
        return self.status == 304


# --- Address vetting ----------------------------------------------------------------


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 form smuggles (mapped, NAT64, 6to4, Teredo), if any."""
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip in ipaddress.IPv6Network("64:ff9b::/96"):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.sixtofour:
        return ip.sixtofour
    if ip.teredo:
        return ip.teredo[1]
    # Deprecated IPv4-compatible form ::a.b.c.d
    if int(ip) >> 32 == 0 and int(ip) > 1:
        return ipaddress.IPv4Address(int(ip))
    return None


def address_allowed(address: str, *, allow_loopback: bool | None = None) -> bool:
    """Whether we may connect to this IP address."""
    if allow_loopback is None:
        allow_loopback = settings.FETCH_ALLOW_LOOPBACK
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = _embedded_ipv4(ip)
        if embedded is not None:
            if ip.ipv4_mapped is None:
                # Tunnelled forms are refused outright unless the embedded address is public.
                return address_allowed(str(embedded), allow_loopback=False)
            ip = embedded
    if ip.is_loopback:
        # 127.0.0.0/8 and ::1 only; never the rest of the private ranges.
        return allow_loopback
    if ip.is_multicast or ip.is_unspecified or ip.is_reserved or ip.is_link_local or ip.is_private:
        return False
    return ip.is_global


def resolve_host(host: str, port: int) -> list[str]:
    """Every address ``host`` resolves to (tests replace this to simulate hostile DNS)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


def vetted_address(host: str, port: int) -> str:
    """Resolve ``host`` and return the address to connect to, or raise FetchRefused.

    All answers must be allowed: a name that mixes a public and a private address could be
    steered to the private one.
    """
    try:
        literal = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        literal = None
    if literal is not None:
        addresses = [str(literal)]
    else:
        try:
            addresses = resolve_host(host, port)
        except (OSError, UnicodeError) as exc:
            raise FetchConnectionError(f"cannot resolve {host}: {exc}") from exc
    if not addresses:
        raise FetchConnectionError(f"{host} resolves to no address")
    refused = [a for a in addresses if not address_allowed(a)]
    if refused:
        raise FetchRefused(f"{host} resolves to a non-public address ({refused[0]})")
    return addresses[0]


def _split_target(url: str) -> tuple[str, str, int]:
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        host = parts.hostname
        port = parts.port
    except ValueError as exc:
        raise FetchRefused(f"malformed URL {url[:200]!r}") from exc
    if scheme not in ("http", "https"):
        raise FetchRefused(f"scheme {scheme or '(none)'!r} is not allowed")
    if not host:
        raise FetchRefused(f"no host in {url[:200]!r}")
    if parts.username or parts.password:
        raise FetchRefused("credentials in URLs are not allowed")
    return scheme, host, port or (443 if scheme == "https" else 80)


# --- Per-host pace, shared by all workers through Redis when configured ------------------

_local_pace_lock = threading.Lock()
_local_next_slot: dict[str, float] = {}
_redis_clients: dict[str, object] = {}


def _redis():
    """The Redis client for per-host pacing: REDIS_URL, else a Redis broker, else None (in-process)."""
    url = settings.REDIS_URL or (
        settings.CELERY_BROKER_URL if settings.CELERY_BROKER_URL.startswith(("redis://", "rediss://")) else ""
    )
    if not url:
        return None
    client = _redis_clients.get(url)
    if client is None:
        import redis

        client = _redis_clients[url] = redis.Redis.from_url(url, socket_timeout=2, socket_connect_timeout=2)
    return client


def take_host_slot(host: str, *, max_wait: float = 10.0) -> None:
    """Wait for this host's next request slot (one request per FETCH_HOST_INTERVAL seconds).

    The slot is a Redis key set with NX and a TTL: whichever worker sets it owns the slot,
    so workers on different machines never hammer one publisher together. Raises
    FetchPaced when the wait would be too long (the task re-queues itself instead of
    holding a worker).
    """
    interval = float(getattr(settings, "FETCH_HOST_INTERVAL", 1.0))
    if interval <= 0:
        return
    deadline = time.monotonic() + max_wait
    client = _redis()
    if client is not None:
        key = f"signatory:fetch:host:{host}"
        while True:
            try:
                if client.set(key, b"1", nx=True, px=int(interval * 1000)):
                    return
                ttl_ms = client.pttl(key)
            except Exception as exc:
                log.warning("per-host pace unavailable (%s); pacing in-process", exc)
                break
            wait = max(ttl_ms, 10) / 1000 if ttl_ms and ttl_ms > 0 else 0.01
            if time.monotonic() + wait > deadline:
                raise FetchPaced(f"pacing requests to {host}", retry_after=wait + interval)
            time.sleep(wait)
    while True:
        with _local_pace_lock:
            now = time.monotonic()
            slot = _local_next_slot.get(host, 0.0)
            if slot <= now:
                _local_next_slot[host] = now + interval
                return
            wait = slot - now
        if now + wait > deadline:
            raise FetchPaced(f"pacing requests to {host}", retry_after=wait)
        time.sleep(wait)


# --- Body decoding with bounded output --------------------------------------------------


class _BoundedDecoder:
    """gzip/deflate decoding that never produces more than ``limit`` bytes in total."""

    def __init__(self, encoding: str, limit: int) -> None:
        self.limit = limit
        self.produced = 0
        encoding = encoding.strip().lower()
        if encoding in ("", "identity"):
            self._z = None
        elif encoding in ("gzip", "x-gzip"):
            self._z = zlib.decompressobj(16 + zlib.MAX_WBITS)
        elif encoding == "deflate":
            self._z = zlib.decompressobj()
        else:
            raise FetchBadEncoding(f"unsupported Content-Encoding {encoding!r}")
        self.encoding = encoding

    def feed(self, chunk: bytes) -> bytes:
        if self._z is None:
            out = chunk
        else:
            out = b""
            data = chunk
            try:
                while data:
                    # max_length bounds the memory one chunk can inflate to.
                    piece = self._z.decompress(data, self.limit - self.produced - len(out) + 1)
                    out += piece
                    if self.produced + len(out) > self.limit:
                        break
                    data = self._z.unconsumed_tail
                    if not piece and data:
                        break
            except zlib.error as exc:
                raise FetchBadEncoding(f"corrupt {self.encoding} body: {exc}") from exc
        self.produced += len(out)
        if self.produced > self.limit:
            raise FetchTooLarge(f"body larger than {self.limit} bytes after decoding")
        return out


def _retry_after_seconds(value: str | None, default: float = 60.0) -> float:
    if not value:
        return default
    value = value.strip()
    if value.isdigit():
        return min(float(value), RETRY_AFTER_CAP_SECONDS)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return default
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return min(max((when - datetime.now(UTC)).total_seconds(), 0.0), RETRY_AFTER_CAP_SECONDS)


def _media_type(header: str) -> tuple[str, str | None]:
    main, _, params = (header or "").partition(";")
    charset = None
    for param in params.split(";"):
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'")
    return main.strip().lower(), charset


# --- The fetch ----------------------------------------------------------------------


_ssl_context = None


def _tls_context():
    """One verified TLS context for every fetch: loading the CA bundle costs ~40 ms each time."""
    global _ssl_context
    if _ssl_context is None:
        _ssl_context = httpx.create_ssl_context()
    return _ssl_context


def _timeout() -> httpx.Timeout:
    return httpx.Timeout(
        connect=settings.FETCH_CONNECT_TIMEOUT,
        read=settings.FETCH_READ_TIMEOUT,
        write=settings.FETCH_READ_TIMEOUT,
        pool=settings.FETCH_CONNECT_TIMEOUT,
    )


def _pinned_request(
    client: httpx.Client, url: str, headers: dict[str, str]
) -> tuple[httpx.Request, str, str]:
    """A request for ``url`` that connects to the vetted address, not to whatever DNS says later."""
    scheme, host, port = _split_target(url)
    address = vetted_address(host, port)
    parts = urlsplit(url)
    ip_host = f"[{address}]" if ":" in address else address
    default_port = 443 if scheme == "https" else 80
    netloc = ip_host if port == default_port else f"{ip_host}:{port}"
    host_header = parts.netloc.rsplit("@", 1)[-1]
    pinned_url = urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))
    extensions = {"sni_hostname": host} if scheme == "https" else {}
    request = client.build_request(
        "GET", pinned_url, headers={**headers, "Host": host_header}, extensions=extensions
    )
    return request, host, address


def fetch(
    url: str,
    *,
    purpose: str = "page",
    etag: str = "",
    last_modified: str = "",
    max_bytes: int | None = None,
    check_robots: bool | None = None,
) -> FetchResult:
    """GET ``url`` safely (see the module docstring) and return its body.

    ``purpose`` ('feed', 'page', 'robots') picks the accepted content types. A 304 returns a
    FetchResult with ``not_modified`` true and no body. Raises a FetchError subclass.
    """
    max_bytes = max_bytes or settings.FETCH_MAX_BYTES
    if check_robots is None:
        check_robots = purpose == "page" and settings.FETCH_RESPECT_ROBOTS
    if check_robots and not robots_allowed(url):
        raise FetchDisallowedByRobots(f"robots.txt disallows {url}")
    total_timeout = float(getattr(settings, "FETCH_TOTAL_TIMEOUT", 30.0))
    deadline = time.monotonic() + total_timeout
    base_headers = {
        "User-Agent": settings.FETCH_USER_AGENT,
        "Accept-Encoding": "gzip, deflate",
        "Accept": ", ".join(sorted(CONTENT_TYPES[purpose])) + ", */*;q=0.1",
    }
    if etag:
        base_headers["If-None-Match"] = etag
    if last_modified:
        base_headers["If-Modified-Since"] = last_modified

    seen: set[str] = set()
    current = url
    # trust_env=False: an HTTP(S)_PROXY in the environment must not bypass our address checks.
    with httpx.Client(
        timeout=_timeout(), follow_redirects=False, trust_env=False, verify=_tls_context()
    ) as client:
        for _hop in range(MAX_REDIRECTS + 1):
            if current in seen:
                raise FetchRedirectLoop(f"redirect loop at {current}")
            seen.add(current)
            request, host, _address = _pinned_request(client, current, base_headers)
            take_host_slot(host)
            try:
                response = client.send(request, stream=True)
            except httpx.TimeoutException as exc:
                raise FetchTimeout(f"timed out fetching {current}: {exc!r}") from exc
            except httpx.HTTPError as exc:
                raise FetchConnectionError(f"cannot fetch {current}: {exc!r}") from exc
            try:
                if response.status_code in REDIRECT_STATUSES:
                    location = response.headers.get("location")
                    if not location:
                        raise FetchHTTPError(response.status_code, current)
                    current = urljoin(current, location.strip())
                    continue
                return _read_response(response, current, purpose, max_bytes, deadline)
            finally:
                response.close()
        raise FetchTooManyRedirects(f"more than {MAX_REDIRECTS} redirects from {url}")


def _read_response(
    response: httpx.Response, url: str, purpose: str, max_bytes: int, deadline: float
) -> FetchResult:
    status = response.status_code
    headers = response.headers
    if status == 304:
        return FetchResult(
            url=url,
            status=304,
            etag=headers.get("etag", ""),
            last_modified=headers.get("last-modified", ""),
        )
    if status in (429, 503):
        raise FetchRetryLater(
            f"HTTP {status} from {url}", retry_after=_retry_after_seconds(headers.get("retry-after"))
        )
    if status != 200:
        raise FetchHTTPError(status, url)
    media_type, charset = _media_type(headers.get("content-type", ""))
    if media_type not in CONTENT_TYPES[purpose]:
        raise FetchBadContentType(f"content type {media_type or '(none)'!r} is not accepted for a {purpose}")
    declared = headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise FetchTooLarge(f"Content-Length {declared} exceeds {max_bytes} bytes")
    decoder = _BoundedDecoder(headers.get("content-encoding", ""), max_bytes)
    body = bytearray()
    raw_seen = 0
    try:
        for chunk in response.iter_raw():
            raw_seen += len(chunk)
            if raw_seen > max_bytes:
                raise FetchTooLarge(f"body larger than {max_bytes} bytes")
            body += decoder.feed(chunk)
            if time.monotonic() > deadline:
                raise FetchTimeout(f"{url} did not finish within the overall fetch deadline")
    except httpx.TimeoutException as exc:
        raise FetchTimeout(f"timed out reading {url}: {exc!r}") from exc
    except httpx.HTTPError as exc:
        raise FetchConnectionError(f"connection failed reading {url}: {exc!r}") from exc
    return FetchResult(
        url=url,
        status=status,
        content=bytes(body),
        content_type=media_type,
        charset=charset,
        etag=headers.get("etag", ""),
        last_modified=headers.get("last-modified", ""),
        headers=dict(headers),
    )


# --- robots.txt -----------------------------------------------------------------------


# A worker fetching many pages of one site asks the shared cache at most once a minute.
ROBOTS_LOCAL_SECONDS = 60
_robots_local: dict[str, tuple[float, str]] = {}


def _robots_text(origin: str) -> str:
    """robots.txt for an origin, cached; '' means everything allowed.

    RFC 9309: a 4xx robots.txt means no restrictions; a server error or an unreachable
    robots.txt means assume everything is disallowed for now.
    """
    local = _robots_local.get(origin)
    if local is not None and local[0] > time.monotonic():
        return local[1]
    key = f"signatory:robots:{origin}"
    cached = cache.get(key)
    if cached is not None:
        _robots_local[origin] = (time.monotonic() + ROBOTS_LOCAL_SECONDS, cached)
        return cached
    try:
        result = fetch(
            f"{origin}/robots.txt", purpose="robots", max_bytes=ROBOTS_MAX_BYTES, check_robots=False
        )
        text = result.content.decode("utf-8", "replace")
    except FetchHTTPError as exc:
        text = "" if 400 <= exc.status < 500 else "User-agent: *\nDisallow: /\n"
    except FetchBadContentType:
        # An HTML error page served at /robots.txt: treat as absent.
        text = ""
    except (FetchRefused, FetchRetryLater):
        # Refused hosts stay refused; a robots.txt we were asked to wait for says nothing yet.
        raise
    except FetchError:
        text = "User-agent: *\nDisallow: /\n"
        cache.set(key, text, 300)
        return text
    cache.set(key, text, ROBOTS_CACHE_SECONDS)
    return text


def robots_allowed(url: str) -> bool:
    """Whether robots.txt of the URL's site lets our User-Agent fetch it."""
    scheme, host, port = _split_target(url)
    default_port = 443 if scheme == "https" else 80
    origin = f"{scheme}://{host}" if port == default_port else f"{scheme}://{host}:{port}"
    text = _robots_text(origin)
    if not text.strip():
        return True
    parser = RobotFileParser()
    parser.parse(text.splitlines())
    agent = settings.FETCH_USER_AGENT.split("/", 1)[0]
    return parser.can_fetch(agent, url)
