"""Public pages of the certification app: checking a certificate by its number (the QR code's address)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gonghui.common.access import public_view
from gonghui.common.masking import mask_text
from gonghui.members.qr import qr_svg
from gonghui.skills.certification.certificates import certificate_by_number, verify_url


@public_view
def verify(request: HttpRequest, number: str) -> HttpResponse:
    certificate = certificate_by_number(number)
    url = verify_url(request, certificate)
    context = {
        "certificate": certificate,
        "holder": mask_text(certificate.person.name),
        "qr": qr_svg(url, scale=3),
        "url": url,
    }
    return render(request, "certification/h5/verify.html", context)
