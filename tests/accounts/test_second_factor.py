"""Staff second factor: who must pass it, enrolment by QR, and that nothing staff-side opens before it."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from gonghui.orgs.second_factor import needs_second_factor
from tests.world import World

pytestmark = pytest.mark.usefixtures("second_factor_on")


@pytest.fixture
def second_factor_on() -> object:
    with override_settings(STAFF_SECOND_FACTOR=True):
        yield


def _code(device: TOTPDevice) -> str:
    return f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}"


def test_admins_finance_and_full_data_roles_need_it_readers_and_workers_do_not(world: World) -> None:
    assert needs_second_factor(world.users["owner"])  # 管理员 on the county
    assert needs_second_factor(world.users["sibling"])
    assert not needs_second_factor(world.users["helper"])  # 帮扶专员
    assert not needs_second_factor(world.users["worker"])  # 只读
    assert not needs_second_factor(world.users["member"])  # a worker account


def test_enrol_then_verify_then_the_workbench_opens(world: World) -> None:
    client = Client()
    client.force_login(world.users["owner"])
    first = client.get("/members/")
    assert first.status_code == 302 and first["Location"].startswith("/accounts/2fa/")
    assert client.get("/api/v1/members").status_code == 401  # the session API too
    page = client.get(first["Location"]).content.decode()
    assert "<svg" in page and "扫描下面的二维码" in page
    device = TOTPDevice.objects.get(user=world.users["owner"])
    assert not device.confirmed
    wrong = client.post("/accounts/2fa/", {"token": "000000", "next": "/members/"}).content.decode()
    assert "动态码不正确" in wrong or _code(device) == "000000"
    too_soon = client.post("/accounts/2fa/", {"token": _code(device), "next": "/members/"}).content.decode()
    assert "尝试过于频繁" in too_soon  # django-otp's throttle after a wrong code
    TOTPDevice.objects.filter(pk=device.pk).update(throttling_failure_timestamp=None)
    done = client.post("/accounts/2fa/", {"token": _code(device), "next": "/members/"})
    assert done.status_code == 302 and done["Location"] == "/members/"
    assert client.get("/members/").status_code == 200
    device.refresh_from_db()
    assert device.confirmed


def test_an_api_token_is_not_asked_for_it_and_a_reader_goes_straight_in(world: World) -> None:
    response = Client().get("/api/v1/members", headers={"Authorization": f"Bearer {world.tokens['owner']}"})
    assert response.status_code == 200
    reader = Client()
    reader.force_login(world.users["worker"])
    assert reader.get("/members/").status_code == 200


@override_settings(DEBUG=True)
def test_demo_devices_show_their_code_only_in_debug(world: World) -> None:
    TOTPDevice.objects.create(user=world.users["owner"], name="demo", confirmed=True)
    client = Client()
    client.force_login(world.users["owner"])
    assert "当前动态码" in client.get("/accounts/2fa/").content.decode()
    with override_settings(DEBUG=False):
        assert "当前动态码" not in client.get("/accounts/2fa/").content.decode()
