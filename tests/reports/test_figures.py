"""Pure figures: medians, p90, shares and suppression (including the difference attack)."""

import itertools

from buurtwacht.reports import figures as f


def test_median_and_p90_of_a_histogram():
    assert f.median({1: 1, 2: 1, 3: 1}) == 2.0
    assert f.median({7: 1, 9: 1, 3: 1, 5: 1}) == 6.0  # even: mean of the middle two
    assert f.median({}) is None and f.p90({}) is None
    values = {v: 1 for v in range(1, 11)}  # 1..10
    assert f.p90(values) == 9  # nearest rank: ceil(0.9 * 10) = 9th value
    assert f.p90({5: 9, 100: 1}) == 5
    assert f.p90({5: 8, 100: 2}) == 100


def test_share_and_rate():
    assert f.share(9, 10) == 0.9 and f.share(1, 0) is None
    assert f.per_thousand(10, 2000) == 5.0 and f.per_thousand(3, None) is None


def _recoverable(t: f.Table) -> list[tuple]:
    """Cells a reader can work out exactly: a line whose entries but one are shown."""
    n, m = len(t.rows), len(t.columns)
    lines = [[(i, j) for j in range(m + 1)] for i in range(n + 1)]
    lines += [[(i, j) for i in range(n + 1)] for j in range(m + 1)]
    found = []
    for line in lines:
        hidden = [p for p in line if t.hide[p[0]][p[1]]]
        if len(hidden) == 1:
            i, j = hidden[0]
            total, cells = line[-1], line[:-1]
            if hidden[0] == total:
                guess = sum(t.value(*p) for p in cells)
            else:
                guess = t.value(*total) - sum(t.value(*p) for p in cells if p != hidden[0])
            assert guess == t.value(i, j)  # the attack works whenever one entry is hidden
            found.append(hidden[0])
    return found


def test_primary_suppression_alone_is_open_to_the_difference_attack():
    t = f.table(
        ["A", "B"], ["x", "y"], {("A", "x"): 3, ("A", "y"): 10, ("B", "x"): 8, ("B", "y"): 9}
    )
    for i, j in itertools.product(range(3), range(3)):
        t.hide[i][j] = f.hidden(t.value(i, j), 5)
    assert _recoverable(t) == [(0, 0), (0, 0)]  # 13 - 10 = 3, and 11 - 8 = 3


def test_complementary_suppression_closes_the_difference_attack():
    t = f.suppress(
        f.table(
            ["A", "B"], ["x", "y"], {("A", "x"): 3, ("A", "y"): 10, ("B", "x"): 8, ("B", "y"): 9}
        ),
        5,
    )
    assert t.display(5)[0][0] == "<5"
    assert _recoverable(t) == []
    assert sum(map(sum, t.hide)) >= 4  # a rectangle of hidden cells, at least


def test_suppression_of_a_row_with_one_cell_hides_its_total():
    t = f.suppress(f.table(["A", "B"], ["x"], {("A", "x"): 2, ("B", "x"): 40}), 5)
    assert t.display(5) == [["<5", "<5"], ["<5", "<5"], ["<5", "<5"]] or _recoverable(t) == []
    assert _recoverable(t) == []


def test_suppression_never_leaves_a_line_with_one_hidden_entry_random_tables():
    import random

    rng = random.Random(4)
    for _ in range(200):
        rows, cols = rng.randint(1, 5), rng.randint(1, 6)
        cells = {
            (i, j): rng.choice([0, 0, 1, 2, 3, 4, 5, 8, 13, 40])
            for i in range(rows)
            for j in range(cols)
        }
        t = f.suppress(f.table(range(rows), range(cols), cells), 5)
        assert _recoverable(t) == []
        for (i, j), v in cells.items():
            if 0 < v < 5:
                assert t.hide[i][j]
