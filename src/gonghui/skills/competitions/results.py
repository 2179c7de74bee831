"""Results: the final's prizes and titles on public notice (公示) with an objection window, objections
settled like 五小's (an upheld one withdraws the entry's awards), then the confirmed awards: numbered
certificates (certification.certificates, checked by QR) and, for a title that goes through the honors
selections, nominations into that selection round.
"""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.mobile import validate_mobile
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.innovation.choices import NomineeKind
from gonghui.innovation.selections.services import nominate
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require
from gonghui.skills.certification.certificates import CertificateIn, certificates_issue
from gonghui.skills.certification.choices import CertificateKind
from gonghui.skills.competitions.choices import AwardStatus, CompetitionStatus, ContestStageStatus, PrizeGrade
from gonghui.skills.competitions.models import Award, Competition, Entry, EntryMember, Objection, StageResult


def grade_for(rank: int, competition: Competition) -> str | None:
    if rank <= competition.first_prizes:
        return PrizeGrade.FIRST
    if rank <= competition.first_prizes + competition.second_prizes:
        return PrizeGrade.SECOND
    if rank <= competition.first_prizes + competition.second_prizes + competition.third_prizes:
        return PrizeGrade.THIRD
    return None


def _locked(competition: Competition, status: str) -> Competition:
    competition = Competition.objects.select_for_update(of=("self",)).select_related("org").get(pk=competition.pk)
    if competition.status != status:
        raise ValidationError(_("竞赛当前为“%(s)s”，不能进行此操作。") % {"s": competition.get_status_display()})
    return competition


@transaction.atomic
def competition_publish(*, actor: User, competition: Competition, today: dt.date | None = None) -> int:
    """Put the final's prize winners (and titles) on public notice; returns how many people are on it."""
    require(actor, competition.org, Perm.ORG_EDIT)
    competition = _locked(competition, CompetitionStatus.RUNNING)
    final = competition.stages.order_by("-seq").first()
    if final is None or final.status != ContestStageStatus.CLOSED:
        raise ValidationError(_("决赛评分结束并排名后才能公布结果。"))
    places = competition.first_prizes + competition.second_prizes + competition.third_prizes
    winners = list(
        StageResult.objects.filter(stage=final, rank__isnull=False, rank__lte=places)
        .select_related("entry")
        .order_by("rank")
    )
    members = EntryMember.objects.filter(entry__in=[w.entry_id for w in winners]).order_by("pk")
    people: dict[int, list[int]] = {}
    for m in members:
        people.setdefault(m.entry_id, []).append(m.person_id)
    awards = [
        Award(
            competition=competition,
            entry_id=w.entry_id,
            person_id=person_id,
            rank=w.rank or 0,
            grade=grade_for(w.rank or 0, competition) or "",
            honor=competition.honor if competition.honor and (w.rank or 0) <= competition.title_places else None,
        )
        for w in winners
        for person_id in people.get(w.entry_id, [])
    ]
    Award.objects.bulk_create(awards)
    today = today or timezone.localdate()
    competition.status = CompetitionStatus.NOTICE
    competition.notice_starts, competition.notice_ends = today, today + dt.timedelta(days=competition.notice_days - 1)
    competition.save(update_fields=["status", "notice_starts", "notice_ends", "updated_at"])
    audit_record(
        actor=actor, action=AuditAction.UPDATE, target=competition, org=competition.org, detail={"notice": len(awards)}
    )
    return len(awards)


def objection_raise(
    *, competition: Competition, entry: Entry, text: str, contact_name: str = "", contact_phone: str = "",
    today: dt.date | None = None,
) -> Objection:  # fmt: skip
    """Anyone may object to an entry on the notice while it runs; a phone number is sealed like any other."""
    today = today or timezone.localdate()
    starts, ends = competition.notice_starts, competition.notice_ends
    if competition.status != CompetitionStatus.NOTICE or not starts or not ends or not starts <= today <= ends:
        raise ValidationError(_("该竞赛结果不在公示期内。"))
    if not Award.objects.filter(competition=competition, entry=entry, status=AwardStatus.NOTICE).exists():
        raise ValidationError(_("该参赛者不在公示名单中。"))
    if len(clean_text(text)) < 5:
        raise ValidationError({"text": _("请写明异议的具体内容。")})
    phone = validate_mobile(contact_phone) if contact_phone.strip() else ""
    return Objection.objects.create(
        competition=competition,
        entry=entry,
        text=text.strip()[:1000],
        contact_name=clean_text(contact_name)[:50],
        contact_phone=phone,
    )


