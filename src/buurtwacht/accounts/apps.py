from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "buurtwacht.accounts"
    label = "accounts"
    verbose_name = "Sign-in"
