"""`make run` seeds the demo on every start: a second seed adds nothing, and keeps the demo users' passwords."""

from __future__ import annotations

from io import StringIO

from django.apps import apps
from django.core.management import call_command
from django.db.models import Model

from gonghui.accounts.models import User
from tests.demo.conftest import Demo


def _gonghui_models() -> list[type[Model]]:
    """Every table of every gonghui app (many-to-many tables too); not unmanaged or proxy models."""
    return [
        model
        for config in apps.get_app_configs()
        if config.name.startswith("gonghui.")
        for model in config.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


def test_a_second_seed_adds_no_rows(demo: Demo, db: None) -> None:
    models = _gonghui_models()
    assert len(models) > 100  # every app's, not a few
    before = {model._meta.label: model._default_manager.count() for model in models}
    assert before["orgs.OrgNode"] > 0 and before["members.Membership"] > 0  # the demo is there to be seeded again
    call_command("seed_demo", password=demo.password, stdout=StringIO())
    after = {model._meta.label: model._default_manager.count() for model in models}
    grew = {label: f"{before[label]} → {after[label]}" for label in before if after[label] != before[label]}
    assert grew == {}


def test_a_second_seed_keeps_the_demo_passwords_unless_asked(demo: Demo, db: None) -> None:
    call_command("seed_demo", password="second-pass-2", stdout=StringIO())
    assert User.objects.get(username="dafeng").check_password(demo.password)  # sessions survive `make run`
    call_command("seed_demo", password="second-pass-2", reset_passwords=True, stdout=StringIO())
    assert User.objects.get(username="dafeng").check_password("second-pass-2")
