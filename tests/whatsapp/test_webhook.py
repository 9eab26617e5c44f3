"""/webhooks/whatsapp over real HTTP, fed by the stand-in: verification, signatures, dedupe,
unknown and BSUID-only senders."""

import json
import threading

import httpx

from buurtwacht.delivery.whatsapp import identities
from buurtwacht.delivery.whatsapp.inbound import process_pending
from buurtwacht.delivery.whatsapp.models import Contact, InboundEvent
from tests.whatsapp.conftest import VERIFY, phone_of, settle, wa_id


def test_verification_echoes_the_challenge_only_for_our_token(standin):
    status, body = standin.verify()
    assert status == 200 and body
    status, _ = standin.verify(verify_token="wrong")
    assert status == 403
    assert VERIFY  # the token the hub was configured with


def test_bad_or_missing_signature_is_refused_and_nothing_stored(standin, wa_member):
    wa_member(1)
    body = json.dumps({"object": "whatsapp_business_account", "entry": []}).encode()
    assert standin.post_raw(body, signature=None) == 401
    assert standin.post_raw(body, signature="sha256=" + "0" * 64) == 401
    good = standin.send_text("Verdachte man Kerkstraat", wa_id=wa_id(1))
    assert good.status == 200
    forged = standin._bodies[good.message_id].replace(b"Kerkstraat", b"Molenstraat")
    assert standin.post_raw(forged, signature=standin.sign(good_body(standin, good))) == 401
    assert InboundEvent.objects.count() == 1  # only the genuine one


def good_body(standin, delivery) -> bytes:
    return standin._bodies[delivery.message_id]


def test_redelivered_webhook_is_processed_once_even_by_two_workers(standin, wa_member):
    user = wa_member(1)
    sent = standin.send_text("hallo", wa_id=wa_id(1))
    for _ in range(3):
        assert standin.redeliver(sent.message_id) == 200
    assert InboundEvent.objects.filter(kind="message").count() == 1
    done = []
    workers = [threading.Thread(target=lambda: done.append(process_pending())) for _ in range(2)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert sum(done) == 1
    assert standin.read_marks == [sent.message_id]
    assert Contact.objects.get(user=user).last_inbound_at is not None
    event = InboundEvent.objects.get(kind="message")
    assert event.processed_at and event.payload == ""  # the sender's number is not kept


def test_unknown_number_gets_one_polite_answer_in_its_language(standin):
    stranger = phone_of(standin, 99)
    stranger.send("Bonjour, je voudrais rejoindre le groupe du quartier")
    settle(lambda: len(stranger.inbox) == 1)
    assert "coordinat" in stranger.inbox[0].text.lower()  # "coordinateur"
    assert "112" in stranger.inbox[0].text
    event = InboundEvent.objects.get(kind="message")
    assert event.payload == "" and wa_id(99) not in event.key
    assert not Contact.objects.exists()


def test_bsuid_only_sender_links_with_a_code_and_is_then_known(standin, wa_member):
    from buurtwacht.delivery.whatsapp.standin import Phone

    user = wa_member(2)
    hidden = Phone(standin, wa_id=None, user_id="BE.1502576394655843", name="Mia")
    hidden.send("hallo")
    settle(lambda: len(hidden.inbox) == 1)  # unknown: how to join
    code = identities.new_link_code(user)
    hidden.send(f"KOPPEL {code}")
    settle(lambda: len(hidden.inbox) == 2)
    assert identities.find_member(bsuid="BE.1502576394655843") == user
    assert "BE.1502576394655843" not in str(Contact.objects.values_list("bsuid_index"))
    assert identities.bsuid_of(user) == "BE.1502576394655843"


def test_webhook_answers_non_json_with_400(standin):
    body = b"not json"
    assert standin.post_raw(body, signature=standin.sign(body)) == 400
    r = httpx.put(standin.webhook_url, content=b"")
    assert r.status_code == 405


def test_processed_keys_outlive_the_redelivery_window_then_go(standin, wa_member):
    from datetime import timedelta

    from django.utils import timezone

    from buurtwacht.delivery.whatsapp.inbound import purge

    wa_member(1)
    sent = standin.send_text("stop", wa_id=wa_id(1))
    messages = InboundEvent.objects.filter(kind="message")
    settle(lambda: messages.filter(processed_at__isnull=False).exists())
    assert purge(timezone.now() + timedelta(days=7)) == 0
    assert standin.redeliver(sent.message_id) == 200  # a week later: still recognised
    assert messages.count() == 1
    purge(timezone.now() + timedelta(days=9))
    assert not messages.exists()
