"""Load the demo federation and demo staff users. Safe to run twice."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction

from gonghui.common.demo_hooks import run_late_demos
from gonghui.orgs.demo import TREE, USERS, DemoOrg, demo_mobile, demo_uscc
from gonghui.orgs.kinds import NEEDS_UNION_USCC
from gonghui.orgs.models import CommitteeBody, Enterprise, OrgNode, SeatPosition, StaffRole
from gonghui.orgs.roles import Role
from gonghui.orgs.services import (
    EnterpriseFields,
    OrgFields,
    Seat,
    committee_term_record,
    enterprise_create,
    org_create,
)

DEFAULT_PASSWORD = "gonghui-demo"  # noqa: S105 - demo accounts on a local SQLite database


class Command(BaseCommand):
    help = "Create the demo union tree (枣庄, 商南, 泰安, 盐城, 乐清柳市) and demo staff users."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--password", default=DEFAULT_PASSWORD, help="password for new demo users")
        parser.add_argument(
            "--reset-passwords", action="store_true", help="set --password on existing demo users too (logs them out)"
        )

    @transaction.atomic
    def handle(self, *args: Any, **options: Any) -> None:
        User = get_user_model()
        admin, new_admin = User.objects.get_or_create(
            username="admin", defaults={"is_superuser": True, "is_staff": True, "display_name": "平台管理员"}
        )
        self._password(admin, new_admin, options)
        created = sum(self._org(admin, node, None) for node in TREE)
        for spec in USERS:
            user, new_user = User.objects.get_or_create(
                username=spec.username, defaults={"display_name": spec.display_name}
            )
            self._password(user, new_user, options)
            StaffRole.objects.get_or_create(user=user, org=OrgNode.objects.get(code=spec.org_code), role=spec.role)
        self._election(admin)
        self._second_factor()
        members = 0
        if apps.is_installed("gonghui.members"):
            from gonghui.members.demo import load_demo_members

            members = load_demo_members(admin)
        campaigns = 0
        if apps.is_installed("gonghui.assistance"):
            from gonghui.ledger.demo import load_demo_assistance

            campaigns = load_demo_assistance()
        projects = needs = 0
        if apps.is_installed("gonghui.innovation"):
            from gonghui.innovation.demo import load_demo_innovation

            projects = load_demo_innovation(admin)
        if apps.is_installed("gonghui.experts"):
            from gonghui.experts.demo import load_demo_desk

            needs = load_demo_desk(admin)
        stations = events = 0
        if apps.is_installed("gonghui.stations"):
            from gonghui.stations.demo import load_demo_stations

            stations = load_demo_stations(admin)
        if apps.is_installed("gonghui.events"):
            from gonghui.events.demo import load_demo_events

            events = load_demo_events(admin)
        cards = 0
        if apps.is_installed("gonghui.benefits"):
            from gonghui.benefits.demo import load_demo_benefits

            cards = load_demo_benefits(admin)
        wishes = 0
        if apps.is_installed("gonghui.wishes"):
            from gonghui.wishes.demo import load_demo_wishes

            wishes = load_demo_wishes(admin)
        appointments = 0
        if apps.is_installed("gonghui.appointments"):
            from gonghui.appointments.demo import load_demo_appointments

            appointments = load_demo_appointments(admin)
        skills = 0
        if apps.is_installed("gonghui.skills.certification"):
            from gonghui.skills.demo import load_demo_skills

            skills = load_demo_skills(admin)
        rights = 0
        if apps.is_installed("gonghui.rights.legalaid"):
            from gonghui.rights.demo import load_demo_rights

            rights = load_demo_rights(admin)
        if apps.is_installed("gonghui.members"):
            from gonghui.members.counters import member_counts_repair

            member_counts_repair()  # the loaders create memberships in bulk: counts are set from them once
        run_late_demos(admin)  # last: the reports' returns and work reports are made from the others' records
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready: {created} new org nodes, {members} new members, {campaigns} new aid campaigns, "
                f"{projects} new 五小 projects, {needs} new desk needs, {stations} new stations, {events} new events, "
                f"{cards} new member cards, {wishes} new micro-wishes, {appointments} new appointments, "
                f"{skills} new skills records, {rights} new rights records."
            )
        )
        self.stdout.write(f"Demo logins (password: {options['password']}):")
        self.stdout.write(f"  {'admin':<10} 平台管理员（全部组织）")
        for spec in USERS:
            self.stdout.write(f"  {spec.username:<10} {spec.display_name}（{Role(spec.role).label}）")
        self.stdout.write(f"  {'yc-pingshen1':<10} 盐城五小评审专家（评审专家组，无管理角色）")
        self.stdout.write(
            "二次验证：admin 与管理员、财务账号登录后需输入动态码；"
            "开发模式（DEBUG=1）下页面直接显示演示账号的当前动态码。"
        )

    def _second_factor(self) -> None:
        """Demo staff who must pass the second factor get a TOTP device whose code DEBUG pages show."""
        from django_otp.plugins.otp_totp.models import TOTPDevice

        from gonghui.orgs.second_factor import needs_second_factor

        for user in get_user_model().objects.filter(username__in=["admin", *(spec.username for spec in USERS)]):
            if needs_second_factor(user) and not TOTPDevice.objects.filter(user=user).exists():
                TOTPDevice.objects.create(user=user, name=settings.OTP_DEMO_DEVICE, confirmed=True)

    def _org(self, admin: Any, spec: DemoOrg, parent: OrgNode | None) -> int:
        node = OrgNode.objects.filter(code=spec.code).first()
        created = 0
        if node is None:
            uscc = demo_uscc("81", spec.region, spec.name) if spec.kind in NEEDS_UNION_USCC else ""
            fields = OrgFields(
                name=spec.name,
                kind=spec.kind,
                region_code=spec.region,
                uscc=uscc,
                chair_name=spec.chair,
                established_on=spec.established,
                address=f"{spec.name}职工服务中心",
            )
            node = org_create(actor=admin, parent=parent, fields=fields, code=spec.code)
            created = 1
        for company in spec.enterprises:
            if not Enterprise.objects.filter(name=company.name).exists():
                enterprise_create(
                    actor=admin,
                    union=node,
                    fields=EnterpriseFields(
                        name=company.name,
                        uscc=demo_uscc("91", spec.region, company.name),
                        industry=company.industry,
                        ownership=company.ownership,
                        employee_count=company.employees,
                        region_code=spec.region,
                        contact_name="工会办公室",
                        contact_phone=demo_mobile(company.name),
                    ),
                )
        return created + sum(self._org(admin, child, node) for child in spec.children)

    def _election(self, admin: Any) -> None:
        liushi = OrgNode.objects.get(code="liushi")
        if liushi.terms.exists():
            return
        committee_term_record(
            actor=admin,
            org=liushi,
            body=CommitteeBody.UNION_COMMITTEE,
            number=3,
            elected_on=dt.date(2023, 12, 20),
            starts_on=dt.date(2023, 12, 20),
            ends_on=dt.date(2028, 12, 19),
            seats=[
                Seat("郑向乐", SeatPosition.CHAIR),
                Seat("陈奇", SeatPosition.VICE_CHAIR, is_front_line=True),
                Seat("林晓燕", SeatPosition.MEMBER, is_front_line=True),
                Seat("周建国", SeatPosition.MEMBER),
            ],
        )

    @staticmethod
    def _password(user: Any, created: bool, options: dict[str, Any]) -> None:
        """A new demo user gets the password; an existing one keeps theirs (and their sessions) unless asked."""
        if not created and not options.get("reset_passwords"):
            return
        user.set_password(options["password"])
        user.save(update_fields=["password"])
