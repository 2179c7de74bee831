"""The 腾讯云短信 adapter against a fake transport: the request it builds, and how it reads refusals."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException

from gonghui.accounts.sms import SmsError
from gonghui.accounts.sms.tencent import TencentSmsBackend


class FakeClient:
    def __init__(self, code: str = "Ok", raises: Exception | None = None) -> None:
        self.sent: list[Any] = []
        self.code, self.raises = code, raises

    def SendSms(self, request: Any) -> Any:
        if self.raises:
            raise self.raises
        self.sent.append(request)
        return SimpleNamespace(SendStatusSet=[SimpleNamespace(Code=self.code, Message="")])


def _backend(client: FakeClient) -> TencentSmsBackend:
    return TencentSmsBackend(client=client, app_id="1400000000", sign_name="盐城工会", template_id="100001")


def test_the_request_carries_sign_template_code_minutes_and_the_number_in_e164() -> None:
    client = FakeClient()
    _backend(client).send_code(mobile="13912345678", code="042517", minutes=5)
    (req,) = client.sent
    assert (req.SmsSdkAppId, req.SignName, req.TemplateId) == ("1400000000", "盐城工会", "100001")
    assert req.TemplateParamSet == ["042517", "5"] and req.PhoneNumberSet == ["+8613912345678"]
    assert "TemplateParamSet" in req.to_json_string()  # a real SDK request object, serialisable as sent


def test_a_refused_number_or_a_failing_call_is_an_sms_error_without_the_number() -> None:
    with pytest.raises(SmsError, match="LimitExceeded") as info:
        _backend(FakeClient(code="LimitExceeded.PhoneNumberDailyLimit")).send_code(
            mobile="13912345678", code="1", minutes=5
        )
    assert "13912345678" not in str(info.value)
    failing = FakeClient(raises=TencentCloudSDKException("AuthFailure.SecretIdNotFound", "bad id"))
    with pytest.raises(SmsError, match="AuthFailure"):
        _backend(failing).send_code(mobile="13912345678", code="1", minutes=5)


def test_from_settings_builds_the_official_client(settings: Any) -> None:
    settings.SMS_TENCENT_SECRET_ID, settings.SMS_TENCENT_SECRET_KEY = "AKID", "key"
    settings.SMS_TENCENT_APP_ID, settings.SMS_SIGN_NAME, settings.SMS_TEMPLATE_ID = "1400", "工会", "9"
    backend = TencentSmsBackend.from_settings()
    assert type(backend.client).__name__ == "SmsClient" and backend.sign_name == "工会"


def test_a_notice_goes_through_the_notice_template_or_is_refused_without_one() -> None:
    client = FakeClient()
    with pytest.raises(SmsError, match="SMS_NOTICE_TEMPLATE_ID"):
        _backend(client).send_notice(mobile="13912345678", text="您预约的心理咨询明天9:00开始")
    backend = TencentSmsBackend(
        client=client, app_id="1400000000", sign_name="盐城工会", template_id="100001", notice_template_id="100002"
    )
    backend.send_notice(mobile="13912345678", text="您预约的心理咨询明天9:00开始")
    (req,) = client.sent
    assert req.TemplateId == "100002" and req.TemplateParamSet == ["您预约的心理咨询明天9:00开始"]
