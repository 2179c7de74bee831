"""Forms of the stations pages (workbench and phone)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gonghui.common.widgets import DateInput
from gonghui.orgs.drilldown import SpanForm, flag
from gonghui.orgs.org_field import OrgPickerField
from gonghui.orgs.roles import Perm
from gonghui.stations.choices import BookableBy, BookingStatus, HostKind, RatingLevel, VisitCategory
from gonghui.stations.hours import WEEKDAYS
from gonghui.stations.models import Facility, RatingTitle, Room, StationKind, StationService


def kind_choices() -> list[tuple[str, Any]]:
    return [("", _("全部类型")), *((k.code, k.name) for k in StationKind.objects.filter(is_active=True))]


def facility_choices() -> list[tuple[str, Any]]:
    return [("", _("全部设施")), *((f.code, f.name) for f in Facility.objects.filter(is_active=True))]


@dataclass(frozen=True)
class StationFilters:
    """What the list and the map ask of selectors.stations_for, from a valid StationFilterForm."""

    kind: str
    facility: str
    open_now: bool
    active: bool | None
    q: str
    rated: bool
    start: dt.date | None
    end: dt.date | None
    visited: bool
    category: str


class StationFilterForm(SpanForm):
    """The list's and the map's filters (the 服务阵地 figures' drill-down). `start`/`end` bound the day a station
    was registered, and with `end` the status is as of that day (运营中: registered by then and not closed by
    then), as the 服务阵地 figure counts the stations open at a period's end. With `visits` (carried hidden) they
    bound the visits instead: the stations visited in those days, with how many visits (of a visitor `category`),
    as the 到访人次 figures count."""

    q = forms.CharField(label=_("名称或地址"), required=False, max_length=50)
    kind = forms.ChoiceField(label=_("类型"), required=False)
    facility = forms.ChoiceField(label=_("设施"), required=False)
    open_now = forms.BooleanField(label=_("现在开放"), required=False)
    active = forms.ChoiceField(
        label=_("状态"),
        required=False,
        choices=[("", _("全部状态")), ("1", _("运营中")), ("0", _("已关闭"))],
    )
    rated = forms.BooleanField(label=_("有评定称号"), required=False)
    start = forms.DateField(label=_("登记日期从"), required=False, widget=DateInput())
    end = forms.DateField(label=_("登记日期到"), required=False, widget=DateInput())
    visits = forms.BooleanField(required=False, widget=forms.HiddenInput)
    category = forms.ChoiceField(required=False, choices=[("", ""), *VisitCategory.choices], widget=forms.HiddenInput)
    under = OrgPickerField(label=_("工会"), required=False, help_text="")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Every kind, a retired one too: its stations still stand, and a figure may count them.
        kinds = StationKind.objects.order_by("-is_active", "pk")
        self.fields["kind"].choices = [("", _("全部类型")), *((k.code, k.name) for k in kinds)]  # type: ignore[attr-defined]
        self.fields["facility"].choices = facility_choices()  # type: ignore[attr-defined]
        self.fields["q"].widget.attrs["placeholder"] = _("名称或地址")
        if flag(self.data.get("visits")):  # the bounds say which day they bound
            self.fields["start"].label = _("到访日期从")
            self.fields["end"].label = _("到访日期到")

    def filters(self) -> StationFilters:
        d = self.cleaned_data
        start, end = self.span()
        return StationFilters(
            kind=d["kind"],
            facility=d["facility"],
            open_now=d["open_now"],
            active={"1": True, "0": False}.get(d["active"]),
            q=d["q"],
            rated=d["rated"],
            start=start,
            end=end,
            visited=d["visits"],
            category=d["category"],
        )


class BookingFilterForm(SpanForm):
    """The bookings list's filters (the 活动室预约 figure's drill-down): a status (待审批 when none is asked
    for), `start`/`end` bounding the day a booking starts, the day the figure counts by; `hosted` (carried
    hidden) narrows `under` to the bookings of its stations' rooms, as the figure counts them, leaving out
    the bookings its unions made of other unions' rooms."""

    start = forms.DateField(label=_("使用日期从"), required=False, widget=DateInput())
    end = forms.DateField(label=_("使用日期到"), required=False, widget=DateInput())
    status = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部状态")), *BookingStatus.choices])
    hosted = forms.BooleanField(required=False, widget=forms.HiddenInput)


