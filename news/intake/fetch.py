"""A polite and guarded HTTP client for member websites.

Bounded connect, read and total times (the total enforced at the socket, so a server that
trickles bytes is cut off at the deadline); a size limit enforced while streaming; a user
agent naming the association; conditional requests; robots.txt obeyed; one request at a time
per host with a pause between them; redirects followed by hand so each hop is checked too.

Every request (page, redirect hop, robots.txt, feed, picture) resolves the host once, refuses
any address that is not public (loopback, private, link-local, CGNAT, multicast, reserved,
IPv6 unique-local, IPv4-mapped and other embedded IPv4) and ports other than 80 and 443, and
connects to the address it checked: a second DNS answer cannot point it inside.
`NEWS_INTAKE["DEV_HOSTS"]` maps host names to addresses that are allowed anyway, on any port,
for local development and tests only.
"""

import contextlib
import ipaddress
import re
import socket
import threading
import time
import urllib.robotparser
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

from django.conf import settings
from django.utils.formats import number_format
from django.utils.translation import gettext as _

import charset_normalizer
import urllib3

HTML_TYPES = ("text/html", "application/xhtml+xml")
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
)
MAX_REDIRECTS = 5
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_-]+)""", re.IGNORECASE)
XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_-]+)""", re.IGNORECASE)


class FetchError(Exception):
    """A page could not be fetched or read; the message is the reason shown to editors."""


