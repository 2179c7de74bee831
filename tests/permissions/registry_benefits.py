"""Permission cases of the benefits app: every page and API operation (see registry.py)."""

from __future__ import annotations

from typing import Any

from gonghui.members.card import card_token
from tests.permissions.registry import LOGGED_IN, MEMBER_ONLY, MERCHANT_ONLY, Case
from tests.world_benefits import PRODUCT, VOUCHERS

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
    Case("benefits:product_import", kwargs=_product),
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


def _scan(w: Any) -> dict[str, Any]:
    return {"token": card_token(w.member)}


def _sale(w: Any) -> dict[str, Any]:
    return {"token": card_token(w.member), "amount": "50", "key": "walk-sale-000001"}


def _desk(name: str, **kw: Any) -> Case:
    return Case(f"benefits_h5:{name}", allowed=MERCHANT_ONLY, login_path=SIGNIN, **kw)


def _voucher(w: Any) -> dict[str, Any]:
    return {"pk": w.benefits.vouchers.pk}


CASES += [
    Case(
        "benefits:staff_add",
        kwargs=lambda w: {"pk": w.benefits.merchant.pk},
        method="form",
        data=lambda w: {"name": "新店员", "mobile": "13600000002"},
        ok=POST,
    ),
    Case("benefits:staff_toggle", kwargs=lambda w: {"pk": w.benefits.cashier.pk}, method="form", ok=POST),
    Case("benefits:redemptions", allowed=LOGGED_IN, marker=lambda w: "测试特惠餐馆"),
    Case("benefits:anomalies", allowed=LOGGED_IN),  # lists only what the user's scope holds (see its tests)
    Case("benefits:vouchers", allowed=LOGGED_IN, marker=lambda w: VOUCHERS),
    Case("benefits:voucher_new", allowed=LOGGED_IN),
    Case("benefits:voucher", kwargs=_voucher),
    Case("benefits:voucher_act", kwargs=lambda w: {**_voucher(w), "action": "issue"}, method="form", ok=POST),
    Case("benefits_h5:vouchers", allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case("benefits_h5:voucher_take", kwargs=_voucher, method="form", ok=POST, allowed=MEMBER_ONLY, login_path=SIGNIN),
    Case("benefits_h5:discounts", allowed=MEMBER_ONLY, login_path=SIGNIN),
    # A signed-in worker whose number is no cashier's is told so (403); everyone else goes to sign in.
    Case("benefits_h5:desk_enter", allowed=MEMBER_ONLY, ok=frozenset({403}), login_path=SIGNIN),
    _desk("desk"),
    _desk("desk_check", method="form", data=_scan),
    _desk("desk_redeem", method="form", data=_sale, ok=POST),
    _desk("desk_receipt", kwargs=lambda w: {"pk": w.benefits.redemption.pk}),
    _desk("desk_history"),
    _desk("desk_tills"),
    Case("api:benefits_offer", method="post", data=_scan, allowed=MERCHANT_ONLY),
    Case("api:benefits_redeem", method="post", data=_sale, allowed=MERCHANT_ONLY),
    Case("api:benefits_merchant_redemptions", allowed=MERCHANT_ONLY),
    Case("api:benefits_merchants_list", allowed=LOGGED_IN, marker=lambda w: "测试特惠餐馆"),
    Case("api:benefits_merchants_get", kwargs=lambda w: {"pk": w.benefits.merchant.pk}),
    Case("api:benefits_redemptions_list", allowed=LOGGED_IN, marker=lambda w: "world-redemption"),
    Case("api:benefits_voucher_campaigns_list", allowed=LOGGED_IN, marker=lambda w: VOUCHERS),
    Case("api:benefits_vouchers_issue", kwargs=_voucher, method="post"),
]
