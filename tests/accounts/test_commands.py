from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from tests.factories import UserFactory


@pytest.mark.django_db
def test_issued_token_works_against_the_api() -> None:
    UserFactory(username="integrator")
    out = StringIO()
    call_command("issue_api_token", "integrator", name="省平台对接", stdout=out)
    secret = out.getvalue().strip()
    response = Client().get("/api/v1/me", headers={"Authorization": f"Bearer {secret}"})
    assert response.status_code == 200 and response.json()["username"] == "integrator"


@pytest.mark.django_db
def test_unknown_user_is_a_clear_error() -> None:
    with pytest.raises(CommandError, match="没有这个账号"):
        call_command("issue_api_token", "nobody", name="x")
