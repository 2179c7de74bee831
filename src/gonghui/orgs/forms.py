"""Workbench forms. They parse input only; rules live in services."""

from __future__ import annotations

import re
from dataclasses import fields
from typing import Any, cast

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gonghui.common.widgets import DateInput
from gonghui.orgs.drilldown import SpanForm, flag
from gonghui.orgs.kinds import OrgKind, child_kinds
from gonghui.orgs.models import CommitteeBody, Industry, Ownership, SeatPosition
from gonghui.orgs.org_field import OrgPickerField
from gonghui.orgs.roles import Perm, Role
from gonghui.orgs.services import EnterpriseFields, OrgFields, Seat

DATE = DateInput()


def initial_from(instance: object, form_class: type[forms.Form]) -> dict[str, object]:
    """Initial form values from a model instance; `region_code` reads the region FK."""
    values = {name: getattr(instance, name) for name in form_class.base_fields if hasattr(instance, name)}
    values["region_code"] = getattr(instance, "region_id", "")
    return values


class OrgForm(forms.Form):
    name = forms.CharField(label=_("组织名称"), max_length=100)
    kind = forms.ChoiceField(label=_("组织类型"), choices=OrgKind.choices)
    region_code = forms.CharField(
        label=_("行政区划代码"), max_length=6, help_text=_("GB/T 2260 六位代码，如 320904（大丰区）。")
    )
    uscc = forms.CharField(
        label=_("统一社会信用代码"), max_length=24, required=False, help_text=_("基层工会以 81 开头。")
    )
    address = forms.CharField(label=_("地址"), max_length=200, required=False)
    chair_name = forms.CharField(label=_("工会主席"), max_length=50, required=False)
    established_on = forms.DateField(label=_("成立日期"), required=False, widget=DATE)
    is_active = forms.BooleanField(label=_("有效"), required=False, initial=True)

    def __init__(self, *args: object, parent_kind: str | None = None, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        if parent_kind is not None:
            kind_field = cast(forms.ChoiceField, self.fields["kind"])
            kind_field.choices = [(k.value, k.label) for k in child_kinds(parent_kind)]

    def to_fields(self) -> OrgFields:
        return OrgFields(**{f.name: self.cleaned_data[f.name] for f in fields(OrgFields)})


class OrgCreateForm(OrgForm):
    code = forms.CharField(
        label=_("组织编码"),
        max_length=32,
        required=False,
        help_text=_("留空则自动生成；用于网址和二维码，建后不可改。"),
    )
    field_order = ["name", "kind", "code", "region_code", "uscc", "address", "chair_name", "established_on"]


class MoveForm(forms.Form):
    new_parent = OrgPickerField(label=_("新的上级组织"), perm=Perm.ORG_EDIT)


class EnterpriseForm(forms.Form):
    name = forms.CharField(label=_("单位名称"), max_length=200)
    uscc = forms.CharField(label=_("统一社会信用代码"), max_length=24)
    industry = forms.ChoiceField(label=_("行业门类"), choices=Industry.choices)
    ownership = forms.ChoiceField(label=_("经济类型"), choices=Ownership.choices)
    employee_count = forms.IntegerField(label=_("职工人数"), min_value=0, initial=0)
    region_code = forms.CharField(label=_("行政区划代码"), max_length=6)
    address = forms.CharField(label=_("地址"), max_length=200, required=False)
    contact_name = forms.CharField(label=_("联系人"), max_length=50, required=False)
    contact_phone = forms.CharField(label=_("联系电话"), max_length=20, required=False)

    def to_fields(self) -> EnterpriseFields:
        return EnterpriseFields(**{f.name: self.cleaned_data[f.name] for f in fields(EnterpriseFields)})


class EnterpriseEditForm(EnterpriseForm):
    union_code = OrgPickerField(
        label=_("所属工会"), perm=Perm.ORG_EDIT, help_text=_("改为另一个工会，即把该单位划转到那个工会。")
    )


_POSITIONS = {
    "主席": SeatPosition.CHAIR,
    "chair": SeatPosition.CHAIR,
    "副主席": SeatPosition.VICE_CHAIR,
    "vice-chair": SeatPosition.VICE_CHAIR,
    "主任": SeatPosition.DIRECTOR,
    "director": SeatPosition.DIRECTOR,
    "副主任": SeatPosition.VICE_DIRECTOR,
    "vice-director": SeatPosition.VICE_DIRECTOR,
    "委员": SeatPosition.MEMBER,
    "member": SeatPosition.MEMBER,
}


class TermForm(forms.Form):
    body = forms.ChoiceField(label=_("机构"), choices=CommitteeBody.choices)
    number = forms.IntegerField(label=_("届次"), min_value=1)
    elected_on = forms.DateField(label=_("选举日期"), widget=DATE)
    starts_on = forms.DateField(label=_("任期开始"), widget=DATE)
    ends_on = forms.DateField(label=_("任期结束"), widget=DATE)
    seats = forms.CharField(
        label=_("当选人员"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("每行一人：姓名 职务（主席/副主席/主任/副主任/委员），一线职工在行末加“一线”。"),
    )

    def clean_seats(self) -> list[Seat]:
        seats: list[Seat] = []
        for number, line in enumerate(self.cleaned_data["seats"].splitlines(), start=1):
            parts = re.split(r"[\s,，、]+", line.strip())
            if not parts or not parts[0]:
                continue
            if len(parts) < 2 or parts[1].lower() not in _POSITIONS:
                raise ValidationError(
                    _("第 %(n)d 行应写成“姓名 职务”，职务为主席、副主席、主任、副主任或委员。") % {"n": number}
                )
            seats.append(
                Seat(
                    person_name=parts[0],
                    position=_POSITIONS[parts[1].lower()],
                    is_front_line=any(p in ("一线", "front-line") for p in parts[2:]),
                )
            )
        if not seats:
            raise ValidationError(_("请至少填写一位当选人员。"))
        return seats


class RoleGrantForm(forms.Form):
    username = forms.CharField(label=_("账号"), max_length=150)
    role = forms.ChoiceField(label=_("角色"), choices=Role.choices)


class StaffCreateForm(forms.Form):
    username = forms.CharField(label=_("账号"), max_length=150, help_text=_("登录用，如拼音 zhangsan 或工号"))
    display_name = forms.CharField(label=_("姓名"), max_length=50)
    org = OrgPickerField(label=_("所在工会"), perm=Perm.STAFF_MANAGE)
    role = forms.ChoiceField(label=_("角色"), choices=Role.choices, initial=Role.ORGANIZER)


class StaffGrantForm(forms.Form):
    org = OrgPickerField(label=_("工会"), perm=Perm.STAFF_MANAGE)
    role = forms.ChoiceField(label=_("角色"), choices=Role.choices, initial=Role.READONLY)


class StaffPasswordResetForm(forms.Form):
    reset_second_factor = forms.BooleanField(label=_("同时重置二次验证（本人手机丢失或更换时）"), required=False)


class TreeFilterForm(SpanForm):
    """The union list's filters (the 组织建设 figures' drill-down): `start`/`end` bound the 成立日期."""

    q = forms.CharField(label=_("搜索"), required=False, max_length=50)
    kind = forms.CharField(label=_("组织类型"), required=False, max_length=200)  # one kind, or several: a,b
    groups = forms.CharField(required=False, max_length=5)  # "0": without 工会小组
    active = forms.CharField(required=False, max_length=5)  # "1": active unions only

    def clean_kind(self) -> list[str]:
        kinds = [k.strip() for k in self.cleaned_data["kind"].split(",") if k.strip()]
        unknown = [k for k in kinds if k not in OrgKind.values]
        if unknown:
            raise ValidationError(_("没有这种组织类型：%(kind)s。") % {"kind": "、".join(unknown)[:50]})
        return kinds

    def filters(self) -> dict[str, Any]:
        """orgs_for's keywords (the form is valid)."""
        d = self.cleaned_data
        start, end = self.span()
        return {
            "q": d["q"],
            "kind": d["kind"],
            "groups": d["groups"] != "0",
            "active_only": flag(d["active"]),
            "set_up_from": start,
            "set_up_to": end,
        }

    def kind_choices(self) -> tuple[str, list[tuple[str, Any]]]:
        """The kind chosen (as the select's value) and the select's choices: several kinds asked for at once
        (基层工会组织: 基层工会 and 联合基层工会) are one more choice."""
        kinds: list[str] = self.cleaned_data.get("kind", []) if self.is_valid() else []
        chosen = ",".join(kinds)
        choices: list[tuple[str, Any]] = list(OrgKind.choices)
        if len(kinds) > 1:
            choices.insert(0, (chosen, "、".join(str(OrgKind(k).label) for k in kinds)))
        return chosen, choices

    @property
    def narrowed(self) -> bool:
        """Whether anything narrows the list (else the page shows the tree)."""
        d = self.cleaned_data
        return any([d["q"], d["kind"], d["groups"] == "0", flag(d["active"]), *self.span()])


class EnterpriseFilterForm(SpanForm):
    """The enterprise list's filters (建会企业's drill-down): `end`, the day they were registered by."""

    q = forms.CharField(label=_("搜索"), required=False, max_length=50)
    end = forms.DateField(label=_("登记截止日期"), required=False, widget=DATE)
