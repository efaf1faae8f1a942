"""The golden set on SQLite too, when the suite runs on PostgreSQL (as CI does): `make run`'s
embedded database must give readers the same answers."""

import os
import subprocess
import sys
from pathlib import Path

from django.db import connection

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).with_name("test_golden.py")


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="on SQLite, test_golden.py runs by itself"
)
def test_the_golden_set_passes_on_sqlite(tmp_path):
    environment = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'golden.sqlite3'}"}
    result = subprocess.run(  # noqa: S603 - this interpreter, this repository's tests
        [sys.executable, "-m", "pytest", str(GOLDEN), "-q", "-x"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else ""
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-2000:]
    assert " passed" in summary and "failed" not in summary, summary
