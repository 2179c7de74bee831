"""The permission walk's work report objects (ADR 0019): a draft of union_a's report for this year so far,
written by the owner. It is made directly (not generated) so the World does not depend on every figure group;
its title carries the marker that out-of-scope lists must not show."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from django.utils import timezone

from gonghui.reports.periods import period_default, period_key
from gonghui.reports.workreport.models import Draft

MARKER = "测试基层工会权限测试工作报告"


def build_workreport(world: Any) -> SimpleNamespace:
    owner = world.users["owner"]
    draft = Draft.objects.create(
        org=world.union_a,
        period_key=period_key(period_default()),
        title=MARKER,
        paragraphs=[
            {"id": "opening", "title": "", "runs": [{"t": "测试基层工会的工作报告。"}]},
            {
                "id": "desk",
                "title": "劳模工匠助企行",
                "runs": [{"t": "解决了"}, {"t": "60多", "k": "needs_solved"}, {"t": "个难题。"}],
            },
        ],
        figures={
            "needs_solved": {
                "label": "解决难题",
                "value": "62",
                "unit": "个",
                "definition": "企业确认已解决的需求项数。",
                "url": f"/experts/needs/?under={world.union_a.code}",
            }
        },
        generated_at=timezone.now(),
        created_by=owner,
        updated_by=owner,
    )
    return SimpleNamespace(draft=draft)
