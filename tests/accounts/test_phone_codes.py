"""One-time SMS codes: life, tries, resend pause, daily caps, one use, and only hashes at rest."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from gonghui.accounts.models import CodePurpose, PhoneCode
from gonghui.accounts.phone_codes import phone_code_send, phone_code_verify, phone_codes_purge
from gonghui.accounts.sms.console import ConsoleSmsBackend
from gonghui.common.file_purge import OTHER_PURGES
from gonghui.common.pii_crypto import blind_index

MOBILE = "13912340000"
SIGN_IN = CodePurpose.SIGN_IN
pytestmark = pytest.mark.django_db


def _send(mobile: str = MOBILE, client: str | None = "10.1.2.3") -> str:
    phone_code_send(mobile=mobile, purpose=SIGN_IN, client=client)
    return ConsoleSmsBackend.outbox[blind_index(mobile, purpose="mobile")]


def _age_codes(seconds: int) -> None:
    PhoneCode.objects.update(created_at=timezone.now() - dt.timedelta(seconds=seconds))


def test_a_code_is_six_digits_kept_only_as_keyed_hashes_and_works_once() -> None:
    code = _send()
    assert len(code) == 6 and code.isdigit()
    row = PhoneCode.objects.get()
    stored = " ".join(str(v) for v in PhoneCode.objects.values().get().values())
    assert code not in stored and MOBILE not in stored and "10.1.2.3" not in stored
    assert row.mobile_hmac == blind_index(MOBILE, purpose="mobile")
    phone_code_verify(mobile=MOBILE, purpose=SIGN_IN, code=code)
    with pytest.raises(ValidationError, match="验证码不正确或已过期"):
        phone_code_verify(mobile=MOBILE, purpose=SIGN_IN, code=code)


def test_a_code_expires_after_its_life() -> None:
    code = _send()
    PhoneCode.objects.update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    with pytest.raises(ValidationError, match="已过期"):
        phone_code_verify(mobile=MOBILE, purpose=SIGN_IN, code=code)


def test_five_wrong_tries_kill_the_code_even_if_the_right_one_follows() -> None:
    code = _send()
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    for _ in range(5):
        with pytest.raises(ValidationError, match="验证码不正确"):
            phone_code_verify(mobile=MOBILE, purpose=SIGN_IN, code=wrong)
    with pytest.raises(ValidationError, match="错误次数过多"):
        phone_code_verify(mobile=MOBILE, purpose=SIGN_IN, code=code)


def test_a_code_for_one_purpose_or_number_does_not_open_another() -> None:
    code = _send()
    with pytest.raises(ValidationError):
        phone_code_verify(mobile=MOBILE, purpose=CodePurpose.OLD_NUMBER, code=code)
    with pytest.raises(ValidationError):
        phone_code_verify(mobile="13912340001", purpose=SIGN_IN, code=code)


def test_resend_waits_sixty_seconds() -> None:
    _send()
    with pytest.raises(ValidationError, match="秒后再获取"):
        _send()
    _age_codes(61)
    _send()
    assert PhoneCode.objects.count() == 2


@override_settings(PHONE_CODE_DAILY_PER_NUMBER=3)
def test_daily_cap_per_number() -> None:
    for _ in range(3):
        _send(client=None)
        _age_codes(61)
    with pytest.raises(ValidationError, match="该手机号今天"):
        _send(client=None)
    _age_codes(25 * 3600)
    _send(client=None)  # a new day


@override_settings(PHONE_CODE_DAILY_PER_CLIENT=2)
def test_daily_cap_per_client_counts_across_numbers() -> None:
    _send("13912340001")
    _send("13912340002")
    with pytest.raises(ValidationError, match="本设备今天"):
        _send("13912340003")
    _send("13912340003", client="10.9.9.9")  # another client is not affected


def test_purge_drops_codes_past_the_caps_window() -> None:
    _send()
    PhoneCode.objects.update(created_at=timezone.now() - dt.timedelta(days=3))
    assert phone_codes_purge() == 1 and not PhoneCode.objects.exists()
    assert phone_codes_purge in OTHER_PURGES  # the job worker's hourly purge runs it
