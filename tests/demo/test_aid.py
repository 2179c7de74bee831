"""The demo's aid: the campaigns and payouts of the stories, and the coverage that reconciles with them."""

from __future__ import annotations

from decimal import Decimal

from gonghui.accounts.models import User
from gonghui.assistance.models import HardshipFile
from gonghui.campaigns.models import Campaign, JobFair
from gonghui.ledger.coverage import campaign_coverage
from gonghui.ledger.models import Payout
from tests.demo.conftest import Demo


def test_the_demo_aid_tells_the_stories_and_reconciles(demo: Demo, db: None) -> None:
    admin = User.objects.get(username="admin")
    dust = Campaign.objects.get(name__endswith="尘肺病农民工专项慰问")
    coverage = campaign_coverage(admin, dust)
    assert (coverage.total.people, coverage.total.money, coverage.reconciles) == (419, Decimal("65000.00"), True)
    winter = Campaign.objects.get(name__endswith="冬送温暖 · 困难职工慰问")
    paid = Payout.objects.filter(campaign=winter, status="approved")
    assert set(paid.values_list("amount", flat=True)) == {Decimal("3000.00")} and paid.count() == 7
    assert all(p.maker_id != p.checker_id for p in Payout.objects.filter(status="approved"))
    assert Payout.objects.get(enterprise__name="枣庄锂源新材料科技有限公司").amount == Decimal("53000.00")
    assert set(HardshipFile.objects.values_list("status", flat=True)) == {"applied", "notice", "open"}
    shangnan = Campaign.objects.filter(org__code="shangnan").exclude(pk=dust.pk)
    reached = sum(campaign_coverage(admin, c).total.people for c in shangnan)
    visitors = sum(JobFair.objects.values_list("visitors", flat=True))
    assert reached + visitors > 8000  # 春送岗位/夏送清凉/金秋助学/冬送温暖 reached 8,000+ workers
    assert Campaign.objects.count() == 7  # (test_rerun.py: a second seed adds none)
