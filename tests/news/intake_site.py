"""The sample member sites plus every kind of bad page, served on 127.0.0.1 for the tests."""

import socket
import time

from news.intake.sample_content import CITY_CHROME_BOTTOM, CITY_CHROME_TOP
from news.intake.sample_site import SampleSiteHandler

NO_ARTICLE = f"""<html><head><meta charset="windows-1251"><title>Контакты</title></head>
<body>{CITY_CHROME_TOP}<p>Телефон приёмной: 8 (800) 000-00-01.</p>{CITY_CHROME_BOTTOM}
</body></html>""".encode("cp1251")
BROKEN = (
    b'<html><head><meta charset="utf-8"></head><body><p>'
    + bytes((n * 37 + 11) % 128 + 128 for n in range(4000))
    + b"</p></body></html>"
)


class BadPagesHandler(SampleSiteHandler):
    """The sample sites, and pages that must be refused with a reason."""

    def do_GET(self):  # noqa: N802
        self.server.requests.append((self.path, dict(self.headers)))
        path = self.path.split("?", 1)[0]
        if path == "/bad/report.pdf":
            return self.answer("application/pdf", b"%PDF-1.4 " + b"0" * 2000)
        if path == "/bad/huge.html":
            # No Content-Length: the limit has to be enforced while reading.
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            chunk = ("<p>" + "Очень длинная страница. " * 400 + "</p>").encode()
            for _ in range(200):
                try:
                    self.wfile.write(chunk)
                except OSError:
                    return None
            return None
        if path == "/bad/hang.html":
            time.sleep(3)
            return self.answer("text/html", b"<html><body>late</body></html>")
        if path == "/bad/broken.html":
            return self.answer("text/html", BROKEN)
        if path == "/bad/no-article.html":
            return self.answer("text/html", NO_ARTICLE)
        if path == "/bad/moved.html":
            self.send_response(301)
            self.send_header("Location", "/zcbs/news/2024/09/yarmarka.html")
            self.end_headers()
            return None
        if path.startswith("/zcbs/private/"):
            return self.answer("text/html; charset=utf-8", b"<html><body>secret</body></html>")
        return super().do_GET()

    def answer(self, content_type, body):
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def closed_port():
    """A port on 127.0.0.1 that nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
