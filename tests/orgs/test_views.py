import pytest
from django.test import Client
from django.urls import reverse

from gonghui.common.models import AuditAction, AuditEvent, Job, JobStatus
from gonghui.orgs.models import OrgNode
from tests.world import World


@pytest.fixture
def owner_client(world: World) -> Client:
    client = Client()
    client.force_login(world.users["owner"])
    return client


def test_tree_shows_the_users_roots_and_lazy_children(world: World, owner_client: Client) -> None:
    page = owner_client.get(reverse("orgs:tree")).content.decode()
    assert "大丰区总工会" in page and "建湖县总工会" not in page and "盐城市总工会" not in page
    children = owner_client.get(reverse("orgs:children", args=[world.town_a.code])).content.decode()
    assert "测试基层工会" in children and "大中联合基层工会" in children


def test_live_search_returns_a_fragment(world: World, owner_client: Client) -> None:
    response = owner_client.get(reverse("orgs:tree"), {"q": "dzlh"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert "大中联合基层工会" in html and "<html" not in html


def test_create_child_through_the_form(world: World, owner_client: Client) -> None:
    response = owner_client.post(
        reverse("orgs:create_child", args=[world.town_a.code]),
        {
            "name": "大中快递网点工会",
            "kind": "grassroots",
            "region_code": "320904",
            "code": "dz-kuaidi",
            "is_active": "on",
        },
    )
    assert response.status_code == 302
    node = OrgNode.objects.get(code="dz-kuaidi")
    assert response["Location"] == reverse("orgs:detail", args=[node.code])
    assert node.path.startswith(world.town_a.path)


def test_form_errors_are_chinese_and_nothing_is_saved(world: World, owner_client: Client) -> None:
    before = OrgNode.objects.count()
    response = owner_client.post(
        reverse("orgs:create_child", args=[world.town_a.code]),
        {"name": "坏数据工会", "kind": "grassroots", "region_code": "123", "uscc": "81123"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "行政区划代码不存在" in html and "统一社会信用代码应为 18 位" in html
    assert OrgNode.objects.count() == before


def test_english_ui_gets_english_errors(world: World, owner_client: Client) -> None:
    owner_client.cookies["django_language"] = "en"
    response = owner_client.post(
        reverse("orgs:create_child", args=[world.town_a.code]),
        {"name": "X", "kind": "grassroots", "region_code": "123"},
    )
    html = response.content.decode()
    assert "does not exist" in html and "行政区划代码不存在" not in html


def test_move_form_reports_an_unknown_target(world: World, owner_client: Client) -> None:
    response = owner_client.post(reverse("orgs:move", args=[world.union_a.code]), {"new_parent": world.county_b.code})
    assert "找不到该组织" in response.content.decode()
    response = owner_client.post(reverse("orgs:move", args=[world.union_a.code]), {"new_parent": world.joint_a.code})
    assert response.status_code == 302


def test_term_form_parses_seat_lines(world: World, owner_client: Client) -> None:
    url = reverse("orgs:term_create", args=[world.union_a.code])
    data = {
        "body": "committee",
        "number": 2,
        "elected_on": "2024-01-01",
        "starts_on": "2024-01-02",
        "ends_on": "2029-01-01",
    }
    bad = owner_client.post(url, {**data, "seats": "张三"})
    assert "第 1 行" in bad.content.decode()
    good = owner_client.post(url, {**data, "seats": "张三 主席\n李四，委员，一线"})
    assert good.status_code == 302
    assert world.union_a.terms.get(number=2).seats.filter(is_front_line=True).count() == 1


def test_export_runs_as_a_job_and_downloads_only_scoped_rows(
    world: World, owner_client: Client, django_capture_on_commit_callbacks: object
) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        response = owner_client.post(reverse("orgs:export", args=[world.county_a.code]))
    job = Job.objects.exclude(pk=world.job.pk).get(kind="orgs.export_tree")
    assert response["Location"] == reverse("workbench:job", args=[job.pk])
    assert job.status == JobStatus.SUCCEEDED and job.result["rows"] == 4
    progress = owner_client.get(
        reverse("workbench:job", args=[job.pk]), headers={"HX-Request": "true"}
    ).content.decode()
    assert "100%" in progress and "hx-trigger" not in progress  # finished: polling stops
    download = owner_client.get(reverse("workbench:job_download", args=[job.pk]))
    assert download["Content-Disposition"].startswith("attachment")
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, org=world.county_a).exists()


def test_phone_is_masked_and_revealing_it_is_audited(world: World, owner_client: Client) -> None:
    page = owner_client.get(reverse("orgs:enterprise_detail", args=[world.enterprise.pk])).content.decode()
    assert "139****5678" in page and "13912345678" not in page
    response = owner_client.post(reverse("orgs:enterprise_reveal_phone", args=[world.enterprise.pk]))
    assert response.content.decode() == "13912345678"
    assert AuditEvent.objects.filter(action=AuditAction.VIEW_PII, target_id=str(world.enterprise.pk)).count() == 1


def test_org_detail_query_count_does_not_grow_with_children(
    world: World, owner_client: Client, django_assert_max_num_queries: object
) -> None:
    from tests.factories import make_org

    for i in range(15):
        make_org(f"子组织{i}", parent=world.town_a, code=f"kid-{i}")
    with django_assert_max_num_queries(20):  # type: ignore[operator]
        owner_client.get(reverse("orgs:detail", args=[world.town_a.code]))


def test_enterprise_is_transferred_to_another_union_in_scope(world: World, owner_client: Client) -> None:
    e = world.enterprise
    data = {
        "name": e.name,
        "uscc": e.uscc,
        "industry": "C",
        "ownership": "private",
        "employee_count": 50,
        "region_code": "320904",
        "union_code": world.joint_a.code,
    }
    response = owner_client.post(reverse("orgs:enterprise_edit", args=[e.pk]), data)
    assert response.status_code == 302
    e.refresh_from_db()
    assert e.union == world.joint_a and e.contact_phone == "13912345678"
    response = owner_client.post(
        reverse("orgs:enterprise_edit", args=[e.pk]), {**data, "union_code": world.union_b.code}
    )
    assert "无权把单位划转" in response.content.decode()


def test_list_pages_use_a_fixed_number_of_queries(
    world: World, owner_client: Client, django_assert_max_num_queries: object
) -> None:
    from tests.factories import EnterpriseFactory

    for i in range(40):
        EnterpriseFactory(name=f"批量企业{i}", union=world.union_a)
    with django_assert_max_num_queries(12):  # type: ignore[operator]
        response = owner_client.get(reverse("orgs:enterprises"))
    assert response.content.decode().count("批量企业") == 40
    with django_assert_max_num_queries(12):  # type: ignore[operator]
        owner_client.get(reverse("orgs:tree"), {"q": "批量"})
