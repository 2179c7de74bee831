"""Claims: one claimant, the deadline and its expiry, delivery with a photo or a note, receipt and thanks."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError
from django.http import Http404
from django.utils import timezone

from gonghui.wishes import claims, services
from gonghui.wishes.choices import ClaimantKind, ClaimStatus, WishStatus
from gonghui.wishes.models import Claim, Wish
from tests.factories import EnterpriseFactory, Tree, image_bytes, make_member
from tests.wishes.factories import fields, make_claim, make_wish


def _open_wish(tree: Tree) -> Wish:
    owner = make_member(tree.union, 1)
    wish = services.wish_post(person=owner.person, user=tree.cadre, data=fields())
    return services.wish_vet(actor=tree.cadre, wish=wish, approve=True)


def test_a_member_claims_delivers_and_the_worker_confirms_with_thanks(tree: Tree) -> None:
    services.policy_set(actor=tree.cadre, org=tree.county, cap=Decimal(500), claim_days=10)
    wish = _open_wish(tree)
    donor = make_member(tree.other, 2)
    claim = claims.claim_as_member(person=donor.person, user=tree.cadre, wish=wish)
    assert claim.kind == ClaimantKind.MEMBER and claim.donor_name == donor.person.name
    assert dt.timedelta(days=9, hours=23) < claim.due_at - timezone.now() <= dt.timedelta(days=10)
    wish.refresh_from_db()
    assert wish.status == WishStatus.CLAIMED
    with pytest.raises(ValidationError, match="认领人尚未登记送达"):
        claims.wish_confirm(wish=wish, person=wish.person)
    with pytest.raises(ValidationError, match="送达照片或填写送达说明"):
        claims.claim_fulfil(claim=claim, person=donor.person)
    photo = io.BytesIO(image_bytes())
    claim = claims.claim_fulfil(
        claim=claim, person=donor.person, note="已送到城关康乃馨服务站", photo=photo, photo_size=len(photo.getvalue())
    )
    assert claim.status == ClaimStatus.FULFILLED and claim.photo.name.startswith("wishes/") and claim.photo_type
    assert claim.photo.name.endswith(".jpg")
    wish.refresh_from_db()
    assert wish.status == WishStatus.FULFILLED
    stranger = make_member(tree.union, 3)
    with pytest.raises(ValidationError, match="只能确认自己的心愿"):
        claims.wish_confirm(wish=wish, person=stranger.person)
    assert Wish.objects.get(pk=wish.pk).status == WishStatus.FULFILLED
    assert wish.person is not None
    wish = claims.wish_confirm(wish=wish, person=wish.person, thanks="谢谢您，孩子很喜欢新书包！")
    assert wish.status == WishStatus.RECEIVED and wish.received_at is not None
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.CONFIRMED
    with pytest.raises(ValidationError, match="无需重复"):
        claims.wish_confirm(wish=wish, person=wish.person)


def test_claiming_an_unapproved_or_claimed_wish_is_refused(tree: Tree) -> None:
    owner = make_member(tree.union, 1)
    pending = services.wish_post(person=owner.person, user=tree.cadre, data=fields())
    donor = make_member(tree.union, 2)
    with pytest.raises(ValidationError, match="尚未审核通过"):
        claims.claim_as_member(person=donor.person, user=tree.cadre, wish=pending)
    wish = services.wish_vet(actor=tree.cadre, wish=pending, approve=True)
    with pytest.raises(ValidationError, match="不能认领自己的心愿"):
        claims.claim_as_member(person=owner.person, user=tree.cadre, wish=wish)
    claims.claim_as_member(person=donor.person, user=tree.cadre, wish=wish)
    late = make_member(tree.union, 3)
    with pytest.raises(ValidationError, match="已被他人认领"):
        claims.claim_as_member(person=late.person, user=tree.cadre, wish=Wish.objects.get(pk=wish.pk))
    with pytest.raises(ValidationError, match="已被他人认领"):
        claims.claim_at_desk(actor=tree.cadre, wish=wish, kind=ClaimantKind.CADRE)
    assert Claim.objects.filter(wish=wish).count() == 1


def test_the_database_holds_one_live_claim_per_wish(tree: Tree) -> None:
    wish = make_wish(tree.union, tree.cadre, status=WishStatus.CLAIMED)
    make_claim(wish, tree.cadre)
    make_claim(wish, tree.cadre, status=ClaimStatus.EXPIRED)  # history is kept
    with pytest.raises(IntegrityError):
        make_claim(wish, tree.cadre)


def test_a_cadre_claims_for_an_enterprise_at_the_desk(tree: Tree) -> None:
    wish = make_wish(tree.union, tree.cadre)
    company = EnterpriseFactory(name="商南爱心物流有限公司", union=tree.union)
    with pytest.raises(Http404):
        claims.claim_at_desk(actor=tree.outsider, wish=wish, kind=ClaimantKind.CADRE)
    with pytest.raises(ValidationError, match="企业的名称"):
        claims.claim_at_desk(actor=tree.cadre, wish=wish, kind=ClaimantKind.ENTERPRISE)
    claim = claims.claim_at_desk(actor=tree.cadre, wish=wish, kind=ClaimantKind.ENTERPRISE, enterprise=company)
    assert claim.donor_name == "商南爱心物流有限公司" and claim.enterprise == company and claim.claimed_by == tree.cadre
    # The desk records the delivery; a cadre confirms for a family without a phone account.
    claims.claim_fulfil(claim=claim, actor=tree.union_cadre, note="企业代表送到工会")
    wish = claims.wish_confirm(wish=wish, actor=tree.cadre, thanks="孩子说谢谢叔叔阿姨")
    assert wish.status == WishStatus.RECEIVED


def test_a_member_holds_at_most_three_undelivered_claims(tree: Tree) -> None:
    donor = make_member(tree.union, 1)
    for _ in range(3):
        claims.claim_as_member(person=donor.person, user=tree.cadre, wish=make_wish(tree.union, tree.cadre))
    with pytest.raises(ValidationError, match="尚未送达"):
        claims.claim_as_member(person=donor.person, user=tree.cadre, wish=make_wish(tree.union, tree.cadre))


def test_expired_claims_return_the_wish_to_the_wall_and_the_command_is_safe_to_rerun(tree: Tree) -> None:
    wish = make_wish(tree.union, tree.cadre, status=WishStatus.CLAIMED)
    donor = make_member(tree.union, 1)
    late = make_claim(wish, tree.cadre, kind=ClaimantKind.MEMBER, person=donor.person, days=-1)
    fresh_wish = make_wish(tree.union, tree.cadre, status=WishStatus.CLAIMED)
    make_claim(fresh_wish, tree.cadre, days=3)
    out = StringIO()
    call_command("wishes_claims_expire", stdout=out)
    assert out.getvalue().strip() == "1 claims expired"
    late.refresh_from_db()
    wish.refresh_from_db()
    fresh_wish.refresh_from_db()
    assert late.status == ClaimStatus.EXPIRED and wish.status == WishStatus.OPEN
    assert fresh_wish.status == WishStatus.CLAIMED
    out = StringIO()
    call_command("wishes_claims_expire", stdout=out)
    assert out.getvalue().strip() == "0 claims expired"
    with pytest.raises(ValidationError, match="超过送达期限"):
        claims.claim_fulfil(claim=late, person=donor.person, note="送到了")
    # Back on the wall, someone else may claim it.
    other = make_member(tree.union, 2)
    claims.claim_as_member(person=other.person, user=tree.cadre, wish=wish)


def test_expiry_happens_on_read_too(tree: Tree) -> None:
    wish = make_wish(tree.union, tree.cadre, status=WishStatus.CLAIMED)
    make_claim(wish, tree.cadre, days=-2)
    donor = make_member(tree.union, 1)
    claim = claims.claim_as_member(person=donor.person, user=tree.cadre, wish=wish)  # the lapsed claim goes first
    assert claim.status == ClaimStatus.ACTIVE
    assert list(Claim.objects.filter(wish=wish).values_list("status", flat=True).order_by("pk")) == [
        "expired",
        "active",
    ]


def test_a_claimant_releases_and_only_their_own(tree: Tree) -> None:
    wish = make_wish(tree.union, tree.cadre)
    donor, other = make_member(tree.union, 1), make_member(tree.union, 2)
    claim = claims.claim_as_member(person=donor.person, user=tree.cadre, wish=wish)
    with pytest.raises(ValidationError, match="自己的认领"):
        claims.claim_release(person=other.person, claim=claim)
    with pytest.raises(ValidationError, match="自己认领"):
        claims.claim_fulfil(claim=claim, person=other.person, note="我送的")
    claims.claim_release(person=donor.person, claim=claim)
    wish.refresh_from_db()
    assert wish.status == WishStatus.OPEN


def test_a_fake_photo_is_refused(tree: Tree) -> None:
    wish = make_wish(tree.union, tree.cadre)
    claim = claims.claim_at_desk(actor=tree.cadre, wish=wish, kind=ClaimantKind.CADRE)
    fake = io.BytesIO(b"\xff\xd8\xffnot really a jpeg")
    with pytest.raises(ValidationError) as caught:
        claims.claim_fulfil(claim=claim, actor=tree.cadre, photo=fake, photo_size=20)
    assert "photo" in caught.value.message_dict
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.ACTIVE and not claim.photo


def test_thanks_and_notes_follow_the_wall_rules(tree: Tree) -> None:
    wish = _open_wish(tree)
    claim = claims.claim_at_desk(actor=tree.cadre, wish=wish, kind=ClaimantKind.CADRE)
    with pytest.raises(ValidationError, match="手机号码"):
        claims.claim_fulfil(claim=claim, actor=tree.cadre, note="有事打13912345678")
    claims.claim_fulfil(claim=claim, actor=tree.cadre, note="已送达")
    assert wish.person is not None
    with pytest.raises(ValidationError, match="手机号码"):
        claims.wish_confirm(wish=wish, person=wish.person, thanks="加我13912345678")
    claims.wish_confirm(wish=wish, person=wish.person)
    wish = claims.wish_thank(wish=wish, person=wish.person, thanks="谢谢好心人！")
    assert wish.thanks == "谢谢好心人！"
