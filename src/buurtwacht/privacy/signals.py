"""Starting the leaver's grace period whenever a membership ends, whoever ends it."""

from django.utils import timezone


def membership_saved(sender, instance, created, update_fields=None, **kwargs):
    from .models import MembershipEnd

    if update_fields is not None and "status" not in update_fields:
        return
    if instance.status == sender.Status.REMOVED:
        MembershipEnd.objects.get_or_create(
            membership=instance, defaults={"ended_at": timezone.now()}
        )
    elif not created:
        MembershipEnd.objects.filter(membership=instance).delete()  # re-admitted


def ensure_triggers(sender, using="default", **kwargs):
    from django.db import connections

    from . import triggers

    triggers.install(connections[using])
