"""What the browser journeys share: where things are, and the checks on what a reader sees."""

import os
import re
from pathlib import Path

E2E_DIR = Path(__file__).resolve().parent
CHROMIUM = Path(os.environ.get("E2E_CHROMIUM", "/usr/bin/chromium"))
AXE_JS = E2E_DIR / "node_modules" / "axe-core" / "axe.min.js"
ARTIFACTS = E2E_DIR.parent.parent / "test-artifacts" / "e2e"
# The editors' guide's screenshots, refreshed by the journeys that take them.
GUIDE_IMAGES = E2E_DIR.parent.parent / "docs" / "editors" / "img"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
# Everything that is not the live server is refused, so no test can reach the outside world.
NOT_LOCAL = re.compile(r"^(?!(https?://(127\.0\.0\.1|localhost)[:/])|data:|blob:|about:)")

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
RUN_AXE = """tags => axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
})"""
FOCUS_STYLE = """() => {
    const style = getComputedStyle(document.activeElement);
    return {
        outline: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
        shadow: style.boxShadow,
    };
}"""


def axe_violations(page):
    """WCAG 2.2 A/AA violations axe-core finds on the current page, as readable lines."""
    page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(RUN_AXE, AXE_TAGS)
    lines = []
    for violation in result["violations"]:
        for node in violation["nodes"]:
            summary = node.get("failureSummary") or ""
            lines.append(
                f"{violation['id']} ({violation['impact']}): {violation['help']}\n"
                f"    at {' '.join(map(str, node['target']))}: {node['html'][:160]}\n"
                f"    {' '.join(summary.split())}"
            )
    return lines


def assert_accessible(page):
    violations = axe_violations(page)
    assert not violations, f"axe-core on {page.url}:\n" + "\n".join(violations)


def assert_no_horizontal_scroll(page):
    widths = page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")
    assert widths[0] <= widths[1], f"{page.url} scrolls sideways: {widths[0]} > {widths[1]} px"


def assert_focus_visible(page):
    """The focused element draws a focus indicator (an outline or a ring)."""
    style = page.evaluate(FOCUS_STYLE)
    visible = (style["outline"] != "none" and style["width"] > 0) or style["shadow"] != "none"
    assert visible, f"no visible focus on {page.evaluate('() => document.activeElement.outerHTML')}"
