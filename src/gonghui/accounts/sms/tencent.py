"""腾讯云短信 through the official SDK (tencentcloud-sdk-python-sms, API 2021-01-11).

The code template must take two parameters: the code and its minutes of life (e.g. "验证码{1}，{2}分钟内有效");
the notice template (SMS_NOTICE_TEMPLATE_ID, for reminders and alerts) one: the notice's text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from tencentcloud.common import credential
from tencentcloud.common.exception.tencent_cloud_sdk_exception import TencentCloudSDKException
from tencentcloud.sms.v20210111 import models, sms_client

from gonghui.accounts.sms import SmsError


@dataclass(frozen=True)
class TencentSmsBackend:
    client: Any  # sms_client.SmsClient, or a fake with the same SendSms in tests
    app_id: str
    sign_name: str
    template_id: str
    notice_template_id: str = ""

    @classmethod
    def from_settings(cls) -> TencentSmsBackend:
        cred = credential.Credential(settings.SMS_TENCENT_SECRET_ID, settings.SMS_TENCENT_SECRET_KEY)
        return cls(
            client=sms_client.SmsClient(cred, settings.SMS_TENCENT_REGION),
            app_id=settings.SMS_TENCENT_APP_ID,
            sign_name=settings.SMS_SIGN_NAME,
            template_id=settings.SMS_TEMPLATE_ID,
            notice_template_id=settings.SMS_NOTICE_TEMPLATE_ID,
        )

    def request(self, *, mobile: str, code: str, minutes: int) -> models.SendSmsRequest:
        return self._request(mobile, self.template_id, [code, str(minutes)])

    def _request(self, mobile: str, template_id: str, params: list[str]) -> models.SendSmsRequest:
        req = models.SendSmsRequest()
        req.SmsSdkAppId = self.app_id
        req.SignName = self.sign_name
        req.TemplateId = template_id
        req.TemplateParamSet = params
        req.PhoneNumberSet = [f"+86{mobile}"]
        return req

    def send_code(self, *, mobile: str, code: str, minutes: int) -> None:
        self._send(self.request(mobile=mobile, code=code, minutes=minutes))

    def send_notice(self, *, mobile: str, text: str) -> None:
        if not self.notice_template_id:
            raise SmsError("tencent sms: SMS_NOTICE_TEMPLATE_ID is not set")
        self._send(self._request(mobile, self.notice_template_id, [text]))

    def _send(self, request: models.SendSmsRequest) -> None:
        try:
            response = self.client.SendSms(request)
        except TencentCloudSDKException as exc:
            raise SmsError(f"tencent sms: {exc.code}") from exc
        statuses = response.SendStatusSet or []
        if not statuses or statuses[0].Code != "Ok":
            raise SmsError(f"tencent sms: {statuses[0].Code if statuses else 'no status'}")
