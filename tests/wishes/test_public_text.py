"""What the wall may show: the detector of ID and mobile numbers, names and hardship detail."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gonghui.wishes.public_text import public_text_problem
from tests.factories import id_number


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (f"请联系我 {id_number(7)}", "身份证号码"),
        (f"身份证{id_number(8)[:17]}x", "身份证号码"),
        ("电话13912345678", "手机号码"),
        ("电话 139 1234 5678", "手机号码"),
        ("电话139-1234-5678", "手机号码"),
        ("电话１３９１２３４５６７８", "手机号码"),  # full-width digits
        ("家里是低保户，想要一台电风扇", "困难情况"),
        ("妈妈重病，想要一箱牛奶", "困难情况"),
    ],
)
def test_refused_with_a_reason(text: str, reason: str) -> None:
    problem = public_text_problem(text)
    assert problem is not None and reason in problem


def test_the_name_of_the_wish_person_is_refused_masked() -> None:
    problem = public_text_problem("张秀英想要一个书包", names=["张秀英"])
    assert problem is not None and "张**" in problem and "张秀英" not in problem


@pytest.mark.parametrize(
    "text", ["一名三年级小学生想要一个新书包", "价值120元", "2026年9月开学用", "订单号12345", "一箱250毫升的牛奶"]
)
def test_ordinary_wishes_pass(text: str) -> None:
    assert public_text_problem(text, names=["张秀英"]) is None


@given(st.text(alphabet="一个新书包牛奶学习用品。，", max_size=40))
def test_plain_chinese_text_always_passes(text: str) -> None:
    assert public_text_problem(text) is None
