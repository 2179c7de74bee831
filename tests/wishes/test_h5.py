"""The phone pages: the public wall (public text only, by union), claiming after sign-in, 我的微心愿."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from gonghui.wishes.choices import WishStatus
from gonghui.wishes.models import Claim, Wish
from tests.factories import Tree, image_bytes, make_member
from tests.wishes.factories import make_wish, worker_client


def test_the_wall_shows_public_text_only_and_narrows_to_a_union(tree: Tree, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    head = make_member(tree.union, 40, name="孙秀兰").person
    make_wish(
        tree.union,
        tree.cadre,
        person=head,
        text="孙秀兰家孩子的原话",
        private_note="城关小学三（2）班",
        public_text="一名三年级小学生想要一个新书包。",
    )
    make_wish(tree.other, tree.cadre, title="一箱牛奶", public_text="一名初一学生想要一箱牛奶。")
    make_wish(tree.union, tree.cadre, title="待审核的心愿", status="pending")
    for i in range(20):
        make_wish(tree.other, tree.cadre, title=f"心愿{i}")
    anonymous = Client()
    anonymous.get(reverse("wishes_h5:wall"))
    with django_assert_max_num_queries(8):
        page = anonymous.get(reverse("wishes_h5:wall")).content.decode()
    assert "一名三年级小学生想要一个新书包" in page and "一箱牛奶" in page
    for secret in ("孙秀兰", "原话", "城关小学", "待审核的心愿"):
        assert secret not in page
    narrowed = anonymous.get(reverse("wishes_h5:wall"), {"union": tree.union.code}).content.decode()
    assert "新书包" in narrowed and "一箱牛奶" not in narrowed
    assert anonymous.get(reverse("wishes_h5:wall"), {"union": "no-such"}).status_code == 200


def test_a_member_first_sees_wishes_under_their_own_federation(tree: Tree) -> None:
    make_wish(tree.union, tree.cadre, title="商南的心愿")
    far = make_wish(tree.stranger, tree.cadre, title="泰安的心愿")
    phone, _user = worker_client(make_member(tree.other, 3))
    home = phone.get(reverse("wishes_h5:wall")).content.decode()
    assert "商南的心愿" in home and "泰安的心愿" not in home
    everywhere = phone.get(reverse("wishes_h5:wall"), {"union": "all"}).content.decode()
    assert "商南的心愿" in everywhere and "泰安的心愿" in everywhere
    anonymous = Client().get(reverse("wishes_h5:wall")).content.decode()
    assert "商南的心愿" in anonymous and "泰安的心愿" in anonymous
    # Nothing open at home: the wall shows everyone's rather than an empty page.
    Wish.objects.exclude(pk=far.pk).update(status=WishStatus.CLAIMED)
    assert "泰安的心愿" in phone.get(reverse("wishes_h5:wall")).content.decode()


def test_claiming_needs_sign_in_and_then_shows_in_mine(tree: Tree) -> None:
    wish = make_wish(tree.union, tree.cadre)
    pending = make_wish(tree.union, tree.cadre, status="pending")
    anonymous = Client()
    page = anonymous.get(reverse("wishes_h5:detail", args=[wish.pk])).content.decode()
    assert "登录后认领" in page
    assert anonymous.get(reverse("wishes_h5:detail", args=[pending.pk])).status_code == 404
    response = anonymous.post(reverse("wishes_h5:claim", args=[wish.pk]))
    assert response.status_code == 302 and "/h5/me/signin/" in response["Location"] and not Claim.objects.exists()

    phone, _user = worker_client(make_member(tree.other, 2))
    assert "我来认领" in phone.get(reverse("wishes_h5:detail", args=[wish.pk])).content.decode()
    assert phone.post(reverse("wishes_h5:claim", args=[pending.pk])).status_code == 404
    phone.post(reverse("wishes_h5:claim", args=[wish.pk]))
    claim = Claim.objects.get()
    mine = phone.get(reverse("wishes_h5:mine")).content.decode()
    assert "一个新书包" in mine and "请于" in mine
    again = phone.post(reverse("wishes_h5:claim", args=[wish.pk]), follow=True).content.decode()
    assert "已被他人认领" in again
    upload = SimpleUploadedFile("a.jpg", image_bytes(), content_type="image/jpeg")
    phone.post(reverse("wishes_h5:claim_act", args=[claim.pk, "fulfil"]), {"photo": upload, "note": "放在服务站了"})
    claim.refresh_from_db()
    assert claim.status == "fulfilled"
    assert phone.get(reverse("wishes_h5:photo", args=[claim.pk])).status_code == 200
    me = phone.get(reverse("portal:me")).content.decode()
    assert "我认领的心愿" in me and "已送达" in me


def test_a_worker_posts_confirms_and_thanks_and_cannot_touch_others(tree: Tree) -> None:
    member = make_member(tree.union, 1)
    phone, _user = worker_client(member)
    form = phone.get(reverse("wishes_h5:new")).content.decode()
    assert "500" in form
    bad = phone.post(
        reverse("wishes_h5:new"), {"title": "电动车头盔", "category": "daily", "value": "80", "text": "电话13912345678"}
    ).content.decode()
    assert "手机号码" in bad and not Wish.objects.exists()
    dear = phone.post(
        reverse("wishes_h5:new"), {"title": "一台笔记本电脑", "category": "study", "value": "4000", "text": "学习用"}
    ).content.decode()
    assert "超过了本会的上限" in dear and not Wish.objects.exists()
    phone.post(
        reverse("wishes_h5:new"),
        {"title": "电动车头盔", "category": "daily", "value": "80", "text": "送快递的头盔旧了，想换一个新的。"},
    )
    wish = Wish.objects.get()
    assert wish.person == member.person and wish.status == "pending"
    assert "等待工会审核" in phone.get(reverse("portal:me")).content.decode()

    Wish.objects.filter(pk=wish.pk).update(status=WishStatus.FULFILLED)
    someone = make_wish(tree.union, tree.cadre, status="fulfilled", person=make_member(tree.union, 2).person)
    assert phone.post(reverse("wishes_h5:wish_act", args=[someone.pk, "confirm"])).status_code == 404
    someone.refresh_from_db()
    assert someone.status == "fulfilled"
    phone.post(reverse("wishes_h5:wish_act", args=[wish.pk, "confirm"]), {"thanks": ""})
    wish.refresh_from_db()
    assert wish.status == "received"
    phone.post(reverse("wishes_h5:wish_act", args=[wish.pk, "thank"]), {"thanks": "谢谢，头盔很合适！"})
    wish.refresh_from_db()
    assert wish.thanks == "谢谢，头盔很合适！"


def test_the_portal_links_to_the_wall(tree: Tree) -> None:
    phone, _user = worker_client(make_member(tree.union, 1))
    assert reverse("wishes_h5:wall") in phone.get(reverse("portal:me")).content.decode()
