"""劳动关系预警 and 法治体检 over the API, for the rights staff (token or staff session), scoped as the pages:
levels, warnings (list, get, actions, assign, close), indicator entries and check-ups. A warning's or a
check-up's answer is an audited read (rights.base.access.case_read)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from gonghui.common.api_fields import Text30, Text100, Text200, Text500, Year
from gonghui.orgs import selectors as org_selectors
from gonghui.rights.base.access import case_read
from gonghui.rights.earlywarning import checkups, entries, handling, selectors
from gonghui.rights.earlywarning.choices import EnteredKind, WarningLevel, WarningStatus
from gonghui.rights.earlywarning.models import Checkup, EarlyWarning, EnterpriseLevel, IndicatorEntry
from gonghui.rights.earlywarning.viewing import me

router = Router(tags=["earlywarning"])
LIMIT = 500


class LevelOut(Schema):
    enterprise_id: int
    enterprise: str
    union: str
    score: Decimal
    level: WarningLevel
    values: dict[str, str]
    level_since: dt.datetime
    computed_at: dt.datetime

    @staticmethod
    def resolve_enterprise(obj: EnterpriseLevel) -> str:
        return obj.enterprise.name

    @staticmethod
    def resolve_union(obj: EnterpriseLevel) -> str:
        return obj.org.code


class ActionOut(Schema):
    on: dt.date
    note: str
    by: str

    @staticmethod
    def resolve_by(obj: Any) -> str:
        return str(obj.by.display_name or obj.by.username)


class WarningOut(Schema):
    id: int
    enterprise_id: int
    enterprise: str
    union: str
    level: WarningLevel
    score: Decimal
    status: WarningStatus
    opened_at: dt.datetime
    assignee: str = ""
    closed_at: dt.datetime | None = None
    closing_note: str = ""

    @staticmethod
    def resolve_enterprise(obj: EarlyWarning) -> str:
        return obj.enterprise.name

    @staticmethod
    def resolve_union(obj: EarlyWarning) -> str:
        return obj.org.code

    @staticmethod
    def resolve_assignee(obj: EarlyWarning) -> str:
        return (obj.assignee.display_name or obj.assignee.username) if obj.assignee else ""


class WarningDetailOut(WarningOut):
    actions: list[ActionOut]

    @staticmethod
    def resolve_actions(obj: EarlyWarning) -> list[Any]:
        return list(obj.actions.select_related("by"))


class ActionIn(Schema):
    on: dt.date
    note: Text500


class AssignIn(Schema):
    assignee_id: int


class WarningCloseIn(Schema):
    note: Text500 = ""


class IndicatorEntryIn(Schema):
    uscc: Text30
    kind: EnteredKind
    value: Decimal
    as_of: dt.date
    note: Text200 = ""


class IndicatorEntryOut(Schema):
    id: int
    enterprise_id: int
    kind: EnteredKind
    value: Decimal
    as_of: dt.date
    note: str


class CheckupIn(Schema):
    uscc: Text30
    visited_on: dt.date
    team: Text200
    summary: Text500 = ""


class CheckupOut(Schema):
    id: int
    enterprise_id: int
    enterprise: str
    union: str
    visited_on: dt.date
    team: str
    open_items: int = 0

    @staticmethod
    def resolve_enterprise(obj: Checkup) -> str:
        return obj.enterprise.name

    @staticmethod
    def resolve_union(obj: Checkup) -> str:
        return obj.org.code

    @staticmethod
    def resolve_open_items(obj: Checkup) -> int:
        return int(getattr(obj, "n_open", 0))


class FindingOut(Schema):
    item: str
    result: str
    note: str


class RectificationOut(Schema):
    id: int
    item: str
    requirement: str
    deadline: dt.date
    status: str
    closed_on: dt.date | None = None

    @staticmethod
    def resolve_item(obj: Any) -> str:
        return str(obj.finding.item)


class CheckupDetailOut(CheckupOut):
    summary: str
    findings: list[FindingOut]
    rectifications: list[RectificationOut]

    @staticmethod
    def resolve_findings(obj: Checkup) -> list[Any]:
        return list(obj.findings.all())

    @staticmethod
    def resolve_rectifications(obj: Checkup) -> list[Any]:
        return list(obj.rectifications.select_related("finding"))


def _enterprise(request: HttpRequest, uscc: str) -> Any:
    """The enterprise by code in the caller's rights scope; 404 (as for any record out of scope) otherwise."""
    try:
        return selectors.enterprise_for_rights(me(request), uscc=uscc, field="uscc")
    except ValidationError:
        raise Http404 from None


def _under(request: HttpRequest, under: str) -> Any:
    return org_selectors.org_pick_for(request.user, under) if under.strip() else None


