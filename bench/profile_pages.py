"""Where a rendered page's time goes, in process (by hand, on a database with the demo content).

    DATABASE_URL=... [REDIS_URL=...] .venv/bin/python bench/profile_pages.py [--repeat 30]
        [--as member|anonymous] [--profile 'news index'] [--publish]

Serves each page of bench/pages_bench.py's DISCOVER through Django's test client with the
production settings (DEBUG off) and prints the median milliseconds per page. With --as member
(the default) the requests carry a signed-in member's session, so the page cache is bypassed as
it is for editors and members; with --publish a page is saved before every request, so each
one is rendered right after a change of the content version; --cold turns the shared fragments
off (home.fragments), so each page is rendered whole. Each line gives the median wall time and
the median CPU time of this process (which a busy machine disturbs less). --profile NAME prints a
pyinstrument profile of that page (needs `pip install pyinstrument`).
"""

import argparse
import json
import os
import secrets
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "association.settings.production")
os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "127.0.0.1,testserver")
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "false")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.test import Client  # noqa: E402

from pages_bench import DISCOVER  # noqa: E402


def pages():
    namespace = {}
    import contextlib
    import io

    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(DISCOVER, namespace)  # noqa: S102
    return json.loads(output.getvalue())


def member_client():
    from django.contrib.auth.models import Group

    from home.members.roles import MEMBERS

    user, _created = get_user_model().objects.get_or_create(
        username="profile-member", defaults={"email": "profile-member@example.org"}
    )
    user.groups.add(Group.objects.get(name=MEMBERS))
    client = Client(HTTP_X_FORWARDED_PROTO="https")
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def touch():
    from home.models import HomePage

    HomePage.objects.live().first().save_revision().publish()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--as", dest="who", choices=["member", "anonymous"], default="member")
    parser.add_argument("--profile", help="a page label to profile with pyinstrument")
    parser.add_argument("--publish", action="store_true", help="publish before each request")
    parser.add_argument("--cold", action="store_true", help="without the shared fragments")
    args = parser.parse_args()
    client = member_client() if args.who == "member" else Client(HTTP_X_FORWARDED_PROTO="https")
    if args.cold:
        from django.conf import settings

        settings.SHARED_FRAGMENTS = False
    for label, path in pages():
        if args.profile and label != args.profile:
            continue
        for _ in range(3):
            if client.get(path).status_code != 200:
                raise SystemExit(f"{path} did not answer 200")
        timings = []
        cpu = []
        profiler = None
        if args.profile:
            from pyinstrument import Profiler

            profiler = Profiler(interval=0.0005)
        for _ in range(args.repeat):
            if args.publish:
                touch()
            if profiler:
                profiler.start()
            started, started_cpu = time.perf_counter(), time.process_time()
            response = client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
            if profiler:
                profiler.stop()
            if response.status_code != 200:
                raise SystemExit(f"{path} did not answer 200")
        print(
            f"{label:<16}{statistics.median(timings):>8.1f} ms"
            f"{statistics.median(cpu):>8.1f} ms CPU",
            flush=True,
        )
        if profiler:
            print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    main()
