"""Pages of invitations: the coordinator's list (create, copy, revoke) and the join flow.

The join flow is one path: open the link, give date of birth and location (the browser's
location, or typed coordinates), pass the admission checks, then read and accept the charter
(organisation.charter_views), after which the member lands in the feed.
"""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import actions, invitations, roles
from .acceptance import charter_url
from .forms import InvitationForm, JoinForm
from .models import Group, Invitation


def coordinated_group(request, group_id) -> Group:
    """The group if the person coordinates it (or is a superuser); 403 otherwise."""
    group = get_object_or_404(
        Group.objects.select_related("neighbourhood__municipality__zone"), pk=group_id
    )
    if not (request.user.is_superuser or roles.is_coordinator(request.user, group)):
        raise PermissionDenied
    return group


@login_required
@require_http_methods(["GET", "POST"])
def invitation_list(request, group_id):
    group = coordinated_group(request, group_id)
    form = InvitationForm(request.POST or None)
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            item = get_object_or_404(Invitation, pk=request.POST.get("id"), group=group)
            invitations.revoke(item, by=request.user)
            messages.success(request, _("The invitation link no longer works."))
            return redirect("organisation:invitations", group_id=group.pk)
        if form.is_valid():
            invitations.create(group, by=request.user, note=form.cleaned_data["note"])
            messages.success(request, _("A new invitation link is ready: copy it below."))
            return redirect("organisation:invitations", group_id=group.pk)
    items = list(group.invitations.select_related("used_by")[:100])
    for item in items:
        item.link = request.build_absolute_uri(reverse("organisation:join", args=[item.token]))
    return render(
        request, "organisation/invitations.html", {"group": group, "items": items, "form": form}
    )


@require_http_methods(["GET", "POST"])
def join(request, token):
    """Anyone holding the link; an account is made for a person without one."""
    try:
        invitation = invitations.open_invitation(token)
    except invitations.InvitationInvalid as exc:
        return render(request, "organisation/join.html", {"invalid": str(exc)}, status=410)
    user = request.user if request.user.is_authenticated else None
    form = JoinForm(
        request.POST or None,
        new_account=user is None,
        needs_birth_date=user is None or user.birth_date is None,
    )
    error = ""
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        joiner = invitations.Joiner(
            birth_date=data.get("birth_date"), lon=data["lon"], lat=data["lat"],
            first_name=data.get("first_name", ""), last_name=data.get("last_name", ""),
            email=data.get("email", ""), language=translation.get_language()[:2],
        )  # fmt: skip
        try:
            membership = invitations.join(token, joiner, user=user)
        except (invitations.InvitationInvalid, actions.AdmissionRefused) as exc:
            error = str(exc)
        else:
            if user is None:
                login(request, membership.user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(
                request,
                _("Welcome to %(group)s. One step left: read and accept the charter.")
                % {"group": invitation.group.name},
            )
            lang = translation.get_language()[:2]
            return redirect(f"{charter_url(invitation.group)}?lang={lang}")
    return render(
        request,
        "organisation/join.html",
        {"invitation": invitation, "group": invitation.group, "form": form, "error": error},
        status=422 if error or form.errors else 200,
    )
