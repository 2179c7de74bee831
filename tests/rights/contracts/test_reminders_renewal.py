"""Expiry reminders 90 and 30 days ahead, each sent once (the command is safe to re-run); renewal."""

from __future__ import annotations

import datetime as dt
from io import StringIO
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from gonghui.rights.contracts import reminders, selectors, services
from gonghui.rights.contracts.models import Contract, Reminder
from tests.factories import Tree
from tests.rights.contracts.factories import TODAY, firm, signed

pytestmark = pytest.mark.django_db


def test_each_threshold_is_reminded_once(tree: Tree) -> None:
    soon = signed(firm(tree.union), tree.cadre, ends_in=80)
    later = signed(firm(tree.other, name="远期企业"), tree.cadre, ends_in=200)
    unsigned = signed(
        firm(tree.union, name="未签企业"),
        tree.cadre,
        ends_in=10,
        stage="negotiating",
        signed_on=None,
        filed_on=None,
        published_on=None,
    )
    today = TODAY()
    with mock.patch("gonghui.rights.contracts.reminders.send_notice", return_value=True) as text:
        assert reminders.reminders_send(today=today) == 1
        assert reminders.reminders_send(today=today) == 0  # a rerun sends nothing
        assert text.call_count == 1 and "将于" in text.call_args.kwargs["text"]
        assert reminders.reminders_send(today=today + dt.timedelta(days=45)) == 0  # still the 90-day window
        assert reminders.reminders_send(today=today + dt.timedelta(days=50)) == 1  # 30 days left
        assert reminders.reminders_send(today=today + dt.timedelta(days=55)) == 0
    assert sorted(Reminder.objects.filter(contract=soon).values_list("days", flat=True)) == [30, 90]
    assert Reminder.objects.filter(texted=True).count() == 2
    assert not Reminder.objects.filter(contract__in=[later, unsigned]).exists()
    out = StringIO()
    call_command("contracts_remind", stdout=out)
    assert "0 reminders sent." in out.getvalue()


def test_a_refused_text_leaves_the_workbench_reminder(tree: Tree) -> None:
    signed(firm(tree.union), tree.cadre, ends_in=25)
    with mock.patch("gonghui.rights.contracts.reminders.send_notice", return_value=False):
        assert reminders.reminders_send(today=TODAY()) == 1
    only = Reminder.objects.get()
    assert only.days == 30 and not only.texted  # first seen inside 30 days: the 30-day reminder only


def test_renewal_continues_the_contract_and_leaves_the_expiring_list(tree: Tree) -> None:
    old = signed(firm(tree.union), tree.cadre, ends_in=60, wage_growth=6)
    assert list(selectors.expiring(Contract.objects.all())) == [old]
    new = services.contract_renew(actor=tree.cadre, contract=old)
    assert new.renews == old and new.stage == "offered" and new.starts_on == old.ends_on + dt.timedelta(days=1)
    assert new.ends_on - new.starts_on == old.ends_on - old.starts_on and new.wage_growth == 6
    assert new.enterprise == old.enterprise and new.title.endswith("(续签)")
    assert not selectors.expiring(Contract.objects.all()).exists()
    with pytest.raises(ValidationError, match="已续签"):
        services.contract_renew(actor=tree.cadre, contract=old)
    with pytest.raises(ValidationError, match="尚未签订"):
        services.contract_renew(actor=tree.cadre, contract=new)
    assert reminders.reminders_send(today=TODAY()) == 0  # a renewed contract is not reminded
