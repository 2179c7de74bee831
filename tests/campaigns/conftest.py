from tests.assistance.conftest import standard  # noqa: F401  (the 低保 table the rules classify against)
