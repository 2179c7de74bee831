"""The figures (with definitions and drill-down links) and the demo: 枣庄's 法治体检 with findings and
rectifications, levels computed by the job from the demo indicators, a few 橙/红 warnings with actions;
safe to re-run."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from django.utils import timezone

from gonghui.orgs.demo import demo_enterprise
from gonghui.orgs.kinds import OrgKind
from gonghui.rights.earlywarning.choices import Trigger
from gonghui.rights.earlywarning.demo import load_demo_earlywarning
from gonghui.rights.earlywarning.figures import earlywarning_figures
from gonghui.rights.earlywarning.models import (
    Checkup,
    EarlyWarning,
    EnterpriseLevel,
    Rectification,
    Scheme,
    WarningAction,
)
from gonghui.rights.earlywarning.recompute import levels_recompute
from tests.factories import UserFactory, make_org
from tests.rights.earlywarning.conftest import checkup_with_problems, enter


@pytest.mark.usefixtures("no_cases")
def test_figures_count_the_subtree_with_definitions_and_links(place: SimpleNamespace) -> None:
    p = place
    enter(p, p.firm, "layoffs", 100)  # 橙
    enter(SimpleNamespace(rights=UserFactory(is_superuser=True)), p.far, "layoffs", 200)  # 红, in another city
    checkup = checkup_with_problems(p, p.firm2, problems=2)
    from gonghui.rights.earlywarning.checkups import recheck_record

    first = Rectification.objects.filter(checkup=checkup).first()
    assert first is not None
    recheck_record(actor=p.rights, checkup=checkup, on=timezone.localdate(), outcomes={first.pk: True})
    levels_recompute(trigger=Trigger.COMMAND)
    got = {f.key: f for f in earlywarning_figures(p.city, timezone.localdate().year)}
    assert got["earlywarning_level_orange"].value == 1 and got["earlywarning_level_red"].value == 0
    assert got["earlywarning_level_none"].value == 1 and got["earlywarning_level_blue"].value == 0  # 1 item × 3
    assert got["earlywarning_open"].value == 1
    assert got["earlywarning_checkups"].value == 1 and got["earlywarning_rectified"].value == 1
    assert all(f.definition for f in got.values())
    assert "level=orange" in got["earlywarning_level_orange"].url and "under=ew-city" in got["earlywarning_open"].url
    assert "status=closed" in got["earlywarning_rectified"].url


@pytest.mark.django_db
def test_the_demo_loads_twice() -> None:
    admin = UserFactory(is_superuser=True)
    zaozhuang = make_org("枣庄市总工会", code="zaozhuang", region="370400")
    lidian = make_org("枣庄市锂电产业工会", parent=zaozhuang, kind=OrgKind.INDUSTRY, code="zz-lidian", region="370400")
    make_org("薛城区总工会", parent=zaozhuang, kind=OrgKind.FED_COUNTY, code="zz-xuecheng", region="370403")
    for code, name in (
        ("zz-ld-xinneng", "枣庄北方锂电新能源有限公司"),
        ("zz-ld-cailiao", "枣庄锂源新材料科技有限公司"),
    ):
        demo_enterprise(admin, make_org(f"{name}工会", parent=lidian, code=code, region="370402"), name)
    xiangshui = make_org("响水县总工会", kind=OrgKind.FED_COUNTY, code="xiangshui", region="320921")
    demo_enterprise(
        admin,
        make_org("响水化机工会", parent=xiangshui, code="xs-huagong", region="320921"),
        "响水县沿海化工机械有限公司",
    )
    made = load_demo_earlywarning(admin)
    assert made > 20 and load_demo_earlywarning(admin) == 0
    assert Scheme.objects.filter(org=zaozhuang).exists()
    zz = Checkup.objects.filter(org__path__startswith=zaozhuang.path)
    assert zz.count() == 4 and zz.filter(visited_on__gt=timezone.localdate()).count() == 1
    assert (
        Rectification.objects.filter(status="closed").count() == 1
        and Rectification.objects.filter(status="open").count() == 4
    )
    assert EnterpriseLevel.objects.count() == 5  # every enterprise, by the job
    assert set(EnterpriseLevel.objects.values_list("level", flat=True)) >= {"orange", "red"}
    warnings = EarlyWarning.objects.all()
    assert warnings.count() >= 2 and WarningAction.objects.count() == 2
    assert warnings.filter(status="closed").count() == 1
