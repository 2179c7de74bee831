"""Claims: exactly one donor per wish, a deadline to deliver, delivery with a photo or a note, the worker's
receipt and thanks, and claims past their deadline returning the wish to the wall.

The claim guard is in the database twice over. A claim first moves the wish from 待认领 to 已认领 with a
conditional UPDATE (`… WHERE status = 'open'`): of any number of concurrent claims exactly one matches,
the others wait for its row lock, find the status changed and update nothing. And at most one live claim
per wish is a partial unique constraint. `claims_expire` is safe to run any time: from cron
(`manage.py wishes_claims_expire`) and before every read of a wish or a list.
"""

from __future__ import annotations

import datetime as dt
from typing import IO

from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.common.uploads import check_upload
from gonghui.members.models import Person
from gonghui.members.selectors import active_membership
from gonghui.orgs.models import Enterprise
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require
from gonghui.wishes.choices import LIVE_CLAIM, ClaimantKind, ClaimStatus, WishStatus
from gonghui.wishes.models import Claim, Wish
from gonghui.wishes.public_text import public_text_problem
from gonghui.wishes.rules import rules_for

PHOTO_BYTES = 8 * 1024 * 1024
NOTE_MAX = 500
THANKS_MAX = 300
MAX_ACTIVE_CLAIMS = 3  # per member: a donor delivers before taking more


def _why_not(status: str) -> str:
    if status == WishStatus.PENDING:
        return _("该心愿尚未审核通过，不能认领。")
    if status in (WishStatus.CLAIMED, WishStatus.FULFILLED, WishStatus.RECEIVED):
        return _("该心愿已被他人认领，看看心愿墙上的其他心愿吧。")
    return _("该心愿已下架，不能认领。")


def _take(wish: Wish, now: dt.datetime) -> bool:
    """The guard: move the wish from 待认领 to 已认领; True for exactly one of any concurrent callers."""
    return (
        Wish.objects.filter(pk=wish.pk, status=WishStatus.OPEN).update(status=WishStatus.CLAIMED, updated_at=now) == 1
    )


def _claim(
    *,
    wish: Wish,
    kind: str,
    by: User,
    donor_name: str,
    person: Person | None = None,
    enterprise: Enterprise | None = None,
) -> Claim:
    claims_expire(wish=wish)
    now = timezone.now()
    with transaction.atomic():
        if not _take(wish, now):
            raise ValidationError(_why_not(Wish.objects.values_list("status", flat=True).get(pk=wish.pk)))
        try:
            with transaction.atomic():
                claim = Claim.objects.create(
                    wish=wish,
                    kind=kind,
                    person=person,
                    enterprise=enterprise,
                    donor_name=donor_name[:100],
                    claimed_by=by,
                    due_at=now + dt.timedelta(days=rules_for(wish.org).claim_days),
                )
        except IntegrityError as exc:  # never reached while the UPDATE guards; the constraint is the backstop
            raise ValidationError(_why_not(WishStatus.CLAIMED)) from exc
    wish.status = WishStatus.CLAIMED
    return claim


def claim_as_member(*, person: Person, user: User, wish: Wish) -> Claim:
    """A member claims a wish from the wall (signed in, in 我的)."""
    if active_membership(person) is None:
        raise ValidationError(_("须为在册会员才能认领心愿。"))
    if wish.person_id == person.pk:
        raise ValidationError(_("不能认领自己的心愿。"))
    if Claim.objects.filter(person=person, status=ClaimStatus.ACTIVE).count() >= MAX_ACTIVE_CLAIMS:
        raise ValidationError(_("您已认领%(n)s个心愿尚未送达，送达后再认领新的吧。") % {"n": MAX_ACTIVE_CLAIMS})
    return _claim(wish=wish, kind=ClaimantKind.MEMBER, by=user, person=person, donor_name=person.name)


