"""Permission cases of the benefits app: every page and API operation (see registry.py)."""

from __future__ import annotations

from typing import Any

from tests.permissions.registry import LOGGED_IN, MEMBER_ONLY, Case
from tests.world_benefits import PRODUCT

POST = frozenset({302})
SIGNIN = "/h5/me/signin/"


def _product(w: Any) -> dict[str, Any]:
    return {"pk": w.benefits.product.pk}


def _card(action: str) -> Any:
    return lambda w: {"pk": w.benefits.card.pk, "action": action}


CASES = [
    Case("benefits:products", allowed=LOGGED_IN, marker=lambda w: PRODUCT),
    Case("benefits:product_new", allowed=LOGGED_IN),  # an empty form; the POST checks the chosen union
    Case("benefits:product", kwargs=_product),
    Case("benefits:product_issue", kwargs=_product, method="form", data=lambda w: {"under": ""}, ok=POST),
    Case("benefits:card_act", kwargs=_card("renew"), method="form", ok=POST),
    Case("benefits_h5:cards", allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case(
        "benefits_h5:apply",
        kwargs=lambda w: {"pk": w.benefits.product.pk},
        method="form",
        ok=POST,
        allowed=MEMBER_ONLY,
        login_path=SIGNIN,
    ),
    Case(
        "benefits_h5:lost",
        kwargs=lambda w: {"pk": w.benefits.card.pk},
        method="form",
        ok=POST,
        allowed=MEMBER_ONLY,
        login_path=SIGNIN,
    ),
    Case("api:benefits_products_list", allowed=LOGGED_IN, marker=lambda w: PRODUCT),
    Case(
        "api:benefits_products_create",
        method="post",
        ok=frozenset({201}),
        data=lambda w: {"org_code": w.union_a.code, "name": "测试基层会员服务卡", "kind": "service"},
    ),
    Case("api:benefits_cards_list", kwargs=_product),
    Case("api:benefits_cards_issue", kwargs=_product, method="post", data=lambda w: {}),
    Case(
        "api:benefits_cards_decide",
        kwargs=lambda w: {"pk": w.benefits.applied.pk},
        method="post",
        data=lambda w: {"approve": True},
    ),
    Case(
        "api:benefits_cards_cancel",
        kwargs=lambda w: {"pk": w.benefits.card.pk},
        method="post",
        data=lambda w: {"reason": "会员离职"},
    ),
    Case("api:benefits_cards_renew", kwargs=lambda w: {"pk": w.benefits.card.pk}, method="post"),
]

CASES += [
    Case("benefits:merchants", allowed=LOGGED_IN, marker=lambda w: "测试特惠餐馆"),
    Case("benefits:merchant_new", allowed=LOGGED_IN),  # an empty form; the POST checks the chosen union
    Case("benefits:merchant", kwargs=lambda w: {"pk": w.benefits.merchant.pk}),
    Case(
        "benefits:merchant_act",
        kwargs=lambda w: {"pk": w.benefits.merchant.pk, "action": "approve"},
        method="form",
        ok=POST,
    ),
]
