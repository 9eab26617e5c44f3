"""Every figure of the fixture (tests/reports/conftest.py) asserted exactly, before and after
the retention purge folds the rows; scope per role; the analyst never sees one alert."""

from dataclasses import replace
from datetime import timedelta

import pytest

from buurtwacht.alerts.models import Alert
from buurtwacht.privacy import retention
from buurtwacht.reports import present
from buurtwacht.reports.dashboard import build
from buurtwacht.reports.data import Scope
from buurtwacht.reports.models import AlertCount, DurationCount


def _figures(w):
    group = build(Scope("group", (w.group.pk,), area="group"), w.period)
    muni = build(Scope("municipality", (w.hasselt.pk,)), w.period)
    return group, muni


def _essentials(report):
    t = report["area_week"]
    wc = report["week_category"]
    return {
        "alerts": report["alerts"],
        "compliance": report["compliance"]["value"],
        "durations": report["durations"],
        "outcomes": {k: (v["count"], v["value"]) for k, v in report["outcomes"].items()},
        "areas": {a: t.value(i, len(t.columns)) for i, a in enumerate(t.rows)},
        "weeks": {
            w: [wc.value(i, j) for j in range(len(wc.columns))] for i, w in enumerate(wc.rows)
        },
        "categories": wc.columns,
        "findings": {
            (r, c): report["finding_table"].value(i, j)
            for i, r in enumerate(report["finding_table"].rows)
            for j, c in enumerate(report["finding_table"].columns)
        },
    }


def _assert_known(w, group, muni):
    assert group["alerts"] == 10
    assert group["compliance"]["value"] == 0.9
    d = group["durations"]
    assert (d["call"]["n"], d["call"]["median"], d["call"]["p90"]) == (8, 4.5, 8)
    assert (d["ack"]["n"], d["ack"]["median"], d["ack"]["p90"]) == (6, 8.0, 60)
    assert (d["close"]["n"], d["close"]["median"], d["close"]["p90"]) == (8, 135.0, 600)
    o = group["outcomes"]
    assert o["false_alarm"]["value"] == 0.5 and o["false_alarm"]["count"] == 4
    assert o["police_handled"]["value"] == 0.25
    assert o["suspect_caught"]["value"] == 0.125 and o["unresolved"]["value"] == 0.125
    ess = _essentials(group)
    assert ess["categories"] == ["burglary", "theft", "vandalism"]
    assert ess["weeks"][w.first] == [3, 0, 0]
    assert ess["weeks"][w.first + timedelta(weeks=1)] == [1, 2, 0]
    assert ess["weeks"][w.first + timedelta(weeks=3)] == [0, 0, 2]
    assert ess["findings"] == {
        ("third_party_data", "held"): 1,
        ("third_party_data", "blocked"): 0,
        ("discrimination", "held"): 1,
        ("discrimination", "blocked"): 0,
        ("vigilantism", "held"): 0,
        ("vigilantism", "blocked"): 1,
    }
    assert muni["alerts"] == 12 and _essentials(muni)["areas"] == {w.hood.pk: 10, w.kiewit.pk: 2}
    rates = present.map_values(muni, present.households([w.hood.pk, w.kiewit.pk]))
    assert rates[w.hood.pk]["rate"] == 5.0 and rates[w.kiewit.pk]["rate"] == 4.0


def test_every_figure_on_the_fixture(fixture):
    _assert_known(fixture, *_figures(fixture))


def test_figures_stay_equal_after_the_purge_folds_the_rows(fixture):
    w = fixture
    before = [_essentials(r) for r in _figures(w)]
    assert not AlertCount.objects.exists()
    retention.purge(now=w.at(3) + timedelta(days=60))
    assert not Alert.objects.filter(group__in=[w.group, w.kiewit_group]).exists()
    assert AlertCount.objects.exists() and DurationCount.objects.exists()
    after_reports = _figures(w)
    assert [_essentials(r) for r in after_reports] == before
    _assert_known(w, *after_reports)
    retention.purge(now=w.at(3) + timedelta(days=61))  # folding twice adds nothing
    assert [_essentials(r) for r in _figures(w)] == before


