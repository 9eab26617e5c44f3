"""The audit log in the back office: readable by superusers, never changed or deleted.

Zone admins read their zone's log on /audit/ (scoped, filterable, CSV); this admin is the
operator's view. No add, change or delete permission and no bulk actions, so the admin has
no path that writes to the log.
"""

from django.contrib import admin

from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ("created_at", "zone", "actor", "action", "subject_type", "subject_id", "reason")
    list_filter = ("action", "zone")
    search_fields = ("action", "subject_type", "subject_id", "actor__username")
    date_hierarchy = "created_at"
    actions = None

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
