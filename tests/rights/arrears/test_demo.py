"""The demo arrears load on 柳市 and 建湖, twice without doubling: a drive before 春节 with its target, the
reports opened in it round the loop (some passed to mediation, with amounts recovered), and a courier's
report from 我的 waiting to be accepted."""

from __future__ import annotations

import pytest

from gonghui.rights.arrears.demo import load_demo_arrears
from gonghui.rights.arrears.models import Drive, Report
from gonghui.rights.arrears.selectors import drive_progress
from gonghui.rights.mediation.demo import load_demo_mediation
from tests.factories import UserFactory
from tests.rights.mediation.test_demo import demo_tree

pytestmark = pytest.mark.django_db


def test_demo_loads_twice() -> None:
    admin = UserFactory(is_superuser=True)
    demo_tree()
    load_demo_mediation(admin)
    made = load_demo_arrears(admin)
    assert made == 9 and Report.objects.count() == 8 and load_demo_arrears(admin) == 0  # 8 reports, 1 drive
    drive = Drive.objects.get(org__code="liushi")
    assert "春节前" in drive.name and drive.target_amount == 2000000
    progress = drive_progress(drive)
    assert progress.reports == 6 and progress.recovered > 0 and progress.mediated == 2
    liushi = Report.objects.filter(org__path__startswith=drive.org.path)  # the courier's is at their union
    assert {r.stage for r in liushi} >= {"reported", "accepted", "diverted", "handled", "fed_back", "visited"}
    assert liushi.filter(dispute__source="arrears").count() == 2
    jianhu = Report.objects.get(org__code="jianhu")
    assert jianhu.dispute is not None and jianhu.dispute.collective
