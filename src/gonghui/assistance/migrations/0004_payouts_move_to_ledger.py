"""Payout belongs to the ledger app now (ADR 0012): gone from this app's state, the table stays for
ledger's 0001 to take over and rename."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("assistance", "0003_generated_upload_names"),
        ("campaigns", "0005_tallies_move_to_ledger"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(state_operations=[migrations.DeleteModel(name="Payout")], database_operations=[])
    ]
