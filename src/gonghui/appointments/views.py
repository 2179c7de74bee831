"""Workbench pages of 预约服务: providers (register, edit, weekly rules, exceptions), the booking desk, the
counts per type and month (numbers only: a cadre never sees a note or who booked), holidays and the risk
contact, and the designated cadre's risk flags."""

from __future__ import annotations

import csv
import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.appointments import selectors, services
from gonghui.appointments.choices import ServiceKind
from gonghui.appointments.forms import (
    COUNTED,
    CountsForm,
    DeskForm,
    ExceptionForm,
    HolidayForm,
    ProviderEditForm,
    ProviderForm,
    RulesForm,
    SettingForm,
    parse_day,
)
from gonghui.appointments.models import Provider, ProviderException
from gonghui.appointments.slots import free_slots
from gonghui.common.access import staff_view
from gonghui.common.form_errors import apply_validation_error, flash_outcome, form_action
from gonghui.common.idcard import normalize_idcard
from gonghui.members.identity import document_hmac
from gonghui.members.models import Person
from gonghui.orgs.drilldown import kept
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org, org_from_form, under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can
from gonghui.stations.hours import Span as HoursSpan
from gonghui.stations.hours import format_span


@staff_view
def providers(request: HttpRequest) -> HttpResponse:
    under = under_org(request)
    kind = request.GET.get("kind", "")
    rows = list(
        selectors.providers_for(request.user, under=under, kind=kind if kind in ServiceKind.values else "")[:300]
    )
    return render(request, "appointments/providers.html", {"rows": rows, "under": under, "kinds": ServiceKind})


@staff_view
def provider_new(request: HttpRequest) -> HttpResponse:
    form = ProviderForm(request.POST or None, user=request.user, initial={"org": request.GET.get("org", "")})

    def create(org: OrgNode) -> Provider:
        return services.provider_register(actor=request.user, org=org, data=form.provider_fields())

    provider = act_in_org(request, form, "org", Perm.ORG_EDIT, create, refused=_("找不到该组织，或您无权登记。"))
    if provider is not None:
        messages.success(request, _("已登记服务人员，请设置每周可预约时间。"))
        return redirect("appointments:provider", pk=provider.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("登记服务人员")})


def _rules_initial(provider: Provider) -> dict[str, str]:
    week: dict[int, list[str]] = {}
    for rule in provider.rules.all():
        week.setdefault(rule.weekday, []).append(format_span(HoursSpan(rule.opens, rule.closes)))
    return {f"day_{n}": ", ".join(spans) for n, spans in week.items()}


@staff_view
def provider_detail(request: HttpRequest, pk: int) -> HttpResponse:
    provider = selectors.provider_get_for(request.user, pk)
    can_edit = can(request.user, Perm.ORG_EDIT, provider.org)
    year = timezone.localdate().year
    context: dict[str, Any] = {
        "provider": provider,
        "can_edit": can_edit,
        "edit_form": ProviderEditForm(initial=ProviderEditForm.initial_of(provider), user=request.user)
        if can_edit
        else None,
        "rules_form": RulesForm(initial=_rules_initial(provider)),
        "rules": list(provider.rules.all()),
        "exceptions": list(provider.exceptions.filter(date__gte=timezone.localdate())[:60]),
        "exception_form": ExceptionForm(),
        "year": year,
        "months": selectors.provider_month_counts(provider, year),
        "slots": free_slots(provider, days=7)[:40],
    }
    return render(request, "appointments/provider.html", context)