class StationForm(forms.Form):
    org = OrgPickerField(label=_("所属工会"), perm=Perm.ORG_EDIT)
    kind = forms.ModelChoiceField(label=_("阵地类型"), queryset=StationKind.objects.filter(is_active=True))
    name = forms.CharField(label=_("阵地名称"), max_length=100)
    host_kind = forms.ChoiceField(label=_("依托单位类型"), choices=HostKind.choices, initial=HostKind.ENTERPRISE)
    host_name = forms.CharField(label=_("依托单位名称"), max_length=100, required=False)
    host_enterprise_uscc = forms.CharField(
        label=_("依托企业统一社会信用代码"), max_length=18, required=False, help_text=_("已登记的用人单位可填写")
    )
    address = forms.CharField(label=_("地址"), max_length=200)
    region_code = forms.CharField(label=_("所在区县代码"), max_length=6, required=False)
    lat = forms.DecimalField(label=_("纬度"), max_digits=10, decimal_places=7)
    lng = forms.DecimalField(label=_("经度"), max_digits=11, decimal_places=7)
    coords = forms.ChoiceField(
        label=_("坐标系"),
        choices=[("wgs84", _("WGS-84（手机定位、GPS）")), ("gcj02", _("GCJ-02（高德、腾讯地图拾取）"))],
        initial="gcj02",
    )
    is_24h = forms.BooleanField(label=_("24小时开放"), required=False)
    contact_phone = forms.CharField(
        label=_("联系电话"), max_length=20, required=False, help_text=_("手机或带区号的固定电话；修改时留空则不变")
    )
    facilities = forms.ModelMultipleChoiceField(
        label=_("设施"),
        queryset=Facility.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    services = forms.ModelMultipleChoiceField(
        label=_("服务项目"),
        queryset=StationService.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    description = forms.CharField(label=_("简介"), max_length=2000, required=False, widget=forms.Textarea)


class HoursForm(forms.Form):
    is_24h = forms.BooleanField(label=_("24小时开放"), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for day in range(7):
            self.fields[f"day_{day}"] = forms.CharField(
                label=WEEKDAYS[day],
                max_length=100,
                required=False,
                widget=forms.TextInput(attrs={"placeholder": "08:00-12:00, 14:00-18:00"}),
            )

    def week(self) -> dict[int, str]:
        return {day: self.cleaned_data.get(f"day_{day}", "") for day in range(7)}


class SpecialDayForm(forms.Form):
    date = forms.DateField(label=_("日期"), widget=forms.DateInput(attrs={"type": "date"}))
    hours = forms.CharField(label=_("开放时间"), max_length=40, required=False, help_text=_("留空表示闭馆"))
    note = forms.CharField(label=_("说明"), max_length=100, required=False)


class PhotoForm(forms.Form):
    photo = forms.FileField(label=_("照片"))
    caption = forms.CharField(label=_("说明"), max_length=100, required=False)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("原因"), max_length=500)


class RoomForm(forms.Form):
    name = forms.CharField(label=_("房间名称"), max_length=50)
    capacity = forms.IntegerField(label=_("容纳人数"), min_value=1, max_value=1000, initial=20)
    slot_minutes = forms.IntegerField(label=_("时段长度（分钟）"), min_value=15, max_value=240, initial=60)
    bookable_by = forms.ChoiceField(label=_("可预约对象"), choices=BookableBy.choices, initial=BookableBy.BOTH)


class TitleForm(forms.Form):
    org = OrgPickerField(label=_("评定工会"), perm=Perm.ORG_EDIT)
    level = forms.ChoiceField(label=_("级别"), choices=RatingLevel.choices)
    name = forms.CharField(label=_("称号"), max_length=100)
    stars = forms.IntegerField(label=_("星级"), min_value=0, max_value=5, initial=0, help_text=_("不分星级填 0"))
    kind = forms.ModelChoiceField(
        label=_("适用阵地类型"), queryset=StationKind.objects.filter(is_active=True), required=False
    )
    issuer = forms.CharField(
        label=_("授予机构"), max_length=100, required=False, help_text=_("由平台外机构授予时填写，如“陕西省总工会”")
    )
    criteria = forms.CharField(
        label=_("评分细则"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("每行一项：项目 分值，如“服务设施 30”"),
    )
    pass_points = forms.IntegerField(label=_("达标分"), min_value=0, initial=60)
    valid_months = forms.IntegerField(label=_("有效期（月）"), min_value=1, max_value=120, initial=36)


class ScoresForm(forms.Form):
    """One score per criterion of the title's sheet, and a note."""

    note = forms.CharField(label=_("说明"), max_length=2000, required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, title: RatingTitle, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.title = title
        for i, criterion in enumerate(title.criteria):
            self.fields[f"score_{i}"] = forms.IntegerField(
                label=f"{criterion['item']}（{criterion['max']}）", min_value=0, max_value=int(criterion["max"])
            )

    def scores(self) -> dict[str, int]:
        return {c["item"]: self.cleaned_data[f"score_{i}"] for i, c in enumerate(self.title.criteria)}


class DecideForm(forms.Form):
    grant = forms.TypedChoiceField(
        label=_("决定"), choices=[("1", _("授予")), ("0", _("不予授予"))], coerce=lambda v: v == "1"
    )
    valid_from = forms.DateField(label=_("有效期起"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("说明"), max_length=500, required=False)


class RevokeForm(forms.Form):
    reason = forms.CharField(label=pgettext_lazy("rating", "撤销原因"), max_length=500)
    on = forms.DateField(label=_("撤销日期"), required=False, widget=forms.DateInput(attrs={"type": "date"}))


class SlotForm(forms.Form):
    """The time part of a booking: a day, the first slot and how many slots."""

    day = forms.DateField(label=_("日期"), widget=forms.DateInput(attrs={"type": "date"}))
    start = forms.TimeField(label=_("开始时间"), widget=forms.TimeInput(attrs={"type": "time", "step": 900}))
    slots = forms.IntegerField(label=_("时段数"), min_value=1, max_value=12, initial=1)
    purpose = forms.CharField(label=_("用途"), max_length=200)
    attendees = forms.IntegerField(label=_("人数"), min_value=1, max_value=1000, initial=1)

    def clean_day(self) -> dt.date:
        day: dt.date = self.cleaned_data["day"]
        today = timezone.localdate()
        if not today - dt.timedelta(days=1) <= day <= today + dt.timedelta(days=366):
            raise forms.ValidationError(_("请选择近期的日期。"))  # the service says the exact booking window
        return day

    def period(self, room: Room) -> tuple[dt.datetime, dt.datetime]:
        d = self.cleaned_data
        starts = timezone.make_aware(dt.datetime.combine(d["day"], d["start"]), timezone.get_current_timezone())
        return starts, starts + dt.timedelta(minutes=room.slot_minutes * d["slots"])


class UnionBookingForm(SlotForm):
    org = OrgPickerField(label=_("预约工会"), perm=Perm.ORG_EDIT)
    room = forms.ModelChoiceField(label=_("房间"), queryset=Room.objects.none())

    field_order = ["org", "room", "day", "start", "slots", "purpose", "attendees"]

    def __init__(self, *args: Any, rooms: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["room"].queryset = rooms  # type: ignore[attr-defined]


class BookingDecideForm(forms.Form):
    approve = forms.TypedChoiceField(
        label=_("审批"), choices=[("1", _("批准")), ("0", _("不批准"))], coerce=lambda v: v == "1"
    )
    note = forms.CharField(label=_("意见"), max_length=200, required=False)
