"""The score against hand-computed fixtures, the thresholds and levels, and the nearest scheme up the tree."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from gonghui.rights.earlywarning.entries import scheme_set
from gonghui.rights.earlywarning.models import Scheme
from gonghui.rights.earlywarning.scoring import DEFAULT, SchemeFinder

D = Decimal


def test_the_score_is_the_weighted_sum_of_the_indicators() -> None:
    # 30 laid off × 0.5 + 3 months of social insurance owed × 5 + 2 overtime complaints × 5 = 15 + 15 + 10
    values = {"layoffs": D(30), "social_insurance": D(3), "overtime": D(2)}
    assert DEFAULT.score(values) == D("40.00")
    # + 1 open arrears report × 10 + 2.5 (万元 owed) × 2 + 1 dispute × 5 + 1 collective × 20 + 2 open items × 3
    values |= {"arrears": D(1), "arrears_amount": D("2.5"), "disputes": D(1), "collective": D(1), "checkup": D(2)}
    assert DEFAULT.score(values) == D("86.00")
    assert DEFAULT.score({}) == D("0.00")


@pytest.mark.parametrize(
    ("score", "level"),
    [
        ("0", "none"),
        ("9.99", "none"),
        ("10", "blue"),
        ("19.99", "blue"),
        ("20", "yellow"),
        ("39.99", "yellow"),
        ("40", "orange"),
        ("59.99", "orange"),
        ("60", "red"),
        ("1000", "red"),
    ],
)
def test_a_level_starts_at_its_threshold(score: str, level: str) -> None:
    assert DEFAULT.level(D(score)) == level


def _scheme(p: SimpleNamespace, org: object, **changes: str) -> Scheme:
    data = {f"w_{k}": str(v) for k, v in DEFAULT.weights.items()}
    data |= {"blue": "10", "yellow": "20", "orange": "40", "red": "60"} | changes
    return scheme_set(actor=p.admin, org=org, data=data)


def test_the_nearest_scheme_up_the_tree_applies(place: SimpleNamespace) -> None:
    p = place
    city = _scheme(p, p.city, orange="30", red="50")
    county = _scheme(p, p.county, w_overtime="10", orange="35", red="45")
    finder = SchemeFinder()
    assert finder.for_path(p.union.path).scheme_id == county.pk  # the county is nearer than the city
    assert finder.for_path(p.union.path).weights["overtime"] == D(10)
    assert finder.for_path(p.city.path).scheme_id == city.pk
    assert finder.for_path(p.stranger.path) is DEFAULT  # another city: no scheme up its tree
    assert finder.for_path(p.union.path).level(D(36)) == "orange"  # the county's 35, not the city's 30 or 40


def test_thresholds_out_of_order_are_refused_and_nothing_is_saved(place: SimpleNamespace) -> None:
    with pytest.raises(ValidationError) as refused:
        _scheme(place, place.county, orange="70")  # 橙 above 红
    assert "蓝色 < 黄色 < 橙色 < 红色" in refused.value.messages[0]
    with pytest.raises(ValidationError, match="大于 0"):
        _scheme(place, place.county, blue="0")
    with pytest.raises(ValidationError, match="权重"):
        _scheme(place, place.county, w_layoffs="-1")
    assert not Scheme.objects.exists()


def test_a_scheme_is_set_only_where_the_cadre_holds_the_rights_role(place: SimpleNamespace) -> None:
    from django.core.exceptions import PermissionDenied
    from django.http import Http404

    with pytest.raises(Http404):
        _scheme(SimpleNamespace(admin=place.rights), place.stranger)
    with pytest.raises(PermissionDenied):
        _scheme(SimpleNamespace(admin=place.reader), place.union)
    assert not Scheme.objects.exists()


def test_the_case_apps_sources_are_read_once_each(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    from gonghui.rights.earlywarning import sources

    asked: list[object] = []
    monkeypatch.setattr(sources, "arrears_counts", lambda since: asked.append(since) or {7: (2, D("12000.50"))})
    monkeypatch.setattr(sources, "dispute_counts", lambda since: asked.append(since) or {7: (3, 1)})
    day = dt.date(2025, 1, 1)
    assert sources.arrears_by_enterprise(day) == {7: (2, D("12000.50"))}
    assert sources.disputes_by_enterprise(day) == {7: (3, 1)}
    assert asked == [day, day]


@pytest.mark.django_db
def test_the_real_sources_answer_with_nothing_on_record() -> None:
    import datetime as dt

    from gonghui.rights.earlywarning import sources

    assert sources.arrears_by_enterprise(dt.date(2025, 1, 1)) == {}
    assert sources.disputes_by_enterprise(dt.date(2025, 1, 1)) == {}
