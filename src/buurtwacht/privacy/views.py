"""Pages of the privacy lifecycle: my data (export, erase), a group's transparency page, and
the zone admin's audit log (with CSV export).

Views stay thin: the work is in subject_rights, retention and models.audit.
"""

import csv
import json
from datetime import date, datetime, time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from buurtwacht.organisation.models import Group, PoliceZone, StaffRole

from . import retention, subject_rights
from .models import AuditEntry, audit

AUDIT_PAGE_SIZE = 200
CSV_FIELDS = (
    "created_at",
    "zone",
    "actor",
    "action",
    "subject_type",
    "subject_id",
    "reason",
    "detail",
)


# --- my data ----------------------------------------------------------------------------


@login_required
@require_GET
def my_data(request):
    return render(request, "privacy/my_data.html")


@login_required
@require_GET
def my_data_download(request):
    user = request.user
    data = subject_rights.export_data(user)
    audit(actor=user, action="export_own_data", subject=user)
    body = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="buurtwacht-my-data-{stamp}.json"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def my_data_erase(request):
    """Two steps: the page says what goes and what stays; the POST must repeat the username."""
    error = ""
    if request.method == "POST":
        if request.POST.get("confirm", "").strip() != request.user.username:
            error = _("Type your username exactly to confirm. Nothing was erased.")
        else:
            subject_rights.erase(request.user, actor=request.user, reason="own request")
            logout(request)
            messages.success(request, _("Your account and your data were erased."))
            return redirect("/")
    return render(request, "privacy/erase.html", {"error": error}, status=400 if error else 200)


# --- transparency -----------------------------------------------------------------------


@require_GET
def transparency(request, group_id):
    """Public on purpose: what a group stores and why must be readable before joining it."""
    group = get_object_or_404(
        Group.objects.select_related("neighbourhood__municipality__zone"), pk=group_id
    )
    protocol = retention._protocol(group.protocol_id)
    lang = request.GET.get("lang")
    if lang in dict(settings.LANGUAGES):
        translation.activate(lang)
        request.LANGUAGE_CODE = lang
    return render(
        request,
        "privacy/transparency.html",
        {
            "group": group,
            "municipality": group.neighbourhood.municipality,
            "zone": group.zone,
            "protocol_version": group.protocol_version or protocol.version,
            "page_languages": settings.LANGUAGES,  # each in its own name
            "retention_days": protocol.retention_days,
            "grace_days": retention.grace_days(),
            "rules": [r.description for r in retention.rules() if r.description],
        },
    )


# --- the zone's audit log ---------------------------------------------------------------


def _admin_zones(user):
    if not user.is_authenticated:
        return PoliceZone.objects.none()
    if user.is_superuser:
        return PoliceZone.objects.all()
    return PoliceZone.objects.filter(
        pk__in=StaffRole.objects.filter(user=user, kind=StaffRole.Kind.ZONE_ADMIN).values("zone_id")
    )


def _parse_day(value: str) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _filtered_log(request, zones):
    entries = AuditEntry.objects.filter(zone__in=zones).select_related("actor", "zone")
    params = request.GET
    if params.get("zone"):
        entries = entries.filter(zone_id=params["zone"]) if params["zone"].isdigit() else entries
    if params.get("actor"):
        entries = entries.filter(actor__username=params["actor"].strip())
    if params.get("action"):
        entries = entries.filter(action=params["action"].strip())
    tz = timezone.get_current_timezone()
    since, until = _parse_day(params.get("from", "")), _parse_day(params.get("to", ""))
    if since:
        entries = entries.filter(created_at__gte=datetime.combine(since, time.min, tz))
    if until:
        entries = entries.filter(created_at__lte=datetime.combine(until, time.max, tz))
    return entries


@login_required
@require_GET
def zone_audit_log(request):
    zones = _admin_zones(request.user)
    if not zones.exists():
        raise PermissionDenied
    entries = _filtered_log(request, zones)
    actions = (
        AuditEntry.objects.filter(zone__in=zones)
        .order_by("action")
        .values_list("action", flat=True)
        .distinct()
    )
    return render(
        request,
        "privacy/audit_log.html",
        {
            "entries": entries[:AUDIT_PAGE_SIZE],
            "total": entries.count(),
            "page_size": AUDIT_PAGE_SIZE,
            "zones": zones,
            "actions": list(actions),
            "query": request.GET.urlencode(),
            "filters": request.GET,
        },
    )


def _cell(value) -> str:
    """Spreadsheets run cells that start with = + - @ as formulas: quote them."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@login_required
@require_GET
def zone_audit_csv(request):
    zones = _admin_zones(request.user)
    if not zones.exists():
        raise PermissionDenied
    entries = list(_filtered_log(request, zones))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="audit-{timezone.localdate().isoformat()}.csv"'
    )
    writer = csv.writer(response)
    writer.writerow(CSV_FIELDS)
    for e in entries:
        writer.writerow(
            [
                _cell(v)
                for v in (
                    e.created_at.isoformat(),
                    e.zone.number if e.zone else "",
                    e.actor.username if e.actor else "",
                    e.action,
                    e.subject_type,
                    e.subject_id,
                    e.reason,
                    e.detail,
                )
            ]
        )
    # Exporting the log is itself a read of personal data: one row per zone exported.
    chosen = request.GET.get("zone", "")
    for zone in zones.filter(pk=chosen) if chosen.isdigit() else zones:
        audit(
            actor=request.user,
            action="export_audit_log",
            subject=zone,
            detail=f"{len(entries)} rows; filters: {request.GET.urlencode()}"[:300],
        )
    return response
