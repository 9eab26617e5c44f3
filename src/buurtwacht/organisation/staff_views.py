"""Pages for prevention officers and zone admins beyond /admin/: the neighbourhoods and groups
in their scope (roles.scope_queryset) and a go-live checklist per group with the actions that
fix what is missing (approve, pin the protocol, go live, suspend). Rules live in actions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from buurtwacht.protocols import ProtocolError

from . import actions, roles
from .models import Group, Membership, Neighbourhood, StaffRole

STAFF_KINDS = (StaffRole.Kind.PREVENTION_OFFICER, StaffRole.Kind.ZONE_ADMIN)


def is_group_staff(user) -> bool:
    """Prevention officers and zone admins (the staff who set groups up); superusers."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or StaffRole.objects.filter(user=user, kind__in=STAFF_KINDS).exists()


def _require_staff(request) -> None:
    if not is_group_staff(request.user):
        raise PermissionDenied


@login_required
def staff_home(request):
    _require_staff(request)
    hoods = roles.scope_queryset(request.user, Neighbourhood.objects.all()).select_related(
        "municipality__zone"
    )
    groups = (
        roles.scope_queryset(request.user, Group.objects.all())
        .select_related("neighbourhood__municipality__zone", "police_contact")
        .order_by("neighbourhood__municipality__name", "name")
    )
    rows = [{"group": g, "missing": actions.missing_for_go_live(g)} for g in groups]
    return render(
        request,
        "organisation/staff_home.html",
        {"neighbourhoods": hoods.order_by("municipality__name", "name"), "rows": rows},
    )


def _scoped_group(request, group_id) -> Group:
    _require_staff(request)
    group = (
        roles.scope_queryset(request.user, Group.objects.all())
        .select_related("neighbourhood__municipality__zone", "police_contact")
        .filter(pk=group_id)
        .first()
    )
    if group is None:
        raise Http404
    return group


@login_required
@require_http_methods(["GET", "POST"])
def go_live_checklist(request, group_id):
    group = _scoped_group(request, group_id)
    if request.method == "POST":
        _act(request, group)
        return redirect("organisation:staff_group", group_id=group.pk)
    user = request.user
    municipality = group.neighbourhood.municipality
    may_approve = roles.has_role(user, StaffRole.Kind.PREVENTION_OFFICER, municipality=municipality)
    coordinators = group.memberships.filter(
        role=Membership.Role.COORDINATOR, status=Membership.Status.ACTIVE
    ).select_related("user")
    return render(
        request,
        "organisation/staff_group.html",
        {
            "group": group,
            "missing": actions.missing_for_go_live(group),
            "may_approve": may_approve and group.approved_at is None,
            "coordinators": [m.user.get_full_name() or m.user.username for m in coordinators],
            "member_count": group.memberships.filter(status=Membership.Status.ACTIVE).count(),
        },
    )


def _act(request, group: Group) -> None:
    action = request.POST.get("action")
    try:
        if action == "approve":
            actions.approve_group(group, by=request.user)
            messages.success(request, _("Approved for the municipality."))
        elif action == "pin":
            actions.require_zone_staff(request.user, group)
            actions.pin_protocol(group, protocol_id=group.protocol_id)
            messages.success(request, _("The group now runs the current version of its protocol."))
        elif action == "go_live":
            actions.go_live(group, by=request.user)
            messages.success(request, _("The group is live and can send alerts."))
        elif action == "suspend":
            actions.suspend_group(group, by=request.user)
            messages.success(request, _("The group is suspended: nothing is sent."))
    except actions.GoLiveRefused as exc:
        messages.error(request, str(exc))
    except (actions.NotAllowed, ProtocolError) as exc:
        messages.error(request, str(exc))
