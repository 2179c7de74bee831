"""Production settings: `manage.py check --deploy` is clean, and unsafe configs refuse to start."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PROD_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "k3y-" + "9f8e7d6c5b4a" * 5,
    "ALLOWED_HOSTS": "gonghui.example.cn",
    "GONGHUI_PII_KEYS": "1:MTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTE=",
    "GONGHUI_PII_HMAC_KEY": "aGhoaGhoaGhoaGhoaGhoaGhoaGhoaGhoaGhoaGhoaGg=",
    "DJANGO_SETTINGS_MODULE": "gonghui.settings",
    # Production runs Redis (README); the checks must be clean with it, as CI's PostgreSQL run has it set.
    "REDIS_URL": "redis://127.0.0.1:6379/15",
    "SMS_BACKEND": "tencent",
    "SMS_SIGN_NAME": "测试工会",
    "SMS_TEMPLATE_ID": "100001",
    "SMS_TENCENT_SECRET_ID": "AKID-test",
    "SMS_TENCENT_SECRET_KEY": "secret-test",
    "SMS_TENCENT_APP_ID": "1400000000",
}


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_SETTINGS_MODULE", "TASKS_BACKEND", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    return subprocess.run(  # noqa: S603 - our own manage.py with a fixed argument list
        [sys.executable, str(ROOT / "manage.py"), *args],
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_clean_under_production_settings() -> None:
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PROD_ENV)
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_refuses_to_start_without_pii_keys() -> None:
    env = {k: v for k, v in PROD_ENV.items() if not k.startswith("GONGHUI_PII")}
    result = manage("check", env=env)
    assert result.returncode != 0 and "GONGHUI_PII_KEYS" in result.stderr
