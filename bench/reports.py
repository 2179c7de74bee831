"""Issue 19: the federation dashboard, the returns roll-up and the work report at city scale (PostgreSQL).

Data: the bench city 基准市总工会 (b-1): 20,000 unions (12 counties, 200 towns, 19,787 grassroots unions),
1,000,000 members, 100,000 campaign payouts (assistance bench) and 50,000 五小 projects (innovation bench).

1. Dashboard: GET /dashboard/?under=b-1 through Django's test client as the city's admin (scope, stored
   sheets of the city, the same period last year and its 12 counties, trends, alerts, template), after
   `reports_refresh` has stored the federations' figures. Target p95 ≤ 300 ms. Peer: the naive dashboard —
   the same headline figures and child breakdown counted from the records, one aggregate query per child
   union and figure (every group's compute for the city, last year and each county).
2. Returns roll-up: every grassroots union, town and county has submitted last month's 月度入会统计表
   (20,000 snapshots); the roll-up is every federation's view of its children (213 federations reading the
   20,000 snapshots). Target ≤ 2 s. Peer: the same figures counted from the records for every child union,
   one aggregate query per union and figure — measured on one town's 99 unions and scaled to 20,000.
3. Work report: the city's 本年累计 report generated to the web view (draft_generate + the page) ≤ 5 s and
   to PDF ≤ 10 s, warm. Peer: the same report generated with no stored figures (counted live).
"""

from __future__ import annotations

import time
from typing import Any

from bench.assistance import build as build_payouts
from bench.harness import Result, Timing, measure, report, result, staff_client
from bench.innovation import build as build_projects

CITY = "b-1"
FORM = "members-monthly"
SCALE = "基准市总工会: 20,000 unions, 1,000,000 members, 100,000 payouts, 50,000 五小 projects"


def _admin() -> Any:
    from django.contrib.auth import get_user_model

    from gonghui.orgs.models import OrgNode, StaffRole

    user, _ = get_user_model().objects.get_or_create(username="bench-reports", defaults={"display_name": "基准统计"})
    StaffRole.objects.get_or_create(user=user, org=OrgNode.objects.get(code=CITY), role="admin")
    return user


def _fresh() -> bool:
    """Whether the city's stored sheets are still fresh (a rerun within the freshness skips the refresh)."""
    import datetime as dt

    from django.conf import settings
    from django.utils import timezone

    from gonghui.reports.models import FigureValue

    newest = FigureValue.objects.filter(org__code=CITY).order_by("-computed_at").values_list("computed_at", flat=True)
    at = newest.first()
    return at is not None and timezone.now() - at < dt.timedelta(seconds=settings.GONGHUI_FIGURES_FRESH_SECONDS)


def _refresh() -> float:
    from gonghui.orgs.models import OrgNode
    from gonghui.reports.rollups import figures_refresh

    started = time.perf_counter()
    done = figures_refresh(under=OrgNode.objects.get(code=CITY))
    if done.failed:
        raise RuntimeError(f"refresh failed: {done.failed[:3]}")
    return time.perf_counter() - started


def _naive_dashboard(city: Any) -> None:
    """Headline figures, last year's and the counties' breakdown, counted from the records."""
    from gonghui.reports.periods import period_default, same_period_last_year
    from gonghui.reports.rollups import sheet_compute
    from gonghui.reports.selectors import _children  # the children the dashboard shows

    period = period_default()
    sheet_compute(city, period)
    sheet_compute(city, same_period_last_year(period))
    for child in _children(city):
        sheet_compute(child, period)


def _dashboard(admin: Any, city: Any) -> list[Result]:
    client: Any = staff_client(admin)
    url = f"/dashboard/?under={CITY}"
    first = client.get(url, secure=True)
    if first.status_code != 200:
        raise RuntimeError(f"dashboard answered {first.status_code}")
    ours = measure(lambda: client.get(url, secure=True), runs=30, warmup=3)
    peer = measure(lambda: _naive_dashboard(city), runs=3, warmup=0)
    return [
        result(
            "dashboard_p95",
            ours,
            target="≤ 300",
            scale=f"{SCALE}; whole view through the test client, stored figures warm; 30 runs (peer 3)",
            peer="one aggregate query per child union and figure",
            peer_timing=peer,
        )
    ]


def _last_month() -> str:
    from django.utils import timezone

    today = timezone.localdate()
    year, month = (today.year, today.month - 1) if today.month > 1 else (today.year - 1, 12)
    return f"{year}-{month:02d}"


def _submit_all(admin: Any, city: Any, period_text: str) -> int:
    """Every union under the city submits the month's return: snapshots from stored figures, in bulk."""
    from django.utils import timezone

    from gonghui.orgs.models import OrgNode
    from gonghui.reports.periods import period_parse
    from gonghui.reports.returns.choices import SubmissionStatus
    from gonghui.reports.returns.models import Submission
    from gonghui.reports.returns.return_forms import return_form_get
    from gonghui.reports.returns.snapshot import rows_from_figures, snapshot_of
    from gonghui.reports.rollups import sheet_compute

    form, period = return_form_get(FORM), period_parse(period_text)
    Submission.objects.filter(form=FORM, period=period_text).delete()
    # One union's counted figures stand for every union's: the roll-up reads snapshots, whatever they hold.
    sample = OrgNode.objects.filter(path__startswith=city.path, kind="grassroots").first()
    values, figures = snapshot_of(rows_from_figures(form, sheet_compute(sample, period).by_key()))
    now = timezone.now()
    unions = OrgNode.objects.filter(path__startswith=city.path, depth__gt=city.depth).values_list("pk", flat=True)
    rows = [
        Submission(
            org_id=pk,
            form=FORM,
            period=period_text,
            status=SubmissionStatus.SUBMITTED,
            values=values,
            figures=figures,
            computed_at=now,
            submitted_by=admin,
            submitted_at=now,
        )
        for pk in unions
    ]
    Submission.objects.bulk_create(rows, batch_size=2_000)
    return len(rows)


