"""A job whose worker died is marked failed with the reason, and its starter runs it again."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from gonghui.common.jobs import jobs_reap_dead
from gonghui.common.models import Job, JobStatus, WorkerHeartbeat
from gonghui.members.importer.jobs import import_upload
from gonghui.members.importer.pipeline import Mode
from tests.members.test_import import good_rows, roster
from tests.world import World


def _running(world: World, worker_id: str) -> Job:
    return Job.objects.create(
        kind="orgs.export_tree",
        org=world.union_a,
        created_by=world.users["owner"],
        status="running",
        worker_id=worker_id,
    )


def test_only_the_jobs_of_a_worker_that_stopped_beating_are_failed(world: World) -> None:
    WorkerHeartbeat.objects.create(worker_id="w-alive", seen_at=timezone.now(), hostname="h", pid=1)
    WorkerHeartbeat.objects.create(
        worker_id="w-gone", seen_at=timezone.now() - dt.timedelta(minutes=10), hostname="h", pid=2
    )
    alive, gone, vanished, inline = (_running(world, w) for w in ("w-alive", "w-gone", "w-vanished", ""))
    assert jobs_reap_dead() == 2
    statuses = {j: Job.objects.get(pk=j.pk).status for j in (alive, gone, vanished, inline)}
    assert statuses == {alive: "running", gone: "failed", vanished: "failed", inline: "running"}
    assert "后台进程已中断" in Job.objects.get(pk=gone.pk).error


def test_an_interrupted_dry_run_is_retried_without_uploading_again(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    upload = SimpleUploadedFile("花名册.xlsx", roster(good_rows()))
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        job = import_upload(actor=world.users["owner"], org=world.union_a, upload=upload, mode=Mode.ALL)
    Job.objects.filter(pk=job.pk).update(status=JobStatus.RUNNING, worker_id="w-crashed", done=40, total=100)
    owner = Client()
    owner.force_login(world.users["owner"])
    page = owner.get(f"/jobs/{job.pk}/").content.decode()  # nobody beats for w-crashed: the page tells
    assert "后台进程已中断" in page and "data-retry" in page
    same = Client()
    same.force_login(world.users["same"])
    assert same.post(f"/jobs/{job.pk}/retry/").status_code in (403, 404)  # only its starter
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        owner.post(f"/jobs/{job.pk}/retry/")
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED and job.attempts == 2 and job.result["importable"] == 3
    again = owner.post(f"/jobs/{job.pk}/retry/", follow=True).content.decode()
    assert "只有失败的任务可以重试" in again
