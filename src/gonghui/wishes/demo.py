"""Demo 微心愿 (seed_demo). Safe to run again: nothing is made twice.

盐南: the 康乃馨服务站 run “馨想事成” for women couriers: a courier posts a small wish (a helmet, knee
warmers, a picture book for her daughter) at the station, the district union vets it, and donors claim it.
大丰: the 家政服务 union brings schoolbags and milk to the children of hardship women workers: a cadre posts
for the family, linked to its hardship file, with the child's class in the private note.

Every state is there: waiting for vetting, refused, on the wall (one after a claim lapsed), claimed,
delivered, and come true with the worker's thanks.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.utils import timezone

from gonghui.assistance.choices import FileStatus
from gonghui.assistance.models import HardshipFile
from gonghui.members.choices import Sex
from gonghui.members.demo_people import demo_members, demo_people
from gonghui.members.models import Membership, Person
from gonghui.orgs.models import OrgNode
from gonghui.wishes import claims, services
from gonghui.wishes.choices import ClaimantKind, WishCategory
from gonghui.wishes.models import Claim, Wish
from gonghui.wishes.services import WishFields

YANNAN_WISHES: list[tuple[str, str, str, int, str]] = [
    # title, category, the courier's words, value, where it got to
    ("电动车头盔", WishCategory.DAILY, "每天骑电动车送件，头盔旧了有裂缝，想换一个合格的新头盔。", 80, "received"),
    ("冬季防寒护膝", WishCategory.CARE, "冬天早上五点多出门分拣，骑车膝盖冻得疼，想要一副防寒护膝。", 120, "fulfilled"),
    ("给女儿的绘本", WishCategory.STUDY, "女儿上幼儿园大班，想给她买一套睡前故事绘本。", 150, "claimed"),
    ("一次妇科体检", WishCategory.CARE, "一直没时间做体检，想在休息日做一次妇科检查。", 200, "open_after_lapse"),
    ("保温饭盒", WishCategory.DAILY, "中午常在车上吃饭，饭菜凉了，想要一个保温饭盒。", 60, "pending"),
    ("一台新手机", WishCategory.OTHER, "手机屏幕摔碎了，接单不方便，想换一台手机。", 280, "rejected"),
]
DAFENG_WISHES: list[tuple[str, str, str, str, int, str]] = [
    # title, category, public text, private note, value, where it got to
    ("一个新书包", WishCategory.STUDY, "一名二年级小学生想要一个结实的新书包。", "大中小学二（1）班", 120, "received"),
    (
        "三个月的学生奶",
        WishCategory.FOOD,
        "一名初一学生想每天喝上一盒牛奶。",
        "实验初中初一（5）班，每月一箱",
        180,
        "claimed",
    ),
    ("新书包和文具", WishCategory.STUDY, "一名一年级新生想要书包和一套文具。", "秋季入学大中小学", 150, "open"),
    ("一箱纯牛奶", WishCategory.FOOD, "一名四年级小学生想要一箱纯牛奶。", "西团小学四年级", 70, "pending"),
    ("护眼学习台灯", WishCategory.STUDY, "一名初三学生晚上写作业想要一盏护眼台灯。", "第三中学初三", 90, "fulfilled"),
]
THANKS = {
    "电动车头盔": "头盔很合适，骑车送件安心多了，谢谢好心人！",
    "一个新书包": "孩子背上新书包开心得不得了，谢谢叔叔阿姨！",
}


def _women(prefix: str, count: int, org: OrgNode, employer: str, form: str) -> list[Person]:
    people = list(dict.fromkeys(demo_people(prefix, count, org.region_id)))
    demo_members(people, org, employer=employer)
    Person.objects.filter(pk__in=[p.pk for p in people]).update(sex=Sex.FEMALE)
    Membership.objects.filter(person__in=people, org=org).update(employment_form=form)
    return people


def _advance(admin: Any, wish: Wish, stage: str, *, donor: Person | None, enterprise_name: str = "") -> None:
    """Take a pending wish to `stage` the way the union and the donors would."""
    if stage == "pending":
        return
    if stage == "rejected":
        services.wish_vet(
            actor=admin, wish=wish, approve=False, reason="手机不在“馨想事成”范围内，可到康乃馨服务站咨询以旧换新补贴。"
        )
        return
    wish = services.wish_vet(actor=admin, wish=wish, approve=True)
    if stage == "open":
        return
    if stage == "open_after_lapse":  # a donor claimed it and never came: back on the wall
        claim = claims.claim_at_desk(actor=admin, wish=wish, kind=ClaimantKind.CADRE, donor_name="盐南高新区机关干部")
        Claim.objects.filter(pk=claim.pk).update(due_at=timezone.now() - dt.timedelta(days=1))
        claims.claims_expire(wish=wish)
        return
    if donor is not None:
        claim = claims.claim_as_member(person=donor, user=admin, wish=wish)
    else:
        claim = claims.claim_at_desk(actor=admin, wish=wish, kind=ClaimantKind.ENTERPRISE, donor_name=enterprise_name)
    if stage == "claimed":
        return
    claims.claim_fulfil(claim=claim, actor=admin, note="已送到工会，由工会干部转交。")
    if stage == "received":
        claims.wish_confirm(wish=wish, actor=admin, thanks=THANKS.get(wish.title, ""))


def _yannan(admin: Any) -> int:
    county = OrgNode.objects.get(code="yannan")
    services.policy_set(actor=admin, org=county, cap=Decimal(300), claim_days=10)
    couriers = _women("yn-xinxiang", len(YANNAN_WISHES), county, "盐南高新区快递网点", "courier")
    donors = list(
        Membership.objects.filter(org__code="df-huoche", status="active").select_related("person").order_by("pk")[:2]
    )
    for n, (title, category, text, value, stage) in enumerate(YANNAN_WISHES):
        data = WishFields(title=title, text=text, value=Decimal(value), category=category)
        wish = services.wish_post(person=couriers[n], user=admin, data=data)
        donor = donors[n % len(donors)].person if donors and stage == "claimed" else None
        _advance(admin, wish, stage, donor=donor, enterprise_name="盐南高新区爱心企业联盟")
    return len(YANNAN_WISHES)


def _dafeng(admin: Any) -> int:
    county = OrgNode.objects.get(code="dafeng")
    union = OrgNode.objects.get(code="df-jiazheng")
    services.policy_set(actor=admin, org=county, cap=Decimal(400), claim_days=14)
    mothers = _women("df-xinyuan", len(DAFENG_WISHES), union, "大丰区家政服务中心", "")
    for n, (title, category, public, note, value, stage) in enumerate(DAFENG_WISHES):
        file, _created = HardshipFile.objects.get_or_create(
            person=mothers[n],
            status=FileStatus.OPEN,
            defaults={
                "org": union,
                "category": "relative",
                "computed_category": "relative",
                "own_income": Decimal(1600),
                "family_size": 3,
                "per_capita_income": Decimal(620),
                "main_cause": "schooling",
                "opened_on": timezone.localdate() - dt.timedelta(days=90),
                "created_by": admin,
            },
        )
        data = WishFields(
            title=title, text=f"{public}（{note}）", value=Decimal(value), category=category, public_text=public
        )
        data.private_note = note
        wish = services.wish_post_for_family(actor=admin, org=union, data=data, hardship_file=file)
        _advance(admin, wish, stage, donor=None, enterprise_name="大丰港爱心物流企业")
    return len(DAFENG_WISHES)


def load_demo_wishes(admin: Any) -> int:
    """Create the demo 微心愿; safe to run again. Returns how many were new."""
    if Wish.objects.filter(org__code__in=["yannan", "df-jiazheng"]).exists():
        return 0
    return _yannan(admin) + _dafeng(admin)
