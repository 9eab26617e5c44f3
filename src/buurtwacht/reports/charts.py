"""Charts drawn on the server as SVG, each with a data table of the same numbers beside it.

No JavaScript, nothing fetched: the SVG carries a <title> and a <desc> (what a screen reader
announces), and the table is the accessible (and printable) form of the same data. A
suppressed value has no bar at all (a bar's height would give the count away), only its
"<5" label.
"""

from html import escape

W, H, PAD, LABEL_W = 640, 220, 28, 170


def _table(caption: str, header: tuple[str, str], items: list[tuple[str, str]]) -> str:
    rows = "".join(f"<tr><th scope=row>{escape(a)}</th><td>{escape(b)}</td></tr>" for a, b in items)
    return (
        f'<table class="chart-data"><caption>{escape(caption)}</caption>'
        f"<thead><tr><th scope=col>{escape(header[0])}</th><th scope=col>{escape(header[1])}</th>"
        f"</tr></thead><tbody>{rows}</tbody></table>"
    )


def _svg_open(chart_id: str, title: str, desc: str, height: int) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {height}" width="100%" '
        f'role="img" aria-labelledby="{chart_id}-t {chart_id}-d" class="chart">'
        f'<title id="{chart_id}-t">{escape(title)}</title>'
        f'<desc id="{chart_id}-d">{escape(desc)}</desc>'
    )


def columns(chart_id, title, desc, items, header=("", "")) -> str:
    """Vertical bars (weeks): items are (label, value or None when hidden, shown text)."""
    peak = max([v for _, v, _ in items if v] or [1])
    step = (W - 2 * PAD) / max(len(items), 1)
    parts = [_svg_open(chart_id, title, desc, H)]
    for n, (label, value, shown) in enumerate(items):
        x = PAD + n * step
        if value:
            h = (H - 2 * PAD) * value / peak
            parts.append(
                f'<rect x="{x + step * 0.1:.1f}" y="{H - PAD - h:.1f}" width="{step * 0.8:.1f}" '
                f'height="{h:.1f}" fill="#2c5f8a"><title>{escape(label)}: {escape(shown)}</title>'
                "</rect>"
            )
        elif value is None:
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{H - PAD - 4}" font-size="9" '
                f'text-anchor="middle">{escape(shown)}</text>'
            )
    if items:
        parts.append(
            f'<text x="{PAD}" y="{H - 8}" font-size="10">{escape(items[0][0])}</text>'
            f'<text x="{W - PAD}" y="{H - 8}" font-size="10" text-anchor="end">'
            f"{escape(items[-1][0])}</text>"
            f'<text x="{PAD}" y="{PAD - 8}" font-size="10">max {peak}</text>'
        )
    parts.append(f'<line x1="{PAD}" y1="{H - PAD}" x2="{W - PAD}" y2="{H - PAD}" stroke="#333"/>')
    parts.append("</svg>")
    return _figure(parts, title, header, items)


def rows(chart_id, title, desc, items, header=("", "")) -> str:
    """Horizontal bars (outcomes, findings): items as for columns."""
    peak = max([v for _, v, _ in items if v] or [1])
    line = 24
    height = PAD + line * max(len(items), 1)
    parts = [_svg_open(chart_id, title, desc, height)]
    for n, (label, value, shown) in enumerate(items):
        y = PAD / 2 + n * line
        parts.append(
            f'<text x="{LABEL_W - 6}" y="{y + 15}" font-size="12" text-anchor="end">'
            f"{escape(label)}</text>"
        )
        width = (W - LABEL_W - 60) * value / peak if value else 0
        if width:
            parts.append(
                f'<rect x="{LABEL_W}" y="{y + 4}" width="{width:.1f}" height="{line - 8}" '
                f'fill="#2c5f8a"/>'
            )
        parts.append(
            f'<text x="{LABEL_W + width + 6:.1f}" y="{y + 15}" font-size="12">'
            f"{escape(shown)}</text>"
        )
    parts.append("</svg>")
    return _figure(parts, title, header, items)


def _figure(parts, title, header, items) -> str:
    table = _table(title, header, [(label, shown) for label, _, shown in items])
    return f'<figure class="report-chart">{"".join(parts)}{table}</figure>'
