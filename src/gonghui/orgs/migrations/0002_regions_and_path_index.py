"""Load GB/T 2260 regions and give PostgreSQL a prefix index on the tree path.

Region data: orgs/data/regions_gb2260.csv (3,511 divisions with coordinates),
taken from the MIT-licensed `cpca` 0.5.5 package's adcodes table.

`path LIKE 'prefix%'` can use a btree only with varchar_pattern_ops under a
non-C collation; SQLite needs no extra index at this size.
"""

from django.db import migrations

from gonghui.orgs.regions import load_regions as load_region_rows


def load_regions(apps, schema_editor):
    load_region_rows(apps.get_model("orgs", "Region"))


def path_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS orgs_orgnode_path_prefix ON orgs_orgnode (path varchar_pattern_ops)"
        )


def drop_path_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS orgs_orgnode_path_prefix")


class Migration(migrations.Migration):
    dependencies = [("orgs", "0001_initial")]

    operations = [
        migrations.RunPython(load_regions, migrations.RunPython.noop),
        migrations.RunPython(path_index, drop_path_index),
    ]
