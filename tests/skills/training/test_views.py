"""The workbench pages: lists in few queries and in scope, a class's page with sessions, roster and hours, its
actions (sessions, publish, enrolment at the desk, certificates), and the figures' drill-down."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from gonghui.skills.training import enrolment
from gonghui.skills.training.models import Completion, Enrolment
from tests.factories import Tree, id_number, make_member
from tests.skills.training.factories import check_in, desk, make_class, sessions

pytestmark = pytest.mark.django_db


def test_the_class_list_reads_in_a_few_queries_and_in_scope(tree: Tree, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    for n in range(6):
        klass = make_class(
            tree.cadre, tree.union, title=f"城关电工班{n}", course_title=f"电工{n}", base_name=f"基地{n}"
        )
        enrolment.enrol(klass=klass, person=make_member(tree.union, n).person)
    make_class(tree.outsider, tree.stranger, title="泰安电工班")
    client = desk(tree.cadre)
    client.get(reverse("training:classes"))
    with django_assert_max_num_queries(8):
        page = client.get(reverse("training:classes")).content.decode()
    assert page.count("城关电工班") == 6 and "泰安电工班" not in page
    for name in ("training:bases", "training:courses"):
        with django_assert_max_num_queries(8):
            body = client.get(reverse(name)).content.decode()
        assert "基地5" in body or "电工5" in body
    assert "城关电工班" not in desk(tree.outsider).get(reverse("training:classes")).content.decode()


def test_the_class_page_shows_sessions_trainees_and_hours(tree: Tree, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    klass = make_class(tree.cadre, tree.county, sessions=("2", "2"))
    people = [make_member(tree.union, i, name=f"学员{i}").person for i in range(5)]
    for person in people:
        enrolment.enrol(klass=klass, person=person)
    for session in sessions(klass):
        check_in(tree.cadre, session, people[0])
    client = desk(tree.cadre)
    with django_assert_max_num_queries(16):
        page = client.get(reverse("training:class_detail", args=[klass.pk])).content.decode()
    assert "学员4" in page and "第2讲" in page and "已达结业要求" in page
    assert desk(tree.outsider).get(reverse("training:class_detail", args=[klass.pk])).status_code == 404


def test_a_cadre_schedules_publishes_enrols_and_grants(tree: Tree) -> None:
    klass = make_class(tree.cadre, tree.county, sessions=(), publish=False)
    client = desk(tree.cadre)
    act = lambda action: reverse("training:class_act", args=[klass.pk, action])  # noqa: E731
    start = timezone.localtime() + dt.timedelta(hours=2)
    session = {
        "starts_at": start.strftime("%Y-%m-%dT%H:%M"),
        "ends_at": (start + dt.timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M"),
        "hours": "2",
        "teacher": "郑师傅",
        "topic": "低压电器安装",
    }
    client.post(act("session"), session)
    outside = {**session, "starts_at": "2001-01-01T09:00", "ends_at": "2001-01-01T10:00"}
    page = client.post(act("session"), outside, follow=True).content.decode()
    assert "培训期内" in page and klass.sessions.count() == 1
    client.post(act("publish"))
    member = make_member(tree.union, 7, name="陈电工")
    page = client.post(act("enrol"), {"id_number": id_number(7)}, follow=True).content.decode()
    assert "已为陈电工报名" in page and Enrolment.objects.filter(person=member.person).exists()
    page = client.post(act("enrol"), {"id_number": id_number(8)}, follow=True).content.decode()
    assert "没有该证件号码" in page
    check_in(tree.cadre, sessions(klass)[0], member.person)
    page = client.post(act("certificates"), follow=True).content.decode()
    assert "已为1名学员颁发结业证书" in page and Completion.objects.get().certificate.number in page


def test_a_read_only_cadre_cannot_act(tree: Tree) -> None:
    from tests.factories import UserFactory, grant

    klass = make_class(tree.cadre, tree.county)
    reader = UserFactory(username="reader")
    grant(reader, tree.county, "readonly")
    assert desk(reader).get(reverse("training:class_detail", args=[klass.pk])).status_code == 200
    assert desk(reader).post(reverse("training:class_act", args=[klass.pk, "publish"])).status_code == 403


def test_the_stats_page_breaks_the_figures_down(tree: Tree, django_assert_max_num_queries) -> None:  # type: ignore[no-untyped-def]
    klass = make_class(tree.union_cadre, tree.union, sessions=("2",))
    person = make_member(tree.union, 1).person
    enrolment.enrol(klass=klass, person=person)
    check_in(tree.cadre, sessions(klass)[0], person)
    client = desk(tree.cadre)
    with django_assert_max_num_queries(14):
        page = client.get(reverse("training:stats"), {"under": tree.county.code}).content.decode()
    assert tree.union.name in page and "电工" in page
    assert f"under={tree.union.code}" in page  # one level down
