"""Join links and QR codes (segno): SVG for posters, PNG for downloads."""

from __future__ import annotations

import io

import segno
from django.http import HttpResponse


def qr_svg(url: str, *, scale: int = 8) -> str:
    return segno.make(url, error="m").svg_inline(scale=scale, dark="#1f2328")


def qr_svg_bytes(url: str, *, scale: int = 10) -> bytes:
    buffer = io.BytesIO()
    segno.make(url, error="m").save(buffer, kind="svg", scale=scale, xmldecl=True)
    return buffer.getvalue()


def qr_download(url: str, *, fmt: str, filename: str) -> HttpResponse:
    """An attachment response with the QR code of `url` as PNG or SVG."""
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