def _rollup_all(admin: Any, city: Any, period_text: str) -> int:
    from gonghui.orgs.models import OrgNode
    from gonghui.reports.returns.rollup import children_view

    federations = OrgNode.objects.filter(path__startswith=city.path).exclude(kind="grassroots").order_by("path")
    seen = 0
    for org in federations:
        seen += len(children_view(admin, org, FORM, period_text).children)
    return seen


def _naive_rollup(city: Any, period_text: str) -> tuple[float, int]:
    """(seconds for one town's unions counted from the records, how many unions)."""
    from gonghui.orgs.models import OrgNode
    from gonghui.reports.periods import period_parse
    from gonghui.reports.returns.return_forms import return_form_get
    from gonghui.reports.rollups import sheet_compute

    form, period = return_form_get(FORM), period_parse(period_text)
    town = OrgNode.objects.filter(path__startswith=city.path, kind="town").order_by("path").first()
    unions = list(OrgNode.objects.filter(path__startswith=town.path, depth=town.depth + 1))
    started = time.perf_counter()
    for union in unions:
        figures = sheet_compute(union, period).by_key()
        [figures.get(key) for _, key in form.rows()]
    return time.perf_counter() - started, len(unions)


def _returns(admin: Any, city: Any) -> list[Result]:
    period_text = _last_month()
    submitted = _submit_all(admin, city, period_text)
    seen = 0

    def run() -> None:
        nonlocal seen
        seen = _rollup_all(admin, city, period_text)

    ours = measure(run, runs=5, warmup=1)
    seconds, unions = _naive_rollup(city, period_text)
    peer_ms = seconds / unions * submitted * 1000
    peer = Timing(p50_ms=round(peer_ms, 1), p95_ms=round(peer_ms, 1), runs=1)
    return [
        result(
            "returns_rollup_ms",
            ours,
            target="≤ 2,000",
            peer="each child union's figures counted from the records (one aggregate query per union and figure)",
            peer_timing=peer,
            scale=f"{SCALE}; {submitted:,} submitted 月度入会统计表 for {period_text}, each federation's children "
            f"({seen:,} child rows); 5 runs; peer timed on {unions} unions of one town and scaled to {submitted:,}",
        )
    ]


def _workreport(admin: Any, city: Any) -> list[Result]:
    from django.utils import timezone

    from gonghui.reports.models import FigureValue
    from gonghui.reports.workreport.export import draft_pdf
    from gonghui.reports.workreport.services import draft_generate

    client: Any = staff_client(admin)
    period = f"{timezone.localdate().year}-ytd"
    draft = draft_generate(actor=admin, org=city, period=period)

    def to_web() -> None:
        made = draft_generate(actor=admin, org=city, period=period)
        client.get(f"/reports/work/{made.pk}/", secure=True)

    web = measure(to_web, runs=5, warmup=1)
    pdf = measure(lambda: draft_pdf(draft_generate(actor=admin, org=city, period=period)), runs=3, warmup=1)
    stored = list(FigureValue.objects.filter(org=city).values_list("pk", flat=True))

    def cold_web() -> None:
        FigureValue.objects.filter(org=city).delete()  # the city's figures counted from the records
        to_web()

    cold = measure(cold_web, runs=2, warmup=0)  # each run stores the city's sheets again as it reads them
    note = f"{SCALE}; the city's {period} report, stored figures warm ({len(stored)} stored sheets of the city)"
    return [
        result(
            "workreport_web_ms",
            web,
            target="≤ 5,000",
            scale=note + "; generate + the page, 5 runs (peer 2)",
            peer="same report with the city's figures counted live",
            peer_timing=cold,
        ),
        result("workreport_pdf_ms", pdf, target="≤ 10,000", scale=note + f"; draft #{draft.pk}; 3 runs"),
    ]


def run(rebuild: bool) -> list[Result]:
    from gonghui.orgs.models import OrgNode

    build_payouts(rebuild)
    build_projects(rebuild)
    admin = _admin()
    city = OrgNode.objects.get(code=CITY)
    refresh_s = None if _fresh() else _refresh()
    print(f"reports_refresh of the city's federations: {refresh_s or 0:.1f} s (0: still fresh, not rerun)")
    results = _dashboard(admin, city) + _returns(admin, city) + _workreport(admin, city)
    if refresh_s is None:
        return results
    refresh = Timing(p50_ms=round(refresh_s * 1000, 1), p95_ms=round(refresh_s * 1000, 1), runs=1)
    results.append(
        result(
            "figures_refresh_ms",
            refresh,
            target="< GONGHUI_FIGURES_FRESH_SECONDS (900 s): the job keeps the stated freshness",
            scale=f"{SCALE}; every federation's sheets (213 unions × this and last year's periods) and trends",
        )
    )
    return results


def main(rebuild: bool = False) -> None:
    report("reports", run(rebuild))
