"""Issue an API token for an integrator account; the secret is printed once and never stored."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from gonghui.accounts.services import api_token_issue


class Command(BaseCommand):
    help = "Issue an API token: manage.py issue_api_token USERNAME --name 'purpose'"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", required=True, help="what the token is for, e.g. 省平台对接")

    def handle(self, *args: Any, **options: Any) -> None:
        user = get_user_model().objects.filter(username=options["username"], is_active=True).first()
        if user is None:
            raise CommandError(f"没有这个账号：{options['username']}")
        issued = api_token_issue(user=user, name=options["name"])
        self.stdout.write(issued.secret)
