"""Issuing a card product to an Excel list of members, by the shared importer's rules: the members import
engine reads the file (title rows, merged cells, header synonyms, full-width characters), every row is
checked, and one bad row means nothing is issued and an error report comes back. Issuing the same list
again issues nobody twice (a live card is skipped, and the database holds one per person and product).
"""

from __future__ import annotations

from typing import Any

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.benefits.choices import LIVE, CardKind, CardStatus
from gonghui.benefits.models import CardProduct, MemberCard
from gonghui.benefits.services import eligibility_problem, new_card_number, validity_for
from gonghui.common.excel.cells import cell_text
from gonghui.common.excel.reader import Column, read_table
from gonghui.common.jobs import Progress, job_handler, job_start
from gonghui.common.models import Job
from gonghui.members.choices import MembershipStatus
from gonghui.members.identity import document_hmac, same_listed_name
from gonghui.members.importer.columns import COLUMNS as ROSTER_COLUMNS
from gonghui.members.importer.jobs import store_upload
from gonghui.members.importer.report import list_import_result
from gonghui.members.importer.rows import RowError, clean_row
from gonghui.members.models import Membership
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require

IMPORT_KIND = "benefits.cards_import"
COLUMNS = [*ROSTER_COLUMNS[:2], Column("bank_last4", ("银行卡号后四位", "卡号后四位", "银行卡尾号"))]


def card_import_start(*, actor: Any, product: CardProduct, upload: UploadedFile) -> Job:
    require(actor, product.org, Perm.ORG_EDIT)
    params = {"product": product.pk, "path": store_upload(upload), "filename": upload.name or ""}
    return job_start(kind=IMPORT_KIND, user=actor, org=product.org, params=params)


def _members(product: CardProduct, hmacs: list[str]) -> dict[str, Membership]:
    """Active memberships in the product's audience, by the holder's ID blind index."""
    rows = Membership.objects.filter(
        status=MembershipStatus.ACTIVE, org__path__startswith=product.audience.path, person__id_hmac__in=hmacs
    ).select_related("person", "org")
    return {m.person.id_hmac: m for m in rows}


def _bank_digits(product: CardProduct, raw: object) -> tuple[str, str | None]:
    digits = cell_text(raw).strip()
    if product.kind != CardKind.COBRAND:
        return "", None
    if len(digits) == 4 and digits.isascii() and digits.isdigit():
        return digits, None
    return "", _("联名银行卡请填写银行卡号的后四位（只存后四位）。")


def check_rows(product: CardProduct, rows: list[tuple[int, dict[str, Any]]]) -> tuple[list[MemberCard], list[RowError]]:
    """The roster import's row rules for name and ID, then: an eligible member of the card, once per list."""
    errors: list[RowError] = []
    parsed: list[tuple[int, str, str, Any]] = []
    for number, values in rows:
        clean, problems = clean_row(number, {"name": values.get("name"), "id_number": values.get("id_number")})
        errors.extend(problems)
        if clean is not None:
            parsed.append((number, clean.name, document_hmac(clean.id_number), values.get("bank_last4")))
    members = _members(product, [h for _n, _name, h, _b in parsed])
    start, until = validity_for(product, timezone.localdate())
    seen: dict[str, int] = {}
    cards: list[MemberCard] = []
    for number, name, hmac, bank in parsed:
        membership = members.get(hmac)
        problem = (
            _("与第 %(row)d 行重复。") % {"row": seen[hmac]}
            if hmac in seen
            else (_("不是该卡面向工会的在册会员。") if membership is None else eligibility_problem(product, membership))
        )
        if problem is None and membership is not None and not same_listed_name(membership.person.name, name):
            problem = _("姓名与登记的“%(name)s”不一致。") % {"name": membership.person.name}
        digits, bank_problem = _bank_digits(product, bank)
        seen.setdefault(hmac, number)
        reason = problem or bank_problem or ""
        if reason:
            errors.append(RowError(number, "id_number" if problem else "bank_last4", name, reason))
            continue
        assert membership is not None  # noqa: S101 - a missing membership is a problem above
        cards.append(
            MemberCard(
                product=product,
                person=membership.person,
                membership=membership,
                org=membership.org,
                number=new_card_number(),
                bank_last4=digits,
                status=CardStatus.ACTIVE,
                valid_from=start,
                valid_until=until,
            )
        )
    return cards, sorted(errors, key=lambda e: e.number)


@job_handler(IMPORT_KIND, label=gettext_lazy("按名单发放会员卡"))
def run_card_import(job: Job, progress: Progress) -> dict[str, Any]:
    product = CardProduct.objects.select_related("org", "eligible_org").get(pk=job.params["product"])
    require(job.created_by, product.org, Perm.ORG_EDIT)
    with default_storage.open(job.params["path"], "rb") as fh:
        table = read_table(fh.read(), job.params["filename"], COLUMNS)
    rows = [(row.number, row.values) for row in table.rows]
    progress.set_total(len(rows), _("正在校验发卡名单…"))
    cards, errors = check_rows(product, rows)
    issued = 0
    if not errors:
        with transaction.atomic():
            holders = set(
                MemberCard.objects.filter(
                    product=product, status__in=LIVE, person__in=[c.person for c in cards]
                ).values_list("person_id", flat=True)
            )
            fresh = [c for c in cards if c.person_id not in holders]
            for card in fresh:
                card.decided_by = job.created_by
            before = MemberCard.objects.filter(product=product).count()
            MemberCard.objects.bulk_create(fresh, ignore_conflicts=True, batch_size=2000)
            issued = MemberCard.objects.filter(product=product).count() - before
    progress.advance(len(rows))
    return list_import_result(
        job, rows=len(rows), imported=issued, matched=len(cards), errors=errors, report_name="card-errors"
    )
