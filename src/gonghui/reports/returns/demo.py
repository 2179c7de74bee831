"""Demo returns (seed_demo): last full month's 月度入会统计表 in 盐城. Most of its counties have submitted theirs,
盐都区's was returned (退回) by the city with a reason, 阜宁县 has not filed (未报, or 逾期 after the 5th), and the
city has submitted its own, which 江苏省总工会 (the "jiangsu" demo user) reads. Counted from the other apps'
demo records through the services, as a cadre would submit them. Safe to run again: made once per month.
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.utils import timezone

from gonghui.accounts.models import User
from gonghui.orgs.models import OrgNode
from gonghui.reports.periods import period_key
from gonghui.reports.returns.models import Submission
from gonghui.reports.returns.return_forms import return_form_get
from gonghui.reports.returns.services import return_send_back, return_submit

MONTHLY = "members-monthly"
# code, remarks: the counties (and the city's sector federation) that have submitted
SUBMITTED: list[tuple[str, str]] = [
    ("dafeng", "大丰区货车司机工会联合会集中开展入会活动，新就业形态劳动者入会人数较多。"),
    ("xiangshui", ""),
    ("jianhu", "已与各基层工会会员名册核对。"),
    ("dongtai", "东台市职工运动会期间新入会人数增加。"),
    ("yannan", ""),
    ("yc-daoyun", "道路运输行业新入会以货车司机为主。"),
]
RETURNED = ("yandu", "转会转出人数与会员名册不一致，请核实后重新报送。")
CITY_REMARKS = "阜宁县总工会尚未报送，已电话督促；盐都区报表已退回核实。"


def _user(username: str, fallback: User) -> User:
    """A demo cadre by name, or the platform administrator (who may act for any union) when there is none."""
    return get_user_model().objects.filter(username=username).first() or fallback


def load_demo_returns(admin: User) -> int:
    """Returns how many returns it submitted (0 when last month's are already there)."""
    city = OrgNode.objects.filter(code="yancheng").first()
    if city is None:
        return 0
    period = period_key(return_form_get(MONTHLY).latest_ended(timezone.localdate()))
    if Submission.objects.filter(org=city, form=MONTHLY, period=period).exists():
        return 0
    city_cadre = _user("yancheng", admin)
    made = 0
    for code, remarks in SUBMITTED:
        county = OrgNode.objects.get(code=code)
        actor = _user("dafeng", admin) if code == "dafeng" else admin  # 大丰's 组织干事 files 大丰's own
        return_submit(actor=actor, org=county, form_key=MONTHLY, period_text=period, remarks=remarks)
        made += 1
    code, reason = RETURNED
    returned = return_submit(actor=admin, org=OrgNode.objects.get(code=code), form_key=MONTHLY, period_text=period)
    return_send_back(actor=city_cadre, submission=returned, reason=reason)
    return_submit(actor=city_cadre, org=city, form_key=MONTHLY, period_text=period, remarks=CITY_REMARKS)
    return made + 2
