"""The kinds, facilities and services the stories name; more are added in the Django admin."""

from django.db import migrations

KINDS = [
    ("home", "职工之家"),
    ("outdoor", "户外劳动者服务站（爱心驿站）"),
    ("carnation", "康乃馨服务站"),
    ("maternal", "母婴关爱室"),
    ("bookhouse", "职工书屋"),
    ("drivers", "司机之家"),
    ("mama", "工会妈妈小屋"),
    ("childcare", "托管驿站"),
    ("counselling", "心理咨询室"),
    ("legal", "法律维权服务站"),
    ("center", "职工服务中心"),
    ("teaching", "职工学校教学点"),
]
FACILITIES = [
    ("water", "饮水"),
    ("microwave", "微波炉"),
    ("charging", "充电"),
    ("toilet", "卫生间"),
    ("rest", "休息区"),
    ("parcel", "外卖放置区"),
    ("nursing", "母婴设施"),
    ("books", "图书"),
    ("first-aid", "急救药箱"),
    ("aircon", "空调"),
    ("wifi", "无线网络"),
]
SERVICES = [
    ("counselling", "心理咨询"),
    ("legal-aid", "法律援助"),
    ("childcare", "托管"),
    ("training", "技能培训"),
    ("joining", "入会服务"),
    ("hardship", "困难帮扶"),
    ("health", "健康义诊"),
    ("reading", "阅读分享"),
]


def seed(apps, schema_editor):
    for model, rows in (("StationKind", KINDS), ("Facility", FACILITIES), ("StationService", SERVICES)):
        table = apps.get_model("stations", model)
        for order, (code, name) in enumerate(rows):
            table.objects.get_or_create(code=code, defaults={"name": name, "order": (order + 1) * 10})


class Migration(migrations.Migration):
    dependencies = [("stations", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
