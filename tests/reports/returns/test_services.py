"""Submitting a return freezes it; twice is refused; the federation above returns it; bad input changes nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from gonghui.common.models import AuditEvent
from gonghui.orgs.models import OrgNode
from gonghui.reports.periods import period_key
from gonghui.reports.returns.choices import SubmissionStatus
from gonghui.reports.returns.models import Submission
from gonghui.reports.returns.return_forms import return_form_get
from gonghui.reports.returns.services import return_save_remarks, return_send_back, return_submit
from tests.factories import today
from tests.reports.returns.conftest import MONTHLY, YEARLY, Fed


def _submit(
    fed: Fed,
    org: OrgNode | None = None,
    actor: Any = None,
    period: str | None = None,
    form: str = MONTHLY,
    remarks: str = "",
) -> Submission:
    return return_submit(
        actor=actor or fed.town1_cadre,
        org=org or fed.town1,
        form_key=form,
        period_text=period or fed.key,
        remarks=remarks,
    )


def test_submitting_freezes_the_counted_figures_with_their_definitions(fed: Fed) -> None:
    submission = _submit(fed, remarks="  本月新建快递网点工会，入会人数增加。 ")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED
    assert submission.period == fed.key and submission.form == MONTHLY and submission.org == fed.town1
    assert submission.values["members_joined"] == 3  # 2 in town1, 1 in its grassroots union
    assert submission.values["members_total"] == 4  # those three and the one who joined the month before
    assert submission.values["members_left"] == 0
    assert submission.remarks == "本月新建快递网点工会，入会人数增加。"
    assert submission.submitted_by == fed.town1_cadre and submission.submitted_at is not None
    keys = [f["key"] for f in submission.figures]
    assert keys == return_form_get(MONTHLY).keys  # every row, in the form's order
    joined = next(f for f in submission.figures if f["key"] == "members_joined")
    assert joined["label"] == "新入会" and joined["unit"] == "人" and joined["definition"] and joined["rollup"] == "sum"
    assert AuditEvent.objects.filter(target_type="returns.submission", target_id=str(submission.pk)).count() == 1


def test_a_later_change_to_the_records_never_alters_the_submitted_return(fed: Fed) -> None:
    submission = _submit(fed)
    fed.join(fed.g1, fed.month.start + dt.timedelta(days=3))  # entered late, for the month already reported
    submission.refresh_from_db()
    assert submission.values["members_joined"] == 3
    assert submission.values["members_total"] == 4


def test_submitting_twice_is_refused_and_changes_nothing(fed: Fed) -> None:
    first = _submit(fed)
    fed.join(fed.town1, fed.month.end)
    with pytest.raises(ValidationError) as refused:
        _submit(fed, remarks="再报一次")
    assert refused.value.messages == ["该报表已报送，不能重复报送。"]
    first_values, first_at = first.values, first.submitted_at
    first.refresh_from_db()
    assert (first.values, first.submitted_at, first.remarks) == (first_values, first_at, "")
    assert Submission.objects.count() == 1


def test_the_federation_returns_it_with_a_reason_and_the_union_submits_it_again(fed: Fed) -> None:
    submission = _submit(fed)
    fed.join(fed.town1, fed.month.end)
    returned = return_send_back(actor=fed.county_admin, submission=submission, reason="新入会人数与名册不符，请核实。")
    assert returned.status == SubmissionStatus.RETURNED and returned.returned_by == fed.county_admin
    assert returned.values["members_joined"] == 3  # the snapshot stays until it is submitted again
    again = _submit(fed)
    assert again.pk == submission.pk and again.status == SubmissionStatus.SUBMITTED
    assert again.values["members_joined"] == 4


@pytest.mark.parametrize(
    ("reason", "message"),
    [("", "请填写退回原因，说明需要核实或更正的内容。"), ("退" * 201, "退回原因不超过200字。")],
)
def test_a_return_without_a_proper_reason_is_refused(fed: Fed, reason: str, message: str) -> None:
    submission = _submit(fed)
    with pytest.raises(ValidationError) as refused:
        return_send_back(actor=fed.county_admin, submission=submission, reason=reason)
    assert refused.value.messages == [message]
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED and submission.return_reason == ""


def test_only_a_submitted_return_can_be_returned(fed: Fed) -> None:
    draft = return_save_remarks(
        actor=fed.town1_cadre, org=fed.town1, form_key=MONTHLY, period_text=fed.key, remarks="草稿"
    )
    with pytest.raises(ValidationError) as refused:
        return_send_back(actor=fed.county_admin, submission=draft, reason="请核实")
    assert refused.value.messages == ["只有已报送的报表才能退回。"]
    draft.refresh_from_db()
    assert draft.status == SubmissionStatus.DRAFT


def test_remarks_are_kept_as_a_draft_until_submitted(fed: Fed) -> None:
    draft = return_save_remarks(
        actor=fed.town1_cadre, org=fed.town1, form_key=MONTHLY, period_text=fed.key, remarks="待财务核对"
    )
    assert draft.status == SubmissionStatus.DRAFT and draft.values == {}
    submitted = _submit(fed, remarks="已核对")
    assert submitted.pk == draft.pk and submitted.remarks == "已核对"
    with pytest.raises(ValidationError) as refused:
        return_save_remarks(actor=fed.town1_cadre, org=fed.town1, form_key=MONTHLY, period_text=fed.key, remarks="x")
    assert refused.value.messages == ["该报表已报送，不能重复报送。"]


# --- who may ------------------------------------------------------------------------------------------


def test_only_the_unions_own_staff_submit(fed: Fed) -> None:
    with pytest.raises(PermissionDenied):  # the county sees town1's return but does not file it
        _submit(fed, actor=fed.county_admin)
    with pytest.raises(Http404):  # the sibling county does not even see it
        _submit(fed, actor=fed.sibling_admin)
    with pytest.raises(Http404):
        _submit(fed, actor=fed.town2_cadre)
    assert Submission.objects.count() == 0


def test_only_the_federation_above_returns_a_return(fed: Fed) -> None:
    submission = _submit(fed)
    with pytest.raises(PermissionDenied):  # the union cannot return its own
        return_send_back(actor=fed.town1_cadre, submission=submission, reason="撤回")
    with pytest.raises(Http404):
        return_send_back(actor=fed.sibling_admin, submission=submission, reason="撤回")
    submission.refresh_from_db()
    assert submission.status == SubmissionStatus.SUBMITTED


# --- bad input -----------------------------------------------------------------------------------------


def _next_month() -> str:
    day = today().replace(day=28) + dt.timedelta(days=5)
    return f"{day.year}-{day.month:02d}"


def _this_month() -> str:
    return f"{today().year}-{today().month:02d}"


@pytest.mark.parametrize(
    ("period", "form", "message"),
    [
        (_next_month, MONTHLY, "统计期间还没有开始，不能统计将来的数字。"),
        (lambda: "2026-13", MONTHLY, "月份应在 1 到 12 之间。"),
        (lambda: "上个月", MONTHLY, "统计期间的格式应为 2026、2026Q3、2026-07 或 2026-ytd。"),
        (lambda: "2025Q1", MONTHLY, "月度入会统计表是月报，统计期间应写作如 2026-07。"),
        (lambda: "2025-03", "no-such-form", "没有这个统计报表：no-such-form"),
    ],
)
def test_a_period_or_form_that_cannot_be_reported_is_refused_in_chinese(
    fed: Fed, period: object, form: str, message: str
) -> None:
    with pytest.raises(ValidationError) as refused:
        _submit(fed, period=period(), form=form)  # type: ignore[operator]
    assert refused.value.messages == [message]
    assert Submission.objects.count() == 0


def test_the_month_under_way_is_not_submitted_before_it_ends(fed: Fed) -> None:
    if today().day == 1:
        pytest.skip("on the 1st the month under way has just begun: parsed as not yet started is tested above")
    with pytest.raises(ValidationError) as refused:
        _submit(fed, period=_this_month())
    assert refused.value.messages == [f"{today().year}年{today().month}月尚未结束，期末之后才能报送。"]
    assert Submission.objects.count() == 0


def test_a_period_before_the_union_was_set_up_is_refused(fed: Fed) -> None:
    fed.town1.established_on = fed.month.end + dt.timedelta(days=1)
    fed.town1.save(update_fields=["established_on"])
    with pytest.raises(ValidationError) as refused:
        _submit(fed)
    assert refused.value.messages == [f"该工会{fed.town1.established_on.isoformat()}才成立，所选期间早于成立日期。"]
    assert Submission.objects.count() == 0


def test_a_union_that_does_not_file_the_form_is_told_so(fed: Fed) -> None:
    from tests.factories import grant

    grant(fed.town1_cadre, fed.g1)
    with pytest.raises(ValidationError) as refused:
        _submit(fed, org=fed.g1)
    assert refused.value.messages == ["上冈基层工会（基层工会）不填报月度入会统计表。"]
    fed.g1.established_on = dt.date(2020, 5, 1)
    fed.g1.save(update_fields=["established_on"])
    yearly = _submit(fed, org=fed.g1, form=YEARLY, period=str(today().year - 1))
    assert yearly.values["orgs_grassroots"] == 1


def test_remarks_too_long_are_refused(fed: Fed) -> None:
    with pytest.raises(ValidationError) as refused:
        _submit(fed, remarks="说" * 501)
    assert refused.value.message_dict == {"remarks": ["填报说明不超过500字。"]}
    assert Submission.objects.count() == 0


def test_amounts_keep_their_exact_decimal_in_the_snapshot() -> None:
    from gonghui.reports.returns.snapshot import decode, encode

    assert decode(encode(Decimal("12345.67"))) == Decimal("12345.67")
    assert decode(encode(7)) == 7 and isinstance(decode(encode(7)), int)
    assert decode(encode(12.5)) == 12.5 and decode(encode(None)) is None


def test_the_submitted_period_key_is_the_canonical_one(fed: Fed) -> None:
    month = fed.month
    submission = _submit(fed, period=f"{month.year}年{month.number}月")  # as a cadre writes it
    assert submission.period == period_key(month)
