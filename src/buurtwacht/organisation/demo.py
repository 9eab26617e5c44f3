"""Demo data: three Limburg police zones, their municipalities, neighbourhoods, groups, people.

Loading is idempotent (a second run finds the demo zone and stops) and runs in one transaction.
Names, numbers and addresses are invented; NIS codes are the real ones.
"""

import math
import random
from datetime import date

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from buurtwacht.protocols import load_protocol

from .models import Group, Membership, Municipality, Neighbourhood, PoliceZone, StaffRole, User

DEMO_PASSWORD = "buurtwacht-demo"
MEMBERS_PER_GROUP = 210  # capped by each protocol's max_group_size (Hasselt: 150)

ZONES = [
    # (zone number, name, zone phone, [(NIS, municipality, [(neighbourhood, lon, lat)])])
    (
        "5380",
        "PZ Hazodi",
        "011 26 78 00",
        [
            (
                "71022",
                "Hasselt",
                [
                    ("Hasselt-Centrum", 5.3378, 50.9307),
                    ("Kiewit", 5.3500, 50.9560),
                    ("Runkst", 5.3200, 50.9180),
                ],
            ),
            ("71066", "Zonhoven", [("Zonhoven-Centrum", 5.3660, 50.9910)]),
            ("71011", "Diepenbeek", [("Diepenbeek-Centrum", 5.4180, 50.9080)]),
        ],
    ),
    (
        "5375",
        "PZ Beringen-Ham-Tessenderlo",
        "011 45 94 00",
        [
            (
                "71004",
                "Beringen",
                [("Beringen-Mijn", 5.2270, 51.0490), ("Koersel", 5.2800, 51.0580)],
            ),
            ("71069", "Ham", [("Kwaadmechelen", 5.1350, 51.1000)]),
            ("71057", "Tessenderlo", [("Tessenderlo-Centrum", 5.0880, 51.0660)]),
        ],
    ),
    (
        "5379",
        "PZ Lanaken-Maasmechelen",
        "089 73 08 00",
        [
            (
                "73042",
                "Lanaken",
                [("Lanaken-Centrum", 5.6470, 50.8930), ("Neerharen", 5.6680, 50.9120)],
            ),
            ("73107", "Maasmechelen", [("Eisden", 5.7050, 50.9800)]),
        ],
    ),
]
PROTOCOL_BY_MUNICIPALITY = {"Hasselt": "hasselt", "Beringen": "beringen", "Lanaken": "lanaken"}
FIRST = [
    "An",
    "Bart",
    "Chantal",
    "Dirk",
    "Els",
    "Fatima",
    "Geert",
    "Hilde",
    "Ilse",
    "Jan",
    "Karim",
    "Lotte",
    "Marc",
    "Nele",
    "Olivier",
    "Petra",
    "Rudi",
    "Sofie",
    "Tom",
    "Yusuf",
]
LAST = [
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Wouters",
    "Vermeulen",
    "Aerts",
    "Hermans",
    "Lemmens",
    "Vanderstraeten",
    "Ramaekers",
]


def hexagon(lon: float, lat: float, radius_m: float = 900) -> dict:
    """A hexagonal boundary around a point: good enough for a demo neighbourhood."""
    dlat = radius_m / 111_320
    dlon = radius_m / (111_320 * math.cos(math.radians(lat)))
    ring = [
        [
            round(lon + dlon * math.cos(math.radians(a)), 6),
            round(lat + dlat * math.sin(math.radians(a)), 6),
        ]
        for a in range(0, 360, 60)
    ]
    return {"type": "Polygon", "coordinates": [ring + [ring[0]]]}


def already_loaded() -> bool:
    return PoliceZone.objects.filter(number=ZONES[0][0]).exists()


@transaction.atomic
def load_demo(*, members_per_group: int = MEMBERS_PER_GROUP, seed: int = 7) -> int:
    """Create the demo world once; return the number of groups made (0 if it was there)."""
    if already_loaded():
        return 0
    rng = random.Random(seed)
    password = make_password(DEMO_PASSWORD)  # hashed once: the demo accounts share it
    staff = _staff_factory(password)
    superuser = staff("admin", "Demo", "Beheerder", superuser=True)
    neighbourhoods = _build_world(staff)
    groups = _build_groups(neighbourhoods, rng, staff, superuser, members_per_group, password)
    from buurtwacht.reports.demo_history import build_history  # months of alerts to report on

    build_history()
    return len(groups)


