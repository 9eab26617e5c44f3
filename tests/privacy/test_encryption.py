"""Contact data is encrypted at rest with a key id, and found through a blind index."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from buurtwacht.organisation.models import User
from buurtwacht.privacy import crypto
from buurtwacht.privacy.contacts import normalise_email, normalise_phone


def test_round_trip_and_random_nonce():
    a, b = crypto.encrypt("+32470123456"), crypto.encrypt("+32470123456")
    assert a != b and a.startswith("enc1:")
    assert crypto.decrypt(a) == "+32470123456"


def test_rotation_reads_old_key_writes_new():
    old = crypto.encrypt("secret", key_spec="k1:old-secret")
    rotated = "k2:new-secret,k1:old-secret"
    assert crypto.decrypt(old, key_spec=rotated) == "secret"
    assert crypto.encrypt("x", key_spec=rotated).split(":")[1] == "k2"
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(old, key_spec="k2:new-secret")


def test_tampering_is_detected():
    from cryptography.exceptions import InvalidTag

    stored = crypto.encrypt("+32470123456")
    prefix, kid, payload = stored.split(":", 2)
    forged = f"{prefix}:{kid}:{payload[:-4]}AAA="
    with pytest.raises((InvalidTag, ValueError)):
        crypto.decrypt(forged)


@pytest.mark.parametrize("raw", ["0470 12 34 56", "+32 470 12 34 56", "0032470123456"])
def test_phone_numbers_normalise_to_one_blind_index(raw):
    assert normalise_phone(raw) == "+32470123456"


@pytest.mark.parametrize("raw", ["12", "hello", "0470"])
def test_bad_phone_numbers_are_refused(raw):
    with pytest.raises(ValidationError):
        normalise_phone(raw)


def test_bad_email_is_refused():
    assert normalise_email(" An@Example.BE ") == "an@example.be"
    with pytest.raises(ValidationError):
        normalise_email("not-an-address")


@pytest.mark.django_db
def test_database_holds_ciphertext_and_lookup_uses_index():
    user = User(username="resident")
    user.set_phone(normalise_phone("0470 12 34 56"))
    user.set_contact_email(normalise_email("an@example.be"))
    user.save()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT phone, contact_email FROM organisation_user WHERE id = %s", [user.id]
        )
        phone_raw, email_raw = cursor.fetchone()
    assert "470" not in phone_raw and "example" not in email_raw
    index = crypto.blind_index("+32470123456", purpose="phone")
    assert User.objects.get(phone_index=index).phone == "+32470123456"
