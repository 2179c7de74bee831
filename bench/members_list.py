"""Issue 3: the member list and search at 1,000,000 members for a city-level user (PostgreSQL).

Pages are requested through Django's test client (the whole view: scope, filters, template).
Target: p95 ≤ 150 ms. Peer: the same first page through Django's Paginator (COUNT(*) + OFFSET),
the naive way a list page is usually written.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from bench.harness import Result, measure, report, result, staff_client
from bench.members_import import NAMES, _id

MEMBERS = 1_000_000
SCALE = "1,000,000 members over the 20,000-node tree; city-level user"
FORMS = ["truck_driver", "courier", "delivery", "contract", "dispatch", "domestic"]


def build(rebuild: bool) -> None:
    from django.db import connection
    from django.utils import timezone

    from gonghui.common.pii_crypto import blind_index, seal
    from gonghui.members.models import Membership, Person
    from gonghui.members.services import person_keys

    if not rebuild and Membership.objects.count() == MEMBERS:
        print("reusing the 1,000,000 bench members (pass --rebuild to rebuild)")
        return
    print("building 1,000,000 members ...")
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE members_membershipevent, members_transfer, members_membership, members_person CASCADE")
        cursor.execute("SELECT id, region_id FROM orgs_orgnode WHERE code LIKE 'b-%%' AND kind = 'grassroots'")
        unions = cursor.fetchall()
    rng = random.Random(3)
    now = timezone.now()
    id_aad, mobile_aad = f"{Person._meta.label_lower}.id_number", f"{Person._meta.label_lower}.mobile"
    with connection.cursor() as cursor:
        with cursor.connection.cursor().copy(
            "COPY members_person (id, name, id_type, id_number, id_hmac, sex, birth_date, ethnicity, mobile, "
            "mobile_hmac, hukou, is_migrant_worker, education, political, address, village, emergency_name, "
            "name_simplified, name_pinyin, name_initials, created_at, updated_at) FROM STDIN"
        ) as copy:
            for i in range(MEMBERS):
                number, name, mobile = _id(i), NAMES[i % len(NAMES)] + "ABCDEFGHJK"[i % 10], f"139{i:08d}"
                keys = person_keys(name)
                copy.write_row(
                    (
                        i + 1,
                        name,
                        "resident",
                        seal(number, aad=id_aad),
                        blind_index(number, purpose="id"),
                        "M" if int(number[16]) % 2 else "F",
                        dt.date(1960, 1, 1) + dt.timedelta(days=i // 1000),
                        "汉族",
                        seal(mobile, aad=mobile_aad),
                        blind_index(mobile, purpose="mobile"),
                        "",
                        False,
                        "",
                        "",
                        "",
                        f"草堰村{i % 40}",
                        "",
                        keys["name_simplified"],
                        keys["name_pinyin"],
                        keys["name_initials"],
                        now,
                        now,
                    )
                )
        with cursor.connection.cursor().copy(
            "COPY members_membership (id, person_id, org_id, status, source, member_no, card_no, applied_at, "
            "joined_on, reject_reason, employer_name, occupation, skill_level, employment_form, platform, "
            "union_posts, created_at, updated_at) FROM STDIN"
        ) as copy:
            for i in range(MEMBERS):
                org_id, region = unions[rng.randrange(len(unions))]
                status = "pending" if i % 50 == 0 else "active"
                copy.write_row(
                    (
                        i + 1,
                        i + 1,
                        org_id,
                        status,
                        "import",
                        f"{region}{i + 1:08d}",
                        "",
                        now,
                        dt.date(2024, 5, 1),
                        "",
                        "运满满",
                        "司机",
                        "",
                        FORMS[i % len(FORMS)],
                        "",
                        "",
                        now,
                        now,
                    )
                )
        for table in ("members_person", "members_membership"):
            cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), {MEMBERS})")
        cursor.execute(
            "UPDATE orgs_orgnode o SET member_count = c.n FROM (SELECT org_id, count(*) AS n FROM "
            "members_membership WHERE status = 'active' GROUP BY org_id) c WHERE o.id = c.org_id"
        )
        cursor.execute("ANALYZE members_person")
        cursor.execute("ANALYZE members_membership")


def _client() -> Any:
    from django.contrib.auth import get_user_model

    from gonghui.orgs.models import OrgNode, StaffRole

    user, _ = get_user_model().objects.get_or_create(username="bench-city")
    StaffRole.objects.get_or_create(user=user, org=OrgNode.objects.get(code="b-1"), role="admin")
    client = staff_client(user)
    return client


def run(rebuild: bool = False) -> list[Result]:
    from django.contrib.auth import get_user_model
    from django.core.paginator import Paginator

    from gonghui.members.selectors import memberships_for, search_key

    build(rebuild)
    client = _client()
    user = get_user_model().objects.get(username="bench-city")

    def get(query: dict[str, str]) -> Any:
        def call() -> None:
            response = client.get("/members/", query, secure=True)
            assert response.status_code == 200, response.status_code

        return call

    def naive_first_page() -> None:
        page = Paginator(memberships_for(user), 50).get_page(1)
        list(page.object_list)
        _ = page.paginator.num_pages

    first = client.get("/members/", secure=True).content.decode()
    after = first.split("after=")[1].split('"')[0]
    cases = [
        ("list_first_page", {}),
        ("list_next_page", {"after": after}),
        ("filter_status_form", {"status": "active", "employment_form": "courier"}),
        ("search_name_chars", {"q": "刘保柱"}),
        ("search_pinyin", {"q": "liubaozhu"}),
        ("search_initials", {"q": "lbz"}),
        # A full number is posted and reaches the URL only as its key (members.selectors.search_key).
        ("search_exact_id", {"qk": search_key(_id(123_456))}),
        ("search_exact_mobile", {"qk": search_key(f"139{123_456:08d}")}),
        ("search_member_no", {"q": "32090400123457"}),
    ]
    naive = measure(naive_first_page, runs=10, warmup=1)
    results = [
        result(
            name,
            measure(get(query), runs=20, warmup=2),
            target="≤ 150",
            scale=SCALE,
            peer="Paginator COUNT(*) + OFFSET, first page" if name == "list_first_page" else None,
            peer_timing=naive if name == "list_first_page" else None,
        )
        for name, query in cases
    ]
    return results


def main(rebuild: bool = False) -> None:
    report("members_list", run(rebuild))
