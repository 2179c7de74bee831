"""Tally and Reach belong to the ledger app now (ADR 0012): gone from this app's state, the tables stay
for ledger's 0001 to take over and rename."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("campaigns", "0004_standards")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(model_name="tally", name="campaign"),
                migrations.RemoveField(model_name="tally", name="org"),
                migrations.DeleteModel(name="Reach"),
                migrations.DeleteModel(name="Tally"),
            ],
            database_operations=[],
        )
    ]