@staff_view
@require_POST
def provider_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    provider = selectors.provider_get_for(request.user, pk, Perm.ORG_EDIT)
    if action == "edit":
        form = ProviderEditForm(request.POST, user=request.user)

        def edit(d: dict[str, Any]) -> str:
            services.provider_update(actor=request.user, provider=provider, data=form.provider_fields())
            return _("已保存。")

        form_action(request, form, edit)
    elif action == "rules":
        rules = RulesForm(request.POST)

        def set_rules(d: dict[str, Any]) -> str:
            services.rules_set(actor=request.user, provider=provider, week=rules.week())
            return _("已保存每周可预约时间。")

        form_action(request, rules, set_rules)
    elif action == "exception":

        def add(d: dict[str, Any]) -> str:
            services.exception_set(
                actor=request.user, provider=provider, date=d["date"], hours=d["hours"], note=d["note"]
            )
            return _("已保存例外日期。")

        form_action(request, ExceptionForm(request.POST), add)
    elif action == "exception_delete":
        exception = ProviderException.objects.filter(provider=provider, pk=request.POST.get("exception") or 0).first()
        if exception is None:
            raise Http404

        def delete() -> str:
            services.exception_delete(actor=request.user, exception=exception)
            return _("已删除例外日期。")

        flash_outcome(request, delete)
    else:
        raise Http404
    return redirect("appointments:provider", pk=pk)


def _member_for_desk(id_number: str) -> Person:
    try:
        number = normalize_idcard(id_number)
    except ValidationError:
        number = id_number.strip().upper()
    person = Person.objects.filter(id_hmac=document_hmac(number)).first()
    if person is None:
        raise ValidationError({"id_number": _("找不到该会员，请核对身份证号码。")})
    return person


