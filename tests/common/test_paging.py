"""Keyset pages for list views: the next page's cursor, and the link that keeps the other filters."""

from django.contrib.auth import get_user_model
from django.test import RequestFactory

from gonghui.common.paging import page_context
from tests.factories import UserFactory


def test_pages_follow_the_cursor_and_keep_the_other_parameters(db: None) -> None:
    users = sorted((UserFactory() for _ in range(5)), key=lambda u: -u.pk)
    qs = get_user_model().objects.filter(pk__in=[u.pk for u in users]).order_by("-pk")
    first = page_context(RequestFactory().get("/list/", {"status": "active", "q": "王"}), qs, size=2)
    assert (first["rows"], first["next_after"]) == (users[:2], users[1].pk)
    assert first["query"] == "status=active&q=%E7%8E%8B"
    last = page_context(RequestFactory().get("/list/", {"status": "active", "after": users[3].pk}), qs, size=2)
    assert (last["rows"], last["next_after"], last["query"]) == (users[4:], None, "status=active")


def test_a_cursor_that_is_not_a_number_starts_from_the_top(db: None) -> None:
    users = sorted((UserFactory() for _ in range(3)), key=lambda u: -u.pk)
    qs = get_user_model().objects.filter(pk__in=[u.pk for u in users]).order_by("-pk")
    page = page_context(RequestFactory().get("/list/", {"after": "1 OR 1=1"}), qs, size=10)
    assert (page["rows"], page["next_after"], page["query"]) == (users, None, "")