def claim_at_desk(
    *, actor: User, wish: Wish, kind: str, donor_name: str = "", enterprise: Enterprise | None = None
) -> Claim:
    """A cadre records a claim at the desk: their own (工会干部) or an enterprise's (爱心企业)."""
    require(actor, wish.org, Perm.ORG_EDIT)
    donor_name = clean_text(donor_name)
    if kind == ClaimantKind.CADRE:
        donor_name = donor_name or actor.display_name or actor.get_username()
    elif kind == ClaimantKind.ENTERPRISE:
        donor_name = enterprise.name if enterprise is not None else donor_name
        if not donor_name:
            raise ValidationError({"donor_name": _("请填写认领企业的名称。")})
    else:
        raise ValidationError({"kind": _("认领人类型无效。")})
    claim = _claim(wish=wish, kind=kind, by=actor, donor_name=donor_name, enterprise=enterprise)
    audit_record(actor=actor, action=AuditAction.CREATE, target=claim, org=wish.org, detail={"wish": wish.pk})
    return claim


def _locked_claim(claim: Claim) -> Claim:
    return Claim.objects.select_for_update(of=("self",)).select_related("wish", "wish__org").get(pk=claim.pk)


def _live(claim: Claim) -> None:
    if claim.status == ClaimStatus.EXPIRED:
        raise ValidationError(_("认领已超过送达期限，心愿已回到心愿墙。"))
    if claim.status != ClaimStatus.ACTIVE:
        raise ValidationError(_("该认领已是“%(status)s”。") % {"status": claim.get_status_display()})


def claim_fulfil(
    *,
    claim: Claim,
    note: str = "",
    photo: IO[bytes] | None = None,
    photo_size: int = 0,
    person: Person | None = None,
    actor: User | None = None,
) -> Claim:
    """The claimant (or a cadre, when the gift came to the union) records delivery: a photo, a note or both."""
    if actor is not None:
        require(actor, claim.wish.org, Perm.ORG_EDIT)
    elif person is None or claim.person_id != person.pk:
        raise ValidationError(_("只能为自己认领的心愿登记送达。"))
    note = note.strip()
    if not note and photo is None:
        raise ValidationError({"note": _("请上传送达照片或填写送达说明。")})
    if len(note) > NOTE_MAX:
        raise ValidationError({"note": _("送达说明不超过%(n)s字。") % {"n": NOTE_MAX}})
    problem = public_text_problem(note) if note else None
    if problem:  # the wish's person reads the note in 我的; the union's wall rules hold for it too
        raise ValidationError({"note": problem})
    checked = None
    if photo is not None:
        try:
            checked = check_upload(photo, size=photo_size, families={"image"}, max_bytes=PHOTO_BYTES)
        except ValidationError as exc:
            raise ValidationError({"photo": exc.messages}) from None
    claims_expire(wish=claim.wish)
    now = timezone.now()
    with transaction.atomic():
        claim = _locked_claim(claim)
        _live(claim)
        claim.status = ClaimStatus.FULFILLED
        claim.fulfilled_at = now
        claim.note = note
        if photo is not None and checked is not None:
            claim.photo_type = checked.content_type
            claim.photo.save(checked.filename, File(photo), save=False)
        claim.save()
        Wish.objects.filter(pk=claim.wish_id, status=WishStatus.CLAIMED).update(
            status=WishStatus.FULFILLED, updated_at=now
        )
        if actor is not None:
            audit_record(
                actor=actor, action=AuditAction.UPDATE, target=claim, org=claim.wish.org, detail={"fulfilled": 1}
            )
    return claim


@transaction.atomic
def claim_release(*, person: Person, claim: Claim) -> Claim:
    """The member gives up their claim before delivering; the wish goes back to the wall."""
    claim = _locked_claim(claim)
    if claim.person_id != person.pk:
        raise ValidationError(_("只能放弃自己的认领。"))
    _live(claim)
    claim.status = ClaimStatus.RELEASED
    claim.save(update_fields=["status", "updated_at"])
    Wish.objects.filter(pk=claim.wish_id, status=WishStatus.CLAIMED).update(
        status=WishStatus.OPEN, updated_at=timezone.now()
    )
    return claim


