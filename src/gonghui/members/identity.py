"""Checking what an applicant typed: name, document, mobile, consent. Chinese errors per field."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.idcard import normalize_idcard, parse_idcard
from gonghui.common.mobile import normalize_mobile, validate_mobile
from gonghui.common.pii_crypto import blind_index
from gonghui.common.search_keys import search_keys
from gonghui.common.textnorm import clean_text, compact
from gonghui.members.choices import EmploymentForm, IdType

NAME_PATTERN = re.compile(r"^[\u3400-\u9fff\u00b7·A-Za-z .]{2,30}$")
_DOCUMENT = re.compile(r"^[A-Z0-9]{5,20}$", re.ASCII)


def document_hmac(number: str) -> str:
    """Blind index of a normalised document number (the Person.id_hmac value)."""
    return blind_index(number, purpose="id")


def mobile_hmac(number: str) -> str:
    """Blind index of a normalised mobile number (the Person.mobile_hmac value)."""
    return blind_index(number, purpose="mobile")


def same_person_name(a: str, b: str) -> bool:
    """Names match in simplified form: 劉保柱 and 刘保柱 are one person."""
    return search_keys(a).simplified == search_keys(b).simplified


def same_listed_name(registered: str, written: str) -> bool:
    """A name from an Excel list against the registered one: Excel pads two-character names to line up
    (“钱  慰问”), so spaces inside a name do not count; then as same_person_name."""
    return same_person_name("".join(registered.split()), "".join(written.split()))


def applicant_identities(applicant: Any) -> dict[str, str]:
    """Rate-limit identities of a typed form: the HMACs of the normalised ID and mobile, where they parse."""
    found: dict[str, str] = {}
    number = normalize_idcard(str(getattr(applicant, "id_number", "")))
    if number:
        found["id"] = document_hmac(number)
    mobile = normalize_mobile(getattr(applicant, "mobile", ""))
    if mobile:
        found["mobile"] = mobile_hmac(mobile)
    return found


@dataclass
class Applicant:
    name: str
    id_number: str
    mobile: str
    id_type: str = IdType.RESIDENT
    employer_name: str = ""
    employment_form: str = ""
    platform: str = ""
    occupation: str = ""
    village: str = ""
    consent: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass
class CheckedApplicant:
    name: str
    id_type: str
    id_number: str
    mobile: str
    sex: str
    birth_date: dt.date | None
    employer_name: str
    employment_form: str
    platform: str
    occupation: str
    village: str


def check_document(id_type: str, raw: str) -> tuple[str, str, dt.date | None]:
    """(normalised number, sex, birth date) or ValidationError."""
    if id_type == IdType.RESIDENT:
        parsed = parse_idcard(raw)
        return parsed.number, str(parsed.sex), parsed.birth_date
    number = compact(raw).upper()
    if id_type not in IdType.values:
        raise ValidationError(_("证件类型无效。"), code="id_type")
    if not _DOCUMENT.match(number):
        raise ValidationError(_("证件号码应为 5–20 位字母或数字。"), code="format")
    return number, "", None


def age_on(birth: dt.date, today: dt.date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def check_applicant(applicant: Applicant, *, need_consent: bool = True, min_age: int | None = None) -> CheckedApplicant:
    """Every field checked at once, each error in Chinese under its field; `min_age` for joining a union."""
    errors: dict[str, str] = {}
    name = clean_text(applicant.name)
    if not name:
        errors["name"] = _("请填写姓名。")
    elif not NAME_PATTERN.match(name):
        errors["name"] = _("姓名应为 2–30 个汉字或字母。")
    number, sex, birth = "", "", None
    try:
        number, sex, birth = check_document(applicant.id_type, applicant.id_number)
    except ValidationError as exc:
        errors["id_number"] = exc.messages[0]
    if birth is not None and min_age is not None and age_on(birth, timezone.localdate()) < min_age:
        errors["id_number"] = _("未满%(age)d周岁，不能申请加入工会。") % {"age": min_age}
    mobile = ""
    try:
        mobile = validate_mobile(applicant.mobile)
    except ValidationError as exc:
        errors["mobile"] = exc.messages[0]
    if applicant.employment_form and applicant.employment_form not in EmploymentForm.values:
        errors["employment_form"] = _("用工形式无效。")
    if need_consent and not applicant.consent:
        errors["consent"] = _("请阅读并同意个人信息处理说明后再提交。")
    if errors:
        raise ValidationError(errors)
    return CheckedApplicant(
        name=name,
        id_type=applicant.id_type,
        id_number=number,
        mobile=mobile,
        sex=sex,
        birth_date=birth,
        employer_name=clean_text(applicant.employer_name),
        employment_form=applicant.employment_form,
        platform=clean_text(applicant.platform),
        occupation=clean_text(applicant.occupation),
        village=clean_text(applicant.village),
    )
