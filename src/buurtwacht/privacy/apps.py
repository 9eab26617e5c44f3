from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "buurtwacht.privacy"
    label = "privacy"
