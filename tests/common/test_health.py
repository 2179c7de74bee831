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


def test_chinese_is_served_whatever_the_browser_asks_until_the_user_switches(db: None) -> None:
    client = Client()
    page = client.get("/accounts/login/", headers={"Accept-Language": "en-US,en;q=0.9"})
    assert "工会智慧平台" in page.content.decode() and page["Content-Language"] == "zh-hans"
    client.post("/i18n/setlang/", {"language": "en", "next": "/accounts/login/"})
    page = client.get("/accounts/login/")
    assert "Smart Trade Union Platform" in page.content.decode() and page["Content-Language"] == "en"
