"""Settings for the join load bench: the real app plus one bench-only view (a bare one-INSERT join)."""

import os

from gonghui.settings import *  # noqa: F403

# BENCH_RATELIMIT=0: the same app with django-ratelimit switched off, to show what the checks cost.
RATELIMIT_ENABLE = os.environ.get("BENCH_RATELIMIT", "1") == "1"

ROOT_URLCONF = "bench.join_urls"
