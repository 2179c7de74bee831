import pytest

from gonghui.common.search_keys import parse_query, search_keys


def test_traditional_and_simplified_give_the_same_keys() -> None:
    assert search_keys("劉保柱") == search_keys("刘保柱")
    keys = search_keys("劉保柱")
    assert (keys.simplified, keys.pinyin, keys.initials) == ("刘保柱", "liubaozhu", "lbz")


def test_union_names_with_digits_and_latin_letters() -> None:
    keys = search_keys("棗莊市鋰電產業工會")
    assert keys.simplified == "枣庄市锂电产业工会"
    assert keys.pinyin.startswith("zaozhuang")
    assert search_keys("5G工会小组").initials.startswith("5g")


@pytest.mark.parametrize(
    ("raw", "latin", "text"), [("LBZ", True, "lbz"), ("liu bao zhu", True, "liubaozhu"), ("劉保柱", False, "刘保柱")]
)
def test_query_parsing(raw: str, latin: bool, text: str) -> None:
    query = parse_query(raw)
    assert query is not None and (query.latin, query.text) == (latin, text)


def test_blank_query() -> None:
    assert parse_query("  ") is None
