"""The import rules of the README's map: dependencies run one way, and no module imports
itself back through others."""

import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("association", "home", "news", "programs", "search")


def test_imports_keep_the_contracts_in_pyproject():
    # The command a developer runs, so a failure here reads the same as in a terminal.
    command = [Path(sys.executable).with_name("lint-imports"), "--no-cache"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)  # noqa: S603
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_module_imports_itself_back():
    # Imports inside functions count: deferring an import hides a circle, it does not end it.
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    circles = []
    for importer in sorted(graph.modules):
        for imported in sorted(graph.find_modules_directly_imported_by(importer)):
            back = graph.find_shortest_chain(importer=imported, imported=importer)
            if back:
                circles.append(" -> ".join((importer, *back)))
    assert not circles, "Import circles:\n" + "\n".join(circles)
