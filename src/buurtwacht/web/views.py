"""Resident-facing pages: the start page lists the groups the person belongs to."""

from django.shortcuts import render

from buurtwacht.organisation.models import Group, Membership


def home(request):
    mine = []
    if request.user.is_authenticated:
        mine = list(
            Group.objects.filter(
                memberships__user=request.user,
                memberships__status__in=[Membership.Status.ACTIVE, Membership.Status.SUSPENDED],
            ).select_related("neighbourhood__municipality")
        )
    live_count = Group.objects.filter(status=Group.Status.LIVE).count()
    groups = Group.objects.filter(status=Group.Status.LIVE).select_related(
        "neighbourhood__municipality"
    )[:50]
    return render(
        request, "web/home.html", {"groups": groups, "mine": mine, "live_count": live_count}
    )
