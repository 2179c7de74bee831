"""活动 figures roll up the subtree: events held, sign-ups, attendance and distinct participants."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from gonghui.events import signups
from gonghui.events.checkin import ScanIn, scan_record
from gonghui.events.figures import events_figures
from gonghui.events.models import Event
from gonghui.events.tickets import ticket_token
from tests.events.conftest import make_event
from tests.factories import Tree, make_member


def test_figures_count_the_subtree(tree: Tree) -> None:
    now = timezone.now()
    held = make_event(tree.union, tree.cadre, capacity=5, starts_at=now + dt.timedelta(hours=1))
    make_event(tree.stranger, tree.outsider, title="别处的活动")  # not in the county's subtree
    make_event(tree.union, tree.cadre, status="cancelled", title="取消的")
    signup = signups.signup_create(event=held, person=make_member(tree.union, 1).person)
    signups.signup_create(event=held, person=make_member(tree.union, 2).person)
    Event.objects.filter(pk=held.pk).update(starts_at=now - dt.timedelta(hours=2), ends_at=now - dt.timedelta(hours=1))
    held.refresh_from_db()
    scan_record(actor=tree.cadre, event=held, scan=ScanIn(nonce="f1", token=ticket_token(signup)))
    scan_record(actor=tree.cadre, event=held, scan=ScanIn(nonce="f2", category="sanitation"))
    figures = {f.key: f for f in events_figures(tree.county, now.year)}
    assert figures["events_held"].value == 1
    assert figures["signups"].value == 2
    assert figures["attendance"].value == 2  # one ticket, one walk-in without a card
    assert figures["participants"].value == 1
    assert figures["attendance"].definition and "under=" in figures["attendance"].url
