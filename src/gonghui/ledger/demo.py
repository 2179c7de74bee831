"""Demo aid and campaigns from the source stories.

- 枣庄: hardship files surveyed, visited, publicly noticed and opened; 3,000 yuan to each hardship worker
  in 冬送温暖; 5.3万 to a company hit by the epidemic; one application waiting for review.
- 商南: 6.5万 to 419 pneumoconiosis (尘肺病) migrant workers; 春送岗位/夏送清凉/金秋助学/冬送温暖 reaching
  8,000+ workers (person-times, job-fair visitors included).
Files go through the workflow services; the large lists are written in bulk and approved by the real
bulk-approval job, checked by a finance user other than the maker.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from gonghui.assistance.choices import Cause, FundSource, PayoutKind
from gonghui.assistance.models import StudyAnnex, SubsistenceStandard
from gonghui.assistance.services import (
    Household,
    hardship_file_apply,
    hardship_file_notice,
    hardship_file_open,
    hardship_file_review,
    hardship_file_visit,
)
from gonghui.campaigns.choices import BeneficiarySource, CampaignKind, TargetGroup
from gonghui.campaigns.models import Beneficiary, Campaign, JobFair
from gonghui.common.jobs import job_execute
from gonghui.common.models import Job
from gonghui.ledger.bulk import BULK_APPROVE_KIND
from gonghui.ledger.models import Payout
from gonghui.ledger.payouts import aid_payout_approve, aid_payout_create
from gonghui.ledger.tallies import list_changed
from gonghui.members.choices import MembershipStatus
from gonghui.members.demo_people import demo_people
from gonghui.members.models import Membership
from gonghui.orgs.models import Enterprise, OrgNode

DUST_WORKERS, DUST_TOTAL = 419, Decimal("65000.00")
OUTDOOR_WORKERS = 2_600


def _campaign(org: OrgNode, name: str, kind: str, **extra: Any) -> Campaign:
    year = timezone.localdate().year
    return Campaign.objects.create(
        org=org,
        name=f"{year}年{name}",
        kind=kind,
        year=year,
        starts_on=dt.date(year, 1, 1),
        ends_on=dt.date(year, 12, 31),
        **extra,
    )


def _pay_in_bulk(campaign: Campaign, maker: Any, checker: Any, rows: list[dict[str, Any]]) -> None:
    """Enter payouts as the maker; the checker approves them with the bulk-approval job."""
    paid_on = min(timezone.localdate(), campaign.ends_on)
    common = {"org": campaign.org, "campaign": campaign, "maker": maker, "paid_on": paid_on}
    Payout.objects.bulk_create([Payout(**common, **row) for row in rows], batch_size=1000)
    Beneficiary.objects.bulk_create(
        [
            Beneficiary(campaign=campaign, person=row["person"], org=campaign.org, source=BeneficiarySource.RULE)
            for row in rows
            if row.get("person")
        ],
        batch_size=1000,
        ignore_conflicts=True,
    )
    list_changed(campaign.pk)
    job = Job.objects.create(
        kind=BULK_APPROVE_KIND, created_by=checker, org=campaign.org, params={"campaign": campaign.pk}
    )
    job_execute(job_id=str(job.pk))


def _zaozhuang(users: dict[str, Any]) -> None:
    officer, checker = users["zaozhuang"], users["zz-caiwu"]
    year = timezone.localdate().year
    SubsistenceStandard.objects.get_or_create(region_id="370400", year=year, defaults={"monthly": Decimal("850")})
    union = OrgNode.objects.get(code="zz-ld-xinneng")
    people = demo_people("zz", 9, "370402", 1, migrant=True)
    for person in people:
        Membership.objects.get_or_create(
            person=person,
            defaults={
                "org": union,
                "status": MembershipStatus.ACTIVE,
                "applied_at": timezone.now(),
                "joined_on": dt.date(2018, 5, 1),
                "employer_name": "枣庄北方锂电新能源有限公司",
            },
        )
    causes = [Cause.ILLNESS, Cause.SCHOOLING, Cause.INJURY, Cause.DISABILITY, Cause.ACCIDENT, Cause.ILLNESS]
    winter = _campaign(OrgNode.objects.get(code="zaozhuang"), "冬送温暖 · 困难职工慰问", CampaignKind.WINTER_WARMTH)
    winter.budget, winter.target_group = Decimal("30000"), TargetGroup.HARDSHIP
    winter.save(update_fields=["budget", "target_group"])
    today = timezone.localdate()
    for n, person in enumerate(people):
        household = Household(own_income=Decimal(1200 + 300 * (n % 4)), family_size=3 + n % 2, main_cause=causes[n % 6])
        file = hardship_file_apply(actor=officer, org=union, person=person, household=household)
        if n == len(people) - 1:
            continue  # one application waits for the grassroots review
        hardship_file_review(actor=officer, file=file, approve=True, note="材料齐全")
        hardship_file_visit(
            actor=officer, file=file, visited_on=today, visitors="孙立新、工会干事", findings="入户核实，情况属实"
        )
        if n == len(people) - 2:
            hardship_file_notice(actor=officer, file=file, ends_on=today + dt.timedelta(days=5))
            continue  # one household is still in its public notice period
        hardship_file_notice(actor=officer, file=file, ends_on=today)
        file = hardship_file_open(actor=officer, file=file, plan="冬送温暖慰问；大病医疗救助；子女金秋助学")
        if file.main_cause == Cause.SCHOOLING:
            StudyAnnex.objects.create(file=file, student=f"{person.name[0]}小雨", school="枣庄市第八中学", grade="高二")
        payout = aid_payout_create(
            actor=officer,
            org=union,
            kind=PayoutKind.CONDOLENCE,
            fund=FundSource.UNION_FUNDS,
            paid_on=min(today, winter.ends_on),
            amount=Decimal("3000"),
            file=file,
            campaign=winter,
        )
        aid_payout_approve(actor=checker, payout=payout)
    company = Enterprise.objects.get(name="枣庄锂源新材料科技有限公司")
    relief = _campaign(
        OrgNode.objects.get(code="zaozhuang"),
        "专项慰问 · 受疫情影响企业",
        CampaignKind.SPECIAL,
        budget=Decimal("53000"),
    )
    _pay_in_bulk(
        relief,
        officer,
        checker,
        [
            {
                "enterprise": company,
                "kind": PayoutKind.OTHER,
                "fund": FundSource.HIGHER_UNION,
                "amount": Decimal("53000"),
            }
        ],
    )


def _shangnan(users: dict[str, Any]) -> None:
    maker, checker = users["shangnan"], users["sn-caiwu"]
    county = OrgNode.objects.get(code="shangnan")
    SubsistenceStandard.objects.get_or_create(
        region_id="611023", year=timezone.localdate().year, defaults={"monthly": Decimal("700")}
    )
    dust = _campaign(
        county,
        "尘肺病农民工专项慰问",
        CampaignKind.SPECIAL,
        budget=DUST_TOTAL,
        reported_total=DUST_TOTAL,
        target_group=TargetGroup.PNEUMOCONIOSIS,
    )
    miners = demo_people("sn-dust", DUST_WORKERS, "611023", 1, migrant=True)
    each = (DUST_TOTAL / DUST_WORKERS).quantize(Decimal("0.01"))
    amounts = [each] * (DUST_WORKERS - 1) + [DUST_TOTAL - each * (DUST_WORKERS - 1)]  # the last absorbs the cents
    _pay_in_bulk(
        dust,
        maker,
        checker,
        [
            {"person": p, "kind": PayoutKind.CONDOLENCE, "fund": FundSource.HIGHER_UNION, "amount": a}
            for p, a in zip(miners, amounts, strict=True)
        ],
    )
    outdoor = demo_people("sn-out", OUTDOOR_WORKERS, "611023", 1, migrant=True)
    spring = _campaign(county, "春送岗位", CampaignKind.SPRING_JOBS, budget=Decimal("20000"))
    for held, place, employers, jobs, visitors, offers in (
        (dt.date(spring.year, 2, 26), "商南县人民广场", 45, 1200, 1800, 236),
        (dt.date(spring.year, 3, 8), "富水镇便民服务中心", 22, 480, 1300, 150),
    ):
        JobFair.objects.create(
            campaign=spring,
            held_on=held,
            place=place,
            employers=employers,
            jobs_offered=jobs,
            visitors=visitors,
            offers_made=offers,
        )
    summer = _campaign(county, "夏送清凉", CampaignKind.SUMMER_COOL, budget=Decimal("160000"))
    summer.target_group = TargetGroup.OUTDOOR
    summer.save(update_fields=["target_group"])
    gift = {"kind": PayoutKind.GOODS, "fund": FundSource.UNION_FUNDS, "amount": Decimal(0)}
    _pay_in_bulk(
        summer,
        maker,
        checker,
        [{**gift, "person": p, "goods": "清凉礼包", "goods_value": Decimal("60")} for p in outdoor],
    )
    winter = _campaign(county, "冬送温暖", CampaignKind.WINTER_WARMTH, budget=Decimal("520000"))
    _pay_in_bulk(
        winter,
        maker,
        checker,
        [{**gift, "person": p, "goods": "米面油", "goods_value": Decimal("200")} for p in outdoor[:2_500]],
    )
    study = _campaign(county, "金秋助学", CampaignKind.AUTUMN_STUDY, budget=Decimal("30000"))
    _pay_in_bulk(
        study,
        maker,
        checker,
        [
            {"person": p, "kind": PayoutKind.STUDY, "fund": FundSource.DONATION, "amount": Decimal("1000")}
            for p in outdoor[-30:]
        ],
    )


def load_demo_assistance() -> int:
    """Returns how many campaigns it created (0 when the demo is already there)."""
    if Campaign.objects.exists():
        return 0
    User = get_user_model()
    users = {u.username: u for u in User.objects.filter(username__in=["zaozhuang", "zz-caiwu", "shangnan", "sn-caiwu"])}
    _zaozhuang(users)
    _shangnan(users)
    return Campaign.objects.count()
