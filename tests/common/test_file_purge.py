"""Uploads and results holding personal data are deleted once no job needs them; a rerun deletes no more."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client
from django.utils import timezone

from gonghui.common.file_purge import files_purge
from gonghui.common.models import Job, JobStatus
from tests.world import World

LATER = dt.timedelta(hours=25)


@pytest.fixture(autouse=True)
def _own_media_root(settings: Any, tmp_path: Path) -> None:
    """Other tests leave uploads in the session's media folder: count only this test's files."""
    settings.MEDIA_ROOT = str(tmp_path)


def _upload(name: str) -> str:
    return default_storage.save(f"imports/{name}", ContentFile(b"name,id\n"))


def _job(path: str, *, dry_run: bool, status: str, confirmed: bool = False, **extra: object) -> Job:
    result = {"confirmed_by": 1} if confirmed else {}
    return Job.objects.create(
        kind="members.import", params={"path": path, "dry_run": dry_run}, status=status, result=result, **extra
    )


@pytest.mark.django_db
def test_an_upload_stays_while_a_job_needs_it_and_goes_after() -> None:
    waiting = _upload("waiting.csv")
    _job(waiting, dry_run=True, status=JobStatus.SUCCEEDED)  # a dry run awaiting the cadre's confirmation
    committed = _upload("committed.csv")
    _job(committed, dry_run=True, status=JobStatus.SUCCEEDED, confirmed=True)
    _job(committed, dry_run=False, status=JobStatus.SUCCEEDED)
    failed = _upload("failed.csv")
    _job(failed, dry_run=True, status=JobStatus.FAILED)
    running = _upload("running.csv")
    _job(running, dry_run=False, status=JobStatus.RUNNING)
    orphan = _upload("orphan.csv")
    purged = files_purge()
    assert purged.uploads == 2
    assert [default_storage.exists(p) for p in (waiting, committed, failed, running, orphan)] == [
        True, False, False, True, True,
    ]  # fmt: skip
    # A day later the unconfirmed dry run's file and the orphan go; the running job's stays.
    assert files_purge(timezone.now() + LATER).uploads == 2
    assert default_storage.exists(running) and not default_storage.exists(waiting)
    assert files_purge(timezone.now() + LATER).uploads == 0  # a rerun deletes nothing more


def test_result_files_go_a_day_after_the_job_and_the_page_says_when(world: World) -> None:
    world.job.finished_at = timezone.now()
    world.job.save(update_fields=["finished_at"])
    client = Client()
    client.force_login(world.users["owner"])
    page = client.get(f"/jobs/{world.job.pk}/").content.decode()
    assert "自动删除" in page
    name = world.job.result_file.name
    assert files_purge().results == 0 and default_storage.exists(name)
    assert files_purge(timezone.now() + LATER).results == 1
    world.job.refresh_from_db()
    assert not world.job.result_file and not default_storage.exists(name)
    assert "已按保存期限删除" in client.get(f"/jobs/{world.job.pk}/").content.decode()
    assert client.get(f"/jobs/{world.job.pk}/download/").status_code == 404
