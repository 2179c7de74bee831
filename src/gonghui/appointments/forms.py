"""Forms of 预约服务 (workbench and phone pages)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gonghui.appointments.choices import Mode, ProviderMode, ServiceKind
from gonghui.appointments.models import Provider
from gonghui.appointments.services import ProviderFields
from gonghui.common.widgets import DateInput
from gonghui.orgs.drilldown import SpanForm
from gonghui.orgs.org_field import OrgPickerField
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import scope_for
from gonghui.stations.hours import WEEKDAYS
from gonghui.stations.models import Station


def station_choices(user: Any) -> list[tuple[str, Any]]:
    stations = scope_for(user).filter(Station.objects.filter(is_active=True)).order_by("org__path", "name")
    return [("", _("不在服务阵地（线上或上门）")), *((str(s.pk), s.name) for s in stations[:500])]


class ProviderEditForm(forms.Form):
    kind = forms.ChoiceField(label=_("服务类型"), choices=ServiceKind.choices)
    name = forms.CharField(label=_("姓名"), max_length=50)
    title = forms.CharField(
        label=_("资质或单位"), max_length=100, required=False, help_text=_("如：国家二级心理咨询师、某律师事务所律师")
    )
    mobile = forms.CharField(label=_("手机号码"), max_length=20, help_text=_("服务人员用此号码接收验证码登录"))
    station = forms.ChoiceField(label=_("服务阵地"), required=False)
    mode = forms.ChoiceField(label=_("服务方式"), choices=ProviderMode.choices)
    place = forms.CharField(label=_("地点或线上方式"), max_length=200, required=False)
    slot_minutes = forms.IntegerField(label=_("每次时长（分钟）"), min_value=15, max_value=240, initial=50)
    buffer_minutes = forms.IntegerField(label=_("两次之间的间隔（分钟）"), min_value=0, max_value=120, initial=10)
    notice_hours = forms.IntegerField(label=_("最少提前（小时）"), min_value=0, max_value=720, initial=12)
    cancel_hours = forms.IntegerField(label=_("取消或改约最晚提前（小时）"), min_value=0, max_value=720, initial=24)
    ahead_days = forms.IntegerField(label=_("可预约天数"), min_value=1, max_value=180, initial=30)
    is_active = forms.BooleanField(label=_("接受预约"), required=False, initial=True)

    def __init__(self, *args: Any, user: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["station"].choices = station_choices(user)  # type: ignore[attr-defined]

    def provider_fields(self) -> ProviderFields:
        d = self.cleaned_data
        station = Station.objects.filter(pk=d["station"]).first() if d["station"] else None
        return ProviderFields(
            name=d["name"],
            kind=d["kind"],
            mobile=d["mobile"],
            title=d["title"],
            station=station,
            mode=d["mode"],
            place=d["place"],
            slot_minutes=d["slot_minutes"],
            buffer_minutes=d["buffer_minutes"],
            notice_hours=d["notice_hours"],
            cancel_hours=d["cancel_hours"],
            ahead_days=d["ahead_days"],
            is_active=d["is_active"],
        )

    @staticmethod
    def initial_of(provider: Provider) -> dict[str, Any]:
        return {
            "kind": provider.kind,
            "name": provider.name,
            "title": provider.title,
            "mobile": provider.mobile.reveal() if provider.mobile else "",
            "station": str(provider.station_id or ""),
            "mode": provider.mode,
            "place": provider.place,
            "slot_minutes": provider.slot_minutes,
            "buffer_minutes": provider.buffer_minutes,
            "notice_hours": provider.notice_hours,
            "cancel_hours": provider.cancel_hours,
            "ahead_days": provider.ahead_days,
            "is_active": provider.is_active,
        }


class ProviderForm(ProviderEditForm):
    org = OrgPickerField(label=_("所属工会"), perm=Perm.ORG_EDIT)
    field_order = ["org"]


class RulesForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for n, label in enumerate(WEEKDAYS):
            self.fields[f"day_{n}"] = forms.CharField(
                label=label,
                max_length=100,
                required=False,
                help_text=_("如 09:00-12:00, 14:00-17:00；留空为不接受预约"),
            )

    def week(self) -> dict[int, str]:
        return {n: self.cleaned_data.get(f"day_{n}", "") for n in range(7)}


class ExceptionForm(forms.Form):
    date = forms.DateField(label=_("日期"), widget=DateInput())
    hours = forms.CharField(
        label=_("当天时间"), max_length=50, required=False, help_text=_("留空表示当天不接受预约（请假）；或填一段时间")
    )
    note = forms.CharField(label=_("说明"), max_length=100, required=False)


class HolidayForm(forms.Form):
    org = OrgPickerField(label=_("工会"), perm=Perm.ORG_EDIT)
    date = forms.DateField(label=_("日期"), widget=DateInput())
    name = forms.CharField(
        label=_("名称"), max_length=50, help_text=_("如：国庆节；本会及下级工会的服务人员当天都不接受预约")
    )


class SettingForm(forms.Form):
    org = OrgPickerField(label=_("工会"), perm=Perm.ORG_EDIT)
    risk_contact = forms.CharField(
        label=_("风险提示联系人（用户名）"), max_length=150, required=False, help_text=_("须是本会或上级工会的工作人员")
    )
    alert_mobile = forms.CharField(label=_("提醒短信号码"), max_length=20, required=False)


class DeskForm(forms.Form):
    id_number = forms.CharField(label=_("会员身份证号码"), max_length=30)
    starts_at = forms.DateTimeField(widget=forms.HiddenInput)
    mode = forms.ChoiceField(label=_("方式"), choices=Mode.choices)


class SlotForm(forms.Form):
    starts_at = forms.DateTimeField(widget=forms.HiddenInput)
    mode = forms.ChoiceField(choices=Mode.choices, required=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("原因"), max_length=100)


class NoteForm(forms.Form):
    text = forms.CharField(label=_("咨询记录"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6}))


# What the counts page's total counts, as the 预约服务 figures do: held (never the cancelled), done, no-show.
COUNTED = [("", _("预约（不含已取消）")), ("done", _("已完成的预约")), ("no_show", _("未到场的预约"))]
MAX_MONTHS = 24  # the page has a column per month


@dataclass(frozen=True)
class CountsQuery:
    start: dt.date
    end: dt.date
    kind: str
    counted: str  # "", "done" or "no_show"
    whole_year: bool  # the span is one calendar year, asked for as such (the title says the year)


class CountsForm(SpanForm):
    """The counts page's filters (the 预约服务 figures' drill-down): a year, or `start`/`end` bounding the day an
    appointment starts, the day the figures count by; a service kind; and which appointments the total counts.
    Counts only: nothing here narrows to a provider or a worker."""

    start = forms.DateField(label=_("预约日期从"), required=False, widget=DateInput())
    end = forms.DateField(label=_("预约日期到"), required=False, widget=DateInput())
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100, required=False)
    kind = forms.ChoiceField(
        label=_("服务类型"), required=False, choices=[("", _("全部服务类型")), *ServiceKind.choices]
    )
    status = forms.ChoiceField(label=_("统计"), required=False, choices=COUNTED)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and (end.year - start.year) * 12 + end.month - start.month >= MAX_MONTHS:
            self.add_error("end", _("起止日期最多跨%(n)s个月。") % {"n": MAX_MONTHS})
        return cleaned

    def query(self) -> CountsQuery:
        """The days a valid form asks for: its bounds (the missing one is its year's first or last day), or else
        the year, this year by default."""
        d = self.cleaned_data
        start, end = self.span()
        if start is not None:
            end = end or dt.date(start.year, 12, 31)
        elif end is not None:
            start = dt.date(end.year, 1, 1)
        else:
            year = d["year"] or timezone.localdate().year
            return CountsQuery(dt.date(year, 1, 1), dt.date(year, 12, 31), d["kind"], d["status"], True)
        return CountsQuery(start, end, d["kind"], d["status"], False)


def parse_day(raw: str | None) -> dt.date:
    try:
        return dt.date.fromisoformat(raw or "")
    except ValueError:
        return timezone.localdate()
