"""The contracts objects (集体合同) of the shared permission World (see tests/world.py).

The World's enterprise (union_a) has a published 工资专项 contract ending within 90 days (the list pages'
marker) with a meeting and a document, and a contract being negotiated whose 职代会 (the democracy World's
session) adopted it, ready to sign.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from gonghui.rights.contracts.models import Contract, Coverage, Document, Meeting
from tests.factories import image_bytes

TITLE = "测试工资专项集体合同"


def build_contracts(world: Any) -> SimpleNamespace:
    owner, enterprise, today = world.users["owner"], world.enterprise, timezone.localdate()
    common = {
        "org": world.union_a,
        "level": "enterprise",
        "kind": "wage",
        "enterprise": enterprise,
        "created_by": owner,
    }
    published = Contract.objects.create(
        title=TITLE,
        stage="published",
        offered_on=dt.date(2023, 1, 5),
        session=world.democracy.session,
        signed_on=dt.date(2024, 5, 20),
        filed_on=dt.date(2024, 5, 25),
        published_on=dt.date(2024, 6, 10),
        starts_on=today - dt.timedelta(days=700),
        ends_on=today + dt.timedelta(days=60),
        workers=3,
        **common,
    )
    Coverage.objects.create(contract=published, enterprise=enterprise, workers=3)
    Meeting.objects.create(contract=published, held_on=dt.date(2024, 4, 1), summary="第一次协商", created_by=owner)
    document = Document(contract=published, kind="text", content_type="image/jpeg", uploaded_by=owner)
    document.file.save("w.jpg", ContentFile(image_bytes()), save=True)
    negotiating = Contract.objects.create(
        title="测试女职工专项集体合同",
        stage="negotiating",
        offered_on=dt.date(2024, 4, 1),
        starts_on=today,
        ends_on=today + dt.timedelta(days=700),
        **{**common, "kind": "women"},
    )
    Coverage.objects.create(contract=negotiating, enterprise=enterprise, workers=3)
    return SimpleNamespace(published=published, negotiating=negotiating, document=document)