def _check_thanks(thanks: str) -> str:
    thanks = thanks.strip()
    if len(thanks) > THANKS_MAX:
        raise ValidationError({"thanks": _("感谢留言不超过%(n)s字。") % {"n": THANKS_MAX}})
    problem = public_text_problem(thanks) if thanks else None
    if problem:  # the donor reads it
        raise ValidationError({"thanks": problem})
    return thanks


@transaction.atomic
def wish_confirm(*, wish: Wish, thanks: str = "", person: Person | None = None, actor: User | None = None) -> Wish:
    """The worker confirms they received it (a cadre may confirm for a family without an account), with
    an optional thank-you for the donor."""
    wish = Wish.objects.select_for_update(of=("self",)).select_related("org").get(pk=wish.pk)
    if actor is not None:
        require(actor, wish.org, Perm.ORG_EDIT)
    elif person is None or wish.person_id != person.pk:
        raise ValidationError(_("只能确认自己的心愿。"))
    if wish.status == WishStatus.RECEIVED:
        raise ValidationError(_("已确认收到，无需重复确认。"))
    if wish.status != WishStatus.FULFILLED:
        raise ValidationError(_("认领人尚未登记送达，收到心愿后再确认。"))
    now = timezone.now()
    wish.thanks = _check_thanks(thanks)
    wish.status = WishStatus.RECEIVED
    wish.received_at = now
    wish.save(update_fields=["thanks", "status", "received_at", "updated_at"])
    Claim.objects.filter(wish=wish, status=ClaimStatus.FULFILLED).update(status=ClaimStatus.CONFIRMED, updated_at=now)
    if actor is not None:
        audit_record(actor=actor, action=AuditAction.UPDATE, target=wish, org=wish.org, detail={"received": 1})
    return wish


@transaction.atomic
def wish_thank(*, person: Person, wish: Wish, thanks: str) -> Wish:
    """The worker writes (or rewrites) their thanks after the wish came true."""
    wish = Wish.objects.select_for_update().get(pk=wish.pk)
    if wish.person_id != person.pk:
        raise ValidationError(_("只能给自己的心愿写感谢留言。"))
    if wish.status != WishStatus.RECEIVED:
        raise ValidationError(_("确认收到心愿后才能写感谢留言。"))
    wish.thanks = _check_thanks(thanks)
    if not wish.thanks:
        raise ValidationError({"thanks": _("请写下感谢的话。")})
    wish.save(update_fields=["thanks", "updated_at"])
    return wish


def claims_expire(*, wish: Wish | None = None, now: dt.datetime | None = None) -> int:
    """Lapse claims past their deadline and return their wishes to the wall; how many lapsed. Safe to re-run
    and cheap when nothing is due (one query)."""
    now = now or timezone.now()
    stale = Claim.objects.filter(status=ClaimStatus.ACTIVE, due_at__lte=now)
    if wish is not None:
        stale = stale.filter(wish_id=wish.pk)
    if not (ids := list(stale.values_list("pk", flat=True)[:5000])):
        return 0
    with transaction.atomic():
        locked = list(
            Claim.objects.select_for_update()
            .filter(pk__in=ids, status=ClaimStatus.ACTIVE, due_at__lte=now)
            .values_list("pk", "wish_id")
        )
        Claim.objects.filter(pk__in=[pk for pk, _w in locked]).update(status=ClaimStatus.EXPIRED, updated_at=now)
        # A wish goes back only while no other live claim holds it.
        Wish.objects.filter(pk__in=[w for _pk, w in locked], status=WishStatus.CLAIMED).exclude(
            Q(claims__status__in=LIVE_CLAIM)
        ).update(status=WishStatus.OPEN, updated_at=now)
    if wish is not None and locked:
        wish.refresh_from_db(fields=["status"])
    return len(locked)
