"""Handling a warning: assign to a rights cadre only, dated actions, and closure refused without actions;
bad input changes nothing."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from gonghui.rights.earlywarning.choices import Trigger
from gonghui.rights.earlywarning.handling import warning_act, warning_assign, warning_close
from gonghui.rights.earlywarning.models import EarlyWarning, WarningAction
from gonghui.rights.earlywarning.recompute import levels_recompute
from tests.factories import UserFactory
from tests.rights.earlywarning.conftest import enter

pytestmark = pytest.mark.usefixtures("no_cases")


@pytest.fixture
def warning(place: SimpleNamespace) -> EarlyWarning:
    enter(place, place.firm, "layoffs", 100)
    levels_recompute(trigger=Trigger.COMMAND)
    return EarlyWarning.objects.get()


def test_a_warning_closed_without_actions_is_refused(place: SimpleNamespace, warning: EarlyWarning) -> None:
    with pytest.raises(ValidationError, match="还没有处置记录，不能关闭"):
        warning_close(actor=place.rights, warning=warning, note="已好转")
    warning.refresh_from_db()
    assert warning.status == "open" and warning.closed_at is None


def test_an_action_then_closing(place: SimpleNamespace, warning: EarlyWarning) -> None:
    warning_act(actor=place.rights, warning=warning, on=timezone.localdate(), note="约谈企业负责人，督促补发工资")
    closed = warning_close(actor=place.rights, warning=warning, note="已补发")
    assert closed.status == "closed" and closed.closed_by == place.rights and closed.closing_note == "已补发"
    with pytest.raises(ValidationError, match="已关闭"):
        warning_act(actor=place.rights, warning=warning, on=timezone.localdate(), note="再次回访")


def test_actions_are_dated_between_the_warning_and_today(place: SimpleNamespace, warning: EarlyWarning) -> None:
    today = timezone.localdate()
    for on, reason in (
        (today + dt.timedelta(days=1), "不能晚于今天"),
        (today - dt.timedelta(days=3), "不能早于预警日期"),
    ):
        with pytest.raises(ValidationError, match=reason):
            warning_act(actor=place.rights, warning=warning, on=on, note="回访")
    with pytest.raises(ValidationError, match="采取了什么措施"):
        warning_act(actor=place.rights, warning=warning, on=today, note="  ")
    assert not WarningAction.objects.exists()


def test_the_assignee_must_be_a_rights_cadre_of_the_union(place: SimpleNamespace, warning: EarlyWarning) -> None:
    for user in (place.reader, place.outsider, UserFactory(username="no-role")):
        with pytest.raises(ValidationError, match="维权干部"):
            warning_assign(actor=place.rights, warning=warning, assignee=user)
    assert warning_assign(actor=place.rights, warning=warning, assignee=place.admin).assignee == place.admin


def test_only_rights_staff_handle_a_warning(place: SimpleNamespace, warning: EarlyWarning) -> None:
    with pytest.raises(PermissionDenied):  # sees the union, holds no rights role
        warning_act(actor=place.reader, warning=warning, on=timezone.localdate(), note="回访")
    from django.http import Http404

    with pytest.raises(Http404):
        warning_close(actor=place.outsider, warning=warning)
    assert not WarningAction.objects.exists()
