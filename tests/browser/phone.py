"""The worker's side of a browser test: sign in on the phone with a code from the console SMS backend."""

from __future__ import annotations

from typing import Any

from gonghui.accounts.sms.console import ConsoleSmsBackend
from gonghui.common.pii_crypto import blind_index


def sign_in(page: Any, mobile: str, *, name: str = "", id_number: str = "") -> None:
    """On the sign-in page a worker page sent us to: the code, then (first time) the name and ID on file."""
    page.wait_for_selector("#id_mobile")
    page.fill("#id_mobile", mobile)
    page.click("button.primary")
    page.fill("#id_code", ConsoleSmsBackend.outbox[blind_index(mobile, purpose="mobile")])
    page.click("button.primary")
    if name:
        page.fill("#id_name", name)
        page.fill("#id_id_number", id_number)
        page.click("button.primary")
    page.wait_for_load_state()
