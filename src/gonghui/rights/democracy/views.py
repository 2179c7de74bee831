"""Workbench pages of 职代会 and 厂务公开: the enterprises with their representatives' shares, an enterprise's
page (representatives of a 届, sessions, 厂务公开), a session's page (proposals, resolutions, follow-up), and
the lists the figures count. Read with Perm.VIEW, write with Perm.ORG_EDIT on the enterprise's union."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from gonghui.common.access import staff_view
from gonghui.common.form_errors import flash_outcome, form_action
from gonghui.common.paging import page_context
from gonghui.orgs.org_field import under_org
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can
from gonghui.orgs.staff_accounts import acting_user
from gonghui.rights.democracy import motions, selectors, services
from gonghui.rights.democracy.forms import (
    CategoriesForm,
    DisclosureForm,
    FollowForm,
    ListFilterForm,
    ProposalForm,
    RepresentativeForm,
    ResolutionForm,
    SessionForm,
)
from gonghui.rights.democracy.models import Session

DISCLOSED = ("topic", "title", "disclosed_on", "channel")


def _filters(request: HttpRequest) -> dict[str, Any]:
    form = ListFilterForm(request.GET or None)
    return {"form": form, **(form.cleaned_data if form.is_valid() else {}), "under": under_org(request)}


@staff_view
def enterprises(request: HttpRequest) -> HttpResponse:
    """Every enterprise in scope with its latest 届's representatives and shares; the subtree's shares above."""
    f = _filters(request)
    qs = selectors.enterprises_for(request.user, under=f["under"], q=f.get("q", ""))
    context = {
        **page_context(request, qs.order_by("-pk"), size=50),
        **f,
        "shares": selectors.shares(selectors.current_reps(qs)),
    }
    return render(request, "democracy/enterprises.html", context)


@staff_view
def enterprise(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.enterprise_get_for(request.user, pk)
    terms = selectors.terms_of(found)
    raw = request.GET.get("term", "")
    term = int(raw) if raw.isdigit() and int(raw) in terms else (terms[0] if terms else 1)
    reps = list(selectors.representatives_of(found, term))
    sessions = list(selectors.sessions_of(found))
    context = {
        "enterprise": found,
        "terms": terms,
        "term": term,
        "reps": reps,
        "shares": selectors.shares(selectors.representatives_of(found, term)),
        "sessions": sessions,
        "disclosures": list(selectors.disclosures_for(request.user, enterprise=found)[:100]),
        "can_edit": can(request.user, Perm.ORG_EDIT, found.union),
        "rep_form": RepresentativeForm(initial={"term": term}),
        "session_form": SessionForm(
            initial={"term": term, "number": 1 + max((s.number for s in sessions if s.term == term), default=0)}
        ),
        "disclosure_form": DisclosureForm(sessions=sessions),
    }
    return render(request, "democracy/enterprise.html", context)


@staff_view
@require_POST
def enterprise_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    found = selectors.enterprise_get_for(request.user, pk, Perm.ORG_EDIT)
    actor = acting_user(request)
    term = request.POST.get("term", "")
    if action == "representative":

        def add(d: dict[str, Any]) -> str:
            member = selectors.member_of(found, d["member"])
            rep = services.representative_add(
                actor=actor,
                enterprise=found,
                term=d["term"],
                membership=member,
                elected_on=d["elected_on"],
                categories=services.Categories(manager=d["manager"]),
            )
            return _("已登记职工代表%(name)s，请核对类别。") % {"name": rep.membership.person.name}

        form_action(request, RepresentativeForm(request.POST), add)
    elif action == "session":

        def record(d: dict[str, Any]) -> str:
            session = services.session_record(actor=actor, enterprise=found, **d)
            return _("已登记%(s)s。") % {"s": session}

        form_action(request, SessionForm(request.POST), record)
    elif action == "disclosure":

        def disclose(d: dict[str, Any]) -> str:
            session = selectors.session_get_for(request.user, d["session"]) if d["session"] else None
            motions.disclosure_add(actor=actor, enterprise=found, session=session, **{k: d[k] for k in DISCLOSED})
            return _("已登记厂务公开事项。")

        form_action(request, DisclosureForm(request.POST, sessions=list(selectors.sessions_of(found))), disclose)
    else:
        raise Http404
    page = reverse("democracy:enterprise", args=[found.pk])
    return redirect(f"{page}?term={term}" if term.isdigit() else page)


@staff_view
@require_POST
def representative_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    rep = selectors.representative_get_for(request.user, pk, Perm.ORG_EDIT)
    actor = acting_user(request)
    if action == "set":

        def save(d: dict[str, Any]) -> str:
            services.representative_set(actor=actor, rep=rep, categories=services.Categories(**d))
            return _("已保存代表类别。")

        form_action(request, CategoriesForm(request.POST), save)
    elif action == "remove":

        def remove() -> str:
            services.representative_remove(actor=actor, rep=rep)
            return _("已删除该代表。")

        flash_outcome(request, remove)
    else:
        raise Http404
    return redirect(f"{reverse('democracy:enterprise', args=[rep.enterprise_id])}?term={rep.term}")


@staff_view
def sessions(request: HttpRequest) -> HttpResponse:
    f = _filters(request)
    qs = selectors.sessions_for(request.user, under=f["under"], year=f.get("year"))
    return render(request, "democracy/sessions.html", {**page_context(request, qs.order_by("-pk")), **f})


@staff_view
def session(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.session_get_for(request.user, pk)
    reps = list(selectors.representatives_of(found.enterprise, found.term))
    context = {
        "session": found,
        "proposals": list(found.proposals.select_related("by__membership__person").order_by("pk")),
        "resolutions": list(found.resolutions.order_by("pk")),
        "can_edit": can(request.user, Perm.ORG_EDIT, found.enterprise.union),
        "proposal_form": ProposalForm(reps=reps),
        "resolution_form": ResolutionForm(),
        "follow_form": FollowForm(),
    }
    return render(request, "democracy/session.html", context)


@staff_view
@require_POST
def session_act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    found = selectors.session_get_for(request.user, pk, Perm.ORG_EDIT)
    actor = acting_user(request)
    if action == "proposal":
        reps = list(selectors.representatives_of(found.enterprise, found.term))
        form = ProposalForm(request.POST, reps=reps)

        def propose(d: dict[str, Any]) -> str:
            by = next((r for r in reps if r.pk == d["by"]), None)
            motions.proposal_add(actor=actor, session=found, title=d["title"], by=by, follow=form.follow())
            return _("已登记提案。")

        form_action(request, form, propose)
    elif action == "resolution":
        rform = ResolutionForm(request.POST)

        def resolve(d: dict[str, Any]) -> str:
            votes = {k: d[k] for k in ("votes_for", "votes_against", "votes_abstain")}
            made = motions.resolution_add(
                actor=actor, session=found, subject=d["subject"], title=d["title"], follow=rform.follow(), **votes
            )
            return (
                _("决议已通过。")
                if made.adopted
                else _("已登记，决议未获通过（赞成票未过全体代表半数或出席不足三分之二）。")
            )

        form_action(request, rform, resolve)
    else:
        raise Http404
    return redirect("democracy:session", pk=found.pk)


@staff_view
@require_POST
def follow_up(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Record a proposal's or a resolution's follow-up (owner, due date, done)."""
    actor = acting_user(request)
    form = FollowForm(request.POST)
    target: Session
    if kind == "proposal":
        proposal = selectors.proposal_get_for(request.user, pk, Perm.ORG_EDIT)
        target = proposal.session

        def follow(d: dict[str, Any]) -> str:
            status = d["status"] or ("done" if d["done_on"] else proposal.status)
            motions.proposal_follow(actor=actor, proposal=proposal, status=status, follow=form.follow())
            return _("已保存办理情况。")

    elif kind == "resolution":
        resolution = selectors.resolution_get_for(request.user, pk, Perm.ORG_EDIT)
        target = resolution.session

        def follow(d: dict[str, Any]) -> str:
            motions.resolution_follow(actor=actor, resolution=resolution, follow=form.follow())
            return _("已保存落实情况。")

    else:
        raise Http404
    form_action(request, form, follow)
    return redirect("democracy:session", pk=target.pk)


@staff_view
def proposals(request: HttpRequest) -> HttpResponse:
    f = _filters(request)
    qs = selectors.proposals_for(request.user, under=f["under"], year=f.get("year"), status=f.get("status", ""))
    return render(request, "democracy/proposals.html", {**page_context(request, qs), **f})


@staff_view
def disclosures(request: HttpRequest) -> HttpResponse:
    f = _filters(request)
    qs = selectors.disclosures_for(request.user, under=f["under"], year=f.get("year")).order_by("-pk")
    return render(request, "democracy/disclosures.html", {**page_context(request, qs), **f})
