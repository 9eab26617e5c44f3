"""Residents by a code or a magic link sent by e-mail, through a real SMTP server."""

import re
import time

import pytest
from django.core import signing
from django.utils.translation import override

from buurtwacht.accounts import codes
from buurtwacht.accounts.models import SignInCode
from buurtwacht.accounts.sending import deliver

from .conftest import CODE_RE, EMAIL, english, enter, request_code, signed_in_as

LINK_RE = re.compile(r"http://testserver(/login/link/[^/\s]+/)")


def the_mail(smtp):
    (message,) = smtp.messages()
    return message, message.get_body(("plain",)).get_content()


def test_a_code_by_email_signs_in(client, smtp, resident):
    response = request_code(client, "  Resident@Example.ORG ")
    assert response.status_code == 302 and response["Location"] == "/login/code/enter/"
    message, text = the_mail(smtp)
    assert message["To"] == EMAIL and "sign-in code" in message["Subject"]
    code = CODE_RE.search(text).group(1)
    row = SignInCode.objects.get()
    assert code not in {row.code_hash, row.link_hash} and row.sent_by == "email"
    response = enter(client, code)
    assert response.status_code == 302 and response["Location"] == "/"
    assert signed_in_as(client) == str(resident.pk)
    row.refresh_from_db()
    assert row.used_at is not None


def test_the_code_works_once(client, smtp, resident):
    request_code(client, EMAIL)
    code = CODE_RE.search(the_mail(smtp)[1]).group(1)
    enter(client, code)
    other = english()  # someone who saw the code replays it on the same challenge
    session = other.session
    session["accounts_challenge"] = {"id": SignInCode.objects.get().pk, "key": "x"}
    session.save()
    response = enter(other, code)
    assert response.status_code == 200 and signed_in_as(other) is None
    assert "expired or was already used" in response.content.decode()


def test_the_mail_is_in_the_members_language(client, smtp, resident):
    resident.language = "nl"
    resident.save()
    request_code(client, EMAIL)
    message, text = the_mail(smtp)
    assert "inlogcode" in message["Subject"].lower() and CODE_RE.search(text)


def test_a_magic_link_signs_in_once(client, smtp, resident):
    request_code(client, EMAIL)
    path = LINK_RE.search(the_mail(smtp)[1]).group(1)
    browser = english()
    response = browser.get(path)  # a mail scanner's GET spends nothing
    assert response.status_code == 200 and signed_in_as(browser) is None
    response = browser.post(path)
    assert response.status_code == 302 and signed_in_as(browser) == str(resident.pk)
    again = english()
    response = again.post(path, follow=True)
    assert signed_in_as(again) is None
    assert "expired or was already used" in response.content.decode()


def test_the_link_spends_the_code_too(client, smtp, resident):
    request_code(client, EMAIL)
    text = the_mail(smtp)[1]
    english().post(LINK_RE.search(text).group(1))
    response = enter(client, CODE_RE.search(text).group(1))
    assert signed_in_as(client) is None and response.status_code == 200


def test_an_expired_challenge_refuses_code_and_link(client, smtp, resident):
    request_code(client, EMAIL)
    text = the_mail(smtp)[1]
    SignInCode.objects.update(expires_at=SignInCode.objects.get().created_at)
    assert english().post(LINK_RE.search(text).group(1)).status_code == 302
    enter(client, CODE_RE.search(text).group(1))
    assert signed_in_as(client) is None


class PastSigner(signing.TimestampSigner):
    def timestamp(self):
        return signing.b62_encode(int(time.time()) - 3600)


def test_an_old_link_token_is_refused_even_for_a_live_challenge(resident, smtp):
    challenge = codes.issue(identifier=codes.parse_identifier(EMAIL), ip="127.0.0.1",
                            language="en")  # fmt: skip
    nonce = "n" * 22
    SignInCode.objects.filter(pk=challenge.pk).update(
        link_hash=codes.hash_secret("link", challenge.pk, nonce), sent_at=None
    )
    fresh = codes.link_token(challenge.pk, nonce)
    old = PastSigner(salt=codes.LINK_SALT).sign_object({"c": challenge.pk, "n": nonce})
    forged = fresh[:-2] + ("AA" if not fresh.endswith("AA") else "BB")
    assert codes.consume_link(old) is None
    assert codes.consume_link(forged) is None
    assert codes.consume_link(fresh) == resident


def test_wrong_codes_count_down_then_the_challenge_is_dead(client, smtp, resident):
    request_code(client, EMAIL)
    code = CODE_RE.search(the_mail(smtp)[1]).group(1)
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    messages = [enter(client, wrong).content.decode() for _ in range(5)]
    assert "4 more" in messages[0] and "1 more" in messages[3]
    assert "Too many wrong codes" in messages[4]
    response = enter(client, code)
    assert signed_in_as(client) is None and "Please ask for a new code" in response.content.decode()


def test_a_new_request_supersedes_the_old_code(client, smtp, resident):
    request_code(client, EMAIL)
    request_code(client, EMAIL)
    first, second = (CODE_RE.search(m.get_body(("plain",)).get_content()).group(1)
                     for m in smtp.messages())  # fmt: skip
    if first != second:
        enter(client, first)
        assert signed_in_as(client) is None
    enter(client, second)
    assert signed_in_as(client) == str(resident.pk)


def _page(response) -> str:
    html = response.content.decode()
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)


def test_no_account_enumeration(settings, smtp, resident, django_user_model):
    """Same redirect, same page, same rows and the same task enqueued, account or not; a code
    typed for a missing account fails exactly as a wrong one."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    known, unknown = english(), english()
    answers = [request_code(c, a) for c, a in ((known, EMAIL), (unknown, "nobody@example.org"))]
    assert {a.status_code for a in answers} == {302}
    assert answers[0]["Location"] == answers[1]["Location"]
    pages = [_page(c.get(a["Location"])) for c, a in zip((known, unknown), answers, strict=True)]
    assert pages[0] == pages[1]
    rows = list(SignInCode.objects.order_by("pk"))
    assert [r.user_id for r in rows] == [resident.pk, None]
    tasks = list(DBTaskResult.objects.order_by("enqueued_at"))
    assert [t.args_kwargs["args"] for t in tasks] == [[rows[0].pk], [rows[1].pk]]
    assert [deliver(r.pk) for r in rows] == ["email", "nobody"] and len(smtp) == 1
    errors = [_page(enter(c, "123456")) for c in (known, unknown)]
    code = CODE_RE.search(smtp.messages()[0].get_body(("plain",)).get_content()).group(1)
    if code != "123456":
        assert errors[0] == errors[1] and "4 more" in errors[1]


def test_requests_are_throttled_alike_for_known_and_unknown(client, settings, smtp, resident):
    settings.ACCOUNTS_CODE_REQUESTS_PER_HOUR = 2
    for address in (EMAIL, "nobody@example.org"):
        for _ in range(2):
            assert request_code(client, address).status_code == 302
        response = request_code(client, address)
        assert response.status_code == 200 and "Too many codes" in response.content.decode()
    assert len(smtp) == 2


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nl", "geen e-mailadres"),
        ("fr", "adresse"),
        ("de", "E-Mail-Adresse"),
        ("en", "not an e-mail"),
    ],
)
def test_something_that_is_neither_is_refused_in_the_users_language(client, db, lang, words):
    with override(lang):
        response = request_code(client, "hello there", HTTP_ACCEPT_LANGUAGE=lang)
    html = response.content.decode()
    assert response.status_code == 200 and words in html
    assert 'aria-describedby="identifier-help identifier-error"' in html
    assert not SignInCode.objects.exists()
