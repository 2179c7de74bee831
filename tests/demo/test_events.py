"""The stories' events in the demo: the figures the reports quote come out of the records."""

from __future__ import annotations

from django.utils import timezone

from gonghui.events.attendance import attendance_of
from gonghui.events.figures import events_figures
from gonghui.events.models import Event, Team
from gonghui.orgs.models import OrgNode
from tests.demo.conftest import Demo


def test_the_stories_events(demo: Demo, db: None) -> None:
    meet = Event.objects.get(title="商南县第十届职工运动会")
    assert attendance_of(meet).came >= 3_000
    assert Event.objects.filter(org__code="shangnan", kind="mental_health").count() == 38
    badminton = Event.objects.get(title="羽毛球团体赛", org__code="dongtai")
    assert Team.objects.filter(event=badminton).values("org").distinct().count() == 25
    fair = Event.objects.get(org__code="dafeng", kind="fair")
    assert dict(attendance_of(fair).by_category)["货车司机"] == 40
    liushi = Event.objects.filter(org__code="liushi", title__startswith="“乐工益”交流会")  # not its 普法 or 培训
    assert liushi.count() == 33 and sum(attendance_of(e).came for e in liushi) == 1_128
    year = timezone.localtime(meet.starts_at).year
    figures = {f.key: f.value for f in events_figures(OrgNode.objects.get(code="shangnan"), year)}
    assert figures["participants"] is not None and figures["participants"] >= 3_000  # "参与职工3000余人"
