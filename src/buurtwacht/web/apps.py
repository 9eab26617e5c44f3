from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "buurtwacht.web"
    label = "web"
