"""Beneficiary lists from Excel, read by the members import engine (title rows, merged cells, header
synonyms, full-width characters), with the same row error report. All or nothing: one bad row and
nothing is added, so a list is never half imported; re-importing the same file adds nobody twice.
"""

from __future__ import annotations

from typing import Any

from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.assistance.choices import FileStatus
from gonghui.assistance.models import HardshipFile
from gonghui.campaigns.choices import BeneficiarySource
from gonghui.campaigns.list_hooks import campaign_list_changed
from gonghui.campaigns.models import Beneficiary, Campaign
from gonghui.common.excel.cells import cell_text
from gonghui.common.excel.reader import Column, read_table
from gonghui.common.jobs import Progress, job_handler, job_start
from gonghui.common.models import Job
from gonghui.members.choices import LIVE_STATUSES
from gonghui.members.identity import document_hmac, same_listed_name
from gonghui.members.importer.columns import COLUMNS as ROSTER_COLUMNS
from gonghui.members.importer.jobs import store_upload
from gonghui.members.importer.report import list_import_result
from gonghui.members.importer.rows import RowError, clean_row
from gonghui.members.models import Membership, Person
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require

IMPORT_KIND = "campaigns.import"
COLUMNS = [*ROSTER_COLUMNS[:2], Column("note", ("备注", "慰问事由", "说明"))]


def beneficiary_import_start(*, actor: Any, campaign: Campaign, upload: UploadedFile) -> Job:
    require(actor, campaign.org, Perm.ASSISTANCE)
    stored = store_upload(upload)
    params = {"campaign": campaign.pk, "path": stored, "filename": upload.name or ""}
    return job_start(kind=IMPORT_KIND, user=actor, org=campaign.org, params=params)


def _reachable(campaign: Campaign, hmacs: list[str]) -> dict[str, tuple[Person, int]]:
    """Person and org for each document the campaign may reach: a live member or an open file in its subtree."""
    people = {p.id_hmac: p for p in Person.objects.filter(id_hmac__in=hmacs)}
    inside = {"org__path__startswith": campaign.org.path, "person__in": people.values()}
    org_of = dict(Membership.objects.filter(status__in=LIVE_STATUSES, **inside).values_list("person_id", "org_id"))
    org_of.update(HardshipFile.objects.filter(status=FileStatus.OPEN, **inside).values_list("person_id", "org_id"))
    return {h: (p, org_of[p.pk]) for h, p in people.items() if p.pk in org_of}


def check_rows(campaign: Campaign, rows: list[tuple[int, dict[str, Any]]]) -> tuple[list[Beneficiary], list[RowError]]:
    """The roster import's row rules for name and ID, then: in the campaign's reach, once per list."""
    errors: list[RowError] = []
    parsed: list[tuple[int, str, str, str]] = []  # row, name, hmac, note
    for number, values in rows:
        clean, problems = clean_row(number, {"name": values.get("name"), "id_number": values.get("id_number")})
        errors.extend(problems)
        if clean is not None:
            parsed.append((number, clean.name, document_hmac(clean.id_number), cell_text(values.get("note"))[:200]))
    reachable = _reachable(campaign, [h for _n, _name, h, _note in parsed])
    seen: dict[str, int] = {}
    found: list[Beneficiary] = []
    for number, name, hmac, note in parsed:
        if hmac in seen:
            errors.append(RowError(number, "id_number", "", _("与第 %(row)d 行重复。") % {"row": seen[hmac]}))
            continue
        seen[hmac] = number
        if hmac not in reachable:
            errors.append(RowError(number, "id_number", name, _("不是本活动范围内的会员或建档困难职工。")))
            continue
        person, org_id = reachable[hmac]
        if not same_listed_name(person.name, name):
            errors.append(RowError(number, "name", name, _("姓名与登记的“%(name)s”不一致。") % {"name": person.name}))
            continue
        found.append(
            Beneficiary(campaign=campaign, person=person, org_id=org_id, source=BeneficiarySource.IMPORT, note=note)
        )
    return found, sorted(errors, key=lambda e: e.number)


@job_handler(IMPORT_KIND, label=gettext_lazy("导入慰问对象"))
def run_beneficiary_import(job: Job, progress: Progress) -> dict[str, Any]:
    campaign = Campaign.objects.select_related("org").get(pk=job.params["campaign"])
    require(job.created_by, campaign.org, Perm.ASSISTANCE)
    with default_storage.open(job.params["path"], "rb") as fh:
        table = read_table(fh.read(), job.params["filename"], COLUMNS)
    rows = [(row.number, row.values) for row in table.rows]
    progress.set_total(len(rows), _("正在校验慰问对象…"))
    found, errors = check_rows(campaign, rows)
    added = 0
    if not errors:
        with transaction.atomic():
            before = Beneficiary.objects.filter(campaign=campaign).count()
            Beneficiary.objects.bulk_create(found, ignore_conflicts=True, batch_size=2000)
            added = Beneficiary.objects.filter(campaign=campaign).count() - before
            campaign_list_changed(campaign.pk)
    progress.advance(len(rows))
    return list_import_result(
        job, rows=len(rows), imported=added, matched=len(found), errors=errors, report_name="beneficiary-errors"
    )
