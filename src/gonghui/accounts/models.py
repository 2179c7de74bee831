from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserKind(models.TextChoices):
    STAFF = "staff", _("工作人员")
    WORKER = "worker", _("职工")
    # Partners sign in with a phone code and reach only their own desk: a 特惠商户's cashier scanning
    # e-cards, a counsellor or lawyer keeping their appointments. Never a workbench page, never a role.
    MERCHANT = "merchant", _("商户店员")
    PROVIDER = "provider", _("服务人员")


class User(AbstractUser):
    """A person who logs in: union staff with a password, or a worker signed in with a phone code.

    No phone or ID number lives here; personal data belongs to the member registry. A worker account
    reaches no workbench page whatever roles someone tries to give it.
    """

    display_name = models.CharField(_("姓名"), max_length=50, blank=True)
    kind = models.CharField(_("账号类型"), max_length=8, choices=UserKind.choices, default=UserKind.STAFF)
    # Set when a cadre creates the account or resets its password: the password was shown to someone else,
    # so the owner must choose their own before anything else.
    password_change_required = models.BooleanField(_("须修改密码"), default=False)

    class Meta:
        verbose_name = _("用户")
        verbose_name_plural = _("用户")

    def __str__(self) -> str:
        return self.display_name or self.username

    @property
    def is_worker(self) -> bool:
        return self.kind == UserKind.WORKER

    @property
    def is_staff_account(self) -> bool:
        """Union staff: the only kind that may hold roles, open the workbench or use the staff API."""
        return self.kind == UserKind.STAFF


class ApiToken(models.Model):
    """A bearer token for API clients. Only a SHA-256 of the secret is stored."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("用途"), max_length=100)
    prefix = models.CharField(max_length=12, unique=True)
    digest = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API 令牌")
        verbose_name_plural = _("API 令牌")

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"


class CodePurpose(models.TextChoices):
    SIGN_IN = "sign_in", _("登录")
    OLD_NUMBER = "old_number", _("原手机号确认")
    STAFF_SECOND_FACTOR = "staff_2fa", _("工作人员二次验证")


class PhoneCode(models.Model):
    """One SMS code sent to one number: only keyed hashes of the number, the code and the client are kept."""

    mobile_hmac = models.CharField(max_length=64)
    purpose = models.CharField(max_length=16, choices=CodePurpose.choices)
    code_digest = models.CharField(max_length=64)
    client_hmac = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    tries = models.PositiveSmallIntegerField(default=0)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("短信验证码")
        verbose_name_plural = _("短信验证码")
        indexes = [
            models.Index(fields=["mobile_hmac", "created_at"], name="accounts_code_mobile"),
            models.Index(fields=["client_hmac", "created_at"], name="accounts_code_client"),
        ]

    def __str__(self) -> str:
        return f"{self.purpose} {self.created_at:%Y-%m-%d %H:%M}"
