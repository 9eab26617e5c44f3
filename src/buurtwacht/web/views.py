"""Resident-facing pages."""

from django.shortcuts import render

from buurtwacht.organisation.models import Group


def home(request):
    groups = Group.objects.filter(status=Group.Status.LIVE).select_related(
        "neighbourhood__municipality"
    )[:50]
    return render(request, "web/home.html", {"groups": groups})
