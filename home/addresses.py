"""One spelling per e-mail address, so that one-per-address rules cannot be sidestepped."""

import contextlib
import re

# RFC 5322 dot-atom: what a local part may be without quotes.
DOT_ATOM = re.compile(r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*")


def normalise_email(address):
    """`address` with needless quotes and escapes taken off the local part and the domain
    in lower-case ASCII (IDNA): `"dup2"@Example.ORG` is `dup2@example.org`. A local part
    that needs its quotes (`"a b"@…`) keeps them; case in the local part is kept, the
    comparisons ignore it."""
    address = address.strip()
    local, at, domain = address.rpartition("@")
    if not at:
        return address
    if len(local) >= 2 and local[0] == local[-1] == '"':
        unquoted = re.sub(r"\\(.)", r"\1", local[1:-1])
        if DOT_ATOM.fullmatch(unquoted):
            local = unquoted
    with contextlib.suppress(UnicodeError):
        domain = domain.encode("idna").decode("ascii")
    return f"{local}@{domain.lower()}"
