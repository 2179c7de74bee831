"""交友联谊: opted-in workers see each other's chosen fields; cadres see counts only."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from gonghui.accounts.models import UserKind
from gonghui.events import signups
from gonghui.events.choices import EventKind
from gonghui.events.models import Event, SocialProfile
from gonghui.events.social import ProfileFields, social_peers, social_profile_save
from gonghui.members.models import Person, WorkerAccount
from tests.events.conftest import make_event
from tests.factories import Tree, UserFactory, make_member


def _single(tree: Tree, seq: int, nickname: str, **fields: object) -> Person:
    person = make_member(tree.union, seq, name=f"真名{seq}").person
    data = ProfileFields(opted_in=True, nickname=nickname, **fields)  # type: ignore[arg-type]
    social_profile_save(person=person, data=data)
    return person


@pytest.fixture
def meetup(tree: Tree) -> Event:
    return make_event(tree.county, tree.cadre, kind=EventKind.SOCIAL, title="丝路青缘", capacity=20)


def test_participants_see_only_chosen_fields(tree: Tree, meetup: Event) -> None:
    a = _single(tree, 1, "小周", hometown="商南", height_cm=170, shown=("hometown",))
    b = _single(tree, 2, "小李", occupation="教师", birth_year=1995, shown=("occupation", "birth_year"))
    for person in (a, b):
        signups.signup_create(event=meetup, person=person)
    assert social_peers(event=meetup, person=a) == [{"nickname": "小李", "occupation": "教师", "birth_year": 1995}]
    assert social_peers(event=meetup, person=b) == [{"nickname": "小周", "hometown": "商南"}]


def test_nobody_is_shown_to_those_not_in_or_opted_out(tree: Tree, meetup: Event) -> None:
    a = _single(tree, 1, "小周")
    b = _single(tree, 2, "小李")
    signups.signup_create(event=meetup, person=a)
    assert social_peers(event=meetup, person=b) == []  # b holds no place
    signups.signup_create(event=meetup, person=b)
    SocialProfile.objects.filter(person=b).update(opted_in=False)
    assert social_peers(event=meetup, person=b) == []
    assert social_peers(event=meetup, person=a) == []  # b opted out: hidden from a too


def test_profile_checks(tree: Tree) -> None:
    person = make_member(tree.union, 1).person
    with pytest.raises(ValidationError) as caught:
        social_profile_save(person=person, data=ProfileFields(opted_in=True, nickname="", height_cm=20))
    assert set(caught.value.message_dict) == {"nickname", "height_cm"}
    assert not SocialProfile.objects.exists()


def test_cadres_see_counts_not_names(tree: Tree, meetup: Event) -> None:
    person = _single(tree, 1, "小周")
    signups.signup_create(event=meetup, person=person)
    client = Client()
    client.force_login(tree.cadre)
    page = client.get(reverse("events:detail", args=[meetup.pk])).content.decode()
    assert "真名1" not in page and "小周" not in page and "只看人数" in page
    export = client.get(reverse("events:attendance_export", args=[meetup.pk]))
    assert export.status_code == 302
    api = client.get(reverse("api:events_signups_list", args=[meetup.pk]))
    assert api.status_code == 403


def test_the_worker_pages(tree: Tree, meetup: Event) -> None:
    person = make_member(tree.union, 1).person
    user = UserFactory(username="w1", kind=UserKind.WORKER)
    WorkerAccount.objects.create(user=user, person=person)
    client = Client()
    client.force_login(user)
    page = client.get(reverse("events_h5:detail", args=[meetup.pk])).content.decode()
    assert "请先填写交友资料" in page
    client.post(
        reverse("events_h5:social_profile"),
        {"opted_in": "on", "nickname": "阿青", "hometown": "商南", "shown": ["hometown"]},
    )
    assert SocialProfile.objects.get(person=person).shown == ["hometown"]
    response = client.post(reverse("events_h5:signup", args=[meetup.pk]))
    assert response.status_code == 302
    assert client.get(reverse("events_h5:peers", args=[meetup.pk])).status_code == 200


def test_a_social_event_stays_social_once_anyone_signed_up(tree: Tree, meetup: Event) -> None:
    from gonghui.events.services import EventFields, event_update

    signups.signup_create(event=meetup, person=_single(tree, 1, "小周"))
    data = EventFields(
        kind=EventKind.LECTURE,
        title=meetup.title,
        starts_at=meetup.starts_at,
        ends_at=meetup.ends_at,
        capacity=meetup.capacity,
        address=meetup.address,
    )
    with pytest.raises(ValidationError, match="不能改为或改离交友联谊"):
        event_update(actor=tree.cadre, event=meetup, data=data)
    meetup.refresh_from_db()
    assert meetup.is_social


def test_the_api_says_nothing_about_who_opted_in(tree: Tree, meetup: Event) -> None:
    import json

    from gonghui.accounts.services import api_token_issue
    from gonghui.common.models import AuditEvent
    from gonghui.events.models import SignUp

    opted = make_member(tree.union, 1)
    SocialProfile.objects.create(person=opted.person, nickname="小周", opted_in=True)
    plain = make_member(tree.union, 2)
    client = Client(headers={"Authorization": f"Bearer {api_token_issue(user=tree.cadre, name='t').secret}"})
    url = reverse("api:events_signups_create", args=[meetup.pk])
    answers = [
        client.post(url, json.dumps({"membership_id": m.pk}), content_type="application/json") for m in (opted, plain)
    ]
    assert [a.status_code for a in answers] == [422, 422] and answers[0].json() == answers[1].json()
    signup = signups.signup_create(event=meetup, person=opted.person)
    cancelled = client.post(reverse("api:events_signups_cancel", args=[signup.pk]))
    assert cancelled.status_code == 200 and cancelled.json()["name"] == ""
    assert SignUp.objects.get(pk=signup.pk).status == "cancelled"
    assert AuditEvent.objects.filter(actor=tree.cadre, target_id=str(signup.pk)).exists()


def test_the_profile_page_goes_back_only_to_this_site(tree: Tree) -> None:
    person = make_member(tree.union, 1).person
    user = UserFactory(username="w-next", kind=UserKind.WORKER)
    WorkerAccount.objects.create(user=user, person=person)
    client = Client()
    client.force_login(user)
    data = {"opted_in": "on", "nickname": "阿青"}
    away = client.post(reverse("events_h5:social_profile") + "?next=https://evil.example/x", data)
    assert away["Location"] == reverse("events_h5:social_profile")
    home = client.post(reverse("events_h5:social_profile") + "?next=/h5/events/", data)
    assert home["Location"] == "/h5/events/"
