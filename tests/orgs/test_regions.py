import pytest

from gonghui.orgs.models import Region
from gonghui.orgs.regions import full_name


@pytest.mark.parametrize(
    ("code", "name"),
    [
        ("320904", "江苏省 盐城市 大丰区"),
        ("370400", "山东省 枣庄市"),
        ("110105", "北京市 朝阳区"),
        ("330382", "浙江省 温州市 乐清市"),
    ],
)
def test_full_names(code: str, name: str) -> None:
    assert full_name(code) == name


@pytest.mark.django_db
def test_all_gbt2260_regions_are_loaded() -> None:
    assert Region.objects.count() == 3511
    assert Region.objects.get(code="611023").name == "商南县"
