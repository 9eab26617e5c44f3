"""WhatsApp fan-out benchmark: an alert to N members at the number's rate, against the stand-in.

    python bench/whatsapp.py [--members 2000] [--rate 80] [--json]

Builds a live group of N members with WhatsApp first in their order (inside their 24-hour
window, so the text path is measured), publishes one alert through the outbox and runs the
real sender (`delivery.sending.send_pending`) against the loopback stand-in Graph API, which
enforces the per-number rate (error 130429) and the per-member pair rate (131056) the way the
real API does. Prints the wall time from the first send to the last accepted message, the
theoretical time N / rate, their ratio, and every refusal the stand-in counted.
Uses DATABASE_URL (SQLite in a temporary folder by default).
"""

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
if not os.environ.get("DATABASE_URL"):
    os.environ["BUURTWACHT_VAR_DIR"] = tempfile.mkdtemp(prefix="bw-bench-")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "buurtwacht.settings")
os.environ["REDIS_URL"] = ""

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from buurtwacht.delivery.models import ChannelPreference, Delivery, OutboundMessage  # noqa: E402
from buurtwacht.delivery.outbox import publish  # noqa: E402
from buurtwacht.delivery.sending import send_pending  # noqa: E402
from buurtwacht.delivery.whatsapp.models import Contact  # noqa: E402
from buurtwacht.delivery.whatsapp.standin import StandIn  # noqa: E402
from buurtwacht.organisation.demo import hexagon  # noqa: E402
from buurtwacht.organisation.models import (  # noqa: E402
    Group,
    Membership,
    Municipality,
    Neighbourhood,
    PoliceZone,
    User,
)
from buurtwacht.protocols import load_protocol  # noqa: E402


def build_group(size: int) -> Group:
    zone, _ = PoliceZone.objects.get_or_create(number="9998", defaults={"name": "Bench zone"})
    muni, _ = Municipality.objects.get_or_create(
        nis_code="99998", defaults={"name": "Bench", "zone": zone}
    )
    hood = Neighbourhood.objects.create(name="wa", municipality=muni, boundary=hexagon(5.3, 50.9))
    version = load_protocol("be-type").version
    group = Group.objects.create(
        name="bench whatsapp", neighbourhood=hood, status="live",
        protocol_id="be-type", protocol_version=version,
    )  # fmt: skip
    users = []
    for n in range(size):
        user = User(username=f"wa-{n}", password="!", birth_date=date(1980, 1, 1))
        user.set_phone(f"+3247{n:07d}")
        users.append(user)
    users = User.objects.bulk_create(users, batch_size=2000)
    Membership.objects.bulk_create(
        [Membership(group=group, user=u, status="active", accepted_protocol_version=version)
         for u in users], batch_size=2000,
    )  # fmt: skip
    ChannelPreference.objects.bulk_create(
        [ChannelPreference(user=u, channel="whatsapp", position=0) for u in users],
        batch_size=2000,
    )
    now = timezone.now()
    Contact.objects.bulk_create([Contact(user=u, last_inbound_at=now) for u in users])
    return group


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--rate", type=float, default=80.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    call_command("migrate", verbosity=0)
    standin = StandIn(
        app_secret="bench", access_token="bench", verify_token="bench",
        phone_number_id="100000000000099", webhook_url="http://127.0.0.1:9/unused",
        rate_per_second=args.rate, pair_interval_seconds=6.0, auto_status=False,
    ).start()  # fmt: skip
    for name, value in {
        "WHATSAPP_API_BASE": standin.base_url, "WHATSAPP_PHONE_NUMBER_ID": "100000000000099",
        "WHATSAPP_ACCESS_TOKEN": "bench", "WHATSAPP_APP_SECRET": "bench",
        "WHATSAPP_MAX_PER_SECOND": args.rate, "WHATSAPP_TIER": 0,
    }.items():  # fmt: skip
        setattr(settings, name, value)
    for user_id in range(args.members):
        standin.open_window(f"3247{user_id:07d}")
    group = build_group(args.members)
    with transaction.atomic():
        message = OutboundMessage.objects.create(
            group=group, kind="alert",
            payload={"nl": {"subject": "Verdachte persoon: Kerkstraat",
                            "text": "101 gebeld om 22:14\nTwee mannen voelen aan deurklinken."}},
        )  # fmt: skip
        publish(message)
    started = time.perf_counter()
    send_pending(worker_id="bench")
    elapsed = time.perf_counter() - started
    accepted = [a.accepted_at for a in standin.accepted]
    span = (max(accepted) - min(accepted)) if accepted else 0.0
    theory = args.members / args.rate
    sent = Delivery.objects.filter(message=message, status="sent").count()
    result = {
        "members": args.members, "rate_per_s": args.rate, "sent": sent,
        "accepted_by_standin": len(accepted), "wall_s": round(elapsed, 2),
        "first_to_last_s": round(span, 2), "theoretical_s": round(theory, 2),
        "ratio": round(elapsed / theory, 3), "refusals": dict(standin.refusals),
        "database": settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[-1],
    }  # fmt: skip
    standin.stop()
    if args.json:
        print(json.dumps(result))
    else:
        print("| members | rate/s | sent | wall (s) | first→last (s) | theory (s) | ratio | "
              "130429 | 131056 | database |")  # fmt: skip
        print("|---|---|---|---|---|---|---|---|---|---|")
        r = result
        print(f"| {r['members']} | {r['rate_per_s']:g} | {r['sent']} | {r['wall_s']} | "
              f"{r['first_to_last_s']} | {r['theoretical_s']} | {r['ratio']} | "
              f"{r['refusals'].get(130429, 0)} | {r['refusals'].get(131056, 0)} | "
              f"{r['database']} |")  # fmt: skip
    return 0 if sent == args.members and not result["refusals"] else 1


if __name__ == "__main__":
    sys.exit(main())
