"""Two real `buurtwacht worker` processes on one database: a webhook Meta delivers several
times is processed once, and the member gets one answer."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from buurtwacht.delivery.whatsapp.models import InboundEvent
from tests.conftest import subprocess_database_url
from tests.whatsapp.conftest import NUMBER, SECRET, TOKEN, VERIFY, phone_of

ROOT = Path(__file__).resolve().parents[2]


def start_worker(standin) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": subprocess_database_url(connection),
        "DJANGO_SETTINGS_MODULE": "tests.delivery.worker_settings",
        "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
        "BUURTWACHT_VAR_DIR": str(settings.VAR_DIR),  # the same field-encryption key
        "WHATSAPP_API_BASE": standin.base_url,
        "WHATSAPP_PHONE_NUMBER_ID": NUMBER,
        "WHATSAPP_ACCESS_TOKEN": TOKEN,
        "WHATSAPP_APP_SECRET": SECRET,
        "WHATSAPP_VERIFY_TOKEN": VERIFY,
        "WHATSAPP_PAIR_INTERVAL_SECONDS": "0.15",
    }
    return subprocess.Popen([sys.executable, "-m", "buurtwacht", "worker"], cwd=ROOT, env=env)


@pytest.mark.slow
def test_redelivered_webhook_answered_once_by_two_worker_processes(standin, wa_member):
    wa_member(1)
    workers = [start_worker(standin) for _ in range(2)]
    try:
        phone = phone_of(standin, 1)
        sent = phone.send("melding")
        for _ in range(4):  # Meta delivers at least once; here five times, back to back
            standin.redeliver(sent.message_id)
        phone.wait_for(1, timeout=30)
        time.sleep(3)  # both workers' periodic sweeps (every 2 s) have run again since
        assert len(phone.inbox) == 1
        assert InboundEvent.objects.filter(kind="message").count() == 1
        assert standin.read_marks == [sent.message_id]
    finally:
        for w in workers:
            w.terminate()
        for w in workers:
            w.wait(timeout=15)
