"""职工培训 over the API (staff: token or staff session, scoped): bases, courses, classes and their sessions,
enrolments with hours and completion, attendance per session, and completion certificates.

Check-in at a session is the events API's (`events_checkins` on the session's `event_id`)."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Router, Status

from gonghui.common.api_fields import Text100, Year
from gonghui.common.paging import page_after
from gonghui.members.selectors import membership_get_for
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.roles import Perm
from gonghui.skills.certification.models import Occupation
from gonghui.skills.training import catalog, classes, completion, enrolment, selectors
from gonghui.skills.training.api_schemas import (
    BaseIn,
    BaseOut,
    CertificatesIn,
    ClassDetailOut,
    ClassIn,
    ClassOut,
    ClassPage,
    CompletionOut,
    CourseIn,
    CourseOut,
    EnrolmentIn,
    EnrolmentOut,
    SessionAttendance,
    TrainingSessionIn,
    TrainingSessionOut,
)
from gonghui.skills.training.choices import BaseKind, ClassStatus
from gonghui.skills.training.models import Enrolment, TrainingClass
from gonghui.stations.selectors import stations_for

router = Router(tags=["training"])


@router.get("/training/bases", response=list[BaseOut], operation_id="training_bases_list")
def training_bases_list(request: HttpRequest, under: Text100 = "", kind: BaseKind | None = None) -> Any:
    org = org_selectors.org_pick_for(request.user, under) if under.strip() else None
    return list(selectors.bases_for(request.user, under=org, kind=kind or "")[:1000])


@router.post("/training/bases", response={201: BaseOut}, operation_id="training_bases_create")
def training_bases_create(request: HttpRequest, payload: BaseIn) -> Status:
    org = org_selectors.org_pick_for(request.user, payload.org_code, Perm.ORG_EDIT)
    station = enterprise = None
    if payload.station_id is not None:
        station = stations_for(request.user, active=True).filter(pk=payload.station_id).first()
        if station is None:
            raise ValidationError({"station_id": _("找不到该阵地，或它不在您的管理范围内。")})
    if payload.enterprise_uscc.strip():
        enterprise = org_selectors.enterprise_in_scope(
            request.user, payload.enterprise_uscc, org, Perm.ORG_EDIT, field="enterprise_uscc"
        )
    data = catalog.BaseFields(
        kind=payload.kind, name=payload.name, station=station, enterprise=enterprise, address=payload.address
    )
    return Status(201, catalog.base_create(actor=request.user, org=org, data=data))  # type: ignore[arg-type]


@router.get("/training/courses", response=list[CourseOut], operation_id="training_courses_list")
def training_courses_list(request: HttpRequest, under: Text100 = "") -> Any:
    org = org_selectors.org_pick_for(request.user, under) if under.strip() else None
    return list(selectors.courses_for(request.user, under=org)[:1000])


@router.post("/training/courses", response={201: CourseOut}, operation_id="training_courses_create")
def training_courses_create(request: HttpRequest, payload: CourseIn) -> Status:
    org = org_selectors.org_pick_for(request.user, payload.org_code, Perm.ORG_EDIT)
    occupation = None
    if payload.occupation_code.strip():
        occupation = Occupation.objects.filter(code=payload.occupation_code.strip()).first()
        if occupation is None:
            raise ValidationError({"occupation_code": _("找不到该职业（工种）编码。")})
    data = catalog.CourseFields(
        title=payload.title, hours=payload.hours, occupation=occupation, outline=payload.outline
    )
    return Status(201, catalog.course_create(actor=request.user, org=org, data=data))  # type: ignore[arg-type]


@router.get("/training/classes", response=ClassPage, operation_id="training_classes_list")
def training_classes_list(
    request: HttpRequest,
    under: Text100 = "",
    year: Year | None = None,
    status: ClassStatus | None = None,
    after: int | None = None,
) -> dict[str, Any]:
    """Classes run by unions in the caller's scope, newest first; `under` narrows to a union's subtree."""
    org = org_selectors.org_pick_for(request.user, under) if under.strip() else None
    qs = selectors.classes_for(request.user, under=org, year=year, status=status or "")
    items, next_after = page_after(qs, after=after)
    return {"items": items, "next_after": next_after}


@router.post("/training/classes", response={201: ClassOut}, operation_id="training_classes_create")
def training_classes_create(request: HttpRequest, payload: ClassIn) -> Status:
    org = org_selectors.org_pick_for(request.user, payload.org_code, Perm.ORG_EDIT)
    course = selectors.courses_usable_by(request.user).filter(pk=payload.course_id).first()
    base = selectors.bases_usable_by(request.user).filter(pk=payload.base_id).first()
    if course is None or base is None:
        raise ValidationError(_("找不到该课程或培训基地，或您无权使用。"))
    audience = org_selectors.org_pick_for(request.user, payload.audience_code) if payload.audience_code else None
    data = classes.ClassFields(
        course=course,
        base=base,
        title=payload.title,
        starts_on=payload.starts_on,
        ends_on=payload.ends_on,
        capacity=payload.capacity,
        description=payload.description,
        audience_org=audience,
        members_only=payload.members_only,
        completion_percent=payload.completion_percent,
    )
    return Status(201, classes.class_create(actor=request.user, org=org, data=data))  # type: ignore[arg-type]


@router.get("/training/classes/{int:pk}", response=ClassDetailOut, operation_id="training_classes_get")
def training_classes_get(request: HttpRequest, pk: int) -> TrainingClass:
    return selectors.class_get_for(request.user, pk)


@router.post("/training/classes/{int:pk}/publish", response=ClassOut, operation_id="training_classes_publish")
def training_classes_publish(request: HttpRequest, pk: int) -> TrainingClass:
    klass = selectors.class_get_for(request.user, pk, Perm.ORG_EDIT)
    return classes.class_publish(actor=request.user, klass=klass)  # type: ignore[arg-type]


@router.post(
    "/training/classes/{int:pk}/sessions", response={201: TrainingSessionOut}, operation_id="training_sessions_create"
)
def training_sessions_create(request: HttpRequest, pk: int, payload: TrainingSessionIn) -> Status:
    """Add a session (the class's period holds it); in a published class every trainee is signed up for it."""
    klass = selectors.class_get_for(request.user, pk, Perm.ORG_EDIT)
    data = classes.SessionFields(
        starts_at=payload.starts_at,
        ends_at=payload.ends_at,
        hours=payload.hours,
        teacher=payload.teacher,
        topic=payload.topic,
    )
    return Status(201, classes.session_add(actor=request.user, klass=klass, data=data))  # type: ignore[arg-type]


def _enrolment_rows(klass: TrainingClass) -> list[dict[str, Any]]:
    hours = completion.hours_by_person(klass)
    needed = completion.required_hours(klass)
    done = {c.person_id: c.certificate.number for c in klass.completions.select_related("certificate")}
    return [
        {
            "id": e.pk,
            "name": e.person.name,
            "org": e.org.code if e.org else None,
            "status": e.status,
            "hours": hours.get(e.person_id, completion.ZERO),
            "completed": e.person_id in done or (needed > 0 and hours.get(e.person_id, completion.ZERO) >= needed),
            "certificate": done.get(e.person_id),
        }
        for e in selectors.roster(klass)[:5000]
    ]


@router.get(
    "/training/classes/{int:pk}/enrolments", response=list[EnrolmentOut], operation_id="training_enrolments_list"
)
def training_enrolments_list(request: HttpRequest, pk: int) -> list[dict[str, Any]]:
    """The class's trainees with their hours, whether they met the completion rule, and their certificate."""
    return _enrolment_rows(selectors.class_get_for(request.user, pk))


@router.post(
    "/training/classes/{int:pk}/enrolments", response={201: EnrolmentOut}, operation_id="training_enrolments_create"
)
def training_enrolments_create(request: HttpRequest, pk: int, payload: EnrolmentIn) -> Status:
    """A cadre enrols a member of a union in their scope (who sees it in 我的培训)."""
    membership = membership_get_for(request.user, payload.membership_id, Perm.ORG_EDIT)
    klass = selectors.public_class_get(pk)
    made = enrolment.enrol(klass=klass, person=membership.person, actor=request.user)  # type: ignore[arg-type]
    row = next(r for r in _enrolment_rows(klass) if r["id"] == made.pk)
    return Status(201, row)


@router.get(
    "/training/classes/{int:pk}/attendance", response=list[SessionAttendance], operation_id="training_attendance"
)
def training_attendance(request: HttpRequest, pk: int) -> list[dict[str, Any]]:
    klass = selectors.class_get_for(request.user, pk)
    return [
        {
            "session_id": s.pk,
            "event_id": s.event_id,
            "starts_at": s.event.starts_at,
            "hours": s.hours,
            "signed_up": s.event.held,
            "came": s.came,  # type: ignore[attr-defined]
        }
        for s in selectors.sessions_of(klass)
    ]


@router.post(
    "/training/classes/{int:pk}/certificates",
    response={201: list[CompletionOut]},
    operation_id="training_certificates_issue",
)
def training_certificates_issue(request: HttpRequest, pk: int, payload: CertificatesIn) -> Status:
    """Issue completion certificates to the given trainees (each must have met the rule and hold none), or
    to every trainee who met it and holds none; 422 with the reasons, and nothing issued, otherwise."""
    klass = selectors.class_get_for(request.user, pk, Perm.ORG_EDIT)
    people = None
    if payload.enrolment_ids:
        chosen = Enrolment.objects.filter(klass=klass, pk__in=payload.enrolment_ids).select_related("person")
        people = [e.person for e in chosen]
        if len(people) != len(set(payload.enrolment_ids)):
            raise ValidationError(_("有学员不在本培训班。"))
    made = completion.certificates_grant(actor=request.user, klass=klass, people=people)  # type: ignore[arg-type]
    rows = [{"enrolment_name": c.person.name, "hours": c.hours, "certificate": c.certificate.number} for c in made]
    return Status(201, rows)
