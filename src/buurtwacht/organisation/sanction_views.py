"""Pages of the sanction ladder: the person's own sanctions (and appeal), the coordinator's and
zone admin's page to take a step, and the zone admin's appeals. Thin: rules live in sanctions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from . import sanctions
from .actions import NotAllowed
from .models import Group, Membership, PoliceZone, Sanction, SanctionAppeal


@login_required
def mine(request):
    """Every step taken against me, with its reason, and the appeal I may make once."""
    if request.method == "POST":
        sanction = get_object_or_404(
            Sanction, pk=request.POST.get("sanction"), membership__user=request.user
        )
        try:
            sanctions.appeal(sanction, by=request.user, text=request.POST.get("text", ""))
        except (sanctions.SanctionRefused, NotAllowed) as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Your appeal went to the zone admin."))
            return redirect("organisation:my_sanctions")
    return render(
        request, "organisation/my_sanctions.html", {"sanctions": sanctions.of_user(request.user)}
    )


@login_required
def group(request, group_id):
    item = get_object_or_404(
        Group.objects.select_related("neighbourhood__municipality"), pk=group_id
    )
    memberships = [
        m
        for m in item.memberships.select_related("user").exclude(status=Membership.Status.REMOVED)
        if sanctions.may_sanction(request.user, m)
    ]
    if not memberships and not request.method == "POST":
        raise Http404
    if request.method == "POST":
        membership = get_object_or_404(Membership, pk=request.POST.get("membership"), group=item)
        try:
            sanctions.give(membership, by=request.user, step=request.POST.get("step", ""),
                           reason=request.POST.get("reason", ""))  # fmt: skip
        except NotAllowed:
            raise Http404 from None
        except sanctions.SanctionRefused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The step is recorded; the person can read it and appeal."))
            return redirect("organisation:group_sanctions", group_id=item.pk)
    history = Sanction.objects.filter(membership__in=memberships).select_related("membership__user")
    return render(
        request,
        "organisation/group_sanctions.html",
        {"group": item, "memberships": memberships, "steps": Sanction.Step.choices,
         "history": history},
    )  # fmt: skip


@login_required
def appeals(request, zone_id):
    zone = get_object_or_404(PoliceZone, pk=zone_id)
    try:
        pending = sanctions.pending_appeals(request.user, zone)
    except NotAllowed:
        raise Http404 from None
    if request.method == "POST":
        item = get_object_or_404(pending, pk=request.POST.get("appeal"))
        try:
            sanctions.decide(item, by=request.user, lift=request.POST.get("decision") == "lift",
                             note=request.POST.get("note", ""))  # fmt: skip
        except sanctions.SanctionRefused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("The appeal is decided."))
        return redirect("organisation:appeals", zone_id=zone.pk)
    return render(request, "organisation/appeals.html", {"zone": zone, "appeals": pending})


__all__ = ["SanctionAppeal", "appeals", "group", "mine"]
