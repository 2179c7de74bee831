"""The legalaid objects (法律援助) of the shared permission World (see tests/world.py).

A union lawyer of town_a (kind legal) on the "provider" persona's account, beside its counsellor row; 李在册
(the member persona) asked online and has two cases at union_a: one applied for, one assigned to the lawyer
and in 代理; a walk-in's consultation at union_a's station; and a cross-region case of 孙困难 (a 农民工 with
no union) kept by union_a and helped by union_b, so the sibling persona (建湖) sees that one and no other.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from django.utils import timezone

from gonghui.appointments.choices import ServiceKind
from gonghui.appointments.models import Provider
from gonghui.rights.legalaid.choices import Basis, CaseStatus, CaseStepKind, ConsultationChannel, Topic
from gonghui.rights.legalaid.models import CaseStep, Consultation, LegalAidCase

LAWYER = "测试援助律师"
QUESTION = "公司拖欠三个月工资怎么办（测试咨询）"
WALK_IN = "赵来访"


def build_legalaid(world: Any) -> SimpleNamespace:
    owner = world.users["owner"]
    today = timezone.localdate()
    lawyer = Provider.objects.create(
        org=world.town_a, kind=ServiceKind.LEGAL, name=LAWYER, title="大中律师事务所", mobile="13800000099",
        user=world.users["provider"], created_by=owner,
    )  # fmt: skip
    member = world.member.person
    asked = Consultation.objects.create(
        org=world.union_a, channel=ConsultationChannel.ONLINE, person=member, topic=Topic.WAGES, question=QUESTION,
        asked_at=timezone.now(), created_by=world.users["member"],
    )  # fmt: skip
    walk_in = Consultation.objects.create(
        org=world.union_a, channel=ConsultationChannel.WALK_IN, station=world.stations.station, name=WALK_IN,
        mobile="13700000011", topic=Topic.CONTRACT, question="试用期被辞退能否要求补偿？", asked_at=timezone.now(),
        created_by=owner,
    )  # fmt: skip
    applied = LegalAidCase.objects.create(
        org=world.union_a, person=member, topic=Topic.WAGES, summary="追讨拖欠工资三个月", applied_on=today,
        due_on=today + dt.timedelta(days=7), created_by=owner, employer=world.enterprise,
        employer_name=world.enterprise.name,
    )  # fmt: skip
    acting = LegalAidCase.objects.create(
        org=world.union_a, person=member, topic=Topic.INJURY, summary="工伤认定与赔偿", applied_on=today,
        status=CaseStatus.ACTING, basis=Basis.MEMBER, provider=lawyer, due_on=today + dt.timedelta(days=90),
        note="仅工会可见的测试备注", created_by=owner,
    )  # fmt: skip
    CaseStep.objects.create(case=acting, kind=CaseStepKind.CONSULTATION, on=today, note="已与当事人面谈", by=owner)
    cross = LegalAidCase.objects.create(
        org=world.union_a, helping_org=world.union_b, person=world.aid_file.person, topic=Topic.WAGES,
        summary="在建湖工地被拖欠工资", applied_on=today, due_on=today + dt.timedelta(days=7), created_by=owner,
    )  # fmt: skip
    return SimpleNamespace(lawyer=lawyer, asked=asked, walk_in=walk_in, applied=applied, acting=acting, cross=cross)
