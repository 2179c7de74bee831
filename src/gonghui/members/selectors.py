"""Reads of the member registry, always through the scope.

Lists page by keyset (`after` = the last id seen), so a million-member union never
counts every row to draw a page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gonghui.common.figures import dated_within
from gonghui.common.idcard import normalize_idcard, parse_idcard
from gonghui.common.mobile import validate_mobile
from gonghui.common.search_keys import parse_query
from gonghui.common.textnorm import compact
from gonghui.members.choices import (
    JOINED_STATUSES,
    LIVE_STATUSES,
    NEW_EMPLOYMENT_FORMS,
    ChangeStatus,
    JoinSource,
    MembershipStatus,
    TransferStatus,
)
from gonghui.members.identity import document_hmac, mobile_hmac
from gonghui.members.models import ChangeRequest, JoinPolicy, JoinTarget, Membership, Person, Transfer
from gonghui.members.workdays import working_days_before
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for

OVERDUE_WORKING_DAYS = 15


# The roster's pseudo-values the 会员 figures link with: all the new forms of employment at once, and a
# membership that ended other than by a transfer (退会 or 去世, as 退会 counts them).
NEW_FORMS = "new_forms"
LEFT_OR_DECEASED = "left_or_deceased"


@dataclass
class MemberFilters:
    org: OrgNode | None = None  # the roster's own union filter
    under: OrgNode | None = None  # a figure's drill-down (?under=); both given, the roster holds what both hold
    status: str = ""  # a MembershipStatus, or LEFT_OR_DECEASED
    employment_form: str = ""  # an EmploymentForm, or NEW_FORMS
    occupation: str = ""
    village: str = ""
    joined_from: dt.date | None = None
    joined_to: dt.date | None = None
    q: str = ""
    key: str = ""  # an ID number or mobile searched for, as `search_key` gives it (URLs carry this, never q)
    # What the 会员 figures' links add (issue 19): a period's days (`dated` says which: joined or ended), joins
    # (approved, not transfers) or transfers in, the roll as of a day, women, migrant workers.
    start: dt.date | None = None
    end: dt.date | None = None
    dated: str = "joined"  # "joined" (入会日期) | "ended" (会籍终止日期)
    join: str = ""  # "new" (新入会) | "transfer" (转会转入)
    on_roll: dt.date | None = None
    sex: str = ""
    migrant: bool = False


def on_roll_q(day: dt.date) -> Q:
    """Memberships on the roll at the end of `day`: joined by then, not ended by then (会员总数 as of a day)."""
    return Q(status__in=JOINED_STATUSES, joined_on__lte=day) & (Q(ended_on__isnull=True) | Q(ended_on__gt=day))


def joined_q() -> Q:
    """Joins as 新入会 counts them: approved (whatever became of them since), transfers in not included."""
    return Q(status__in=JOINED_STATUSES) & ~Q(source=JoinSource.TRANSFER)


def transferred_in_q() -> Q:
    """Transfers in as 转会转入 counts them: the membership a completed transfer opened."""
    return Q(status__in=JOINED_STATUSES, source=JoinSource.TRANSFER)


def left_q() -> Q:
    """Memberships that ended other than by a transfer (退会 counts them by their end date)."""
    return Q(status__in=[MembershipStatus.LEFT, MembershipStatus.DECEASED])


def new_forms_q() -> Q:
    return Q(employment_form__in=sorted(NEW_EMPLOYMENT_FORMS))


def search_key(raw: str) -> str:
    """A full ID number or mobile typed in a search box, as the key that may go in a URL: its keyed blind
    index ("id.…" or "m.…"), so access logs never hold the number. "" for any other search."""
    text = compact(raw).upper()
    try:
        return "id." + document_hmac(parse_idcard(text).number)
    except ValidationError:
        pass
    if text.isdigit() and len(text) == 11:
        try:
            return "m." + mobile_hmac(validate_mobile(text))
        except ValidationError:
            pass
    return ""


def _key_q(key: str) -> Q:
    kind, _sep, digest = key.partition(".")
    if kind == "id":
        return Q(person__id_hmac=digest)
    return Q(person__mobile_hmac=digest) if kind == "m" else Q(pk__in=[])


def _search_q(raw: str) -> Q | None:
    """What the search box means, chosen so every branch can use an index on a million rows.

    A full ID number or an 11-digit mobile: exact match on the blind index. Anything else with a
    digit: a member number. Latin letters: the start of the full pinyin or of the initials.
    Chinese characters (simplified or traditional): the start of the name.
    """
    text = compact(raw).upper()
    if not text:
        return None
    key = search_key(text)
    if key:
        return _key_q(key)
    if any(c.isdigit() for c in text):
        return Q(member_no=text)
    query = parse_query(raw)
    if query is None:
        return None
    if query.latin:
        return Q(person__name_pinyin__startswith=query.text) | Q(person__name_initials__startswith=query.text)
    return Q(person__name_simplified__startswith=query.text)


def memberships_for(user: Any, filters: MemberFilters | None = None) -> QuerySet[Membership]:
    filters = filters or MemberFilters()
    qs = scope_for(user).filter(Membership.objects.select_related("person", "org"))
    for union in (filters.org, filters.under):
        if union is not None:
            require(user, union)
            qs = qs.filter(org__in=OrgNode.objects.filter(path__startswith=union.path).values("pk"))
    qs = qs.filter(_status_q(filters), _drilldown_q(filters))
    if filters.occupation:
        qs = qs.filter(occupation__contains=filters.occupation)
    if filters.village:
        qs = qs.filter(person__village=filters.village)
    if filters.joined_from:
        qs = qs.filter(joined_on__gte=filters.joined_from)
    if filters.joined_to:
        qs = qs.filter(joined_on__lte=filters.joined_to)
    search = _key_q(filters.key) if filters.key else _search_q(filters.q)
    if search is not None:
        qs = qs.filter(search)
    return qs.order_by("-id")


def _status_q(f: MemberFilters) -> Q:
    q = Q()
    if f.status == LEFT_OR_DECEASED:
        q &= left_q()
    elif f.status:
        q &= Q(status=f.status)
    if f.employment_form == NEW_FORMS:
        q &= new_forms_q()
    elif f.employment_form:
        q &= Q(employment_form=f.employment_form)
    return q


def _drilldown_q(f: MemberFilters) -> Q:
    """What a 会员 figure's link narrows to, as the figure counts it (members.figures builds on the same Qs)."""
    q = {"new": joined_q(), "transfer": transferred_in_q()}.get(f.join, Q())
    q &= dated_within("ended_on" if f.dated == "ended" else "joined_on", f.start, f.end)
    if f.on_roll is not None:
        q &= on_roll_q(f.on_roll)
    if f.sex:
        q &= Q(person__sex=f.sex)
    if f.migrant:
        q &= Q(person__is_migrant_worker=True)
    return q


