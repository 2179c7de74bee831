"""What a dispute's input must be: worker parties (a name and a valid ID number each, none twice; a member
under the union is linked), claims (known kinds, each once, amounts never negative) and amounts and texts as
typed. Each check raises a ValidationError with a Chinese reason naming the line or the claim."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from gonghui.common.idcard import parse_idcard
from gonghui.common.textnorm import clean_text
from gonghui.members.choices import MembershipStatus
from gonghui.members.identity import NAME_PATTERN, document_hmac
from gonghui.members.models import Person
from gonghui.orgs.models import OrgNode
from gonghui.rights.mediation.choices import ClaimKind
from gonghui.rights.mediation.models import Claim, Party

MAX_WORKERS = 500
MAX_AMOUNT = Decimal("99999999.99")


@dataclass(frozen=True)
class WorkerIn:
    name: str
    id_number: str


@dataclass(frozen=True)
class ClaimIn:
    kind: str
    amount: Decimal | str | int
    note: str = ""


def long_text(value: object, limit: int) -> str:
    """Multi-line text as typed (paragraphs kept), trimmed, without NUL bytes."""
    text = str(value or "").replace("\x00", "").replace("\r\n", "\n").strip()
    return text[:limit]


def checked_amount(raw: Decimal | str | int | None, field: str, *, label: str = "") -> Decimal:
    try:
        amount = Decimal(str(raw).strip().replace(",", "")) if raw not in (None, "") else Decimal(0)
    except (InvalidOperation, ValueError):
        raise ValidationError({field: _("%(l)s金额不是有效的数字。") % {"l": label}}) from None
    if not amount.is_finite():
        raise ValidationError({field: _("%(l)s金额不是有效的数字。") % {"l": label}})
    if amount < 0:
        raise ValidationError({field: _("%(l)s金额不能为负数。") % {"l": label}})
    if amount > MAX_AMOUNT:
        raise ValidationError({field: _("%(l)s金额过大，请核对。") % {"l": label}})
    return amount.quantize(Decimal("0.01"))


def workers_from(org: OrgNode, workers: Sequence[WorkerIn]) -> list[Party]:
    """Parties from names and ID numbers: each checked, none twice; a member under `org` is linked."""
    errors: list[str] = []
    parties: list[Party] = []
    seen: set[str] = set()
    if len(workers) > MAX_WORKERS:
        raise ValidationError({"workers": _("一件争议最多登记 %(n)s 名职工。") % {"n": MAX_WORKERS}})
    for line, worker in enumerate(workers, start=1):
        name = clean_text(worker.name)
        if not NAME_PATTERN.match(name):
            errors.append(_("第 %(n)s 名职工：姓名应为 2–30 个汉字或字母。") % {"n": line})
            continue
        try:
            number = parse_idcard(worker.id_number).number
        except ValidationError as exc:
            errors.append(_("第 %(n)s 名职工：%(e)s") % {"n": line, "e": exc.messages[0]})
            continue
        if number in seen:
            errors.append(_("第 %(n)s 名职工：身份证号码与前面的职工重复。") % {"n": line})
            continue
        seen.add(number)
        parties.append(Party(name=name, id_number=number))
    if errors:
        raise ValidationError({"workers": errors})
    hmacs = [document_hmac(p.id_number.reveal()) for p in parties if p.id_number is not None]
    members = {
        p.id_hmac: p
        for p in Person.objects.filter(
            id_hmac__in=hmacs,
            memberships__org__path__startswith=org.path,
            memberships__status=MembershipStatus.ACTIVE,
        )
    }
    for party, hmac in zip(parties, hmacs, strict=True):
        party.person = members.get(hmac)
    return parties


def claims_from(claims: Sequence[ClaimIn]) -> list[Claim]:
    rows: dict[str, Claim] = {}
    for claim in claims:
        if claim.kind not in ClaimKind.values:
            raise ValidationError({"claims": _("请求事项无效。")})
        label = str(ClaimKind(claim.kind).label)
        amount = checked_amount(claim.amount, "claims", label=label)
        if claim.kind in rows:
            raise ValidationError({"claims": _("请求事项“%(k)s”重复。") % {"k": label}})
        rows[claim.kind] = Claim(kind=claim.kind, amount=amount, note=clean_text(claim.note)[:200])
    return list(rows.values())
