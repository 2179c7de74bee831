"""One-time SMS codes: 6 digits, kept only as a keyed hash, short-lived, few tries, capped per day.

A code proves that whoever types it holds the phone. Numbers reach this module normalised and leave
it only to the SMS gateway; the table holds HMACs of the number, the code and the client address.
"""

from __future__ import annotations

import datetime as dt
import hmac
import logging
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import CodePurpose, PhoneCode
from gonghui.accounts.sms import SmsError, gateway
from gonghui.common.pii_crypto import blind_index

logger = logging.getLogger(__name__)
CODE_DIGITS = 6


def _code_digest(mobile_hmac: str, purpose: str, code: str) -> str:
    # 10^6 codes are trivially enumerable: only the server's key makes the stored digest useless alone.
    return blind_index(f"{mobile_hmac}:{purpose}:{code}", purpose="phone-code")


def _since(hours: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(hours=hours)


def check_code_request(*, mobile_hmac: str, purpose: CodePurpose, client_hmac: str) -> None:
    """Refuse a new code during the resend pause, or past the daily cap for the number or the client."""
    now = timezone.now()
    recent = PhoneCode.objects.filter(mobile_hmac=mobile_hmac, created_at__gte=_since(24))
    last = recent.filter(purpose=purpose).order_by("-created_at").values_list("created_at", flat=True).first()
    pause = dt.timedelta(seconds=settings.PHONE_CODE_RESEND_SECONDS)
    if last is not None and now - last < pause:
        wait = int((last + pause - now).total_seconds()) + 1
        raise ValidationError(_("验证码已发送，请%(s)d秒后再获取。") % {"s": wait}, code="resend_pause")
    if recent.count() >= settings.PHONE_CODE_DAILY_PER_NUMBER:
        raise ValidationError(_("该手机号今天获取验证码的次数已达上限，请明天再试。"), code="number_cap")
    if client_hmac:
        sent = PhoneCode.objects.filter(client_hmac=client_hmac, created_at__gte=_since(24)).count()
        if sent >= settings.PHONE_CODE_DAILY_PER_CLIENT:
            raise ValidationError(_("本设备今天获取验证码的次数已达上限，请明天再试。"), code="client_cap")


def phone_code_send(*, mobile: str, purpose: CodePurpose, client: str | None) -> None:
    """Send a new code to the normalised `mobile`. The caller checked who may ask for one."""
    mobile_hmac = blind_index(mobile, purpose="mobile")
    client_hmac = blind_index(client, purpose="client") if client else ""
    code = f"{secrets.randbelow(10**CODE_DIGITS):0{CODE_DIGITS}d}"
    with transaction.atomic():
        check_code_request(mobile_hmac=mobile_hmac, purpose=purpose, client_hmac=client_hmac)
        now = timezone.now()
        PhoneCode.objects.create(
            mobile_hmac=mobile_hmac,
            purpose=purpose,
            code_digest=_code_digest(mobile_hmac, purpose, code),
            client_hmac=client_hmac,
            created_at=now,
            expires_at=now + dt.timedelta(seconds=settings.PHONE_CODE_TTL_SECONDS),
        )
    try:
        gateway().send_code(mobile=mobile, code=code, minutes=max(1, settings.PHONE_CODE_TTL_SECONDS // 60))
    except SmsError as exc:
        logger.warning("SMS not sent: %s", exc)
        raise ValidationError(_("短信发送失败，请稍后再试。"), code="sms_failed") from exc


def phone_code_verify(*, mobile: str, purpose: CodePurpose, code: str) -> None:
    """Accept the newest live code for this number and purpose once; ValidationError otherwise.

    Every wrong try counts, and a code that reached its tries is dead even if later typed right.
    Both the try count and the use are conditional UPDATEs, so two racing submissions of one code
    cannot both pass.
    """
    mobile_hmac = blind_index(mobile, purpose="mobile")
    now = timezone.now()
    live = (
        PhoneCode.objects.filter(mobile_hmac=mobile_hmac, purpose=purpose, used_at__isnull=True, expires_at__gt=now)
        .order_by("-created_at")
        .first()
    )
    wrong = ValidationError(_("验证码不正确或已过期，请重新获取。"), code="bad_code")
    if live is None:
        raise wrong
    counted = PhoneCode.objects.filter(pk=live.pk, tries__lt=settings.PHONE_CODE_MAX_TRIES).update(tries=F("tries") + 1)
    if not counted:
        raise ValidationError(_("验证码错误次数过多，请重新获取。"), code="too_many_tries")
    typed = "".join(ch for ch in code if ch.isdigit())[:CODE_DIGITS]
    if not hmac.compare_digest(live.code_digest, _code_digest(mobile_hmac, purpose, typed)):
        raise wrong
    if not PhoneCode.objects.filter(pk=live.pk, used_at__isnull=True).update(used_at=now):
        raise wrong


def phone_codes_purge(*, older_than_days: int = 2) -> int:
    """Drop codes past the daily caps' window: nothing is kept longer than the caps need."""
    deleted, _rows = PhoneCode.objects.filter(created_at__lt=_since(24 * older_than_days)).delete()
    return deleted
