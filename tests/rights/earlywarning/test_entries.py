"""Indicator entries: bad input with clear Chinese reasons and nothing changed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from gonghui.rights.earlywarning.entries import indicator_enter
from gonghui.rights.earlywarning.models import IndicatorEntry
from gonghui.rights.earlywarning.selectors import enterprise_for_rights
from tests.factories import at_run


def _enter(p: SimpleNamespace, **changes: object) -> IndicatorEntry:
    args = {
        "actor": p.rights,
        "enterprise": p.firm,
        "kind": "overtime",
        "value": Decimal(2),
        "as_of": timezone.localdate(),
    }
    return indicator_enter(**(args | changes))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "reason"),
    [
        ({"value": Decimal(-1)}, "数值不能为负数"),
        ({"value": "abc"}, "数值应为数字"),
        ({"value": Decimal("1.234")}, "两位小数"),
        ({"kind": "arrears"}, "请选择要登记的指标"),
        ({"as_of": lambda: timezone.localdate() + dt.timedelta(days=1)}, "不能晚于今天"),
    ],
)
def test_bad_input_is_refused_in_chinese(place: SimpleNamespace, changes: dict, reason: str) -> None:
    with pytest.raises(ValidationError, match=reason):
        _enter(place, **at_run(changes))
    assert not IndicatorEntry.objects.exists()


def test_an_enterprise_outside_the_rights_scope_is_refused(place: SimpleNamespace) -> None:
    with pytest.raises(ValidationError, match="维权工作范围内没有这家企业"):
        _enter(place, enterprise=place.far)
    with pytest.raises(ValidationError, match="维权工作范围内没有这家企业"):
        _enter(place, actor=place.reader)  # sees the union, holds no rights role
    with pytest.raises(ValidationError) as unknown:
        enterprise_for_rights(place.rights, uscc="91370400MA00000000")
    with pytest.raises(ValidationError) as elsewhere:
        enterprise_for_rights(place.rights, uscc=place.far.uscc)
    assert unknown.value.messages == elsewhere.value.messages  # the answer does not tell which
    assert not IndicatorEntry.objects.exists()


def test_a_second_entry_the_same_day_replaces_the_first(place: SimpleNamespace) -> None:
    _enter(place)
    _enter(place, value=Decimal(5))
    assert list(IndicatorEntry.objects.values_list("value", flat=True)) == [Decimal(5)]