@transaction.atomic
def objection_resolve(*, actor: User, objection: Objection, upheld: bool, resolution: str) -> Objection:
    """Settle an objection; an upheld one withdraws the entry's awards."""
    require(actor, objection.competition.org, Perm.ORG_EDIT)
    objection = Objection.objects.select_for_update().get(pk=objection.pk)
    if objection.upheld is not None:
        raise ValidationError(_("该异议已经处理。"))
    if not resolution.strip():
        raise ValidationError({"resolution": _("请填写处理意见。")})
    objection.upheld, objection.resolution, objection.resolved_by = upheld, resolution.strip()[:500], actor
    objection.save(update_fields=["upheld", "resolution", "resolved_by"])
    if upheld:
        Award.objects.filter(competition_id=objection.competition_id, entry_id=objection.entry_id).update(
            status=AwardStatus.WITHDRAWN, withdrawn_reason=resolution.strip()[:200]
        )
    return objection


def _certificate_detail(award: Award) -> str:
    """The rank, and a team's name; never the person's own name (the public check page masks it)."""
    rank = _("第%(n)d名") % {"n": award.rank}
    return f"{award.entry.name}，{rank}" if award.entry.team_id else rank


def _certificate_title(competition: Competition, award: Award) -> str:
    title = f"{competition.title} {award.get_grade_display()}"
    return f"{title}（{award.honor.name}）" if award.honor_id and award.honor else title


@transaction.atomic
def competition_confirm(*, actor: User, competition: Competition, today: dt.date | None = None) -> int:
    """After the notice, with every objection settled: confer the awards, issue their certificates and
    nominate titled winners into the honors selection where the competition names one. Returns how many."""
    require(actor, competition.org, Perm.ORG_EDIT)
    competition = _locked(competition, CompetitionStatus.NOTICE)
    today = today or timezone.localdate()
    if competition.notice_ends is None or today <= competition.notice_ends:
        raise ValidationError(_("公示期尚未结束（%(end)s），不能确认获奖。") % {"end": competition.notice_ends})
    if Objection.objects.filter(competition=competition, upheld__isnull=True).exists():
        raise ValidationError(_("还有未处理的公示异议。"))
    awards = list(
        Award.objects.filter(competition=competition, status=AwardStatus.NOTICE)
        .select_related("person", "honor", "entry")
        .order_by("rank", "pk")
    )
    certificates = certificates_issue(
        kind=CertificateKind.COMPETITION,
        org=competition.org,
        items=[CertificateIn(a.person, _certificate_title(competition, a), _certificate_detail(a)) for a in awards],
        issued_on=today,
    )
    for award, certificate in zip(awards, certificates, strict=True):
        award.status, award.certificate, award.awarded_on = AwardStatus.AWARDED, certificate, today
        if competition.selection is not None and award.honor_id:
            award.nomination = nominate(
                actor=actor,
                round_=competition.selection,
                nominated_by=competition.org,
                kind=NomineeKind.PERSON,
                person=award.person,
                deeds=_("%(title)s%(grade)s（第%(rank)s名）")
                % {"title": competition.title, "grade": award.get_grade_display(), "rank": award.rank},
            )
    Award.objects.bulk_update(awards, ["status", "certificate", "awarded_on", "nomination"])
    competition.status, competition.confirmed_at = CompetitionStatus.CLOSED, timezone.now()
    competition.save(update_fields=["status", "confirmed_at", "updated_at"])
    audit_record(
        actor=actor, action=AuditAction.UPDATE, target=competition, org=competition.org, detail={"awarded": len(awards)}
    )
    return len(awards)
