"""入会目标 is a JoinTarget: "campaign" now means only the 四季送 campaigns (ADR 0011)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("members", "0006_notices"), ("orgs", "0002_regions")]

    operations = [
        migrations.RenameModel("JoinCampaign", "JoinTarget"),
        migrations.RenameField("membership", "campaign", "join_target"),
        migrations.AlterField(
            model_name="jointarget",
            name="org",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="join_targets",
                to="orgs.orgnode",
                verbose_name="工会组织",
            ),
        ),
    ]
