"""Files holding personal data live only as long as their job needs them.

An uploaded roster is kept while a job may still read it: until its import is committed, its dry run
failed, or it is UPLOAD_KEEP_HOURS old. A job's result file (exports, error reports) is kept
EXPORT_KEEP_HOURS after the job finished. The job worker runs the purge every hour (and
`manage.py purge_files` runs it once); running it twice deletes nothing more.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.files.storage import default_storage
from django.utils import timezone

from gonghui.common.models import Job, JobStatus

logger = logging.getLogger(__name__)
UPLOAD_DIRS = ("imports",)
LIVE = (JobStatus.QUEUED, JobStatus.RUNNING)


@dataclass(frozen=True)
class Purged:
    uploads: int
    results: int
    other: int = 0


# Other apps' clean-ups that run with the purge (e.g. expired phone codes); registered in AppConfig.ready().
OTHER_PURGES: list[Callable[[], int]] = []


def register_purge(purge: Callable[[], int]) -> None:
    if purge not in OTHER_PURGES:
        OTHER_PURGES.append(purge)


def _upload_still_needed(path: str, cutoff: dt.datetime) -> bool:
    jobs = list(Job.objects.filter(params__path=path).only("status", "params", "result", "created_at"))
    if any(job.status in LIVE for job in jobs):
        return True
    waiting = [
        job
        for job in jobs
        if job.params.get("dry_run") and job.status == JobStatus.SUCCEEDED and not job.result.get("confirmed_by")
    ]
    return any(job.created_at >= cutoff for job in waiting)


def _purge_uploads(now: dt.datetime) -> int:
    cutoff = now - dt.timedelta(hours=settings.UPLOAD_KEEP_HOURS)
    deleted = 0
    for folder in UPLOAD_DIRS:
        if not default_storage.exists(folder):
            continue
        for name in default_storage.listdir(folder)[1]:
            path = f"{folder}/{name}"
            fresh_orphan = default_storage.get_modified_time(path) >= cutoff
            has_job = Job.objects.filter(params__path=path).exists()
            if _upload_still_needed(path, cutoff) or (fresh_orphan and not has_job):
                continue
            default_storage.delete(path)
            deleted += 1
    return deleted


def _purge_results(now: dt.datetime) -> int:
    cutoff = now - dt.timedelta(hours=settings.EXPORT_KEEP_HOURS)
    deleted = 0
    for job in Job.objects.filter(finished_at__lt=cutoff).exclude(result_file=""):
        job.result_file.delete(save=False)
        Job.objects.filter(pk=job.pk).update(result_file="", result={**job.result, "file_purged_at": now.isoformat()})
        deleted += 1
    return deleted


def files_purge(now: dt.datetime | None = None) -> Purged:
    now = now or timezone.now()
    purged = Purged(
        uploads=_purge_uploads(now), results=_purge_results(now), other=sum(purge() for purge in OTHER_PURGES)
    )
    if purged.uploads or purged.results or purged.other:
        logger.info("purged %d uploads, %d result files, %d other rows", purged.uploads, purged.results, purged.other)
    return purged
