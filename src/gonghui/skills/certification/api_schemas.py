"""The shapes of the certification API's requests and answers (answers carry masked ID numbers only)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from ninja import Schema
from pydantic import Field

from gonghui.common.api_fields import Text20, Text30, Text50, Text64, Text100, Text200
from gonghui.skills.certification import selectors
from gonghui.skills.certification.choices import BatchStatus, CertifiedLevel
from gonghui.skills.certification.models import Batch, Candidate, Licence, PayGrade, PilotEnterprise

Score = Decimal  # checked by the service (0–100, one decimal), so a bad row is reported with its number


class LicenceOut(Schema):
    id: int
    pilot_id: int
    occupation_code: str
    occupation: str
    lowest: CertifiedLevel
    highest: CertifiedLevel
    valid_from: dt.date
    valid_until: dt.date
    authority: str
    reference: str

    @staticmethod
    def resolve_occupation_code(obj: Licence) -> str:
        return obj.occupation.code

    @staticmethod
    def resolve_occupation(obj: Licence) -> str:
        return obj.occupation.name


class PayGradeOut(Schema):
    level: CertifiedLevel
    grade: str
    allowance: Decimal


class PilotOut(Schema):
    id: int
    enterprise: str
    enterprise_uscc: str
    org: str
    designated_by: str
    designated_on: dt.date
    is_active: bool

    @staticmethod
    def resolve_enterprise(obj: PilotEnterprise) -> str:
        return obj.enterprise.name

    @staticmethod
    def resolve_enterprise_uscc(obj: PilotEnterprise) -> str:
        return obj.enterprise.uscc

    @staticmethod
    def resolve_org(obj: PilotEnterprise) -> str:
        return obj.org.code

    @staticmethod
    def resolve_designated_by(obj: PilotEnterprise) -> str:
        return obj.designated_by.code


class PilotDetailOut(PilotOut):
    licences: list[LicenceOut]
    pay_grades: list[PayGradeOut]

    @staticmethod
    def resolve_licences(obj: PilotEnterprise) -> list[Licence]:
        return list(selectors.licences_of(obj))

    @staticmethod
    def resolve_pay_grades(obj: PilotEnterprise) -> list[PayGrade]:
        return list(selectors.pay_grades_of(obj))


class PilotIn(Schema):
    org_code: Text100  # the federation that designates (a union above the enterprise's)
    enterprise_uscc: Text30
    designated_on: dt.date | None = None


class LicenceIn(Schema):
    occupation_code: Text20
    lowest: CertifiedLevel
    highest: CertifiedLevel
    valid_from: dt.date
    valid_until: dt.date
    authority: Text100
    reference: Text64 = ""


class PayGradeIn(Schema):
    level: CertifiedLevel
    grade: Text30
    allowance: Decimal = Field(ge=0, max_digits=12, decimal_places=2)


class BatchOut(Schema):
    id: int
    pilot_id: int
    enterprise: str
    org: str
    name: str
    occupation_code: str
    levels: list[CertifiedLevel]
    starts_on: dt.date
    ends_on: dt.date
    assessors: str
    theory_pass: Decimal
    practical_pass: Decimal
    status: BatchStatus
    entered: int = 0
    passed: int = 0

    @staticmethod
    def resolve_enterprise(obj: Batch) -> str:
        return obj.pilot.enterprise.name

    @staticmethod
    def resolve_org(obj: Batch) -> str:
        return obj.org.code

    @staticmethod
    def resolve_occupation_code(obj: Batch) -> str:
        return obj.occupation.code

    @staticmethod
    def resolve_levels(obj: Batch) -> list[str]:
        return obj.level_list

    @staticmethod
    def resolve_passed(obj: Batch) -> int:
        return getattr(obj, "passed_count", 0)


class BatchIn(Schema):
    pilot_id: int = Field(ge=1)
    name: Text100
    occupation_code: Text20
    levels: list[CertifiedLevel] = Field(min_length=1, max_length=5)
    starts_on: dt.date
    ends_on: dt.date
    assessors: Text200
    theory_pass: Decimal = Field(default=Decimal(60), ge=0, le=100, decimal_places=1)
    practical_pass: Decimal = Field(default=Decimal(60), ge=0, le=100, decimal_places=1)


class CandidateOut(Schema):
    id: int
    name: str
    id_number: str  # masked
    level: CertifiedLevel
    previous_level: str
    theory: Decimal
    practical: Decimal
    passed: bool
    certificate_number: str
    external_number: str
    pay_grade: str
    allowance: Decimal | None
    promoted: bool

    @staticmethod
    def resolve_name(obj: Candidate) -> str:
        return obj.person.name

    @staticmethod
    def resolve_id_number(obj: Candidate) -> str:
        return obj.person.id_number.masked()

    @staticmethod
    def resolve_certificate_number(obj: Candidate) -> str:
        return obj.certificate.number if obj.certificate else ""


class CandidatePage(Schema):
    items: list[CandidateOut]
    next_after: int | None


class BatchPage(Schema):
    items: list[BatchOut]
    next_after: int | None


class ResultIn(Schema):
    name: Text50
    id_number: Text30
    theory: Score
    practical: Score
    level: Text20 = ""
    certificate_number: Text50 = ""


class ResultsIn(Schema):
    rows: list[ResultIn] = Field(min_length=1, max_length=3000)


class OutcomeOut(Schema):
    rows: int
    recorded: int
    passed: int
    promoted: int
    already: int
