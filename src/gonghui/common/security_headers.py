"""Headers Django 5.2's SecurityMiddleware does not set: CSP and Permissions-Policy."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse


def tile_source(url: str) -> str:
    """The CSP source of the map tiles' host (the stations' maps): `https://webrd0{s}.is.autonavi.com/...`
    gives `https://*.is.autonavi.com`, since `{s}` stands for the subdomain letters or digits."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if not parts.scheme or not host:
        return ""
    if "{" in host:  # a placeholder in the first label: allow that domain's subdomains
        host = "*." + host.split(".", 1)[1] if "." in host else ""
    if not host:
        return ""
    return f"{parts.scheme}://{host}" + (f":{parts.port}" if parts.port else "")


CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        " ".join(filter(None, ["img-src 'self' data: blob:", tile_source(getattr(settings, "MAP_TILE_URL", ""))])),
        "font-src 'self'",
        "connect-src 'self'",
        "frame-ancestors 'none'",
        "form-action 'self'",
        "base-uri 'self'",
        "object-src 'none'",
    ]
)
PERMISSIONS_POLICY = "camera=(self), microphone=(), geolocation=(self), payment=()"


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault("Content-Security-Policy", CSP)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response