NOT_FOUND_IN_SCOPE = gettext_lazy("本级工会及下级工会的在册会员中没有该证件号码。")


def person_in_scope(
    user: Any, raw: str, org: OrgNode, perm: Perm, *, field: str = "id_number", migrant_ok: bool = False
) -> Person:
    """The person with this ID number who has a live membership in `org`'s subtree, `org` being one where
    `user` holds `perm`; or a field error.

    "Not on record" and "on record elsewhere" give the same error, word for word, so a cadre learns
    nothing about people beyond their scope. `migrant_ok` also admits a migrant worker (农民工) with no live
    membership anywhere, whom the aid rules allow without joining; never one who belongs to another union.
    """
    require(user, org, perm)
    person = Person.objects.filter(id_hmac=document_hmac(normalize_idcard(raw))).first()
    if person is None or not _belongs_under(person, org, migrant_ok=migrant_ok):
        raise ValidationError({field: NOT_FOUND_IN_SCOPE})
    return person


def people_in_scope(user: Any, raws: list[str], org: OrgNode, perm: Perm, *, field: str) -> list[Person]:
    """Several people by ID number at once (one query), each as `person_in_scope` would find them; every
    line that finds nobody is named by its line number only."""
    require(user, org, perm)
    lines = {document_hmac(normalize_idcard(raw)): n for n, raw in reversed(list(enumerate(raws, 1)))}
    found = list(
        Person.objects.filter(
            id_hmac__in=list(lines),
            memberships__status__in=LIVE_STATUSES,
            memberships__org__path__startswith=org.path,
        ).distinct()
    )
    missing = sorted(set(lines.values()) - {lines[p.id_hmac] for p in found})
    if missing:
        raise ValidationError(
            {field: [_("第 %(line)d 行：%(reason)s") % {"line": n, "reason": NOT_FOUND_IN_SCOPE} for n in missing]}
        )
    return found


def _belongs_under(person: Person, org: OrgNode, *, migrant_ok: bool) -> bool:
    live = Membership.objects.filter(person=person, status__in=LIVE_STATUSES)
    if live.filter(org__path__startswith=org.path).exists():
        return True
    return migrant_ok and person.is_migrant_worker and not live.exists()


def membership_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Membership:
    membership: Membership = get_object_or_404(Membership.objects.select_related("person", "org", "employer"), pk=pk)
    require(user, membership.org, perm)
    return membership


def person_history(user: Any, person: Person) -> QuerySet[Membership]:
    """All memberships of a person that the user may see."""
    return scope_for(user).filter(person.memberships.select_related("org")).order_by("-applied_at")


