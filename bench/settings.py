"""Settings for the join load bench: the real app plus one bench-only view (a bare one-INSERT join)."""

from gonghui.settings import *  # noqa: F403

ROOT_URLCONF = "bench.join_urls"
