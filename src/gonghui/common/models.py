from __future__ import annotations

import datetime as dt
import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    CREATE = "create", _("新建")
    UPDATE = "update", _("修改")
    DELETE = "delete", _("删除")
    MOVE = "move", _("移动")
    VIEW_PII = "view_pii", _("查看完整个人信息")
    EXPORT = "export", _("导出")
    EXPORT_PII = "export_pii", _("导出完整个人信息")
    VIEW_SENSITIVE = "view_sensitive", _("查阅敏感档案")
    GRANT = "grant", _("授予角色")
    REVOKE = "revoke", _("撤销角色")
    LOGIN = "login", _("登录")
    PASSWORD_RESET = "password_reset", _("重置密码")
    DEACTIVATE = "deactivate", _("停用账号")
    ACTIVATE = "activate", _("启用账号")


class AuditEvent(models.Model):
    """Append-only record of who did what to which record, and who saw full personal data."""

    at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("操作人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(_("操作人账号"), max_length=150, blank=True)
    action = models.CharField(_("动作"), max_length=20, choices=AuditAction.choices)
    target_type = models.CharField(_("对象类型"), max_length=64, blank=True)
    target_id = models.CharField(_("对象编号"), max_length=64, blank=True)
    target_repr = models.CharField(_("对象"), max_length=200, blank=True)
    org = models.ForeignKey(
        "orgs.OrgNode", verbose_name=_("所属组织"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    ip = models.GenericIPAddressField(_("IP 地址"), null=True, blank=True)
    detail = models.JSONField(_("详情"), default=dict, blank=True)

    class Meta:
        verbose_name = _("审计记录")
        verbose_name_plural = _("审计记录")
        ordering = ["-at", "-id"]
        indexes = [
            models.Index(fields=["target_type", "target_id"]),
            models.Index(fields=["org", "at"]),
            models.Index(fields=["actor", "at"]),
        ]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.get_action_display()} {self.target_repr}"


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("排队中")
    RUNNING = "running", _("进行中")
    SUCCEEDED = "succeeded", _("已完成")
    FAILED = "failed", _("失败")


class Job(models.Model):
    """A long-running piece of work a person waits for, with progress for a progress bar."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(_("类型"), max_length=64)
    status = models.CharField(_("状态"), max_length=16, choices=JobStatus.choices, default=JobStatus.QUEUED)
    org = models.ForeignKey(
        "orgs.OrgNode", verbose_name=_("所属组织"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("发起人"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    params = models.JSONField(default=dict, blank=True)
    total = models.PositiveIntegerField(_("总数"), default=0)
    done = models.PositiveIntegerField(_("已处理"), default=0)
    message = models.CharField(_("进度说明"), max_length=200, blank=True)
    result = models.JSONField(default=dict, blank=True)
    result_file = models.FileField(_("结果文件"), upload_to="jobs/%Y/%m/", blank=True)
    error = models.TextField(_("错误"), blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    # The job worker running it (common.workers): a running job whose worker stopped beating is dead.
    worker_id = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("后台任务")
        verbose_name_plural = _("后台任务")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["created_by", "created_at"]), models.Index(fields=["status"])]

    def __str__(self) -> str:
        return f"{self.kind} {self.id}"

    @property
    def kind_label(self) -> str:
        from gonghui.common.jobs import kind_label  # jobs.py imports this module

        return kind_label(self.kind)

    @property
    def file_kept_until(self) -> dt.datetime | None:
        """When the result file is deleted by the purge (common/file_purge.py); shown on the job page."""
        if not self.result_file or self.finished_at is None:
            return None
        return self.finished_at + dt.timedelta(hours=settings.EXPORT_KEEP_HOURS)

    @property
    def percent(self) -> int:
        if self.status == JobStatus.SUCCEEDED:
            return 100
        if not self.total:
            return 0
        return min(100, int(self.done * 100 / self.total))

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.SUCCEEDED, JobStatus.FAILED)


class WorkerHeartbeat(models.Model):
    """Written every few seconds by each job worker, read by /healthz."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    hostname = models.CharField(max_length=128, blank=True)
    pid = models.PositiveIntegerField(default=0)
    started_at = models.DateTimeField(auto_now_add=True)
    seen_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("任务进程心跳")
        verbose_name_plural = _("任务进程心跳")

    def __str__(self) -> str:
        return f"{self.worker_id}@{self.hostname}"