def _staff_factory(password: str):
    def make(username, first, last, *, superuser=False, role=None, **scope):
        user = User.objects.create(
            username=username,
            first_name=first,
            last_name=last,
            password=password,
            is_staff=True,
            is_superuser=superuser,
            birth_date=date(1980, 5, 17),
        )
        if role:
            StaffRole.objects.create(user=user, kind=role, **scope)
        return user

    return make


def _build_world(staff) -> list[Neighbourhood]:
    neighbourhoods = []
    for number, zone_name, phone, municipalities in ZONES:
        zone = PoliceZone.objects.create(number=number, name=zone_name, zone_phone=phone)
        tag = zone_name.split()[1].split("-")[0].lower()
        staff(f"zoneadmin-{tag}", "Zone", zone_name, role=StaffRole.Kind.ZONE_ADMIN, zone=zone)
        staff(
            f"wijkinspecteur-{tag}",
            "Wijk",
            "Inspecteur",
            role=StaffRole.Kind.POLICE_CONTACT,
            zone=zone,
        )
        for nis, name, places in municipalities:
            muni = Municipality.objects.create(nis_code=nis, name=name, zone=zone)
            staff(
                f"preventie-{name.lower()}",
                "Preventie",
                name,
                role=StaffRole.Kind.PREVENTION_OFFICER,
                municipality=muni,
            )
            for index, (place, lon, lat) in enumerate(places, start=1):
                neighbourhoods.append(
                    Neighbourhood.objects.create(
                        name=place,
                        municipality=muni,
                        sector_code=f"{nis}A{index:02d}-",
                        boundary=hexagon(lon, lat),
                    )
                )
    staff(
        "analist-limburg",
        "Provinciaal",
        "Analist",
        role=StaffRole.Kind.PROVINCIAL_ANALYST,
        province="Limburg",
    )
    staff("fod-binnenlandse-zaken", "Nationaal", "Beheer", role=StaffRole.Kind.NATIONAL_ADMIN)
    return neighbourhoods


def _build_groups(neighbourhoods, rng, staff, superuser, per_group, password) -> list[Group]:
    groups = []
    for index, hood in enumerate(neighbourhoods[:10]):
        muni = hood.municipality
        protocol = load_protocol(PROTOCOL_BY_MUNICIPALITY.get(muni.name, "be-type"))
        police = User.objects.get(
            staff_roles__kind=StaffRole.Kind.POLICE_CONTACT, staff_roles__zone=muni.zone
        )
        officer = User.objects.get(
            staff_roles__kind=StaffRole.Kind.PREVENTION_OFFICER, staff_roles__municipality=muni
        )
        group = Group.objects.create(
            name=f"BIN {hood.name}",
            neighbourhood=hood,
            protocol_id=protocol.id,
            protocol_version=str(protocol.version),
            police_contact=police,
            approved_by=officer,
            approved_at=timezone.now(),
            status=Group.Status.DRAFT if index == 9 else Group.Status.LIVE,
        )
        _add_members(group, rng, min(per_group, protocol.max_group_size), password, index)
        groups.append(group)
    return groups


def _add_members(group: Group, rng, count: int, password: str, group_index: int) -> None:
    users = []
    for n in range(count):
        serial = group_index * 10_000 + n
        user = User(
            username=f"lid{serial:05d}",
            first_name=rng.choice(FIRST),
            last_name=rng.choice(LAST),
            language=rng.choice(["nl"] * 6 + ["fr", "de", "en"]),
            birth_date=date(rng.randint(1940, 2004), rng.randint(1, 12), rng.randint(1, 28)),
            password=password if n == 0 else "!",
        )
        user.set_phone(f"+3247{serial:07d}")
        user.set_contact_email(f"lid{serial:05d}@demo.buurtwacht.be")
        users.append(user)
    if group_index == 0:
        users[0].username, users[1].username = "coordinator", "member"
        users[1].password = password
    User.objects.bulk_create(users, batch_size=500)
    users = list(User.objects.filter(username__in=[u.username for u in users]).order_by("id"))
    now = timezone.now()
    Membership.objects.bulk_create(
        [
            Membership(
                group=group,
                user=u,
                status=Membership.Status.ACTIVE,
                admitted_at=now,
                role=Membership.Role.COORDINATOR if i == 0 else Membership.Role.MEMBER,
                accepted_protocol_version=group.protocol_version,
                location_checked_at=now,
            )
            for i, u in enumerate(users)
        ],
        batch_size=500,
    )
