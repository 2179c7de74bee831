"""The training demo loads on the demo unions from the stories, fast and twice without doubling: 柳市's 6 bases
and 10 teaching points with ~3,200 attendances, 商南's 3,000+ tea farmers, 建湖's 班后一小时, 泰山工匠学院."""

from __future__ import annotations

import time

import pytest
from django.utils import timezone

from gonghui.events.models import Event, SignUp
from gonghui.orgs.kinds import OrgKind
from gonghui.skills.training.choices import BaseKind
from gonghui.skills.training.demo import load_demo_training
from gonghui.skills.training.figures import training_figures
from gonghui.skills.training.models import Completion, TrainingBase, TrainingClass
from gonghui.skills.training.selectors import open_classes
from gonghui.skills.training.stats import Q, totals
from tests.factories import UserFactory, make_org

pytestmark = pytest.mark.django_db


def _attended(code: str) -> SignUp:
    return SignUp.objects.filter(event__training_session__klass__org__code=code, checked_in_at__isnull=False)


def test_demo_loads_fast_and_twice_without_doubling() -> None:
    admin = UserFactory(is_superuser=True)
    yueqing = make_org("乐清市总工会", kind=OrgKind.FED_COUNTY, code="yueqing", region="330382")
    liushi = make_org("乐清市柳市镇总工会", parent=yueqing, kind=OrgKind.TOWN, code="liushi", region="330382")
    make_org("柳市电器科技股份有限公司工会", parent=liushi, code="ls-dianqi", region="330382")
    make_org("商南县总工会", kind=OrgKind.FED_COUNTY, code="shangnan", region="611023")
    make_org("建湖县总工会", kind=OrgKind.FED_COUNTY, code="jianhu", region="320925")
    make_org("泰安市总工会", code="taian", region="370900")
    started = time.monotonic()
    made = load_demo_training(admin)
    assert time.monotonic() - started < 60  # bulk writes: seconds on a laptop (this machine is shared)
    rows = (TrainingClass.objects.count(), Event.objects.count(), SignUp.objects.count(), Completion.objects.count())
    assert made == TrainingClass.objects.count() == 17 + 12 + 1 + 1
    assert load_demo_training(admin) == 0
    assert rows == (
        TrainingClass.objects.count(),
        Event.objects.count(),
        SignUp.objects.count(),
        Completion.objects.count(),
    )

    bases = TrainingBase.objects.filter(org=liushi)
    assert bases.filter(kind=BaseKind.BASE).count() == 6 and bases.filter(kind=BaseKind.TEACHING_POINT).count() == 10
    attended = _attended("liushi").count()
    assert 3_150 <= attended <= 3_250  # "共培训3200人次"
    assert _attended("liushi").filter(event__training_session__klass__course__occupation__name="电工").count() > 2_000
    assert Completion.objects.filter(klass__org=liushi).count() > 300
    sn = _attended("shangnan")
    assert sn.values("person").distinct().count() >= 3_000  # "累计培训商南茶农3000余人"
    assert not sn.filter(org__isnull=False).exists()  # tea farmers: no union
    jh = SignUp.objects.filter(event__training_session__klass__org__code="jianhu")
    assert jh.filter(checked_in_at__isnull=False).exists() and jh.filter(event__starts_at__gt=timezone.now()).exists()
    assert {c.org.code for c in open_classes()} >= {"liushi", "jianhu", "taian"}
    for event in Event.objects.filter(training_session__isnull=False):
        assert event.held == event.signups.count() <= event.capacity

    everything = Q()
    years = set(_attended("liushi").values_list("event__starts_at__year", flat=True))
    assert sum(totals(everything & Q(org__code="liushi"), y).attendances for y in years) == attended
    year = max(years)
    figures = {f.key: f.value for f in training_figures(liushi, year)}
    assert figures["training_attendances"] == totals(Q(org__path__startswith=liushi.path), year).attendances
