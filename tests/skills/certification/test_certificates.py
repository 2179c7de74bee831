"""The skills certificates: numbered so no one can guess one, checked publicly by number with the name masked."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from gonghui.skills.certification.certificates import CertificateIn, certificate_revoke, certificates_issue
from gonghui.skills.certification.choices import CertificateKind
from tests.factories import Tree, make_member

pytestmark = pytest.mark.django_db


def _issue(tree: Tree, *names: str) -> list:
    people = [make_member(tree.union, n, name=name).person for n, name in enumerate(names, start=1)]
    items = [CertificateIn(person=p, title="2026年商南县电工技能竞赛 一等奖", detail="电工") for p in people]
    return certificates_issue(kind=CertificateKind.COMPETITION, org=tree.county, items=items)


def test_numbers_are_distinct_and_carry_ten_random_characters() -> None:
    certificates = _issue(Tree(), "刘保柱", "王芳", "张伟")
    numbers = {c.number for c in certificates}
    assert len(numbers) == 3
    assert all(re.fullmatch(r"JS\d{4}-[A-HJ-NP-Z2-9]{10}", n) for n in numbers)


def test_the_public_check_shows_the_certificate_with_the_name_masked(client) -> None:
    (certificate,) = _issue(Tree(), "刘保柱")
    response = client.get(reverse("certification_h5:verify", args=[certificate.number]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "证书真实有效" in body and "刘**" in body and "刘保柱" not in body
    assert "<svg" in body  # the QR code of the page itself, to print on the certificate


def test_a_revoked_certificate_says_so_and_an_unknown_number_is_not_found(client) -> None:
    (certificate,) = _issue(Tree(), "王芳")
    with pytest.raises(ValidationError):
        certificate_revoke(certificate=certificate, reason=" ")
    certificate_revoke(certificate=certificate, reason="成绩复核后取消")
    body = client.get(reverse("certification_h5:verify", args=[certificate.number])).content.decode()
    assert "该证书已撤销" in body and "成绩复核后取消" in body
    assert client.get(reverse("certification_h5:verify", args=["JS2026-AAAAAAAAAA"])).status_code == 404