def test_half_purged_is_never_counted_twice(fixture):
    w = fixture
    before = [_essentials(r) for r in _figures(w)]
    retention.purge(now=w.at(1, 30) + timedelta(days=30))  # weeks 0 and part of 1 go
    assert Alert.objects.filter(group=w.group).exists() and AlertCount.objects.exists()
    assert [_essentials(r) for r in _figures(w)] == before


def test_other_zone_is_not_in_a_municipality_or_zone_report(fixture):
    w = fixture
    zone = build(Scope("zone", (w.zone.pk,)), w.period)
    assert zone["alerts"] == 12 and w.other_hood.pk not in zone["area_week"].rows


def test_analyst_figures_are_suppressed(fixture):
    w = fixture
    report = build(Scope("zone", (w.zone.pk, w.other_zone.pk), suppress=True), w.period)
    shown = report["area_week"].display(5)
    names = report["area_names"]
    row = {names[a]: shown[i] for i, a in enumerate(report["area_week"].rows)}
    assert row["Kiewit"][-1] == "<5"  # 2 alerts
    assert row["Neerharen"][-1] == "<5"  # 3 alerts
    assert row["Centrum"][-1] == "10"
    d = report["durations"]
    assert d["ack"]["median"] == 8.0  # 6 acknowledged: enough to show
    assert report["outcomes"]["suspect_caught"]["value"] is None  # 1 of 8: suppressed


@pytest.fixture
def client_for(client):
    def login(user):
        client.force_login(user)
        return client

    return login


def test_scope_per_role(fixture, client_for, make_user):
    w = fixture
    urls = {
        "hasselt": "/reports/municipality/71022/",
        "lanaken": "/reports/municipality/73042/",
        "hazodi": "/reports/zone/5380/",
        "lanaken_zone": "/reports/zone/5379/",
        "group": f"/reports/group/{w.group.pk}/",
        "province": "/reports/province/Limburg/",
        "national": "/reports/national/",
    }
    national = make_user("fod", role="national_admin")
    expected = {
        w.prevention: {"hasselt", "hazodi_no", "group"},
        w.zone_admin: {"hasselt", "hazodi", "group"},
        w.police: {"hasselt", "hazodi", "group"},
        w.coordinator: {"group"},
        w.analyst: {"province"},
        national: {"province", "national"},
    }
    for user, allowed in expected.items():
        c = client_for(user)
        for name, url in urls.items():
            status = c.get(url).status_code
            assert status == (200 if name in allowed else 404), (user.username, name, status)


def test_analyst_never_sees_a_single_alert(fixture, client_for):
    w = fixture
    c = client_for(w.analyst)
    base = "/reports/province/Limburg/"
    query = f"?from={w.first.isoformat()}&to={(w.first + timedelta(weeks=3)).isoformat()}"
    pages = [
        c.get(base + query),
        c.get(base + "export.csv" + query),
        c.get(base + "export.geojson" + query),
    ]
    for response in pages:
        assert response.status_code == 200
        text = response.content.decode()
        assert "Kerkstraat" not in text and "achterdeur" not in text
        assert "/alerts/" not in text and "BIN Centrum" not in text
        assert "Centrum" in text  # neighbourhoods are the finest place
    assert "&lt;5" in pages[0].content.decode()
    csv_lines = pages[1].content.decode().splitlines()
    assert "Kiewit,total,<5" in csv_lines and "Centrum,total,10" in csv_lines


def test_exports_are_suppressed_for_every_role(fixture, client_for):
    w = fixture
    c = client_for(w.prevention)
    query = f"?from={w.first.isoformat()}&to={(w.first + timedelta(weeks=3)).isoformat()}"
    text = c.get("/reports/municipality/71022/export.csv" + query).content.decode()
    assert "Kiewit,total,<5" in text.splitlines()
    import json

    geo = json.loads(c.get("/reports/municipality/71022/export.geojson" + query).content)
    props = {f["properties"]["neighbourhood"]: f["properties"] for f in geo["features"]}
    # 12 alerts in Hasselt, Kiewit's 2 hidden: Centrum's 10 would be 12 - 2, so it is hidden
    # too (as "x": it is not below 5), and so is its rate.
    assert props["Centrum"]["alerts"] == "x"
    assert props["Centrum"]["alerts_per_1000_households"] is None
    page = c.get("/reports/municipality/71022/" + query).content.decode()
    assert "5.0" in page or "5 / 1,000" in page  # the officer's own page is not suppressed
    assert (
        props["Kiewit"]["alerts"] == "<5" and props["Kiewit"]["alerts_per_1000_households"] is None
    )