@router.get("/earlywarning/levels", response=list[LevelOut], operation_id="earlywarning_levels_list")
def earlywarning_levels_list(request: HttpRequest, under: Text100 = "", level: WarningLevel | None = None) -> Any:
    """Enterprises' scores and levels as the last recompute found them, highest score first."""
    return list(selectors.levels_for(me(request), under=_under(request, under), level=level or "")[:LIMIT])


@router.get("/earlywarning/warnings", response=list[WarningOut], operation_id="earlywarning_warnings_list")
def earlywarning_warnings_list(
    request: HttpRequest, under: Text100 = "", status: WarningStatus | None = None, level: WarningLevel | None = None
) -> Any:
    qs = selectors.warnings_for(me(request), under=_under(request, under), status=status or "", level=level or "")
    return list(qs[:LIMIT])


@router.get("/earlywarning/warnings/{int:pk}", response=WarningDetailOut, operation_id="earlywarning_warning_get")
def earlywarning_warning_get(request: HttpRequest, pk: int) -> EarlyWarning:
    warning = selectors.warning_get_for(me(request), pk)
    case_read(me(request), warning, warning.org, request)
    return warning


@router.post(
    "/earlywarning/warnings/{int:pk}/actions", response={201: ActionOut}, operation_id="earlywarning_warning_act"
)
def earlywarning_warning_act(request: HttpRequest, pk: int, payload: ActionIn) -> Status:
    """Record an action taken on an open warning (dated, not in the future, not before the warning)."""
    warning = selectors.warning_get_for(me(request), pk)
    return Status(201, handling.warning_act(actor=me(request), warning=warning, on=payload.on, note=payload.note))


@router.post("/earlywarning/warnings/{int:pk}/assign", response=WarningOut, operation_id="earlywarning_warning_assign")
def earlywarning_warning_assign(request: HttpRequest, pk: int, payload: AssignIn) -> EarlyWarning:
    """Assign the warning to a staff user holding the rights role on its union or above."""
    warning = selectors.warning_get_for(me(request), pk)
    assignee = get_user_model().objects.filter(pk=payload.assignee_id).first()
    if assignee is None:
        raise ValidationError({"assignee": _("承办人须是该企业所属工会（或上级工会）的维权干部。")})
    return handling.warning_assign(actor=me(request), warning=warning, assignee=assignee)


@router.post("/earlywarning/warnings/{int:pk}/close", response=WarningOut, operation_id="earlywarning_warning_close")
def earlywarning_warning_close(request: HttpRequest, pk: int, payload: WarningCloseIn) -> EarlyWarning:
    """Close a warning; 422 while it has no recorded action."""
    warning = selectors.warning_get_for(me(request), pk)
    return handling.warning_close(actor=me(request), warning=warning, note=payload.note)


@router.get("/earlywarning/entries", response=list[IndicatorEntryOut], operation_id="earlywarning_entries_list")
def earlywarning_entries_list(request: HttpRequest, under: Text100 = "", kind: EnteredKind | None = None) -> Any:
    return list(selectors.entries_for(me(request), under=_under(request, under), kind=kind or "")[:LIMIT])


@router.post("/earlywarning/entries", response={201: IndicatorEntryOut}, operation_id="earlywarning_entry_create")
def earlywarning_entry_create(request: HttpRequest, payload: IndicatorEntryIn) -> Status:
    """Enter an indicator of an enterprise in the caller's rights scope (by its 统一社会信用代码; 404 for one
    outside it); 422 with a Chinese reason for a negative value, a future date or an unknown kind."""
    enterprise = _enterprise(request, payload.uscc)
    entry: IndicatorEntry = entries.indicator_enter(
        actor=me(request), enterprise=enterprise, kind=payload.kind, value=payload.value, as_of=payload.as_of,
        note=payload.note,
    )  # fmt: skip
    return Status(201, entry)


@router.get("/earlywarning/checkups", response=list[CheckupOut], operation_id="earlywarning_checkups_list")
def earlywarning_checkups_list(request: HttpRequest, under: Text100 = "", year: Year | None = None) -> Any:
    return list(selectors.checkups_for(me(request), under=_under(request, under), year=year)[:LIMIT])


@router.get("/earlywarning/checkups/{int:pk}", response=CheckupDetailOut, operation_id="earlywarning_checkup_get")
def earlywarning_checkup_get(request: HttpRequest, pk: int) -> Checkup:
    checkup = selectors.checkup_get_for(me(request), pk)
    case_read(me(request), checkup, checkup.org, request)
    return checkup


@router.post("/earlywarning/checkups", response={201: CheckupDetailOut}, operation_id="earlywarning_checkup_create")
def earlywarning_checkup_create(request: HttpRequest, payload: CheckupIn) -> Status:
    """Register a 法治体检 visit (its findings are created from the checklist, to be recorded on the page)."""
    enterprise = _enterprise(request, payload.uscc)
    checkup = checkups.checkup_create(
        actor=me(request), enterprise=enterprise, visited_on=payload.visited_on, team=payload.team,
        summary=payload.summary,
    )  # fmt: skip
    return Status(201, checkup)
