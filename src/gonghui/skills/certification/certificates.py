"""Certificates of the skills apps: issue (one or a batch, numbered), revoke, and the public check by number.

Competitions, training and certification call `certificates_issue`; the QR code on a printed certificate
carries the URL of `certification_h5:verify`, which shows the holder's name masked.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.members.models import Person
from gonghui.orgs.models import OrgNode
from gonghui.skills.certification.bulk_insert import bulk_insert
from gonghui.skills.certification.choices import CertificateKind
from gonghui.skills.certification.models import Certificate

_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread off paper
_PREFIX = {CertificateKind.COMPETITION: "JS", CertificateKind.TRAINING: "PX", CertificateKind.SKILL_LEVEL: "DJ"}


@dataclass(frozen=True)
class CertificateIn:
    person: Person
    title: str
    detail: str = ""


def certificate_number(kind: str, year: int) -> str:
    """Readable kind and year, then 10 random characters: 32¹⁰ numbers per year keep anyone from walking them."""
    return f"{_PREFIX[CertificateKind(kind)]}{year}-{''.join(secrets.choice(_ALPHABET) for _ in range(10))}"


@transaction.atomic
def certificates_issue(
    *, kind: str, org: OrgNode, items: list[CertificateIn], issued_on: dt.date | None = None
) -> list[Certificate]:
    """Number and save one certificate per item (the caller checks who earned one and that it has none yet)."""
    issued_on = issued_on or timezone.localdate()
    certificates = [
        Certificate(
            number=certificate_number(kind, issued_on.year),
            kind=kind,
            person=item.person,
            org=org,
            title=item.title[:120],
            detail=item.detail[:200],
            issued_on=issued_on,
        )
        for item in items
    ]
    return Certificate.objects.bulk_create(certificates)


def certificates_issue_bulk(
    *, kind: str, org: OrgNode, items: list[tuple[int, str, str]], issued_on: dt.date
) -> list[tuple[int, str]]:
    """`certificates_issue` for thousands at once (a certification batch): (person id, title, detail) in,
    (certificate id, number) out, in order, without a model instance per certificate."""
    now = timezone.now()
    rows = [
        (
            certificate_number(kind, issued_on.year),
            kind,
            person_id,
            org.pk,
            title[:120],
            detail[:200],
            issued_on,
            "",
            now,
        )
        for person_id, title, detail in items
    ]
    columns = ("number", "kind", "person_id", "org_id", "title", "detail", "issued_on", "revoked_reason", "created_at")
    ids = bulk_insert(Certificate, columns, rows, with_ids=True)
    return [(pk, row[0]) for pk, row in zip(ids, rows, strict=True)]


def certificate_revoke(*, certificate: Certificate, reason: str) -> Certificate:
    if not reason.strip():
        raise ValidationError({"reason": _("请填写撤销原因。")})
    if certificate.revoked_at is not None:
        raise ValidationError(_("该证书已经撤销。"))
    certificate.revoked_at, certificate.revoked_reason = timezone.now(), reason.strip()[:200]
    certificate.save(update_fields=["revoked_at", "revoked_reason"])
    return certificate


def certificate_by_number(number: str) -> Certificate:
    """The public check: any visitor with the number (it holds no personal data but the masked name)."""
    return get_object_or_404(Certificate.objects.select_related("person", "org"), number=number.upper())


def verify_url(request: HttpRequest, certificate: Certificate) -> str:
    return request.build_absolute_uri(reverse("certification_h5:verify", args=[certificate.number]))