def public_address(address):
    """True for an address on the public internet that the intake may connect to."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6 and (ip.ipv4_mapped or ip.sixtofour or ip.teredo):
        return False
    if ip.version == 6 and ip in ipaddress.ip_network("64:ff9b::/96"):
        return False
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_private)


def refused():
    return FetchError(
        _("This address cannot be fetched: only public websites on ports 80 and 443 are read.")
    )


def resolve(host, port):
    """The one address to connect to, checked; FetchError if the host may not be fetched."""
    dev_hosts = setting("DEV_HOSTS")
    if host in dev_hosts:
        return dev_hosts[host]
    if port not in setting("PORTS"):
        raise refused()
    try:
        host.encode("ascii")
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as error:
        raise FetchError(_("The site cannot be reached.")) from error
    addresses = [info[4][0] for info in infos]
    # One internal address among public ones is enough to refuse: a name pointing inside is
    # either a mistake or an attack.
    if not addresses or not all(public_address(address) for address in addresses):
        raise refused()
    return addresses[0]


class Deadline:
    """The total time of one request, enforced on its sockets: when it passes, they are shut
    down, so a read blocked on a server that trickles bytes returns at once."""

    def __init__(self, seconds):
        self.expired = False
        self.sockets = []
        self.lock = threading.Lock()
        self.timer = threading.Timer(seconds, self.expire)
        self.timer.daemon = True
        self.timer.start()

    def expire(self):
        with self.lock:
            self.expired = True
            for sock in self.sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def watch(self, sock):
        with self.lock:
            if self.expired:
                sock.close()
                raise urllib3.exceptions.ConnectTimeoutError(None, "deadline")
            self.sockets.append(sock)

    def cancel(self):
        self.timer.cancel()


class PinnedConnectionMixin:
    """Connects to the address that was checked, not to a new DNS answer for the host."""

    address = None
    deadline = None

    def _new_conn(self):
        self._dns_host = self.address
        sock = super()._new_conn()
        self.deadline.watch(sock)
        return sock


class PinnedHTTPConnection(PinnedConnectionMixin, urllib3.connection.HTTPConnection):
    pass


class PinnedHTTPSConnection(PinnedConnectionMixin, urllib3.connection.HTTPSConnection):
    pass


class PinnedPoolMixin:
    def __init__(self, *args, address, deadline, **kwargs):
        super().__init__(*args, **kwargs)
        self.address, self.deadline = address, deadline

    def _new_conn(self):
        conn = super()._new_conn()
        conn.address, conn.deadline = self.address, self.deadline
        return conn


class PinnedHTTPPool(PinnedPoolMixin, urllib3.HTTPConnectionPool):
    ConnectionCls = PinnedHTTPConnection


class PinnedHTTPSPool(PinnedPoolMixin, urllib3.HTTPSConnectionPool):
    ConnectionCls = PinnedHTTPSConnection


@dataclass
class Response:
    url: str
    status: int
    content_type: str = ""
    charset: str = ""
    body: bytes = b""
    etag: str = ""
    last_modified: str = ""

    @property
    def not_modified(self):
        return self.status == 304

    @property
    def is_html(self):
        return self.content_type in HTML_TYPES

    @property
    def is_feed(self):
        return self.content_type in FEED_TYPES or self.content_type.endswith("+xml")


def setting(name):
    return settings.NEWS_INTAKE[name]


class Fetcher:
    """One client per intake run: it remembers robots.txt and the last request per host."""

    _host_locks = {}
    _host_locks_guard = threading.Lock()

    def __init__(self):
        self.max_bytes = setting("MAX_BYTES")
        self.total_timeout = setting("TOTAL_TIMEOUT")
        self.delay = setting("HOST_DELAY")
        self.timeout = urllib3.Timeout(
            connect=setting("CONNECT_TIMEOUT"), read=setting("READ_TIMEOUT")
        )
        self.robots = {}
        self.last_request = {}

    def _host_lock(self, host):
        with self._host_locks_guard:
            return self._host_locks.setdefault(host, threading.Lock())

    def allowed(self, url):
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self.robots:
            parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
            try:
                response = self._request(origin + "/robots.txt", limit=512 * 1024)
            except FetchError:
                # No answer about robots.txt: the page request will show what is wrong.
                parser.allow_all = True
            else:
                if response.status in (401, 403):
                    parser.disallow_all = True
                elif response.status >= 400:
                    parser.allow_all = True
                else:
                    parser.parse(response.body.decode("utf-8", "replace").splitlines())
            self.robots[origin] = parser
        return self.robots[origin].can_fetch(setting("USER_AGENT"), url)

    def get(self, url, etag="", last_modified="", accept=HTML_TYPES):
        """Fetch `url` following redirects; FetchError with a Russian reason on any failure."""
        for _hop in range(MAX_REDIRECTS + 1):
            if urlsplit(url).scheme not in ("http", "https"):
                raise FetchError(_("Only http and https addresses can be fetched."))
            if not self.allowed(url):
                raise FetchError(_("The site's robots.txt does not allow fetching this page."))
            headers = {"Accept": ", ".join(accept) + ", */*;q=0.1"}
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
            response = self._request(url, headers=headers)
            if response.status in (301, 302, 303, 307, 308) and response.url:
                url = response.url
                continue
            if response.not_modified:
                return response
            if response.status >= 400:
                raise FetchError(_("The site answered with error %(status)s.") % response.__dict__)
            wanted_feed = accept == FEED_TYPES
            if response.content_type not in accept and not (wanted_feed and response.is_feed):
                kind = {"type": response.content_type or _("an unknown type")}
                if wanted_feed:
                    raise FetchError(_("Not an RSS or Atom feed but %(type)s.") % kind)
                if accept == HTML_TYPES:
                    raise FetchError(_("Not a web page but %(type)s.") % kind)
                raise FetchError(_("Not a picture but %(type)s.") % kind)
            return response
        raise FetchError(_("Too many redirects."))

    def _request(self, url, headers=None, limit=None):
        limit = limit or self.max_bytes
        host = urlsplit(url).netloc
        with self._host_lock(host):
            wait = self.last_request.get(host, 0) + self.delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                return self._read(url, headers or {}, limit)
            finally:
                self.last_request[host] = time.monotonic()

    def _read(self, url, headers, limit):
        parts = urlsplit(url)
        try:
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as error:
            raise refused() from error
        address = resolve(parts.hostname or "", port)
        deadline = Deadline(self.total_timeout)
        pool_class = PinnedHTTPSPool if parts.scheme == "https" else PinnedHTTPPool
        pool = pool_class(
            parts.hostname,
            port,
            timeout=self.timeout,
            retries=False,
            maxsize=1,
            address=address,
            deadline=deadline,
        )
        path = urlunsplit(("", "", parts.path or "/", parts.query, ""))
        try:
            try:
                raw = pool.urlopen(
                    "GET",
                    path,
                    headers={"User-Agent": setting("USER_AGENT"), "Host": parts.netloc, **headers},
                    preload_content=False,
                    redirect=False,
                    retries=False,
                )
            except (
                urllib3.exceptions.NewConnectionError,
                urllib3.exceptions.NameResolutionError,
            ) as e:
                # Checked first: urllib3 counts a refused connection as a kind of timeout.
                if deadline.expired:
                    raise FetchError(_("The site did not answer in time.")) from e
                raise FetchError(_("The site cannot be reached.")) from e
            except urllib3.exceptions.TimeoutError as error:
                raise FetchError(_("The site did not answer in time.")) from error
            except (urllib3.exceptions.HTTPError, OSError) as error:
                if deadline.expired:
                    raise FetchError(_("The site did not answer in time.")) from error
                raise FetchError(_("The site cannot be reached.")) from error
            try:
                length = raw.headers.get("Content-Length", "")
                if length.isdigit() and int(length) > limit:
                    raise FetchError(too_large(limit))
                chunks, size = [], 0
                if raw.status < 300 or raw.status >= 400:
                    for chunk in raw.stream(64 * 1024, decode_content=True):
                        size += len(chunk)
                        if size > limit:
                            raise FetchError(too_large(limit))
                        chunks.append(chunk)
            except urllib3.exceptions.TimeoutError as error:
                raise FetchError(_("The site did not answer in time.")) from error
            except (urllib3.exceptions.HTTPError, OSError) as error:
                if deadline.expired:
                    raise FetchError(_("The site did not answer in time.")) from error
                raise FetchError(_("The connection broke while reading the page.")) from error
            finally:
                raw.release_conn()
            if deadline.expired:
                # The sockets were shut at the deadline: what was read is cut short.
                raise FetchError(_("The site did not answer in time."))
        finally:
            deadline.cancel()
            pool.close()
        content_type, _sep, params = raw.headers.get("Content-Type", "").partition(";")
        charset = ""
        match = re.search(r"charset\s*=\s*\"?([\w-]+)", params, re.IGNORECASE)
        if match:
            charset = match.group(1)
        location = raw.headers.get("Location", "")
        return Response(
            url=urljoin(url, location) if 300 <= raw.status < 400 and location else url,
            status=raw.status,
            content_type=content_type.strip().lower(),
            charset=charset.lower(),
            body=b"".join(chunks),
            etag=raw.headers.get("ETag", "")[:255],
            last_modified=raw.headers.get("Last-Modified", "")[:64],
        )


def too_large(limit):
    return _("The page is larger than %(size)s MB.") % {"size": number_format(limit / 2**20, 1)}


def decode(response):
    """The text of a page: its declared encoding if the bytes agree, else a detected one."""
    body = response.body
    head = body[:4096]
    declared = [response.charset]
    for pattern in (META_CHARSET, XML_ENCODING):
        match = pattern.search(head)
        if match:
            declared.append(match.group(1).decode("ascii").lower())
    for charset in filter(None, declared):
        try:
            return body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
    if not declared[1:] and not response.charset:
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            pass
    best = charset_normalizer.from_bytes(body, cp_isolation=["cp1251", "koi8_r", "utf_8"]).best()
    if best is None or best.chaos > 0.2:
        raise FetchError(_("The page's encoding is broken: its text cannot be read."))
    return str(best)
