"""The database table behind the "limits" cache when there is no Redis (settings.CACHES).

`createcachetable` is idempotent and skips caches that are not database caches, so `manage.py migrate`
alone prepares every deployment; there is nothing to reverse.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("common", "0001_initial")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop, elidable=False)]
