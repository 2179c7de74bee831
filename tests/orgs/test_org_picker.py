"""The union picker: suggestions only from the user's scope, and a union named by code or exact name."""

from __future__ import annotations

import pytest
from django.http import Http404
from django.test import Client

from gonghui.orgs.roles import Perm, Role
from gonghui.orgs.selectors import org_pick_for, orgs_pickable
from tests.factories import make_org
from tests.world import World


def test_suggestions_come_from_the_scope_by_name_pinyin_or_code(world: World) -> None:
    same = world.users["same"]
    assert [o.code for o in orgs_pickable(same, "测试")] == [world.union_a.code]
    assert world.union_a in orgs_pickable(same, "csjc")  # 测试基层 initials
    assert world.town_a in orgs_pickable(same, "dz")  # initials from anywhere in the name: 大中 in 大中街道总工会
    assert orgs_pickable(same, "建湖") == []  # beside the town
    assert orgs_pickable(same, "")[0] == world.town_a  # nothing typed: the user's own union first


def test_suggestions_respect_the_permission_asked_for(world: World) -> None:
    helper = world.users["helper"]  # 帮扶专员 on union_a: no staff management anywhere
    assert orgs_pickable(helper, "测试", Perm.VIEW) == [world.union_a]
    assert orgs_pickable(helper, "测试", Perm.STAFF_MANAGE) == []


def test_a_union_is_named_by_code_or_by_its_unique_full_name(world: World) -> None:
    owner = world.users["owner"]
    assert org_pick_for(owner, " W-UNION-A ") == world.union_a
    assert org_pick_for(owner, "测试基层工会") == world.union_a
    assert org_pick_for(owner, f"测试基层工会（{world.union_a.code}）") == world.union_a  # what a suggestion fills in
    make_org("测试基层工会", parent=world.county_a, code="w-dup")  # now two unions bear the name
    with pytest.raises(Http404):
        org_pick_for(owner, "测试基层工会")
    with pytest.raises(Http404):
        org_pick_for(owner, world.union_b.code)


def test_the_picker_page_lists_options_and_forms_render_it(world: World) -> None:
    client = Client()
    client.force_login(world.users["owner"])
    options = client.get("/orgs/pick/", {"field": "org", "perm": Perm.STAFF_MANAGE.value, "org": "大中"})
    text = options.content.decode()
    assert f'value="大中街道总工会（{world.town_a.code}）"' in text and world.union_b.code not in text
    form = client.get("/staff/add/").content.decode()
    assert 'list="id_org-options"' in form and "/orgs/pick/?field=org&amp;perm=staff_manage" in form
    assert str(Role.ADMIN.label) in form


def test_api_filters_and_payloads_take_a_union_by_name_too(world: World) -> None:
    client = Client(headers={"Authorization": f"Bearer {world.tokens['owner']}"})
    by_name = client.get("/api/v1/members", {"org": "测试基层工会"})
    assert by_name.status_code == 200 and "李在册" in by_name.content.decode()
    assert client.get("/api/v1/members", {"org": "建湖基层工会"}).status_code == 404  # beside: not found
