"""Checking uploaded evidence files by what they are, not by what their name says, and naming them.

An image must decode (Pillow) as the format its first bytes claim, within a pixel cap; a PDF must have a
PDF's header and trailer. Stored files get generated names: an uploader's file name ("张三身份证.jpg")
never reaches the disk.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_PIXELS = 50_000_000  # a 50-megapixel phone photo; more is a decompression bomb, not evidence
EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp", "application/pdf": ".pdf"}
_PIL_FORMATS = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}

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

    @property
    def filename(self) -> str:
        """What to save it as: only the extension of its checked type survives (`GeneratedPath` does the rest)."""
        return f"upload{EXTENSIONS[self.content_type]}"


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
    names = {"image": _("图片（JPG、PNG、WebP）"), "pdf": "PDF"}
    if kind is None or kind[1] not in families:
        raise ValidationError(
            _("只接受%(kinds)s文件。") % {"kinds": "、".join(names[f] for f in sorted(families))}, code="file_type"
        )
    whole = _image_decodes(file, kind[0]) if kind[1] == "image" else _pdf_is_whole(file, size)
    if not whole:
        raise ValidationError(
            _("文件已损坏或不是真正的%(kind)s，请重新导出后上传。") % {"kind": names[kind[1]]}, code="broken"
        )
    return CheckedUpload(content_type=kind[0], size=size)


def _image_decodes(file: IO[bytes], content_type: str) -> bool:
    position = file.tell()
    try:
        with Image.open(file) as image:
            if image.format != _PIL_FORMATS[content_type] or image.width * image.height > MAX_PIXELS:
                return False
            image.verify()
        return True
    except (OSError, SyntaxError, ValueError, UnidentifiedImageError, Image.DecompressionBombError):
        return False
    finally:
        file.seek(position)


def _pdf_is_whole(file: IO[bytes], size: int) -> bool:
    """A PDF's trailer: `startxref` and `%%EOF` within its last kilobyte (a renamed page or a cut file has not)."""
    position = file.tell()
    try:
        file.seek(max(0, size - 1024))
        tail = file.read(1024)
    finally:
        file.seek(position)
    return b"startxref" in tail and b"%%EOF" in tail


@deconstructible
class GeneratedPath:
    """upload_to for evidence files: `<folder>/<year>/<random>.<ext>`, the extension of the checked type."""

    def __init__(self, folder: str) -> None:
        self.folder = folder

    def __call__(self, instance: Any, filename: str) -> str:
        ext = next((e for e in EXTENSIONS.values() if filename.lower().endswith(e)), "")
        return f"{self.folder}/{timezone.now():%Y}/{uuid.uuid4().hex}{ext}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GeneratedPath) and other.folder == self.folder
