"""The coordinator's pages: members and admissions, group settings. Thin: rules in members."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import actions, members, sanctions
from .invitation_views import coordinated_group
from .models import Membership, Sanction


@login_required
@require_http_methods(["GET", "POST"])
def member_list(request, group_id):
    group = coordinated_group(request, group_id)
    if request.method == "POST":
        membership = get_object_or_404(Membership, pk=request.POST.get("id"), group=group)
        try:
            if request.POST.get("action") == "admit":
                members.admit_pending(membership, by=request.user)
                messages.success(request, _("%(name)s is now a member.") % _name(membership))
            elif request.POST.get("action") == "remove":
                sanctions.give(
                    membership, by=request.user, step=Sanction.Step.REMOVAL,
                    reason=request.POST.get("reason", ""),
                )  # fmt: skip
                messages.success(
                    request, _("%(name)s was removed; they can read why and appeal.")
                    % _name(membership),
                )  # fmt: skip
        except (actions.AdmissionRefused, actions.NotAllowed, sanctions.SanctionRefused) as exc:
            messages.error(request, str(exc))
        return redirect("organisation:members", group_id=group.pk)
    rows = members.member_rows(group, viewer=request.user)
    return render(
        request,
        "organisation/members.html",
        {
            "group": group,
            "rows": rows,
            "active_count": sum(r["status_code"] == "active" for r in rows),
            "pending_count": sum(r["status_code"] == "pending" for r in rows),
        },
    )


def _name(membership) -> dict:
    return {"name": membership.user.get_full_name() or membership.user.username}


@login_required
@require_http_methods(["GET", "POST"])
def group_settings(request, group_id):
    group = coordinated_group(request, group_id)
    error = ""
    if request.method == "POST":
        try:
            members.rename(group, by=request.user, name=request.POST.get("name", ""))
        except (ValueError, actions.NotAllowed) as exc:
            error = str(exc)
            group.refresh_from_db()
        else:
            messages.success(request, _("Saved."))
            return redirect("organisation:group_settings", group_id=group.pk)
    return render(
        request,
        "organisation/group_settings.html",
        {"group": group, "error": error, "missing": actions.missing_for_go_live(group),
         "name_max": members.NAME_MAX},
        status=422 if error else 200,
    )  # fmt: skip
