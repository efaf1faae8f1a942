"""Reading rendered pages as text: the pages set Russian typography (home.typography, tested in
tests/test_typography.py), so tests about facts read its non-breaking spaces as spaces."""


def plain(html):
    return html.replace("\xa0", " ")
