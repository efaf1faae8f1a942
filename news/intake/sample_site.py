"""Two made-up member websites (news.intake.sample_content), served on 127.0.0.1 for the
intake's tests and demo, with their photos, ETag and Last-Modified."""

import hashlib
import io
import threading
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from PIL import Image, ImageDraw

from news.intake.sample_content import (
    CITY_ARTICLES,
    CITY_CHROME_BOTTOM,
    CITY_CHROME_TOP,
    LIBRARY_ARTICLES,
    MISLABELLED,
    MISLABELLED_PATH,
    city_atom,
    city_page,
    library_listing,
    library_rss,
)


def photo(colour):
    buffer = io.BytesIO()
    image = Image.new("RGB", (1200, 800), colour)
    ImageDraw.Draw(image).rectangle((100, 100, 1100, 700), outline=(255, 255, 255), width=12)
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


PHOTOS = {
    "/zcbs/img/chas.jpg": (40, 90, 140),
    "/zcbs/img/poeziya-1.jpg": (150, 60, 60),
    "/zcbs/img/poeziya-2.jpg": (60, 140, 80),
    "/zcbs/img/noch.jpg": (30, 30, 70),
    "/adm/img/chtecy.jpg": (120, 110, 40),
}

HTML = "text/html"


def sample_pages(base):
    """Every sample address -> (content type, bytes); `base` is e.g. http://127.0.0.1:8125."""
    host = base.split("://", 1)[1]
    pages = {
        path: (f"{HTML}; charset=utf-8", html.replace("{host}", host).encode("utf-8"))
        for path, html in LIBRARY_ARTICLES.items()
    }
    for path, (with_meta, title, article) in CITY_ARTICLES.items():
        body = city_page(title, article, charset_meta=with_meta).encode("cp1251")
        # One page declares its encoding only in the HTTP header, as old servers do.
        pages[path] = (HTML if with_meta else f"{HTML}; charset=windows-1251", body)
    mislabelled = MISLABELLED.format(top=CITY_CHROME_TOP, bottom=CITY_CHROME_BOTTOM)
    pages[MISLABELLED_PATH] = (HTML, mislabelled.encode("cp1251"))
    pages["/zcbs/news/"] = (f"{HTML}; charset=utf-8", library_listing().encode("utf-8"))
    pages["/zcbs/rss.xml"] = ("application/rss+xml", library_rss(base).encode("utf-8"))
    pages["/adm/atom.xml"] = ("application/atom+xml", city_atom(base).encode("cp1251"))
    for path, colour in PHOTOS.items():
        pages[path] = ("image/jpeg", photo(colour))
    pages["/robots.txt"] = ("text/plain", b"User-agent: *\nDisallow: /zcbs/private/\n")
    return pages


class SampleSiteHandler(BaseHTTPRequestHandler):
    """Serves `server.pages` with ETag and Last-Modified, answering 304 when unchanged."""

    server_version = "SampleSite/1.0"
    last_modified = formatdate(1717200000, usegmt=True)

    def do_GET(self):  # noqa: N802 (http.server's naming)
        path = self.path.split("?", 1)[0]
        page = self.server.pages.get(path)
        if page is None:
            self.send_error(404)
            return
        content_type, body = page
        etag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", self.last_modified)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)


def start_server(port=0, handler=SampleSiteHandler, verbose=False):
    """Start the sample site on 127.0.0.1 in a daemon thread; returns the server."""
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    server.verbose = verbose
    base = f"http://127.0.0.1:{server.server_address[1]}"
    server.base_url = base
    server.pages = sample_pages(base)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server
