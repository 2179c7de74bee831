"""Worker accounts: a User bound to one Person once the worker proved the phone on record.

Sign-in is a phone code (accounts.phone_codes). The first time, the worker also types the name and ID
number on file; they bind only if the verified mobile is the one on record. Every answer that could tell
whether an ID is registered is the same for "unknown", "other name" and "other mobile" (NO_MATCH).
"""

from __future__ import annotations

import secrets
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.accounts.models import CodePurpose, User, UserKind
from gonghui.accounts.phone_codes import phone_code_send, phone_code_verify
from gonghui.common.audit import client_ip
from gonghui.members.changes import change_request_leave, person_mobile_set
from gonghui.members.choices import LIVE_STATUSES, ChangeKind, ChangeSource
from gonghui.members.identity import check_document, document_hmac, mobile_hmac, same_person_name
from gonghui.members.models import Membership, Person, WorkerAccount

NO_MATCH = gettext_lazy(
    "没有找到与该手机号一致的会员登记。还没有入会的，请先申请入会；换过手机号的，可用原手机号接收验证码，"
    "或向工会提交手机号变更申请。"
)


def person_of(user: Any) -> Person | None:
    """The signed-in user's own person record, if their account is bound to one."""
    if user is None or not getattr(user, "is_authenticated", False):
        return None
    cached = user.__dict__.get("_gonghui_person", False)
    if cached is False:
        account = WorkerAccount.objects.select_related("person").filter(user=user).first()
        cached = account.person if account is not None else None
        user.__dict__["_gonghui_person"] = cached
    return cached


def _person_by_document(name: str, id_number: str) -> Person | None:
    """The person with this ID number and (in simplified form) this name; None otherwise, alike."""
    try:
        number, _sex, _birth = check_document("resident", id_number)
    except ValidationError:
        return None
    person = Person.objects.filter(id_hmac=document_hmac(number)).first()
    if person is None or not same_person_name(person.name, name):
        return None
    return person


@transaction.atomic
def _account_for(person: Person) -> User:
    """The person's account, created on first sign-in (a worker account: no password, no roles)."""
    locked = Person.objects.select_for_update().get(pk=person.pk)
    account = WorkerAccount.objects.select_related("user").filter(person=locked).first()
    if account is not None:
        return account.user
    user = User(username=f"w-{secrets.token_hex(8)}", kind=UserKind.WORKER, display_name=locked.name)
    user.set_unusable_password()
    user.save()
    WorkerAccount.objects.create(user=user, person=locked)
    return user


def worker_sign_in_code(*, mobile: str, request: HttpRequest) -> None:
    """Send a sign-in code to any valid number: whether it is on record is not told here."""
    phone_code_send(mobile=mobile, purpose=CodePurpose.SIGN_IN, client=client_ip(request))


def worker_accounts_for_mobile(mobile: str) -> list[User]:
    """Accounts already bound to people with this mobile on record (a family may share a phone)."""
    rows = WorkerAccount.objects.filter(person__mobile_hmac=mobile_hmac(mobile)).select_related("user")
    return [row.user for row in rows if row.user.is_active]


def worker_verify(*, mobile: str, code: str) -> list[User]:
    """Check the sign-in code; the accounts bound to that number (empty: the worker must identify)."""
    phone_code_verify(mobile=mobile, purpose=CodePurpose.SIGN_IN, code=code)
    return worker_accounts_for_mobile(mobile)


def worker_bind(*, verified_mobile: str, name: str, id_number: str) -> User:
    """First sign-in: the name and ID on file, and the verified mobile must be the one on record."""
    person = _person_by_document(name, id_number)
    if person is None or person.mobile_hmac != mobile_hmac(verified_mobile):
        raise ValidationError(str(NO_MATCH), code="no_match")
    return _account_for(person)


def old_number_code(*, name: str, id_number: str, request: HttpRequest) -> None:
    """Send a code to the mobile on record of this person, if the name matches; the answer is the same anyway."""
    person = _person_by_document(name, id_number)
    if person is not None and person.mobile:
        phone_code_send(mobile=person.mobile.reveal(), purpose=CodePurpose.OLD_NUMBER, client=client_ip(request))


def worker_rebind_by_old_number(
    *, verified_mobile: str, name: str, id_number: str, code: str, request: HttpRequest | None = None
) -> User:
    """The worker proved the new number (sign-in) and the old one (this code): move the record to the new one."""
    person = _person_by_document(name, id_number)
    if person is None or not person.mobile:
        raise ValidationError(_("验证码不正确或已过期，请重新获取。"), code="bad_code")
    # Outside the transaction: a wrong try must stay counted.
    phone_code_verify(mobile=person.mobile.reveal(), purpose=CodePurpose.OLD_NUMBER, code=code)
    with transaction.atomic():
        locked = Person.objects.select_for_update().get(pk=person.pk)
        user = _account_for(locked)
        via = _("本人用原手机号确认")
        person_mobile_set(person=locked, mobile=verified_mobile, actor=user, via=via, request=request)
    return user


def mobile_change_ask(*, verified_mobile: str, name: str, id_number: str) -> None:
    """手机号变更申请 to the person's union; answered the same whether or not anything was filed."""
    person = _person_by_document(name, id_number)
    if person is None:
        return
    live = Membership.objects.filter(person=person, status__in=LIVE_STATUSES).select_related("org").first()
    if live is not None:
        change_request_leave(
            person=person, org=live.org, kind=ChangeKind.MOBILE, source=ChangeSource.WORKER, new_mobile=verified_mobile
        )
