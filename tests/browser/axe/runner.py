"""axe-core in the browser tests: injected by Playwright only, never served to users.

axe-core 4.14.1 (MPL-2.0, licence in LICENSE-axe-core and in the file's own header) is vendored
from `npm pack axe-core@4.14.1` (sha256 of axe.min.js:
29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c). An init script is injected
by the browser's debugging protocol, so the pages' strict CSP stays on while axe runs.
"""

from pathlib import Path

AXE_SOURCE = (Path(__file__).parent / "axe.min.js").read_text(encoding="utf-8")
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
WIDTHS = {"1280px": {"width": 1280, "height": 800}, "320px": {"width": 320, "height": 640}}

RUN_AXE = """async (tags) => {
    const results = await axe.run(document, {runOnly: {type: "tag", values: tags}});
    return results.violations.map((v) => ({
        id: v.id,
        nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ") + " :: " + n.failureSummary),
    }));
}"""

# WCAG 1.4.10: at 320 CSS px nothing but named scrollable regions may scroll sideways.
SIDEWAYS = "() => document.scrollingElement.scrollWidth - window.innerWidth"
# What sticks out: the innermost elements past the right edge, outside any scrolling region.
STICKING_OUT = """() => {
    const scrolls = (el) => el.closest(".table-scroll, .chart-scroll, [role=region]");
    const out = [...document.body.querySelectorAll("*")].filter((el) =>
        el.getBoundingClientRect().right > window.innerWidth + 1
        && !scrolls(el.parentElement || el));
    const innermost = out.filter((el) => !out.some((other) => other !== el && el.contains(other)));
    return innermost.slice(0, 3).map((el) =>
        el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
        (typeof el.className === "string" && el.className
            ? "." + el.className.trim().split(/\\s+/).join(".") : ""));
}"""


def with_axe(context):
    context.add_init_script(script=AXE_SOURCE)
    return context


def violations(page) -> list[str]:
    found = page.evaluate(RUN_AXE, WCAG_TAGS)
    return [f"{v['id']}: {' | '.join(v['nodes'])}" for v in found]


def check_both_widths(page, label: str) -> list[str]:
    """axe at 1280 px then at 320 px (and reflow at 320 px) on the page as it stands."""
    problems = []
    for width, viewport in WIDTHS.items():
        page.set_viewport_size(viewport)
        problems += [f"{label} @{width} {problem}" for problem in violations(page)]
        if width == "320px":
            overflow = page.evaluate(SIDEWAYS)
            if overflow > 0:
                culprits = ", ".join(page.evaluate(STICKING_OUT))
                problems.append(f"{label} @320px scrolls sideways by {overflow}px: {culprits}")
    page.set_viewport_size(WIDTHS["1280px"])
    return problems
