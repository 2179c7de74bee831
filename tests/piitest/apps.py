from django.apps import AppConfig


class PiitestConfig(AppConfig):
    name = "tests.piitest"
    label = "piitest"
