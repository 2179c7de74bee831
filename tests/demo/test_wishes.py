"""The demo wishes: 盐南's “馨想事成” for women couriers and 大丰's schoolbags and milk, in every state."""

from __future__ import annotations

from gonghui.wishes.choices import WishSource, WishStatus
from gonghui.wishes.models import Claim, Wish
from gonghui.wishes.public_text import public_text_problem
from tests.demo.conftest import Demo


def test_the_demo_wishes_are_realistic(demo: Demo, db: None) -> None:
    yannan = Wish.objects.filter(org__code="yannan")
    assert yannan.filter(source=WishSource.SELF, person__sex="F").count() == yannan.count() >= 5
    dafeng = Wish.objects.filter(org__code="df-jiazheng")
    assert dafeng.filter(source=WishSource.FAMILY, hardship_file__isnull=False).count() == dafeng.count() >= 4
    assert dafeng.filter(title__contains="书包").exists() and dafeng.filter(title__contains="奶").exists()
    assert set(Wish.objects.values_list("status", flat=True)) >= {s.value for s in WishStatus if s != "withdrawn"}
    assert Claim.objects.filter(status="expired").exists()  # one lapsed and went back to the wall
    for wish in Wish.objects.exclude(status="pending"):
        assert public_text_problem(wish.title) is None
        if wish.public_text:
            assert public_text_problem(wish.public_text) is None
