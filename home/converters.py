"""Path converters for the words in addresses that are looked up in the database.

Anything else (NUL, slashes, dots, overlong strings) answers 404 at routing instead of
reaching a query.
"""

from django.urls import register_converter


class TagSlugConverter:
    """A tag's slug: letters of any alphabet (older tags keep Cyrillic), digits, - and _."""

    regex = r"[-\w]{1,100}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


class TokenConverter(TagSlugConverter):
    """A token from secrets.token_urlsafe: ASCII letters, digits, - and _."""

    regex = r"[-a-zA-Z0-9_]{1,64}"


register_converter(TagSlugConverter, "tag")
register_converter(TokenConverter, "token")
