"""The recompute as a background job a rights cadre starts from the levels page (with its progress bar), as
a django-tasks task for the scheduler, and (management/commands) as a command for cron."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.accounts.models import User
from gonghui.common.jobs import Progress, job_handler, job_start
from gonghui.common.models import Job
from gonghui.rights.earlywarning.choices import Trigger
from gonghui.rights.earlywarning.recompute import levels_recompute
from gonghui.rights.earlywarning.selectors import rights_paths

RECOMPUTE_KIND = "earlywarning.recompute"
STEPS = ["enterprises", "indicators", "scores", "saving"]


def recompute_start(*, actor: User) -> Job:
    """A cadre's recompute covers the subtrees where they hold the rights role."""
    if rights_paths(actor) == []:
        raise PermissionDenied
    return job_start(kind=RECOMPUTE_KIND, user=actor)


@job_handler(RECOMPUTE_KIND, label=gettext_lazy("计算劳动关系预警等级"))
def recompute_job(job: Job, progress: Progress) -> dict[str, Any]:
    actor = job.created_by
    if actor is None:
        raise PermissionDenied
    paths = rights_paths(actor)  # roles may have changed since the job was started
    if paths == []:
        raise PermissionDenied
    progress.set_total(len(STEPS), _("正在计算预警等级…"))
    run = levels_recompute(trigger=Trigger.CADRE, actor=actor, paths=paths, progress=lambda _step: progress.advance(1))
    return {"enterprises": run.enterprises, "changed": run.changed, "opened": run.opened, "run": run.pk}
