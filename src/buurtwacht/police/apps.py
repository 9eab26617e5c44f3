from django.apps import AppConfig


class PoliceConfig(AppConfig):
    name = "buurtwacht.police"
    label = "police"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from buurtwacht.privacy.retention import Rule, register

        from .models import PoliceReply

        register(
            Rule(
                name="police_replies",
                model=PoliceReply,
                group_field="group",
                date_field="created_at",
                description=_("members' replies to police messages (read by the police only)"),
            ),
            replace=True,
        )
