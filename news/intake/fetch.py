"""A polite HTTP client for member websites.

Bounded connect, read and total times; a size limit enforced while streaming; a user agent
naming the association; conditional requests; robots.txt obeyed; one request at a time per
host with a pause between them; redirects followed by hand so each hop is checked too.
"""

import re
import threading
import time
import urllib.robotparser
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

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
        self.pool = urllib3.PoolManager(
            timeout=urllib3.Timeout(
                connect=setting("CONNECT_TIMEOUT"), read=setting("READ_TIMEOUT")
            ),
            retries=False,
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
        started = time.monotonic()
        try:
            raw = self.pool.request(
                "GET",
                url,
                headers={"User-Agent": setting("USER_AGENT"), **headers},
                preload_content=False,
                redirect=False,
            )
        except (urllib3.exceptions.NewConnectionError, urllib3.exceptions.NameResolutionError) as e:
            # Checked first: urllib3 counts a refused connection as a kind of timeout.
            raise FetchError(_("The site cannot be reached.")) from e
        except urllib3.exceptions.TimeoutError as error:
            raise FetchError(_("The site did not answer in time.")) from error
        except (urllib3.exceptions.HTTPError, OSError) as error:
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
                    if time.monotonic() - started > self.total_timeout:
                        raise FetchError(_("The site did not answer in time."))
                    chunks.append(chunk)
        except urllib3.exceptions.TimeoutError as error:
            raise FetchError(_("The site did not answer in time.")) from error
        except (urllib3.exceptions.HTTPError, OSError) as error:
            raise FetchError(_("The connection broke while reading the page.")) from error
        finally:
            raw.release_conn()
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