def overdue_cutoff(today: dt.date | None = None) -> dt.datetime:
    day = working_days_before(today or timezone.localdate(), OVERDUE_WORKING_DAYS)
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def pending_for(user: Any, *, overdue_only: bool = False, under: OrgNode | None = None) -> QuerySet[Membership]:
    """Join applications waiting in scope, oldest first: only the overdue ones, only in `under`'s subtree."""
    qs = scope_for(user, Perm.VIEW).filter(
        Membership.objects.select_related("person", "org").filter(status=MembershipStatus.PENDING)
    )
    if overdue_only:
        qs = qs.filter(applied_at__lt=overdue_cutoff())
    if under is not None:
        require(user, under)
        qs = qs.filter(org__path__startswith=under.path)
    return qs.order_by("applied_at", "id")


def transfers_for(user: Any, *, under: OrgNode | None = None) -> QuerySet[Transfer]:
    """Pending transfers where the user may review either side; with `under`, those leaving or joining a union
    of its subtree."""
    scope = scope_for(user, Perm.REVIEW)
    orgs = scope.orgs().values("pk")
    qs = Transfer.objects.select_related("person", "from_membership__org", "to_org").filter(
        status=TransferStatus.PENDING
    )
    if not scope.everything:
        qs = qs.filter(Q(from_membership__org__in=orgs) | Q(to_org__in=orgs))
    if under is not None:
        require(user, under)
        qs = qs.filter(Q(from_membership__org__path__startswith=under.path) | Q(to_org__path__startswith=under.path))
    return qs.order_by("requested_at")


def transfer_get_for(user: Any, pk: int) -> Transfer:
    transfer: Transfer = get_object_or_404(transfers_for(user), pk=pk)
    return transfer


def join_targets_for(user: Any) -> QuerySet[JoinTarget]:
    return scope_for(user).filter(JoinTarget.objects.select_related("org")).order_by("-year", "name")


@dataclass(frozen=True)
class ProgressRow:
    org_name: str
    status: str
    status_label: str
    applied_at: dt.datetime
    joined_on: dt.date | None
    reason: str


def join_progress(*, id_number: str, mobile: str) -> list[ProgressRow] | None:
    """进度查询 for the applicant: needs both the document number and the mobile on file; no personal data out."""
    person = Person.objects.filter(id_hmac=document_hmac(id_number)).first()
    if person is None or person.mobile_hmac != mobile_hmac(mobile):
        return None
    rows = person.memberships.select_related("org").order_by("-applied_at")
    return [
        ProgressRow(m.org.name, m.status, m.get_status_display(), m.applied_at, m.joined_on, m.reject_reason)
        for m in rows
    ]


_ORG_FIELDS = [f.attname for f in OrgNode._meta.concrete_fields]
_JOIN_ORG_SQL = (
    f"SELECT {', '.join('o.' + f.column for f in OrgNode._meta.concrete_fields)}, p.auto_approve "  # noqa: S608
    f"FROM {OrgNode._meta.db_table} o LEFT JOIN {JoinPolicy._meta.db_table} p ON p.org_id = o.id "
    "WHERE o.code = %s AND o.is_active"
)


def join_org(code: str) -> OrgNode:
    """The active union a public join names, with its auto-approval switch as `join_auto_approve`; 404 if none.

    The hottest read of the public join endpoint: plain SQL and Model.from_db, because compiling the
    equivalent select_related query took a fifth of a join's time under load (bench/join_load.py).
    """
    with connection.cursor() as cursor:
        cursor.execute(_JOIN_ORG_SQL, [code])
        row = cursor.fetchone()
    if row is None:
        raise Http404
    org = OrgNode.from_db(connection.alias, _ORG_FIELDS, row[:-1])
    org.join_auto_approve = bool(row[-1])
    return org


def auto_approves(org: OrgNode) -> bool:
    """Whether the union auto-approves join applications; free when the org came from join_org or
    select_related("join_policy"), one query otherwise."""
    if hasattr(org, "join_auto_approve"):
        return bool(org.join_auto_approve)
    try:
        return bool(org.join_policy.auto_approve)
    except JoinPolicy.DoesNotExist:
        return False


def active_membership(person: Person) -> Membership | None:
    """The person's membership on the roll (在册), with its union; None while pending or without one."""
    return Membership.objects.filter(person=person, status=MembershipStatus.ACTIVE).select_related("org").first()


def live_membership(person: Person) -> Membership | None:
    """The person's pending or active membership (at most one, by the database's constraint)."""
    return Membership.objects.filter(person=person, status__in=LIVE_STATUSES).select_related("org").first()


def changes_for(user: Any, *, pending_only: bool = True) -> QuerySet[ChangeRequest]:
    """信息变更待核实 items of unions in the user's scope, newest first."""
    qs = scope_for(user).filter(ChangeRequest.objects.select_related("person", "org"))
    return qs.filter(status=ChangeStatus.PENDING) if pending_only else qs


def change_get_for(user: Any, pk: int) -> ChangeRequest:
    change: ChangeRequest = get_object_or_404(changes_for(user, pending_only=False), pk=pk)
    return change
