"""劳动关系预警 and 法治体检 figures for a union's subtree and a year: enterprises by level (as the last
recompute left them), open warnings, check-ups done in the year and rectification items put right in the
year. Each links to the list it counts, narrowed to the subtree (rights staff see the rows; other cadres the
numbers only)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.common.figures import Figure, Rollup, figure_link, register_figures, with_definitions
from gonghui.orgs.models import OrgNode
from gonghui.rights.earlywarning.choices import RectStatus, WarningLevel, WarningStatus
from gonghui.rights.earlywarning.models import Checkup, EarlyWarning, EnterpriseLevel, Rectification

DEFINITIONS = {
    "earlywarning_level": _(
        "本会及下级工会所属企业中，最近一次计算（每日定时）处于该预警等级的企业数；分值 = 各项指标 × 权重之和，"
        "指标取近 12 个月，等级起点按最近的上级工会预警方案（没有则用默认方案）。"
    ),
    "earlywarning_open": _("本会及下级工会所属企业中，尚未关闭的橙色、红色劳动关系预警数（不论开启年份）。"),
    "earlywarning_checkups": _("本年度已进行（体检日期不晚于今天）的法治体检次数。"),
    "earlywarning_rectified": _("本年度经复查确认已整改的法治体检整改事项数。"),
}


def earlywarning_figures(org: OrgNode, year: int) -> list[Figure]:
    levels = EnterpriseLevel.objects.filter(org__path__startswith=org.path).aggregate(
        **{level: Count("pk", filter=Q(level=level)) for level in WarningLevel.values}
    )
    open_warnings = EarlyWarning.objects.filter(org__path__startswith=org.path, status=WarningStatus.OPEN).count()
    checkups = Checkup.objects.filter(
        org__path__startswith=org.path, visited_on__year=year, visited_on__lte=timezone.localdate()
    ).count()
    rectified = Rectification.objects.filter(
        checkup__org__path__startswith=org.path, status=RectStatus.CLOSED, closed_on__year=year
    ).count()
    figures = [
        Figure(
            f"earlywarning_level_{level.value}",
            _("%(level)s预警企业") % {"level": level.label} if level != WarningLevel.NONE else _("未达预警的企业"),
            levels[level.value],
            _("家"),
            figure_link("earlywarning:levels", org, level=level.value),
            rollup=Rollup.RECOUNT,
        )
        for level in WarningLevel
    ]
    figures += [
        Figure(
            "earlywarning_open",
            _("处置中的预警"),
            open_warnings,
            _("件"),
            figure_link("earlywarning:warnings", org, status=WarningStatus.OPEN),
            rollup=Rollup.RECOUNT,
        ),
        Figure(
            "earlywarning_checkups",
            _("法治体检"),
            checkups,
            _("次"),
            figure_link("earlywarning:checkups", org, year=year, done=1),
        ),
        Figure(
            "earlywarning_rectified",
            _("法治体检问题已整改"),
            rectified,
            _("项"),
            figure_link("earlywarning:rectifications", org, status=RectStatus.CLOSED, year=year),
        ),
    ]
    return with_definitions(figures, DEFINITIONS)


def register() -> None:
    register_figures("earlywarning", _("劳动关系预警"), earlywarning_figures, order=88)
