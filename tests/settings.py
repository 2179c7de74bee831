"""Test settings: the real settings, with jobs run inline and fast password hashing."""

import os
import tempfile

os.environ.setdefault("TASKS_BACKEND", "immediate")

from gonghui.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="gonghui-test-media-")
# Fixed test keys (pytest runs with DEBUG=False, where keys must come from settings).
PII_KEYS = "2:MjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjIyMjI=,1:MTExMTExMTExMTExMTExMTExMTExMTExMTExMTExMTE="
PII_HMAC_KEY = "aGhoaGhoaGhoaGhoaGhoaGhoaGhoaGhoaGhoaGhoaGg="
INSTALLED_APPS = [*INSTALLED_APPS, "tests.piitest"]  # noqa: F405
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
LANGUAGE_CODE = "zh-hans"
# The live server for browser tests serves static files straight from the apps.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# The staff second factor has its own tests (tests/accounts/test_second_factor.py), which switch it on.
STAFF_SECOND_FACTOR = False
