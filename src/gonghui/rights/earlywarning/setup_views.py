"""Workbench pages for what feeds the levels: the indicators cadres enter (裁员, 社保欠缴, 超时加班投诉), the
federations' schemes (weights and thresholds) and their added 法治体检 checklist items."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import apply_validation_error, flash_outcome
from gonghui.orgs.org_field import org_from_form, under_org
from gonghui.orgs.roles import Perm
from gonghui.rights.earlywarning import checkups, entries, selectors
from gonghui.rights.earlywarning.choices import EnteredKind, Indicator
from gonghui.rights.earlywarning.forms import ChecklistItemForm, EntryForm, SchemeForm
from gonghui.rights.earlywarning.scoring import DEFAULT
from gonghui.rights.earlywarning.viewing import me


@staff_view
def entry_list(request: HttpRequest) -> HttpResponse:
    under = under_org(request)
    form = EntryForm(request.POST or None, initial={"uscc": request.GET.get("uscc", "")})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            enterprise = selectors.enterprise_for_rights(me(request), uscc=d["uscc"], field="uscc")
            entries.indicator_enter(
                actor=me(request), enterprise=enterprise, kind=d["kind"], value=d["value"], as_of=d["as_of"],
                note=d["note"],
            )  # fmt: skip
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("已登记%(name)s的指标；下次计算预警等级时生效。") % {"name": enterprise.name})
            return redirect("earlywarning:entries")
    rows = list(selectors.entries_for(me(request), under=under)[:300])
    return render(
        request, "earlywarning/entries.html", {"form": form, "rows": rows, "under": under, "kinds": EnteredKind}
    )


def _org(request: HttpRequest, text: str) -> Any:
    try:
        return org_from_form(request, text, Perm.RIGHTS)
    except (Http404, PermissionDenied):
        raise ValidationError({"org": _("找不到该工会，或您在该工会没有维权工作权限。")}) from None


@staff_view
def schemes(request: HttpRequest) -> HttpResponse:
    scheme_form = SchemeForm(request.POST if request.POST.get("form") == "scheme" else None)
    item_form = ChecklistItemForm(request.POST if request.POST.get("form") == "item" else None)
    if request.method == "POST":
        form: Any = scheme_form if request.POST.get("form") == "scheme" else item_form
        if form.is_valid():
            d = form.cleaned_data
            try:
                org = _org(request, d["org"])
                if form is scheme_form:
                    entries.scheme_set(actor=me(request), org=org, data=d)
                    messages.success(
                        request, _("已保存%(org)s的预警方案；下次计算预警等级时生效。") % {"org": org.name}
                    )
                else:
                    checkups.checklist_item_add(actor=me(request), org=org, name=d["name"], sort=d["sort"])
                    messages.success(request, _("已添加体检项目。"))
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                return redirect("earlywarning:schemes")
    context = {
        "rows": list(selectors.schemes_for(me(request))[:200]),
        "items": list(selectors.checklist_items_for(me(request))[:200]),
        "scheme_form": scheme_form,
        "item_form": item_form,
        "default": DEFAULT,
        "indicators": [(k, Indicator(k).label, DEFAULT.weights[k]) for k in Indicator.values],
    }
    return render(request, "earlywarning/schemes.html", context)


@staff_view
@require_POST
def scheme_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    if action == "remove":
        scheme = selectors.scheme_get_for(me(request), pk)

        def remove() -> str:
            entries.scheme_remove(actor=me(request), scheme=scheme)
            return _("已删除该预警方案，其下企业改用上级工会的方案（或默认方案）。")

        flash_outcome(request, remove)
    elif action == "toggle_item":
        item = selectors.checklist_item_get_for(me(request), pk)

        def toggle() -> str:
            checkups.checklist_item_toggle(actor=me(request), item=item)
            return _("已启用该体检项目。") if item.is_active else _("已停用该体检项目（已做的体检不受影响）。")

        flash_outcome(request, toggle)
    else:
        raise Http404
    return redirect("earlywarning:schemes")
