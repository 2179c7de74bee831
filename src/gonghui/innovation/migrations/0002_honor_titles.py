"""The common honor titles (a federation adds its own, e.g. a city's 工匠, in the workbench)."""

from django.db import migrations

# code, name, level, nominee kind, model worker, craftsman
TITLES = [
    ("national-model-worker", "全国劳动模范", "national", "person", True, False),
    ("national-may-day-medal", "全国五一劳动奖章", "national", "person", False, False),
    ("national-may-day-award", "全国五一劳动奖状", "national", "organisation", False, False),
    ("national-pioneer", "全国工人先锋号", "national", "team", False, False),
    ("provincial-model-worker", "省劳动模范", "provincial", "person", True, False),
    ("provincial-may-day-medal", "省五一劳动奖章", "provincial", "person", False, False),
    ("provincial-may-day-award", "省五一劳动奖状", "provincial", "organisation", False, False),
    ("provincial-pioneer", "省工人先锋号", "provincial", "team", False, False),
    ("taishan-craftsman", "泰山工匠", "provincial", "person", False, True),
    ("city-model-worker", "市劳动模范", "city", "person", True, False),
    ("city-may-day-medal", "市五一劳动奖章", "city", "person", False, False),
    ("city-may-day-award", "市五一劳动奖状", "city", "organisation", False, False),
    ("city-pioneer", "市工人先锋号", "city", "team", False, False),
    ("city-craftsman", "市级工匠", "city", "person", False, True),
    ("city-technical-expert", "技术能手", "city", "person", False, True),
    ("most-beautiful-worker", "最美职工", "city", "person", False, False),
    ("advanced-collective", "先进集体", "city", "team", False, False),
    ("county-model-worker", "县劳动模范", "county", "person", True, False),
    ("county-craftsman", "县级工匠", "county", "person", False, True),
    ("gold-medal-employee", "金牌员工", "enterprise", "person", False, False),
]


def add(apps, schema_editor):
    HonorTitle = apps.get_model("innovation", "HonorTitle")
    for sort, (code, name, level, kind, model_worker, craftsman) in enumerate(TITLES):
        HonorTitle.objects.update_or_create(
            code=code,
            defaults={
                "name": name,
                "level": level,
                "nominee_kind": kind,
                "is_model_worker": model_worker,
                "is_craftsman": craftsman,
                "sort": sort,
            },
        )


def remove(apps, schema_editor):
    apps.get_model("innovation", "HonorTitle").objects.filter(code__in=[t[0] for t in TITLES]).delete()


class Migration(migrations.Migration):
    dependencies = [("innovation", "0001_initial")]

    operations = [migrations.RunPython(add, remove)]