@staff_view
def desk(request: HttpRequest) -> HttpResponse:
    """预约台: choose a provider and a day, see the free slots, book one for a member (by ID number)."""
    choices = list(selectors.providers_for(request.user).filter(is_active=True)[:300])
    provider = None
    if request.GET.get("provider", "").isdigit():
        provider = selectors.provider_get_for(request.user, int(request.GET["provider"]))
    day = parse_day(request.GET.get("date"))
    form = DeskForm(request.POST or None)
    if request.method == "POST" and provider is not None and form.is_valid():
        d = form.cleaned_data
        try:
            person = _member_for_desk(d["id_number"])
            appointment = services.appointment_book(
                actor=request.user,
                provider=provider,
                person=person,
                starts_at=d["starts_at"],
                mode=d["mode"],
                by_desk=True,
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        except (Http404, PermissionDenied):
            form.add_error("id_number", _("该会员不在您的管理范围内，不能代为预约。"))
        else:
            start = timezone.localtime(appointment.starts_at)
            messages.success(
                request,
                _("已为会员预约 %(p)s %(at)s，会员将在“我的”看到，并收到短信提醒。")
                % {"p": provider.name, "at": f"{start:%m-%d %H:%M}"},
            )
            return redirect(f"{request.path}?provider={provider.pk}&date={day.isoformat()}")
    slots = free_slots(provider, first=day, days=7) if provider is not None else []
    context = {
        "choices": choices,
        "provider": provider,
        "day": day,
        "slots": slots,
        "form": form,
        "next_week": day + dt.timedelta(days=7),
    }
    return render(request, "appointments/desk.html", context)


def _counts_drill(request: HttpRequest) -> str:
    """The page's own parameters without `under`: a union's row links to its counts for the same days."""
    query = request.GET.copy()
    query.pop("under", None)
    return query.urlencode()


@staff_view
def counts(request: HttpRequest) -> HttpResponse:
    """Counts per service kind and month, and per provider's union (numbers only: never a note or who saw
    whom). A figure's drill-down narrows them to a union's subtree (?under=), the days the appointments start
    (start, end), a kind; the total (id="found") counts what the figure counts (status)."""
    under = under_org(request)
    form = CountsForm(request.GET)
    context: dict[str, Any] = {"under": under, "form": form, "kept": kept(request, "under"), "table": []}
    if form.is_valid():  # input in error counts nothing, never the whole scope; the form says why
        q = form.query()
        table = selectors.counts_by_kind_and_month(request.user, start=q.start, end=q.end, under=under, kind=q.kind)
        context |= {
            "q": q,
            "table": table,
            "total": selectors.counted(table, q.counted),
            "what": dict(COUNTED)[q.counted],
            "by_union": selectors.counts_by_union(request.user, start=q.start, end=q.end, under=under, kind=q.kind),
            "drill": _counts_drill(request),
            "query": request.GET.urlencode(),
        }
    return render(request, "appointments/counts.html", context)


@staff_view
def counts_export(request: HttpRequest) -> HttpResponse:
    """The counts as CSV, for the same days, union and kind as the page: the same numbers, never a name or a
    note. Input in error exports the header only."""
    under = under_org(request)
    form = CountsForm(request.GET)
    q = form.query() if form.is_valid() else None
    name = "appointments" if q is None else f"appointments-{q.start:%Y%m%d}-{q.end:%Y%m%d}"
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    response.write("\ufeff")  # Excel opens UTF-8 with a BOM
    writer = csv.writer(response)
    writer.writerow([_("服务类型"), _("月份"), _("已预约"), _("已完成"), _("未到场"), _("已取消")])
    table = (
        []
        if q is None
        else selectors.counts_by_kind_and_month(request.user, start=q.start, end=q.end, under=under, kind=q.kind)
    )
    for kind in table:
        for m in kind.months:
            writer.writerow([kind.label, f"{m.year}-{m.month:02d}", m.booked, m.done, m.no_show, m.cancelled])
    return response


@staff_view
def settings_page(request: HttpRequest) -> HttpResponse:
    context = {
        "holidays": list(selectors.holidays_for(request.user)),
        "settings": list(selectors.settings_for(request.user)),
        "holiday_form": HolidayForm(),
        "setting_form": SettingForm(),
    }
    return render(request, "appointments/settings.html", context)


@staff_view
@require_POST
def settings_act(request: HttpRequest, action: str) -> HttpResponse:
    if action == "holiday":

        def add(d: dict[str, Any]) -> str:
            org = _org(request, d["org"])
            services.holiday_set(actor=request.user, org=org, date=d["date"], name=d["name"])
            return _("已保存节假日。")

        form_action(request, HolidayForm(request.POST), add)
    elif action == "holiday_delete":
        holiday = selectors.holiday_get_for(request.user, int(request.POST.get("holiday") or 0), Perm.ORG_EDIT)

        def delete() -> str:
            services.holiday_delete(actor=request.user, holiday=holiday)
            return _("已删除节假日。")

        flash_outcome(request, delete)
    elif action == "contact":

        def contact(d: dict[str, Any]) -> str:
            org = _org(request, d["org"])
            user = None
            if d["risk_contact"].strip():
                user = get_user_model().objects.filter(username=d["risk_contact"].strip()).first()
                if user is None:
                    raise ValidationError(_("找不到该用户名。"))
            services.setting_set(actor=request.user, org=org, risk_contact=user, alert_mobile=d["alert_mobile"])
            return _("已保存风险提示联系人。")

        form_action(request, SettingForm(request.POST), contact)
    else:
        raise Http404
    return redirect("appointments:settings")


def _org(request: HttpRequest, text: str) -> OrgNode:
    try:
        return org_from_form(request, text, Perm.ORG_EDIT)
    except (Http404, PermissionDenied):
        raise ValidationError(_("找不到该组织，或您无权设置。")) from None


@staff_view
def risk_flags(request: HttpRequest) -> HttpResponse:
    rows = list(selectors.risk_flags_for(request.user)[:200])
    return render(request, "appointments/risk_flags.html", {"rows": rows})


@staff_view
@require_POST
def risk_ack(request: HttpRequest, pk: int) -> HttpResponse:
    flag = selectors.risk_flag_get_for(request.user, pk)

    def ack() -> str:
        services.risk_flag_acknowledge(actor=request.user, flag=flag)
        return _("已记录为已处理。")

    flash_outcome(request, ack)
    return redirect("appointments:risk_flags")
