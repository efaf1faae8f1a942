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
        if path == "/bad/trickle.html":
            # A slow-loris answer: headers at once, then one byte every quarter second.
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            return self.trickle(b"<html><body>" + b"x" * 60)
        if path == "/bad/trickle-headers.html":
            return self.trickle(
                b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: " + b"y" * 60
            )
        if path == "/bad/to-loopback.html":
            self.send_response(302)
            self.send_header("Location", self.server.base_url + "/zcbs/news/2024/09/yarmarka.html")
            self.end_headers()
            return None
        if path == "/bad/loopback-picture.html":
            return self.answer("text/html; charset=utf-8", loopback_picture(self.server.base_url))
        if path == "/bad/loopback-feed.xml":
            return self.answer("application/rss+xml", loopback_feed(self.server.base_url))
        if path == "/bad/long-canonical.html":
            return self.answer("text/html; charset=utf-8", LONG_CANONICAL)
        if path.startswith("/zcbs/private/"):
            return self.answer("text/html; charset=utf-8", b"<html><body>secret</body></html>")
        return super().do_GET()

    def trickle(self, data):
        for byte in data:
            try:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
            except OSError:
                return None
            time.sleep(0.25)
        return None

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


ARTICLE_TEXT = """<p>Библиотека провела встречу с читателями, посвящённую новым поступлениям:
библиотекари рассказали о книгах для детей и взрослых и ответили на вопросы гостей.</p>
<p>Следующая встреча пройдёт через месяц, приглашаются все желающие.</p>"""


def loopback_picture(base):
    """An article on an allowed host whose picture points at the loopback address."""
    return f"""<html><head><meta charset="utf-8"><title>Встреча с читателями</title></head>
<body><article><h1>Встреча с читателями</h1><div class="date">12.03.2024</div>
{ARTICLE_TEXT}<figure><img src="{base}/zcbs/img/chas.jpg" width="600" height="400">
<figcaption>Читатели в зале</figcaption></figure></article></body></html>""".encode()


def loopback_feed(base):
    """A feed on an allowed host whose entry points at the loopback address."""
    return f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
<title>Новости</title><item><title>Ярмарка</title>
<link>{base}/zcbs/news/2024/09/yarmarka.html</link></item></channel></rss>""".encode()


# A canonical address of 300 characters, longer than a page's source address may be.
LONG_CANONICAL = f"""<html><head><meta charset="utf-8"><title>Встреча с читателями</title>
<link rel="canonical" href="http://member.test/news/{"dlinnyj-adres-" * 20}.html">
</head><body><article><h1>Встреча с читателями</h1><div class="date">12.03.2024</div>
{ARTICLE_TEXT}</article></body></html>""".encode()
