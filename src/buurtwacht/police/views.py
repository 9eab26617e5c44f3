"""Pages of the police side: the console, an alert in the console, police messages,
broadcasts, and the member's page to answer the police. Views stay thin: who may do what is
decided in alerts.access and in this package's action modules."""

from django.contrib import messages as flash
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from buurtwacht.alerts import access
from buurtwacht.alerts.models import Category, Status
from buurtwacht.delivery.sending import content_for
from buurtwacht.delivery.status import delivery_summary
from buurtwacht.organisation import roles
from buurtwacht.organisation.models import Group, Neighbourhood

from . import broadcasts, console, messages, svgmap
from .acknowledgements import acknowledge
from .models import Acknowledgement, Broadcast, PoliceReply


@login_required
def home(request):
    zones = console.zones_of(request.user)
    if not zones:
        raise Http404
    if len(zones) == 1:
        return redirect("police:zone", zone_id=zones[0].pk)
    return render(request, "police/zones.html", {"zones": zones})


def _map_points(qs) -> list[dict]:
    """Only what a point needs; no text, so drawing the map reads no personal data."""
    return [
        {"id": a.pk, "lon": a.lon, "lat": a.lat, "status": a.status,
         "category_label": str(a.get_category_display())}
        for a in qs.filter(lon__isnull=False, lat__isnull=False)[: console.PAGE_SIZE * 4]
    ]  # fmt: skip


def _svg(zone_roles, filters) -> str:
    hoods = Neighbourhood.objects.filter(groups__pk__in=list(zone_roles)).distinct().order_by("pk")
    points = _map_points(console.alerts(zone_roles, filters))
    return svgmap.zone_map(hoods, points, link=lambda pk: reverse("police:alert", args=[pk]))


@login_required
def zone(request, zone_id):
    zone, zone_roles = console.zone_console(request.user, zone_id)
    filters = console.Filters.from_query(request.GET)
    qs = console.alerts(zone_roles, filters)[: console.PAGE_SIZE]
    rows = [console.row(a, reader=request.user, role=zone_roles[a.group_id]) for a in qs]
    police = any(r == access.ConsoleRole.POLICE for r in zone_roles.values())
    return render(
        request,
        "police/console.html",
        {
            "zone": zone,
            "rows": rows,
            "filters": filters,
            "groups": console.groups_for_filter(zone_roles),
            "categories": Category.choices,
            "statuses": Status.choices,
            "map": mark_safe(_svg(zone_roles, filters)),  # noqa: S308 - built with escaping
            "police": police,
            "may_broadcast": bool(broadcasts.allowed_kinds(request.user)),
        },
    )


@login_required
def zone_map(request, zone_id):
    _zone, zone_roles = console.zone_console(request.user, zone_id)
    svg = _svg(zone_roles, console.Filters.from_query(request.GET))
    return HttpResponse(svg, content_type="image/svg+xml; charset=utf-8")


@login_required
def alert(request, alert_id):
    item, role = access.console_alert(request.user, alert_id)
    revealed, status = None, 200
    if request.method == "POST":
        try:
            revealed = _act(request, item, role)
        except console.ConsoleRefused as exc:
            flash.error(request, exc.message)
            status = exc.status
        else:
            if revealed is None:
                return redirect("police:alert", alert_id=item.pk)
        item.refresh_from_db()
    return render(
        request,
        "police/alert.html",
        {
            "a": console.row(item, reader=request.user, role=role, via="console alert"),
            "revealed": revealed,
            "states": Acknowledgement.State.choices,
            "acknowledgements": item.acknowledgements.select_related("actor").order_by("at"),
            "open": item.status == Status.OPEN,
        },
        status=status,
    )


def _act(request, item, role):
    """Run the posted action; returns the revealed fields for a reveal, else None."""
    action = request.POST.get("action")
    if action == "reveal":
        return console.reveal(item, by=request.user, role=role, reason=request.POST.get("reason"))
    if action == "acknowledge":
        ack = acknowledge(item, by=request.user, role=role, state=request.POST.get("state", ""))
        flash.success(request, _("Sent to the group: %(s)s") % {"s": ack.get_state_display()})
    elif action == "case_reference":
        console.set_case_reference(
            item, by=request.user, role=role, reference=request.POST.get("reference", "")
        )
        flash.success(request, _("Case reference saved."))
    else:
        raise console.ConsoleRefused(_("Unknown action."), code="bad_action")
    return None


