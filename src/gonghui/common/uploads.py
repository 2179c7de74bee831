"""Checking uploaded evidence files by what they are, not by what their name says."""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Leading bytes of the formats unions accept as evidence (photos of a device, scanned PDFs).
_SIGNATURES: tuple[tuple[bytes, str, str], ...] = (
    (b"\xff\xd8\xff", "image/jpeg", "image"),
    (b"\x89PNG\r\n\x1a\n", "image/png", "image"),
    (b"%PDF-", "application/pdf", "pdf"),
)


@dataclass(frozen=True)
class CheckedUpload:
    content_type: str
    size: int


def sniff(head: bytes) -> tuple[str, str] | None:
    """(content type, family) for known leading bytes; WebP is RIFF....WEBP."""
    for signature, content_type, family in _SIGNATURES:
        if head.startswith(signature):
            return content_type, family
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return "image/webp", "image"
    return None


def check_upload(file: IO[bytes], *, size: int, families: set[str], max_bytes: int) -> CheckedUpload:
    """Refuse files that are too big or not one of the allowed families (image, pdf), with a Chinese reason."""
    if size > max_bytes:
        raise ValidationError(_("文件不能超过 %(mb)d MB。") % {"mb": max_bytes // (1024 * 1024)}, code="too_big")
    if size == 0:
        raise ValidationError(_("文件是空的。"), code="empty")
    position = file.tell()
    head = file.read(16)
    file.seek(position)
    kind = sniff(head)
    if kind is None or kind[1] not in families:
        names = {"image": _("图片（JPG、PNG、WebP）"), "pdf": "PDF"}
        raise ValidationError(
            _("只接受%(kinds)s文件。") % {"kinds": "、".join(names[f] for f in sorted(families))}, code="file_type"
        )
    return CheckedUpload(content_type=kind[0], size=size)