def test_bad_period_gets_an_error_and_the_default(fixture, client_for):
    response = client_for(fixture.prevention).get("/reports/municipality/71022/?from=yesterday")
    assert response.status_code == 200 and b"JJJJ-MM-DD" in response.content  # nl user


def test_scope_replace_keeps_the_scope(fixture):
    s = Scope("zone", (1,))
    assert replace(s, suppress=True).ids == (1,)


def test_database_weeks_are_brussels_weeks_across_daylight_saving(world):
    """The live GROUP BY puts an alert in the same week as the fold (counts.week_of)."""
    from collections import Counter
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from buurtwacht.reports.counts import week_of
    from buurtwacht.reports.data import Period, alert_totals
    from tests.reports.conftest import make

    utc = ZoneInfo("UTC")
    moments = [
        datetime(2025, 3, 30, 0, 59, tzinfo=utc),  # before the spring transition (Sunday)
        datetime(2025, 3, 30, 1, 0, tzinfo=utc),
        datetime(2025, 3, 30, 21, 59, tzinfo=utc),  # Sunday 23:59 in Brussels
        datetime(2025, 3, 30, 22, 0, tzinfo=utc),  # Monday 00:00 in Brussels
        datetime(2025, 10, 26, 0, 59, tzinfo=utc),
        datetime(2025, 10, 26, 1, 0, tzinfo=utc),
        datetime(2025, 10, 26, 22, 59, tzinfo=utc),  # Sunday 23:59 (winter time)
        datetime(2025, 10, 26, 23, 0, tzinfo=utc),  # Monday 00:00
        datetime(2025, 10, 27, 0, 30, tzinfo=utc),
    ]
    for moment in moments:
        make(world.group, world.coordinator, moment)
    period = Period.covering(date(2025, 3, 1), date(2025, 11, 30))
    rows = alert_totals(Scope("group", (world.group.pk,), area="group"), period, ("week",))
    assert Counter({r["week"]: r["count"] for r in rows}) == Counter(week_of(m) for m in moments)


def test_database_minutes_are_the_folds_minutes_at_the_edges(world):
    """The live histogram (minutes computed in SQL: julianday on SQLite, integer microseconds
    on PostgreSQL) puts a duration in the minute counts.minutes_between gives the fold: half
    a millisecond below a minute rounds up to it, just under stays below, negative is 0."""
    from collections import Counter
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from buurtwacht.reports.counts import minutes_between
    from buurtwacht.reports.data import Period, durations
    from tests.reports.conftest import make

    created = datetime(2025, 5, 7, 10, 0, tzinfo=ZoneInfo("UTC"))
    spans = [
        timedelta(seconds=59, microseconds=999_500),  # 59,999.5 ms -> 60,000 ms: 1 minute
        timedelta(seconds=59, microseconds=999_499),  # -> 59,999 ms: 0 minutes
        timedelta(minutes=14, seconds=59, microseconds=999_999),  # rounds to 15:00.000
        timedelta(hours=26, microseconds=1),  # over a day: the interval has a day part
        timedelta(seconds=-30),  # closed before it was created (clock skew): 0
    ]
    for span in spans:
        make(world.group, world.coordinator, created, status="closed", closed_at=created + span)
    period = Period.covering(created.date(), created.date())
    got = durations(Scope("group", (world.group.pk,), area="group"), period)["close"]
    assert got == dict(Counter(minutes_between(created, created + s) for s in spans))
    assert got == {1: 1, 0: 2, 15: 1, 1560: 1}
