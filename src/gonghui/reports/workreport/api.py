"""The work report over the API (ADR 0019): write a union's report for a period from the live figures (each
number with its figure key), read it, edit a paragraph or go back to the generated text, and download it as
Word or PDF. Scoped: a union outside the caller's scope answers 404; writing needs Perm.ORG_EDIT there."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError
from pydantic import StringConstraints

from gonghui.common.api_fields import NoNul, Text20, Text100
from gonghui.common.paging import page_after
from gonghui.orgs import selectors as org_selectors
from gonghui.orgs.roles import Perm
from gonghui.orgs.staff_accounts import acting_user
from gonghui.reports.workreport import export, selectors, services
from gonghui.reports.workreport.models import Draft
from gonghui.rights.base.documents import DocumentError

router = Router(tags=["workreport"])
ParagraphText = Annotated[str, StringConstraints(max_length=services.MAX_TEXT), NoNul]


class WorkReportRunOut(Schema):
    text: str
    figure: str | None = None  # the key of the figure (or record) this run says, in `figures`


class WorkReportParagraphOut(Schema):
    id: str
    heading: str
    text: str
    runs: list[WorkReportRunOut]
    edited: bool
    generated_text: str
    gone: bool  # an edited paragraph the figures no longer give


class WorkReportFigureOut(Schema):
    key: str
    group: str
    label: str
    value: str
    unit: str
    definition: str
    url: str


class WorkReportOut(Schema):
    id: int
    org: str
    org_name: str
    period: str
    title: str
    paragraphs: list[WorkReportParagraphOut]
    figures: list[WorkReportFigureOut]
    generated_at: dt.datetime
    updated_at: dt.datetime


class WorkReportSummaryOut(Schema):
    id: int
    org: str
    org_name: str
    period: str
    title: str
    generated_at: dt.datetime
    updated_at: dt.datetime


class WorkReportPageOut(Schema):
    items: list[WorkReportSummaryOut]
    next_after: int | None


class WorkReportIn(Schema):
    org_code: Text100
    period: Text20  # 2026, 2026Q3, 2026-07 or 2026-ytd
    keep_edits: bool = True


class WorkReportEditIn(Schema):
    text: ParagraphText


def _summary(draft: Draft) -> dict[str, Any]:
    return {
        "id": draft.pk,
        "org": draft.org.code,
        "org_name": draft.org.name,
        "period": draft.period_key,
        "title": selectors.draft_title(draft),
        "generated_at": draft.generated_at,
        "updated_at": draft.updated_at,
    }


def _out(draft: Draft) -> dict[str, Any]:
    paragraphs = [
        {
            "id": p.id,
            "heading": p.heading,
            "text": p.text,
            "runs": [{"text": r["t"], "figure": r.get("k")} for r in p.runs],
            "edited": p.edited,
            "generated_text": p.generated,
            "gone": p.gone,
        }
        for p in selectors.draft_paragraphs(draft)
    ]
    figures = [s.__dict__ for s in selectors.draft_sources(draft)]
    return {**_summary(draft), "paragraphs": paragraphs, "figures": figures}


@router.get("/workreports", response=WorkReportPageOut, operation_id="workreport_list")
def workreport_list(request: HttpRequest, under: Text100 = "", after: int | None = None) -> dict[str, Any]:
    """The work reports of unions in the caller's scope, newest first (`under`: one union's subtree)."""
    org = org_selectors.org_pick_for(request.user, under) if under.strip() else None
    items, next_after = page_after(selectors.drafts_for(request.user, under=org), after=after)
    return {"items": [_summary(d) for d in items], "next_after": next_after}


@router.post("/workreports", response=WorkReportOut, operation_id="workreport_generate")
def workreport_generate(request: HttpRequest, payload: WorkReportIn) -> dict[str, Any]:
    """Write (or write again) the union's report for the period from the figures as they are now. One report
    per union and period; the cadre's edits stay unless `keep_edits` is false. A period in the future or before
    the union was set up is refused with the reason (422) and nothing changes."""
    org = org_selectors.org_pick_for(request.user, payload.org_code, Perm.ORG_EDIT)
    draft = services.draft_generate(
        actor=acting_user(request), org=org, period=payload.period, keep_edits=payload.keep_edits
    )
    return _out(draft)


@router.get("/workreports/{int:pk}", response=WorkReportOut, operation_id="workreport_get")
def workreport_get(request: HttpRequest, pk: int) -> dict[str, Any]:
    return _out(selectors.draft_get_for(request.user, pk))


@router.put("/workreports/{int:pk}/paragraphs/{pid}", response=WorkReportOut, operation_id="workreport_edit")
def workreport_edit(request: HttpRequest, pk: int, pid: Text100, payload: WorkReportEditIn) -> dict[str, Any]:
    """The cadre's own text for one paragraph (`title` for the report's title); kept when the report is
    written again."""
    draft = selectors.draft_get_for(request.user, pk, Perm.ORG_EDIT)
    return _out(services.draft_edit(actor=acting_user(request), draft=draft, paragraph_id=pid, text=payload.text))


@router.delete("/workreports/{int:pk}/paragraphs/{pid}", response=WorkReportOut, operation_id="workreport_revert")
def workreport_revert(request: HttpRequest, pk: int, pid: Text100) -> dict[str, Any]:
    """Back to the generated text for one paragraph."""
    draft = selectors.draft_get_for(request.user, pk, Perm.ORG_EDIT)
    return _out(services.draft_revert(actor=acting_user(request), draft=draft, paragraph_id=pid))


FILE_RESPONSES = {
    200: {
        "description": "工作报告文件",
        "content": {kind: {"schema": {"type": "string", "format": "binary"}} for kind in export.CONTENT_TYPES.values()},
    }
}


@router.get(
    "/workreports/{int:pk}/export", operation_id="workreport_export", openapi_extra={"responses": FILE_RESPONSES}
)
def workreport_export(request: HttpRequest, pk: int, format: Literal["docx", "pdf"] = "docx") -> HttpResponse:
    """The report as it reads (edits included) in Word (.docx) or PDF, its Chinese font embedded."""
    draft = selectors.draft_get_for(request.user, pk)
    try:
        data, content_type = export.draft_file(draft, format)
    except DocumentError as exc:
        raise HttpError(503, _("暂时无法生成文件，请联系系统管理员。")) from exc
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = export.content_disposition(draft, format)
    return response
