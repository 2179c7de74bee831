"""Session notes belong to the provider: sealed in the database, read-audited, and never on a cadre's page,
export or API answer (cadres see counts per type and month only). Risk flags reach the designated cadre
with no clinical detail."""

from __future__ import annotations

import json

import pytest
from cryptography.exceptions import InvalidTag
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test import Client
from django.urls import reverse

from gonghui.appointments import services
from gonghui.appointments.models import RiskFlag, SessionNote, UnionSetting
from gonghui.common.models import AuditAction, AuditEvent
from gonghui.common.pii_crypto import unseal
from tests.world import World
from tests.world_appointments import NOTE


def test_the_note_is_sealed_in_the_database(world: World) -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT sealed FROM appointments_sessionnote")
        stored = [row[0] for row in cursor.fetchall()]
    assert stored and all(NOTE not in value for value in stored)
    # Bound to its appointment: copied to another appointment's row it does not open.
    note = SessionNote.objects.get(appointment=world.appointments.past)
    with pytest.raises(InvalidTag):
        unseal(note.sealed, aad=f"appointments.note.{world.appointments.upcoming.pk}")


def test_only_the_provider_reads_the_note_and_each_read_is_audited(world: World) -> None:
    past = world.appointments.past
    before = AuditEvent.objects.filter(action=AuditAction.VIEW_SENSITIVE).count()
    assert services.note_read(actor=world.users["provider"], appointment=past) == NOTE
    assert AuditEvent.objects.filter(action=AuditAction.VIEW_SENSITIVE).count() == before + 1
    for name in ("owner", "same", "member"):
        with pytest.raises(PermissionDenied):
            services.note_read(actor=world.users[name], appointment=past)
    client = Client()
    client.force_login(world.users["provider"])
    page = client.get(reverse("appointments_h5:session", args=[past.pk]))
    assert NOTE in page.content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.VIEW_SENSITIVE).count() == before + 2


def _everything_a_cadre_can_open(world: World) -> list[str]:
    """Every appointments page, export and API answer a cadre may open, and the reports' figures."""
    client = Client()
    client.force_login(world.users["owner"])
    provider = world.appointments.provider
    texts = []
    for name, kwargs, query in [
        ("appointments:providers", {}, {}),
        ("appointments:provider", {"pk": provider.pk}, {}),
        ("appointments:desk", {}, {"provider": provider.pk}),
        ("appointments:counts", {}, {}),
        ("appointments:counts_export", {}, {}),
        ("appointments:settings", {}, {}),
        ("appointments:risk_flags", {}, {}),
    ]:
        response = client.get(reverse(name, kwargs=kwargs), query)
        assert response.status_code == 200, name
        texts.append(response.content.decode("utf-8-sig"))
    token = {"HTTP_AUTHORIZATION": f"Bearer {world.tokens['owner']}"}
    api = Client()
    for path in [
        "/api/v1/appointments/providers",
        f"/api/v1/appointments/providers/{provider.pk}/slots",
    ]:
        response = api.get(path, **token)
        assert response.status_code == 200, path
        texts.append(response.content.decode())
    cancelled = api.post(
        f"/api/v1/appointments/{world.appointments.upcoming.pk}/cancel",
        data=json.dumps({"reason": "请假"}),
        content_type="application/json",
        **token,
    )
    assert cancelled.status_code == 200
    texts.append(cancelled.content.decode())
    return texts


def test_notes_never_reach_a_cadres_page_export_or_api_answer(world: World) -> None:
    texts = _everything_a_cadre_can_open(world)
    for text in texts:
        assert NOTE not in text
        assert SessionNote.objects.get().sealed not in text
    # The counts page has the numbers (one past session, one to come) and no worker's name.
    counts = texts[3]
    assert "心理咨询" in counts and "李在册" not in counts
    export = texts[4]
    assert "李在册" not in export and "心理咨询" in export


def test_a_risk_flag_alerts_the_designated_cadre_without_clinical_detail(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    sent: list[tuple[str, str]] = []
    monkeypatch.setattr(
        "gonghui.appointments.services.notices.send_notice",
        lambda *, mobile, text: sent.append((mobile, text)) or True,
    )
    setting = UnionSetting.objects.get(org=world.union_a)
    setting.alert_mobile = "13700001111"
    setting.save()
    services.risk_flag_acknowledge(actor=world.users["owner"], flag=world.appointments.flag)
    flag = services.risk_flag_raise(actor=world.users["provider"], appointment=world.appointments.past)
    assert flag.contact == world.users["owner"] and flag.alerted_at is not None
    assert sent and sent[0][0] == "13700001111" and NOTE not in sent[0][1] and "李在册" not in sent[0][1]
    with pytest.raises(ValidationError, match="尚未处理"):
        services.risk_flag_raise(actor=world.users["provider"], appointment=world.appointments.past)
    client = Client()
    client.force_login(world.users["owner"])
    page = client.get(reverse("appointments:risk_flags")).content.decode()
    assert "李在册" in page and NOTE not in page
    client.force_login(world.users["same"])  # not the designated contact
    assert "李在册" not in client.get(reverse("appointments:risk_flags")).content.decode()
    with pytest.raises(PermissionDenied):
        services.risk_flag_acknowledge(actor=world.users["same"], flag=flag)
    assert RiskFlag.objects.filter(acknowledged_at__isnull=True).count() == 1


def test_the_contact_is_found_up_the_tree(world: World) -> None:
    UnionSetting.objects.filter(org=world.union_a).delete()
    with pytest.raises(ValidationError, match="工作人员"):  # "same" holds town_a only, not county_a
        services.setting_set(actor=world.users["owner"], org=world.county_a, risk_contact=world.users["same"])
    services.setting_set(actor=world.users["owner"], org=world.county_a, risk_contact=world.users["owner"])
    services.setting_set(actor=world.users["owner"], org=world.town_a, risk_contact=world.users["same"])
    found = services.risk_contact_for(world.union_a)
    assert found is not None and found.risk_contact == world.users["same"]  # the nearest one up the tree
