"""Model fields that keep personal data sealed in the database.

`PIIField` stores an AES-GCM token; in Python the value is a `Sealed` whose
str() and repr() are masked, so a template, log line or error page that touches
it by accident shows `110105********123X`, never the number. The plain value
comes only from `Sealed.reveal()`, which callers use for permitted, audited
display (see gonghui.orgs.pii_access) or for the blind index.

`BlindIndexField` holds the HMAC of another PIIField and is computed on save,
including bulk_create; querysets filter on it with `blind_index()`.
"""

from __future__ import annotations

from typing import Any

from django.db import models

from gonghui.common.masking import PIIKind, mask
from gonghui.common.pii_crypto import blind_index, seal, token_version, unseal


class Sealed:
    __slots__ = ("_aad", "_plain", "_token", "kind")

    def __init__(self, kind: PIIKind, *, plain: str | None = None, token: str | None = None, aad: str = ""):
        self.kind = kind
        self._plain = plain
        self._token = token
        self._aad = aad

    def reveal(self) -> str:
        if self._plain is None:
            if self._token is None:
                raise ValueError("a Sealed value needs a plain value or a token")
            self._plain = unseal(self._token, aad=self._aad)
        return self._plain

    def masked(self) -> str:
        return mask(self.kind, self.reveal())

    @property
    def key_version(self) -> int | None:
        """The key version of the stored token (None if not yet sealed)."""
        return None if self._token is None else token_version(self._token)

    def resealed(self) -> Sealed:
        """A copy that will be sealed again (under the current key) on save."""
        return Sealed(self.kind, plain=self.reveal())

    def token_for(self, aad: str) -> str:
        # Re-use the stored token when the value was loaded and not changed.
        if self._token is None or self._aad != aad:
            self._token = seal(self.reveal(), aad=aad)
            self._aad = aad
        return self._token

    def __str__(self) -> str:
        return self.masked()

    def __repr__(self) -> str:
        return f"<Sealed {self.kind}: {self.masked()}>"

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sealed):
            return self.reveal() == other.reveal()
        if isinstance(other, str):
            return self.reveal() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.reveal())

    def __bool__(self) -> bool:
        return bool(self.reveal())


class _SealingDescriptor:
    def __init__(self, field: PIIField):
        self.field = field

    def __get__(self, instance: Any, owner: Any = None) -> Any:
        if instance is None:
            return self
        return instance.__dict__.get(self.field.attname)

    def __set__(self, instance: Any, value: Any) -> None:
        instance.__dict__[self.field.attname] = self.field.wrap(value)


class PIIField(models.TextField):
    """Encrypted text; the Python value is a Sealed (or None)."""

    def __init__(self, *args: Any, kind: PIIKind = PIIKind.TEXT, **kwargs: Any):
        self.kind = PIIKind(kind)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("null", True)
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs["kind"] = str(self.kind)
        return name, path, args, kwargs

    def contribute_to_class(self, cls: Any, name: str, private_only: bool = False) -> None:
        super().contribute_to_class(cls, name, private_only)
        setattr(cls, self.attname, _SealingDescriptor(self))

    @property
    def aad(self) -> str:
        return f"{self.model._meta.label_lower}.{self.attname}"

    def wrap(self, value: Any) -> Sealed | None:
        # Sealed first: comparing a Sealed with "" would decrypt it, and loading rows must not.
        if isinstance(value, Sealed):
            return value
        if value is None or value == "":
            return None
        return Sealed(self.kind, plain=str(value))

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Sealed | None:
        if value is None:
            return None
        return Sealed(self.kind, token=value, aad=self.aad)

    def to_python(self, value: Any) -> Sealed | None:
        return self.wrap(value)

    def get_prep_value(self, value: Any) -> str | None:
        sealed = self.wrap(value)
        return None if sealed is None else sealed.token_for(self.aad)

    def value_to_string(self, obj: Any) -> str:
        # Serialisation (dumpdata, admin history) sees only the masked value.
        sealed = self.value_from_object(obj)
        return "" if sealed is None else sealed.masked()


class BlindIndexField(models.CharField):
    """HMAC-SHA256 (hex) of the PIIField named by `source`, set on every save."""

    def __init__(self, *args: Any, source: str = "", purpose: str = "", **kwargs: Any):
        self.source = source
        self.purpose = purpose
        kwargs["max_length"] = 64
        kwargs.setdefault("null", True)
        kwargs.setdefault("blank", True)
        kwargs["editable"] = False
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> Any:
        name, path, args, kwargs = super().deconstruct()
        kwargs.update(source=self.source, purpose=self.purpose)
        kwargs.pop("max_length", None)
        kwargs.pop("editable", None)
        return name, path, args, kwargs

    def pre_save(self, model_instance: Any, add: bool) -> str | None:
        sealed = getattr(model_instance, self.source)
        value = None if sealed is None else blind_index(sealed.reveal(), purpose=self.purpose)
        setattr(model_instance, self.attname, value)
        return value
