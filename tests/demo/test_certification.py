"""The demo: 柳市's eight pilot enterprises and 2,865 workers certified (德力西: 1,000余 高级工, 300余 二级工),
with pay-grade tables and promotions."""

from __future__ import annotations

from gonghui.orgs.models import OrgNode
from gonghui.skills.certification.models import Candidate, PayGrade, PersonSkill, PilotEnterprise
from tests.demo.conftest import Demo


def test_the_demo_tells_the_liushi_certification_story(demo: Demo, db: None) -> None:
    town = OrgNode.objects.get(code="liushi")
    pilots = PilotEnterprise.objects.filter(designated_by=town)
    assert pilots.count() == 8
    names = set(pilots.values_list("enterprise__name", flat=True))
    assert {"德力西控股集团有限公司", "正泰集团股份有限公司", "人民电器集团有限公司", "固力发集团股份有限公司"} <= names
    passed = Candidate.objects.filter(batch__org__path__startswith=town.path, passed=True)
    assert passed.count() == 2865 == passed.values("person").distinct().count()
    delixi = passed.filter(batch__pilot__enterprise__name="德力西控股集团有限公司")
    assert 1000 < delixi.filter(level="3").count() < 1100 and 300 < delixi.filter(level="2").count() < 400
    assert Candidate.objects.filter(passed=False).exists()  # some did not pass
    promoted = passed.filter(promoted=True).count()
    assert 2500 < promoted < 2865  # 乐清开关 has no pay-grade table yet
    assert PayGrade.objects.filter(pilot__designated_by=town).values("pilot").distinct().count() == 7
    senior = PersonSkill.objects.filter(level="2", org__code="ls-delixi")
    assert senior.count() == delixi.filter(level="2").count() and all(s.pay_grade == "技能四档" for s in senior[:5])