def _police_group(request, group_id) -> Group:
    group = get_object_or_404(Group, pk=group_id)
    if not roles.is_police_for(request.user, group):
        raise Http404
    return group


@login_required
def group_messages(request, group_id):
    group = _police_group(request, group_id)
    if request.method == "POST":
        try:
            messages.send_police_message(
                group, by=request.user, title=request.POST.get("title", ""),
                text=request.POST.get("text", ""),
            )  # fmt: skip
        except console.ConsoleRefused as exc:
            flash.error(request, exc.message)
        else:
            flash.success(request, _("Your police message was sent to the group."))
            return redirect("police:group_messages", group_id=group.pk)
    sent = [
        {"item": m, "delivery": delivery_summary(m.message) if m.message else {},
         "replies": messages.replies_to(m.message) if m.message else []}
        for m in group.police_messages.select_related("message")[:20]
    ]  # fmt: skip
    return render(request, "police/group_messages.html", {"group": group, "sent": sent})


@login_required
def broadcast_list(request):
    kinds = broadcasts.allowed_kinds(request.user)
    if not kinds:
        raise Http404
    if request.method == "POST":
        try:
            item = broadcasts.send_broadcast(by=request.user, **_broadcast_form(request.POST))
        except console.ConsoleRefused as exc:
            flash.error(request, exc.message)
        else:
            return redirect("police:broadcast", pk=item.pk)
    groups, _zones, _munis = broadcasts.scope(request.user, Broadcast.Kind.PREVENTION_TIP)
    if Broadcast.Kind.WARNING in kinds:
        groups, _zones, _munis = broadcasts.scope(request.user, Broadcast.Kind.WARNING)
    return render(
        request,
        "police/broadcasts.html",
        {
            "kinds": [(k, label) for k, label in Broadcast.Kind.choices if k in kinds],
            "targets": Broadcast.Target.choices,
            "groups": groups.order_by("name"),
            "sent": broadcasts.sent_by(request.user)[:20],
            "form": request.POST,
        },
    )


def _broadcast_form(post) -> dict:
    import json

    target = post.get("target", "")
    detail: dict = {}
    if target == Broadcast.Target.GROUPS:
        detail["groups"] = post.getlist("groups")
    elif target in (Broadcast.Target.MUNICIPALITY, Broadcast.Target.ZONE):
        detail[target] = post.get(target, "")
    elif target == Broadcast.Target.AREA:
        try:
            detail["area"] = json.loads(post.get("area") or "null")
        except ValueError:
            detail["area"] = None
    return {"kind": post.get("kind", ""), "title": post.get("title", ""),
            "text": post.get("text", ""), "target": target, "detail": detail}  # fmt: skip


@login_required
def broadcast(request, pk):
    item = get_object_or_404(Broadcast, pk=pk, sender=request.user)
    replies = PoliceReply.objects.filter(message__in=item.groups.values("message")).select_related(
        "author", "group"
    )
    return render(
        request,
        "police/broadcast.html",
        {"item": item, "rows": broadcasts.delivery_per_group(item), "replies": replies},
    )


@login_required
def reply(request, outbound_id):
    """A member answers a police message or request for information; only the police read it."""
    try:
        message = messages.message_for_member(request.user, outbound_id)
    except messages.ReplyRefused:
        raise Http404 from None
    if request.method == "POST":
        try:
            messages.reply_to_police(
                outbound_message_id=message.pk, user=request.user,
                text=request.POST.get("text", ""), channel="web",
            )  # fmt: skip
        except messages.ReplyRefused as exc:
            flash.error(request, exc.message)
        else:
            flash.success(request, _("Your answer went to the police only."))
            return redirect("alerts:feed", group_id=message.group_id)
    content = content_for(message.payload, getattr(request.user, "language", "") or get_language())
    return render(request, "police/reply.html", {"message": message, "content": content})


@login_required
def reply_detail(request, pk):
    item = get_object_or_404(
        PoliceReply.objects.select_related("message", "group", "author"), pk=pk
    )
    if not messages.may_read_reply(request.user, item):
        raise Http404
    messages.audit_read(request.user, item)
    return render(request, "police/reply_detail.html", {"reply": item})
