"""The admin's view of WhatsApp numbers: which group or zone a number speaks for, and
whether Meta made us pause it (clear `paused_reason` to resume sending)."""

from django.contrib import admin

from .models import BusinessNumber


@admin.register(BusinessNumber)
class BusinessNumberAdmin(admin.ModelAdmin):
    list_display = ("phone_number_id", "label", "group", "zone", "paused_reason", "paused_at")
    list_filter = ("zone",)
    readonly_fields = ("paused_at",)
