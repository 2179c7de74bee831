"""Import a roster: python manage.py import_members PATH --org CODE [--mode all|valid] [--report OUT.xlsx] [--dry-run]

The last line printed is JSON: rows, imported, rejected, duplicates, seconds, committed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from gonghui.common.workers import use_job_timeouts
from gonghui.members.importer.pipeline import Mode, roster_import
from gonghui.members.importer.report import write_error_report
from gonghui.orgs.models import OrgNode


class Command(BaseCommand):
    help = "Import a member roster (xlsx/xls/csv) into a union."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path")
        parser.add_argument("--org", required=True, help="code of the receiving union")
        parser.add_argument("--mode", choices=[m.value for m in Mode], default=Mode.ALL.value)
        parser.add_argument("--report", help="write the row error report (xlsx) here")
        parser.add_argument("--dry-run", action="store_true", help="validate only, write nothing")
        parser.add_argument("--as-user", default="", help="staff account to act as (default: a platform admin)")

    def handle(self, *args: Any, **options: Any) -> None:
        use_job_timeouts()  # a roster of a million rows is a job, run from the shell
        path = Path(options["path"])
        if not path.is_file():
            raise CommandError(f"没有这个文件：{path}")
        org = OrgNode.objects.filter(code=options["org"].lower()).first()
        if org is None:
            raise CommandError(f"没有这个工会组织编码：{options['org']}")
        users = get_user_model().objects.filter(is_active=True)
        actor = (
            users.filter(username=options["as_user"]) if options["as_user"] else users.filter(is_superuser=True)
        ).first()
        if actor is None:
            raise CommandError("找不到执行导入的账号（--as-user，或先创建平台管理员）。")
        try:
            result = roster_import(
                actor=actor,
                org=org,
                source=path.read_bytes(),
                filename=path.name,
                mode=Mode(options["mode"]),
                dry_run=options["dry_run"],
            )
        except ValidationError as exc:
            raise CommandError("；".join(exc.messages)) from exc
        for error in result.errors[:20]:
            self.stdout.write(f"第 {error.number} 行：{error.reason}")
        if len(result.errors) > 20:
            self.stdout.write(f"……另有 {len(result.errors) - 20} 处错误，见错误报告。")
        if options["report"] and result.errors:
            write_error_report(options["report"], result.errors)
        self.stdout.write(json.dumps(result.summary(), ensure_ascii=False))
