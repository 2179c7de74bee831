"""Permission cases of the certification app (技能等级认定): every page and API operation (see registry.py).

The certificate check page is public (a masked name and the certificate's content) and needs no case.
"""

from __future__ import annotations

from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.permissions.registry import LOGGED_IN, Case
from tests.world_certification import AUTHORITY, BATCH, FITTER, entry_row

POST = frozenset({302})
CREATED = frozenset({201})


def _pilot(w: Any) -> dict[str, Any]:
    return {"pk": w.certification.pilot.pk}


def _batch(w: Any) -> dict[str, Any]:
    return {"pk": w.certification.batch.pk}


def _licence(w: Any) -> dict[str, Any]:
    return {
        "occupation_code": FITTER,
        "lowest": "4",
        "highest": "3",
        "valid_from": "2025-01-01",
        "valid_until": "2029-12-31",
        "authority": AUTHORITY,
    }


def _sheet(w: Any) -> dict[str, Any]:
    row = entry_row(w)
    text = f"姓名,身份证号,理论成绩,实操成绩\n{row['name']},{row['id_number']},80,85\n"
    return {"file": SimpleUploadedFile("成绩表.csv", text.encode())}


CASES = [
    Case("certification:pilots", allowed=LOGGED_IN, marker=lambda w: w.enterprise.name),
    Case("certification:pilot_new", allowed=LOGGED_IN),  # an empty form; the POST checks the chosen union
    Case("certification:pilot", kwargs=_pilot),
    Case(
        "certification:pilot_act",
        kwargs=lambda w: {**_pilot(w), "action": "grade"},
        method="form",
        data=lambda w: {"level": "4", "grade": "技能二档", "allowance": "200"},
        ok=POST,
    ),
    Case("certification:batches", allowed=LOGGED_IN, marker=lambda w: BATCH),
    Case("certification:batch_new", allowed=LOGGED_IN),  # lists only the pilots the user may edit
    Case("certification:batch", kwargs=_batch),
    Case("certification:batch_import", kwargs=_batch),  # the upload form; needs ORG_EDIT on the enterprise's union
    Case(
        "certification:batch_act",
        kwargs=lambda w: {**_batch(w), "action": "enter"},
        method="form",
        data=entry_row,
        ok=POST,
    ),
    Case("certification:results", allowed=LOGGED_IN, marker=lambda w: "赵已认定"),
    Case("api:certification_pilots_list", allowed=LOGGED_IN, marker=lambda w: w.enterprise.name),
    Case("api:certification_pilots_get", kwargs=_pilot),
    Case(
        "api:certification_pilots_create",
        method="post",
        ok=CREATED,
        data=lambda w: {"org_code": w.town_a.code, "enterprise_uscc": w.certification.candidate_enterprise.uscc},
    ),
    Case("api:certification_licences_list", allowed=LOGGED_IN, marker=lambda w: AUTHORITY),
    Case("api:certification_licences_create", kwargs=_pilot, method="post", ok=CREATED, data=_licence),
    Case(
        "api:certification_pay_grades_set",
        kwargs=_pilot,
        method="put",
        data=lambda w: [{"level": "4", "grade": "技能二档", "allowance": "200"}],
    ),
    Case("api:certification_batches_list", allowed=LOGGED_IN, marker=lambda w: BATCH),
    Case("api:certification_batches_get", kwargs=_batch),
    Case(
        "api:certification_batches_create",
        method="post",
        ok=CREATED,
        data=lambda w: {
            "pilot_id": w.certification.pilot.pk,
            "name": "测试认定批次：第二批",
            "occupation_code": FITTER,
            "levels": ["4"],
            "starts_on": "2025-03-01",
            "ends_on": "2025-03-05",
            "assessors": "陈建华",
        },
    ),
    Case("api:certification_candidates_list", kwargs=_batch),
    Case("api:certification_results_enter", kwargs=_batch, method="post", data=lambda w: {"rows": [entry_row(w)]}),
    Case("api:certification_batches_import", kwargs=_batch, method="form", data=_sheet),
]
