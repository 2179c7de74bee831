from typing import Any

from django.db import connection
from django.test import Client

from gonghui.common.workers import heartbeat


def test_healthz_names_the_database_and_the_worker(db: None, settings: Any) -> None:
    settings.TASKS_BACKEND = "db"
    body = Client().get("/healthz").json()
    assert body["status"] == "ok"
    assert body["database"] == {"engine": connection.vendor, "ok": True}
    assert body["jobs"] == {"backend": "db", "worker_alive": False}
    heartbeat("test-worker")
    assert Client().get("/healthz").json()["jobs"]["worker_alive"] is True
