"""The scheduled recompute as a django-tasks task (enqueue it from the scheduler or `earlywarning_recompute
--enqueue`); it only calls the service, which is safe to run twice."""

from __future__ import annotations

from django_tasks import task

from gonghui.rights.earlywarning.choices import Trigger
from gonghui.rights.earlywarning.recompute import levels_recompute


@task()
def recompute_levels() -> dict[str, int]:
    run = levels_recompute(trigger=Trigger.SCHEDULE)
    return {"enterprises": run.enterprises, "changed": run.changed, "opened": run.opened}
