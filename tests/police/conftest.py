"""A live group (the alerts tests' `live` fixture) plus helpers to post alerts through the real
API, and square neighbourhoods whose geometry the broadcast tests can reason about exactly."""

import pytest

from buurtwacht.alerts.models import Alert
from buurtwacht.organisation.models import Group, Membership, Neighbourhood
from tests.alerts.conftest import alert_payload, live, post_alert  # noqa: F401 - fixtures
from tests.delivery.conftest import smtp  # noqa: F401 - fixture

PLATE = "Witte bestelwagen met nummerplaat 1-ABC-123, reed weg richting station."


@pytest.fixture
def alert_of(live, post_alert):  # noqa: F811 - the imported fixture
    """Post an alert as `user` and return the stored row. By default the authors take turns
    (the protocol allows each member only a few alerts an hour)."""
    authors = iter([*live.members, live.coordinator] * 3)

    def make(user=None, **overrides) -> Alert:
        response = post_alert(live.group, user or next(authors), force_new=True, **overrides)
        assert response.status_code == 201, response.content
        return Alert.objects.get(pk=response.json()["id"])

    return make


def square(x0: float, y0: float, size: float = 0.01) -> dict:
    """A square neighbourhood, x0/y0 in units of `size` from a base point in Hasselt."""
    lon, lat = 5.30 + x0 * size, 50.90 + y0 * size
    ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size]]
    return {"type": "Polygon", "coordinates": [ring + [ring[0]]]}


@pytest.fixture
def squares(live):  # noqa: F811
    """Three more live groups in Hasselt on squares at x = 0, 1 (touching the first), 3; plus
    a draft group on a square at x = 5. Returns {name: group}."""
    groups = {}
    for name, x in (("west", 0), ("middle", 1), ("east", 3), ("draft", 5)):
        hood = Neighbourhood.objects.create(
            name=name, municipality=live.hasselt, boundary=square(x, 0)
        )
        group = Group.objects.create(
            name=f"BIN {name}",
            neighbourhood=hood,
            police_contact=live.police,
            status=Group.Status.DRAFT if name == "draft" else Group.Status.LIVE,
        )
        for n in range(2):
            user = live.make_user(f"{name}{n}")
            Membership.objects.create(group=group, user=user, status=Membership.Status.ACTIVE)
        groups[name] = group
    return groups


def area(x0: float, x1: float, y0: float = -0.5, y1: float = 1.5, size: float = 0.01) -> dict:
    """A drawn rectangle in the same units as `square`."""
    a, b = 5.30 + x0 * size, 5.30 + x1 * size
    c, d = 50.90 + y0 * size, 50.90 + y1 * size
    return {"type": "Polygon", "coordinates": [[[a, c], [b, c], [b, d], [a, d], [a, c]]]}


@pytest.fixture(autouse=True)
def _make_user_on_world(live, make_user):  # noqa: F811
    live.make_user = make_user
