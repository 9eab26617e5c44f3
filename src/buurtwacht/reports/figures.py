"""Pure computations over plain rows: medians, the 90th percentile, shares, suppression.

No Django here, so every rule can be tested with numbers alone.

Definitions (docs/reports.md says them in words):
- median: of the multiset of values; with an even count, the mean of the two middle values;
- p90: nearest rank, the value at rank ceil(0.9 * n) in ascending order;
- a share: numerator / denominator, None when the denominator is 0;
- suppression: a count in 1..threshold-1 is shown as "<threshold"; then, in every line of a
  table (a row with its total, a column with its total), a line with exactly one hidden entry
  gets a second one hidden (the smallest other entry, else the total), until no line has
  exactly one, so no hidden count follows from subtracting the others from a total; such
  a second count is shown as "x".
"""

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

#: How a count hidden by complementary suppression is shown.
SECONDARY = "x"


def _sorted_items(histogram: Mapping[int, int]) -> list[tuple[int, int]]:
    return sorted((v, n) for v, n in histogram.items() if n > 0)


def count(histogram: Mapping[int, int]) -> int:
    return sum(n for n in histogram.values() if n > 0)


def value_at_rank(histogram: Mapping[int, int], rank: int) -> int:
    """The value at 1-based `rank` in ascending order of a {value: count} histogram."""
    seen = 0
    for value, n in _sorted_items(histogram):
        seen += n
        if seen >= rank:
            return value
    raise ValueError("rank beyond the histogram")


def median(histogram: Mapping[int, int]) -> float | None:
    n = count(histogram)
    if n == 0:
        return None
    if n % 2:
        return float(value_at_rank(histogram, n // 2 + 1))
    return (value_at_rank(histogram, n // 2) + value_at_rank(histogram, n // 2 + 1)) / 2


def p90(histogram: Mapping[int, int]) -> int | None:
    n = count(histogram)
    return value_at_rank(histogram, math.ceil(0.9 * n)) if n else None


def share(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


def per_thousand(count_: int, households: int | None) -> float | None:
    return round(count_ * 1000 / households, 2) if households else None


def hidden(value: int, threshold: int) -> bool:
    """A primary suppression: a count that is neither zero nor at least the threshold."""
    return 0 < value < threshold


def share_hidden(numerator: int, denominator: int, threshold: int) -> bool:
    """A share reveals its numerator (and complement) once the total is known."""
    return hidden(numerator, threshold) or hidden(denominator - numerator, threshold)


@dataclass
class Table:
    """A two-way table of counts with row and column totals and a hidden mask."""

    rows: list
    columns: list
    cells: list[list[int]]
    hide: list[list[bool]]  # (len(rows) + 1) x (len(columns) + 1); the last row/col: totals
    threshold: int = 0  # set by suppress()

    def row_totals(self) -> list[int]:
        return [sum(r) for r in self.cells]

    def column_totals(self) -> list[int]:
        return [sum(r[j] for r in self.cells) for j in range(len(self.columns))]

    def value(self, i: int, j: int) -> int:
        """Any entry, totals included (index len(rows) / len(columns) is the total)."""
        n, m = len(self.rows), len(self.columns)
        if i < n and j < m:
            return self.cells[i][j]
        if i < n:  # one total, not all of them: a two-year table has 2,000 cells to show
            return sum(self.cells[i])
        if j < m:
            return sum(r[j] for r in self.cells)
        return sum(self.row_totals())

    def shown(self, i: int, j: int, threshold: int) -> str:
        """ "<5" for a count below the threshold; "x" for one hidden only so that the first
        cannot be worked out (it may be large: "<5" would be untrue)."""
        if not self.hide[i][j]:
            return str(self.value(i, j))
        return f"<{threshold}" if hidden(self.value(i, j), threshold) else SECONDARY

    def display(self, threshold: int) -> list[list[str]]:
        n, m = len(self.rows), len(self.columns)
        return [[self.shown(i, j, threshold) for j in range(m + 1)] for i in range(n + 1)]


def table(rows: Sequence, columns: Sequence, cells: Mapping[tuple, int]) -> Table:
    grid = [[int(cells.get((r, c), 0)) for c in columns] for r in rows]
    hide = [[False] * (len(columns) + 1) for _ in range(len(rows) + 1)]
    return Table(list(rows), list(columns), grid, hide)


def suppress(t: Table, threshold: int) -> Table:
    """Primary and complementary suppression, in place; returns the table."""
    n, m = len(t.rows), len(t.columns)
    t.threshold = threshold
    for i in range(n + 1):
        for j in range(m + 1):
            t.hide[i][j] = hidden(t.value(i, j), threshold)
    lines = [[(i, j) for j in range(m + 1)] for i in range(n + 1)]
    lines += [[(i, j) for i in range(n + 1)] for j in range(m + 1)]
    changed = True
    while changed:
        changed = False
        for line in lines:
            hidden_here = [p for p in line if t.hide[p[0]][p[1]]]
            if len(line) < 2 or len(hidden_here) != 1:
                continue
            total = line[-1]
            others = [p for p in line[:-1] if not t.hide[p[0]][p[1]]]
            # The smallest non-zero entry hides best (zeros are public knowledge anyway).
            candidates = sorted(
                (p for p in others if t.value(*p) > 0), key=lambda p: (t.value(*p), p)
            ) or sorted(others, key=lambda p: (t.value(*p), p))
            target = candidates[0] if candidates else total
            if t.hide[target[0]][target[1]]:
                target = next(p for p in line if not t.hide[p[0]][p[1]])
            t.hide[target[0]][target[1]] = True
            changed = True
    return t


def shown_count(value: int, threshold: int, suppressed: bool) -> str:
    return f"<{threshold}" if suppressed and hidden(value, threshold) else str(value)
