"""Join links and QR codes (segno): SVG for posters, PNG for downloads."""

from __future__ import annotations

import io

import segno
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse


def qr_svg(url: str, *, scale: int = 8) -> str:
    return segno.make(url, error="m").svg_inline(scale=scale, dark="#1f2328")


def qr_svg_bytes(url: str, *, scale: int = 10) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=scale, xmldecl=True)
    return buffer.getvalue()


def join_link(request: HttpRequest, *, org_code: str = "", join_target_code: str = "") -> str:
    """The absolute H5 join URL a QR code carries: a union's, or a join target's."""
    path = (
        reverse("join:join_target", args=[join_target_code])
        if join_target_code
        else reverse("join:org", args=[org_code])
    )
    return request.build_absolute_uri(path)


def qr_download(url: str, *, fmt: str, filename: str) -> HttpResponse:
    """An attachment response with the QR code of `url` as PNG or SVG; any other format is a 404."""
    if fmt not in ("svg", "png"):
        raise Http404
    if fmt == "png":
        response = HttpResponse(qr_png_bytes(url), content_type="image/png")
    else:
        response = HttpResponse(qr_svg_bytes(url), content_type="image/svg+xml")
    response["Content-Disposition"] = f'attachment; filename="{filename}.{fmt}"'
    return response


def qr_png_bytes(url: str, *, scale: int = 12) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="png", scale=scale, border=4)
    return buffer.getvalue()
