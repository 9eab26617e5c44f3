from django.apps import AppConfig


class PoliceConfig(AppConfig):
    name = "buurtwacht.police"
    label = "police"
