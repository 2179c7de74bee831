"""Prefix indexes for name search on PostgreSQL (LIKE 'x%' needs varchar_pattern_ops under non-C collations).

SQLite gets no extra index: at the sizes SQLite serves, a scan is fast enough.
"""

from django.db import migrations

COLUMNS = ("name_simplified", "name_pinyin", "name_initials")


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for column in COLUMNS:
            schema_editor.execute(
                f"CREATE INDEX IF NOT EXISTS members_person_{column}_prefix "
                f"ON members_person ({column} varchar_pattern_ops)"
            )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for column in COLUMNS:
            schema_editor.execute(f"DROP INDEX IF EXISTS members_person_{column}_prefix")


class Migration(migrations.Migration):
    dependencies = [("members", "0001_initial")]

    operations = [migrations.RunPython(create, drop)]
