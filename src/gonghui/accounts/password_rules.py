"""Password rules in the platform's own words: Django's Chinese catalog lacks its newer length message
(it came out in English) and says 你 where the workbench says 您."""

from __future__ import annotations

from django.contrib.auth import password_validation
from django.utils.translation import gettext as _


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self) -> str:
        return _("密码太短，至少需要 %(min_length)d 个字符。") % {"min_length": self.min_length}

    def get_help_text(self) -> str:
        return _("密码至少 %(min_length)d 个字符，不能全是数字，也不能是常见密码。") % {"min_length": self.min_length}
