import pytest
from django.test import Client
from django.urls import reverse

from gonghui.accounts.services import api_token_authenticate, api_token_issue, api_token_revoke
from tests.factories import UserFactory


@pytest.fixture
def user(db: None) -> object:
    return UserFactory(username="cadre")


def test_login_with_username_and_password(user: object) -> None:
    client = Client()
    response = client.post(reverse("accounts:login"), {"username": "cadre", "password": "pass-word-123"})
    assert response.status_code == 302 and response["Location"] == reverse("workbench:home")
    assert client.get(reverse("workbench:home")).status_code == 200


def test_repeated_failures_lock_the_account_out(user: object, settings: object) -> None:
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):  # type: ignore[attr-defined]
        response = client.post(reverse("accounts:login"), {"username": "cadre", "password": "wrong"})
        assert response.status_code == 200
        assert "请输入一个正确的" in response.content.decode() or "正确" in response.content.decode()
    locked = client.post(reverse("accounts:login"), {"username": "cadre", "password": "wrong"})
    assert locked.status_code == 429 and "暂时锁定" in locked.content.decode()
    # Even the right password is refused while locked.
    again = client.post(reverse("accounts:login"), {"username": "cadre", "password": "pass-word-123"})
    assert again.status_code == 429


def test_login_form_needs_csrf(user: object) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("accounts:login"), {"username": "cadre", "password": "pass-word-123"})
    assert response.status_code == 403


def test_security_headers_are_set(db: None) -> None:
    response = Client().get(reverse("accounts:login"))
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["Referrer-Policy"] == "same-origin"


def test_api_tokens_are_stored_hashed_and_can_be_revoked(user: object) -> None:
    issued = api_token_issue(user=user, name="省平台对接")  # type: ignore[arg-type]
    assert issued.secret not in issued.token.digest
    assert api_token_authenticate(issued.secret) == user
    assert api_token_authenticate(issued.secret + "x") is None
    api_token_revoke(token=issued.token)
    assert api_token_authenticate(issued.secret) is None


def test_a_remembered_token_stops_at_revocation_and_deactivation(user: object, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from gonghui.accounts import services

    issued = api_token_issue(user=user, name="扫码签到")  # type: ignore[arg-type]
    first = api_token_authenticate(issued.secret)
    again = api_token_authenticate(issued.secret)  # remembered: no query, a fresh instance
    assert first == again == user and first is not again
    type(user).objects.filter(pk=user.pk).update(is_active=False)  # type: ignore[attr-defined]
    assert api_token_authenticate(issued.secret) is not None  # behind the database for a few seconds at most
    monkeypatch.setattr(services, "TOKEN_CACHE_SECONDS", 0.0)
    assert api_token_authenticate(issued.secret) is None  # once the memory lapses, the database decides
    monkeypatch.undo()
    type(user).objects.filter(pk=user.pk).update(is_active=True)  # type: ignore[attr-defined]
    assert api_token_authenticate(issued.secret) is not None
    api_token_revoke(token=issued.token)
    assert api_token_authenticate(issued.secret) is None  # revocation forgets at once in this process
