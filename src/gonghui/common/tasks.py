"""Task entry points (Django tasks API). They only call services."""

from __future__ import annotations

from django_tasks import task

from gonghui.common.jobs import job_execute


@task()
def run_job(job_id: str) -> None:
    job_execute(job_id=job_id)
