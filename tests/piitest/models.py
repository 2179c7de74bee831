"""A model used only by tests of the PII fields (no migrations: created by the test runner)."""

from django.db import models

from gonghui.common.masking import PIIKind
from gonghui.common.pii_fields import BlindIndexField, PIIField


class Person(models.Model):
    name = models.CharField(max_length=50)
    id_number = PIIField(kind=PIIKind.IDCARD)
    id_number_hmac = BlindIndexField(source="id_number", purpose="idcard", unique=True)
    mobile = PIIField(kind=PIIKind.MOBILE)
    mobile_hmac = BlindIndexField(source="mobile", purpose="mobile")

    class Meta:
        app_label = "piitest"

    def __str__(self) -> str:
        return self.name
