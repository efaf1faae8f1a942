"""Serves the intake corpus (samples/intake/) on 127.0.0.1 for the eval bench and the tests.

Pages are sent as their sites would send them (sources.yaml: the charset in the HTTP header or
only in <meta>); pictures are drawn on the fly; unknown paths answer 404.
"""

import hashlib
import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import yaml
from PIL import Image

ROOT = Path(__file__).resolve().parent
CONFIG = yaml.safe_load((ROOT / "sources.yaml").read_text())
PICTURES = {
    ".jpg": ("JPEG", "image/jpeg"),
    ".png": ("PNG", "image/png"),
    ".gif": ("GIF", "image/gif"),
    ".webp": ("WEBP", "image/webp"),
}


def picture(path):
    suffix = Path(path).suffix
    colour = tuple(hashlib.sha256(path.encode()).digest()[:3])
    buffer = io.BytesIO()
    Image.new("RGB", (640, 480), colour).save(buffer, PICTURES[suffix][0])
    return PICTURES[suffix][1], buffer.getvalue()


def page(path, base):
    """(content type, body) of a corpus address, or None."""
    if Path(path).suffix in PICTURES:
        return picture(path)
    if path == "/robots.txt":
        return "text/plain", b"User-agent: *\nDisallow: /bitrix/admin/\n"
    file = ROOT / path.lstrip("/")
    if path.endswith("/"):
        file = file / "index.html"
    if not file.is_file() or ROOT not in file.resolve().parents or file.suffix in (".yaml", ".py"):
        return None
    body = file.read_bytes().replace(b"{base}", base.encode())
    if path in CONFIG["feeds"]:
        return "application/rss+xml; charset=utf-8", body
    site = CONFIG["sites"][path.split("/")[1]]
    charset = "" if path in site.get("meta_only", ()) else site["charset"]
    return "text/html" + (f"; charset={charset}" if charset else ""), body


class CorpusHandler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 (http.server's naming)
        host = self.headers.get("Host", "")
        found = page(self.path.split("?", 1)[0].split("#", 1)[0], f"http://{host}")
        if found is None:
            self.send_error(404)
            return
        content_type, body = found
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):  # noqa: A002
        pass


def start(port=0):
    """The corpus on 127.0.0.1 in a daemon thread; `server.base_url` is its address."""
    server = ThreadingHTTPServer(("127.0.0.1", port), CorpusHandler)
    server.daemon_threads = True
    server.base_url = f"http://127.0.0.1:{server.server_address[1]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def expected_pages():
    """Each article's expected fields (the *.expected.yaml files), by address."""
    return [yaml.safe_load(file.read_text()) for file in sorted(ROOT.rglob("*.expected.yaml"))]
