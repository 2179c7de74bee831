"""Load the GB/T 2260 regions.

Region data: orgs/data/regions_gb2260.csv (3,511 divisions with coordinates),
taken from the MIT-licensed `cpca` 0.5.5 package's adcodes table.
(PostgreSQL prefix queries on the tree path use the varchar_pattern_ops index
Django creates for the unique `path` column.)
"""

from django.db import migrations

from gonghui.orgs.regions import load_regions as load_region_rows


def load_regions(apps, schema_editor):
    load_region_rows(apps.get_model("orgs", "Region"))



class Migration(migrations.Migration):
    dependencies = [("orgs", "0001_initial")]

    operations = [
        migrations.RunPython(load_regions, migrations.RunPython.noop),
    ]
