"""Workbench pages (list with filters and its query count, detail, vet, post for a family, desk claim, caps)."""

from __future__ import annotations

from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from gonghui.assistance.models import HardshipFile
from gonghui.wishes.choices import WishStatus
from gonghui.wishes.models import Claim, Wish, WishPolicy
from tests.factories import Tree, image_bytes, make_member
from tests.wishes.factories import desk, make_claim, make_wish


def test_the_list_filters_and_reads_in_a_few_queries(tree: Tree, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    for i in range(30):
        wish = make_wish(tree.union if i % 2 else tree.other, tree.cadre, title=f"心愿{i}", status="open")
        if i % 3 == 0:
            Wish.objects.filter(pk=wish.pk).update(status=WishStatus.CLAIMED)
            make_claim(wish, tree.cadre, donor_name=f"认领人{i}")
    client = desk(tree.cadre)
    client.get(reverse("wishes:list"))
    with django_assert_max_num_queries(12):
        page = client.get(reverse("wishes:list")).content.decode()
    assert "心愿29" in page and "认领人27" in page
    claimed = client.get(reverse("wishes:list"), {"status": "taken"}).content.decode()
    assert "心愿27" in claimed and "心愿29" not in claimed
    narrowed = client.get(reverse("wishes:list"), {"under": tree.union.code}).content.decode()
    assert "心愿29" in narrowed and "心愿28" not in narrowed
    year = client.get(reverse("wishes:list"), {"year": timezone.localdate().year - 1}).content.decode()
    assert "心愿29" not in year


def test_outsiders_see_nothing(tree: Tree) -> None:
    wish = make_wish(tree.union, tree.cadre, title="商南的心愿")
    client = desk(tree.outsider)
    assert "商南的心愿" not in client.get(reverse("wishes:list")).content.decode()
    assert client.get(reverse("wishes:detail", args=[wish.pk])).status_code == 404
    response = client.post(reverse("wishes:act", args=[wish.pk, "claim"]), {"kind": "cadre"})
    assert response.status_code == 404 and not Claim.objects.exists()


def test_a_cadre_posts_for_a_family_vets_and_claims_at_the_desk(tree: Tree) -> None:
    head = make_member(tree.union, 40, name="孙秀兰", sex="F").person
    file = HardshipFile.objects.create(
        org=tree.union, person=head, status="open", category="deep", own_income=900, family_size=3, main_cause="illness"
    )
    client = desk(tree.cadre)
    base = {
        "org": tree.union.code,
        "hardship_file": str(file.pk),
        "title": "一个新书包",
        "category": "study",
        "value": "150",
        "text": "孩子读三年级，书包坏了。",
        "public_text": "一名三年级小学生想要一个新书包。",
        "private_note": "城关小学三（2）班",
    }
    too_dear = client.post(reverse("wishes:new"), {**base, "value": "900"})
    assert "超过了本会的上限500元" in too_dear.content.decode() and not Wish.objects.exists()
    leaky = client.post(reverse("wishes:new"), {**base, "public_text": "孙秀兰的孩子，低保户"})
    assert "姓名" in leaky.content.decode() and not Wish.objects.exists()
    response = client.post(reverse("wishes:new"), base)
    wish = Wish.objects.get()
    assert response.status_code == 302 and wish.hardship_file == file and wish.status == "pending"
    page = client.get(reverse("wishes:detail", args=[wish.pk])).content.decode()
    assert "城关小学三（2）班" in page and "孙秀兰" in page  # the desk sees what the wall does not

    client.post(reverse("wishes:act", args=[wish.pk, "vet"]), {"decision": "approve", "public_text": "电话13912345678"})
    wish.refresh_from_db()
    assert wish.status == "pending"
    client.post(
        reverse("wishes:act", args=[wish.pk, "vet"]),
        {"decision": "approve", "title": "一个新书包", "public_text": "一名三年级小学生想要一个新书包。"},
    )
    wish.refresh_from_db()
    assert wish.status == WishStatus.OPEN
    client.post(reverse("wishes:act", args=[wish.pk, "claim"]), {"kind": "enterprise", "donor_name": "盐城爱心企业"})
    claim = Claim.objects.get()
    assert claim.donor_name == "盐城爱心企业" and claim.kind == "enterprise"
    photo = image_bytes()
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("送达.jpg", photo, content_type="image/jpeg")
    client.post(reverse("wishes:fulfil", args=[claim.pk]), {"photo": upload, "note": "送到城关小学"})
    claim.refresh_from_db()
    assert claim.status == "fulfilled" and claim.photo
    assert client.get(reverse("wishes:photo", args=[claim.pk])).status_code == 200
    assert desk(tree.outsider).get(reverse("wishes:photo", args=[claim.pk])).status_code == 404
    client.post(reverse("wishes:act", args=[wish.pk, "confirm"]), {"thanks": "孩子说谢谢"})
    wish.refresh_from_db()
    assert wish.status == WishStatus.RECEIVED and wish.thanks == "孩子说谢谢"


def test_reject_needs_a_reason(tree: Tree) -> None:
    wish = make_wish(tree.union, tree.cadre, status="pending")
    client = desk(tree.cadre)
    response = client.post(reverse("wishes:act", args=[wish.pk, "vet"]), {"decision": "reject"}, follow=True)
    assert "请填写未通过的原因" in response.content.decode()
    client.post(reverse("wishes:act", args=[wish.pk, "vet"]), {"decision": "reject", "reason": "超出帮扶范围"})
    wish.refresh_from_db()
    assert wish.status == "rejected" and wish.reason == "超出帮扶范围"
    assert client.post(reverse("wishes:act", args=[wish.pk, "bogus"])).status_code == 404


def test_the_caps_page_sets_a_union_cap_its_subtree_follows(tree: Tree) -> None:
    client = desk(tree.cadre)
    page = client.get(reverse("wishes:caps")).content.decode()
    assert "平台默认" in page
    client.post(reverse("wishes:caps"), {"org": tree.county.code, "cap": "300", "claim_days": "10"})
    policy = WishPolicy.objects.get()
    assert policy.org == tree.county and policy.cap == Decimal(300)
    page = client.get(reverse("wishes:caps")).content.decode()
    assert "300" in page and tree.county.name in page
    refused = desk(tree.union_cadre).post(
        reverse("wishes:caps"), {"org": tree.county.code, "cap": "900", "claim_days": "3"}
    )
    assert "无权修改规则" in refused.content.decode()
    assert WishPolicy.objects.get().cap == Decimal(300)
    assert tree.county.name not in desk(tree.outsider).get(reverse("wishes:caps")).content.decode()


def test_who_a_family_wish_is_for_needs_the_assistance_permission(tree: Tree) -> None:
    from gonghui.orgs.roles import Role
    from tests.factories import UserFactory, grant

    head = make_member(tree.union, 40, name="孙秀兰").person
    file = HardshipFile.objects.create(
        org=tree.union, person=head, status="open", category="deep", own_income=900, family_size=3, main_cause="illness"
    )
    wish = make_wish(tree.union, tree.cadre, person=head, hardship_file=file)
    reader = UserFactory(username="reader")
    grant(reader, tree.county, Role.READONLY)
    assert "孙秀兰" not in desk(reader).get(reverse("wishes:detail", args=[wish.pk])).content.decode()
    assert "孙秀兰" in desk(tree.cadre).get(reverse("wishes:detail", args=[wish.pk])).content.decode()
