"""Workbench pages of 职工培训: bases and teaching points, courses, classes (sessions, roster with hours,
enrolment at the desk, completion certificates) and the breakdown of the figures."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import flash_outcome, form_action
from gonghui.common.paging import page_context
from gonghui.members.selectors import person_in_scope
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.models import OrgNode
from gonghui.orgs.org_field import act_in_org, org_named, under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can
from gonghui.orgs.staff_accounts import acting_user
from gonghui.skills.training import catalog, classes, completion, enrolment, selectors
from gonghui.skills.training.forms import BaseForm, ClassFilterForm, ClassForm, CourseForm, EnrolForm, SessionForm
from gonghui.skills.training.models import TrainingBase
from gonghui.skills.training.stats_page import stats_context


@staff_view
def bases(request: HttpRequest) -> HttpResponse:
    under = under_org(request)
    rows = list(selectors.bases_for(request.user, under=under)[:500])
    return render(request, "training/bases.html", {"rows": rows, "under": under})


@staff_view
def base_new(request: HttpRequest) -> HttpResponse:
    form = BaseForm(request.POST or None, user=request.user, initial={"org": request.GET.get("org", "")})

    def create(org: OrgNode) -> TrainingBase:
        d = form.cleaned_data
        enterprise = None
        if d["enterprise_uscc"].strip():
            enterprise = org_selectors.enterprise_in_scope(
                request.user, d["enterprise_uscc"], org, Perm.ORG_EDIT, field="enterprise_uscc"
            )
        data = catalog.BaseFields(
            kind=d["kind"], name=d["name"], station=d["station"], enterprise=enterprise, address=d["address"]
        )
        return catalog.base_create(actor=acting_user(request), org=org, data=data)

    base = act_in_org(request, form, "org", Perm.ORG_EDIT, create, refused=_("找不到该组织，或您无权登记。"))
    if base is not None:
        messages.success(request, _("已登记%(name)s。") % {"name": base.name})
        return redirect("training:bases")
    return render(request, "orgs/form.html", {"form": form, "title": _("登记培训基地或教学点")})


@staff_view
def courses(request: HttpRequest) -> HttpResponse:
    under = under_org(request)
    rows = list(selectors.courses_for(request.user, under=under)[:500])
    return render(request, "training/courses.html", {"rows": rows, "under": under})


@staff_view
def course_new(request: HttpRequest) -> HttpResponse:
    form = CourseForm(request.POST or None, initial={"org": request.GET.get("org", "")})

    def create(org: OrgNode) -> Any:
        d = form.cleaned_data
        data = catalog.CourseFields(
            title=d["title"], hours=d["hours"], occupation=d["occupation"], outline=d["outline"]
        )
        return catalog.course_create(actor=acting_user(request), org=org, data=data)

    course = act_in_org(request, form, "org", Perm.ORG_EDIT, create, refused=_("找不到该组织，或您无权开设课程。"))
    if course is not None:
        messages.success(request, _("已开设课程%(title)s。") % {"title": course.title})
        return redirect("training:courses")
    return render(request, "orgs/form.html", {"form": form, "title": _("开设培训课程")})


@staff_view
def class_list(request: HttpRequest) -> HttpResponse:
    form = ClassFilterForm(request.GET or None)
    d = form.cleaned_data if form.is_valid() else {}
    under = under_org(request)
    qs = selectors.classes_for(
        request.user, under=under, year=d.get("year"), status=d.get("status", ""), q=d.get("q", "")
    )
    return render(request, "training/classes.html", {**page_context(request, qs), "form": form, "under": under})


@staff_view
def class_new(request: HttpRequest) -> HttpResponse:
    form = ClassForm(request.POST or None, user=request.user, initial={"org": request.GET.get("org", "")})

    def create(org: OrgNode) -> Any:
        d = form.cleaned_data
        audience = org_named(request, d["audience_org"], "audience_org")
        data = classes.ClassFields(
            course=d["course"],
            base=d["base"],
            title=d["title"],
            starts_on=d["starts_on"],
            ends_on=d["ends_on"],
            capacity=d["capacity"],
            description=d["description"],
            audience_org=audience,
            members_only=d["members_only"],
            completion_percent=d["completion_percent"],
        )
        return classes.class_create(actor=acting_user(request), org=org, data=data)

    klass = act_in_org(request, form, "org", Perm.ORG_EDIT, create, refused=_("找不到该组织，或您无权开班。"))
    if klass is not None:
        messages.success(request, _("已创建培训班，请安排课次后发布。"))
        return redirect("training:class_detail", pk=klass.pk)
    return render(request, "orgs/form.html", {"form": form, "title": _("开设培训班")})


@staff_view
def class_detail(request: HttpRequest, pk: int) -> HttpResponse:
    klass = selectors.class_get_for(request.user, pk)
    total = completion.class_hours(klass)
    needed = completion.required_hours(klass, total)
    hours = completion.hours_by_person(klass)
    done = {c.person_id: c for c in klass.completions.select_related("certificate")}
    trainees = [
        (e, hours.get(e.person_id, completion.ZERO), done.get(e.person_id)) for e in selectors.roster(klass)[:500]
    ]
    context: dict[str, Any] = {
        "klass": klass,
        "sessions": list(selectors.sessions_of(klass)),
        "trainees": trainees,
        "total": total,
        "needed": needed,
        "rule": {"total": completion.hours_text(total), "needed": completion.hours_text(needed)},
        "ready": sum(1 for _e, h, c in trainees if c is None and total > 0 and h >= needed),
        "can_edit": can(request.user, Perm.ORG_EDIT, klass.org),
        "session_form": SessionForm(),
        "enrol_form": EnrolForm(),
        "now": timezone.now(),
    }
    return render(request, "training/class_detail.html", context)


@staff_view
@require_POST
def class_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    klass = selectors.class_get_for(request.user, pk, Perm.ORG_EDIT)
    actor = acting_user(request)
    if action == "publish":

        def publish() -> str:
            classes.class_publish(actor=actor, klass=klass)
            return _("培训班已发布，职工可在手机上报名。")

        flash_outcome(request, publish)
    elif action == "session":
        form = SessionForm(request.POST)

        def add(d: dict[str, Any]) -> str:
            classes.session_add(actor=actor, klass=klass, data=form.session_fields())
            return _("已安排课次。")

        form_action(request, form, add)
    elif action == "enrol":

        def enrol(d: dict[str, Any]) -> str:
            person = person_in_scope(actor, d["id_number"], klass.org, Perm.ORG_EDIT)
            enrolment.enrol(klass=klass, person=person, actor=actor)
            return _("已为%(name)s报名。") % {"name": person.name}

        form_action(request, EnrolForm(request.POST), enrol)
    elif action == "certificates":

        def grant() -> str:
            made = completion.certificates_grant(actor=actor, klass=klass)
            return _("已为%(n)s名学员颁发结业证书。") % {"n": len(made)}

        flash_outcome(request, grant)
    else:
        raise Http404
    return redirect("training:class_detail", pk=klass.pk)


@staff_view
def stats(request: HttpRequest) -> HttpResponse:
    """The figures' drill-down: per union one level down (each with its subtree), per trade and per month."""
    return render(request, "training/stats.html", stats_context(request))
