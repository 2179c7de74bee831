"""Texts of 法律援助 through the platform's SMS notice gateway; a refused send is logged and retried by the
next run of the reminders (the sent marker stays unset). Texts never carry a worker's name or their case."""

from __future__ import annotations

import logging

from django.utils.translation import gettext as _

from gonghui.accounts.sms import SmsError, gateway
from gonghui.rights.legalaid.models import LegalAidCase

logger = logging.getLogger("gonghui.sms")


def send_notice(*, mobile: str, text: str) -> bool:
    try:
        gateway().send_notice(mobile=mobile, text=text)
    except SmsError as exc:
        logger.warning("notice SMS not sent: %s", exc)
        return False
    return True


def assigned_text(case: LegalAidCase) -> str:
    text = _("【工会法律援助】工会向您指派了法律援助案件%(ref)s，请在7日内联系当事人，并在手机上登记代理记录。")
    return text % {"ref": case.ref}


def due_text(case: LegalAidCase) -> str:
    text = _("【工会法律援助】您承办的法律援助案件%(ref)s（%(stage)s）期限为%(date)s，请及时办理并在手机上登记。")
    return text % {
        "ref": case.ref,
        "stage": case.get_status_display(),
        "date": f"{case.due_on:%m-%d}" if case.due_on else "",
    }
