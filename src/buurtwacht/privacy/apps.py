from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save


class PrivacyConfig(AppConfig):
    name = "buurtwacht.privacy"
    label = "privacy"

    def ready(self):
        from buurtwacht.organisation.models import Membership

        from . import retention_rules, signals

        retention_rules.register_builtin_rules()

        post_save.connect(signals.membership_saved, sender=Membership, dispatch_uid="privacy-end")
        post_migrate.connect(signals.ensure_triggers, sender=self, dispatch_uid="privacy-trig")
