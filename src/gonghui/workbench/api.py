"""Who am I, and background job progress, over the API."""

import datetime as dt
import uuid

from django.http import HttpRequest
from ninja import Router, Schema

from gonghui.common.jobs import job_retry
from gonghui.common.models import Job, JobStatus
from gonghui.orgs import selectors
from gonghui.orgs.roles import Role

router = Router(tags=["me"])


class RoleOut(Schema):
    org_code: str
    org_name: str
    role: Role


class MeOut(Schema):
    username: str
    display_name: str
    is_superuser: bool
    roles: list[RoleOut]


class JobOut(Schema):
    id: uuid.UUID
    kind: str
    status: JobStatus
    total: int
    done: int
    percent: int
    message: str
    error: str
    result: dict[str, object]
    created_at: dt.datetime
    finished_at: dt.datetime | None


@router.get("/me", response=MeOut, operation_id="me")
def me(request: HttpRequest) -> MeOut:
    user = request.user
    roles = [RoleOut(org_code=r.org.code, org_name=r.org.name, role=Role(r.role)) for r in selectors.my_roles(user)]
    return MeOut(
        username=user.get_username(),
        display_name=getattr(user, "display_name", ""),
        is_superuser=user.is_superuser,
        roles=roles,
    )


@router.get("/jobs/{job_id}", response=JobOut, operation_id="jobs_get", tags=["jobs"])
def jobs_get(request: HttpRequest, job_id: uuid.UUID) -> Job:
    return selectors.job_get_for(request.user, str(job_id))


@router.post("/jobs/{job_id}/retry", response=JobOut, operation_id="jobs_retry", tags=["jobs"])
def jobs_retry(request: HttpRequest, job_id: uuid.UUID) -> Job:
    """Run a failed job again (its starter only); an import's stored upload is reused while it is kept."""
    return job_retry(actor=request.user, job=selectors.job_get_for(request.user, str(job_id)))
