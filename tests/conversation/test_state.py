"""The conversation lives in the database: idle expiry, purge, another process continues it."""

import json
import os
import subprocess
import sys
from datetime import timedelta

import pytest

from buurtwacht.alerts.models import Alert
from buurtwacht.conversation.engine import Event, handle, purge_expired
from buurtwacht.conversation.models import DROPPED, Conversation
from tests.conftest import subprocess_database_url

from .conftest import Phone


@pytest.mark.parametrize(
    ("language", "dropped", "fresh"),
    [
        ("nl", "na 30 minuten zonder antwoord geschrapt", "Nieuwe melding"),
        ("fr", "abandonné après 30 minutes sans réponse", "Nouveau signalement"),
    ],
)
def test_an_idle_draft_expires_and_the_member_is_told(live, phone, language, dropped, fresh):
    p = phone(language=language)
    p.send("melding")
    p.tap("emergency:no")
    row = Conversation.objects.get()
    assert row.expires_at == p.at + timedelta(minutes=30)  # be-type's conversation_idle_minutes
    p.later(minutes=31)
    r = p.send("1")
    assert dropped in r.text
    assert fresh in r.text and p.ids() == ["emergency:yes", "emergency:no"]
    assert Conversation.objects.get().data["draft"] == {}  # fresh: the old answers are gone


def test_an_answer_within_the_idle_time_continues(live, phone):
    p = phone(language="nl")
    p.send("melding")
    p.later(minutes=29)
    r = p.tap("emergency:no")
    assert "geschrapt" not in r.text and "Hebt u de politie gebeld" in r.text


def test_purge_drops_idle_drafts_and_later_the_marker(live, phone):
    p = phone(language="nl")
    p.send("Verdachte man aan de deuren in de Kerkstraat, donkere jas")
    assert "Kerkstraat" in json.dumps(Conversation.objects.get().data)
    assert purge_expired(p.at + timedelta(minutes=10)) == 0
    assert purge_expired(p.at + timedelta(minutes=31)) == 1
    row = Conversation.objects.get()
    assert row.step == DROPPED and row.data == {}  # the personal details are gone

    p.later(minutes=40)
    r = p.send("hallo")
    assert "geschrapt" in r.text  # told at the next message

    # a marker nobody came back for is deleted after a day
    p.send("stop")
    q = phone(live.members[1], language="nl")
    q.send("melding")
    purge_expired(q.at + timedelta(minutes=31))
    assert purge_expired(q.at + timedelta(days=2)) == 1
    assert not Conversation.objects.exists()


def test_a_fresh_phone_object_continues_from_the_database(live, phone):
    p = phone(language="nl")
    p.send("melding")
    p.tap("emergency:no")
    again = Phone(live.author, live.group)  # nothing carried over in memory
    again.at = p.at
    r = again.send("2")  # numbered answer to the question stored with the row
    assert "Wat voor incident" in r.text


def test_each_channel_has_its_own_conversation(live, phone):
    wa = phone(language="nl")
    sms = phone(language="nl", channel="sms")
    wa.send("melding")
    r = sms.send("melding")
    assert "Nieuwe melding" in r.text
    assert Conversation.objects.filter(user=live.author).count() == 2


CHILD = """
import django, json, sys
django.setup()
from datetime import datetime
from buurtwacht.conversation.engine import Event, handle
from buurtwacht.organisation.models import Group, User
user, group = User.objects.get(pk=int(sys.argv[1])), Group.objects.get(pk=int(sys.argv[2]))
at = datetime.fromisoformat(sys.argv[4])
event = Event("text", text=sys.argv[3], at=at)
replies = handle(user=user, group=group, channel="sms", event=event)
print(json.dumps([[r.as_text(), r.options] for r in replies]))
"""


def _in_child(connection, user, group, text, at):
    env = {
        **os.environ,
        "DATABASE_URL": subprocess_database_url(connection),
        "DJANGO_SETTINGS_MODULE": "buurtwacht.settings",
    }
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(user.pk), str(group.pk), text, at.isoformat()],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_two_turns_in_two_processes(transactional_db, live, phone):
    """A worker restart between two messages: the next process continues the walk."""
    from django.db import connection

    p = phone(language="nl", channel="sms")
    first = handle(
        user=live.author, group=live.group, channel="sms", event=Event("text", text="melding")
    )
    assert first[0].as_text().endswith("1. Ja\n2. Nee")
    [[text, options]] = _in_child(connection, live.author, live.group, "2", p.at)
    assert "Hebt u de politie gebeld" in text and "1. Net nu" in text
    assert [o[0] for o in options] == ["called:now", "called:recent", "called:other"]
    [[text, _]] = _in_child(connection, live.author, live.group, "1", p.at)
    assert "Wat voor incident" in text and "10. Andere" in text
    assert Conversation.objects.get(channel="sms").step == "category"
    assert not Alert.objects.exists()
