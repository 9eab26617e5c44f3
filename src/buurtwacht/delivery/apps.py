from django.apps import AppConfig


class DeliveryConfig(AppConfig):
    name = "buurtwacht.delivery"
    label = "delivery"
