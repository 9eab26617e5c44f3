"""The back office: Django's admin with querysets scoped by role.

A zone admin sees and changes only their zone's objects; a prevention officer only their
municipality's. Scoping is done in get_queryset, so list, change, delete and autocomplete
views all share it: an object outside the scope simply does not exist for that user.
"""

from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin

from . import actions, roles
from .models import Group, Membership, Municipality, Neighbourhood, PoliceZone, StaffRole, User

MANAGING_ROLES = (StaffRole.Kind.ZONE_ADMIN, StaffRole.Kind.PREVENTION_OFFICER)


def _is_manager(user) -> bool:
    return user.is_active and (
        user.is_superuser or StaffRole.objects.filter(user=user, kind__in=MANAGING_ROLES).exists()
    )


class ScopedAdmin(admin.ModelAdmin):
    """Role-scoped permissions: managers act within their scope, nobody else at all."""

    def get_queryset(self, request):
        return roles.scope_queryset(request.user, super().get_queryset(request))

    def has_module_permission(self, request):
        return _is_manager(request.user)

    def _in_scope(self, request, obj) -> bool:
        if not _is_manager(request.user):
            return False
        return obj is None or self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_view_permission(self, request, obj=None):
        return self._in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._in_scope(request, obj)

    def has_add_permission(self, request):
        return _is_manager(request.user)

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser


def _limit_choices(request, db_field, kwargs):
    """Foreign-key drop-downs only offer objects inside the user's scope."""
    related = db_field.related_model
    if related in (PoliceZone, Municipality, Neighbourhood, Group):
        kwargs["queryset"] = roles.scope_queryset(request.user, related.objects.all())


@admin.register(PoliceZone)
class PoliceZoneAdmin(ScopedAdmin):
    list_display = ("name", "number", "police_number", "zone_phone", "province")

    def has_add_permission(self, request):
        return request.user.is_superuser


@admin.register(Municipality)
class MunicipalityAdmin(ScopedAdmin):
    list_display = ("name", "nis_code", "zone")
    search_fields = ("name", "nis_code")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        _limit_choices(request, db_field, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Neighbourhood)
class NeighbourhoodAdmin(ScopedAdmin):
    list_display = ("name", "sector_code", "municipality")
    list_filter = ("municipality",)
    search_fields = ("name", "sector_code")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        _limit_choices(request, db_field, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Group)
class GroupAdmin(ScopedAdmin):
    list_display = ("name", "neighbourhood", "status", "protocol_id", "protocol_version")
    list_filter = ("status", "protocol_id")
    search_fields = ("name",)
    readonly_fields = ("status", "approved_by", "approved_at")
    actions = ["make_live", "suspend"]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        _limit_choices(request, db_field, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.action(description="Go live (checks coordinator, police contact, approval, protocol)")
    def make_live(self, request, queryset):
        for group in queryset:
            try:
                actions.go_live(group, by=request.user)
                self.message_user(request, f"{group}: live")
            except (actions.GoLiveRefused, actions.NotAllowed) as exc:
                self.message_user(request, f"{group}: {exc}", level=messages.ERROR)

    @admin.action(description="Suspend (stops all sending)")
    def suspend(self, request, queryset):
        for group in queryset:
            actions.suspend_group(group, by=request.user)


@admin.register(Membership)
class MembershipAdmin(ScopedAdmin):
    list_display = ("user", "group", "role", "status", "admitted_at")
    list_filter = ("role", "status")
    raw_id_fields = ("user", "admitted_by")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        _limit_choices(request, db_field, kwargs)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(StaffRole)
class StaffRoleAdmin(admin.ModelAdmin):
    list_display = ("user", "kind", "zone", "municipality", "province")
    list_filter = ("kind",)


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    """Only superusers manage accounts; contact data is never shown here (it is encrypted)."""

    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Person", {"fields": ("first_name", "last_name", "language", "birth_date")}),
        ("Access", {"fields": ("is_active", "is_staff", "is_superuser")}),
    )
