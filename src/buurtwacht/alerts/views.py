"""Web pages for members and coordinators: the feed, the SAAR form, an alert, moderation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from buurtwacht.delivery import estimate
from buurtwacht.delivery.live import latest_event_id
from buurtwacht.organisation import roles
from buurtwacht.organisation.actions import NotAllowed
from buurtwacht.organisation.models import Group
from buurtwacht.organisation.roles import Reader

from . import access, closing, flow, moderation, views_shared
from .forms import AlertForm, CloseForm, FollowUpForm
from .models import Alert, FollowUp
from .rules import Refused, protocol_of


def _group_for_reader(request, group_id) -> tuple[Group, Reader]:
    group = get_object_or_404(Group, pk=group_id)
    level = roles.reader_level(request.user, group)
    if level == Reader.NONE:
        raise PermissionDenied
    return group, level


@login_required
def group_feed(request, group_id):
    group, level = _group_for_reader(request, group_id)
    alerts = views_shared.feed(request.user, group, level)
    return render(
        request,
        "alerts/feed.html",
        {
            "group": group,
            "alerts": alerts,
            "protocol": protocol_of(group),
            "is_coordinator": roles.is_coordinator(request.user, group),
            "live_last_id": latest_event_id(group.pk),
        },
    )


@login_required
def new_alert(request, group_id):
    group, _level = _group_for_reader(request, group_id)
    protocol = protocol_of(group)
    form = AlertForm(request.POST or None)
    offer = None
    if request.method == "POST" and form.is_valid():
        try:
            alert = flow.submit_alert(
                group=group, author=request.user, draft=flow.AlertDraft(**form.draft_kwargs())
            )
        except Refused as exc:
            if exc.code == "offer_follow_up":
                offer = exc.extra["alert_id"]
            form.add_error(None, exc.message)
        else:
            if alert.status == "open":
                messages.success(
                    request,
                    _(
                        "Your alert was sent to the group. Stay home and "
                        "observe; pass new observations to the police."
                    ),
                )
            else:
                messages.warning(
                    request,
                    _("Your alert is held for the coordinator: %(r)s")
                    % {"r": " ".join(r["message"] for r in alert.reasons)},
                )
            return redirect("alerts:feed", group_id=group.pk)
    return render(
        request,
        "alerts/new_alert.html",
        {"group": group, "form": form, "protocol": protocol, "offer": offer},
    )


@login_required
def alert_detail(request, alert_id):
    alert, level = access.readable_alert(request.user, alert_id)
    group = alert.group
    follow_up_form, close_form = FollowUpForm(), CloseForm()
    if request.method == "POST":
        try:
            if "outcome" in request.POST:
                close_form = CloseForm(request.POST)
                if close_form.is_valid():
                    closing.close_alert(
                        alert, by=request.user, outcome=close_form.cleaned_data["outcome"]
                    )
                    messages.success(request, _("The alert is closed."))
            else:
                follow_up_form = FollowUpForm(request.POST)
                if follow_up_form.is_valid():
                    item = flow.submit_follow_up(
                        alert=alert, author=request.user, text=follow_up_form.cleaned_data["text"]
                    )
                    _tell_sender(request, item)
            return redirect("alerts:detail", alert_id=alert.pk)
        except (Refused, NotAllowed) as exc:
            messages.error(request, str(exc))
    return render(
        request,
        "alerts/detail.html",
        {
            "alert": views_shared.reader_view(alert, reader=request.user, level=level),
            "group": group,
            "follow_up_form": follow_up_form,
            "close_form": close_form,
            "may_close": closing.may_close(request.user, alert),
            "police": level == Reader.POLICE,
        },
    )


def _tell_sender(request, item: FollowUp) -> None:
    if item.status == "published":
        messages.success(request, _("Your observation was added."))
    else:
        messages.warning(
            request,
            _("Your message is held for the coordinator: %(r)s")
            % {"r": " ".join(r["message"] for r in item.reasons)},
        )


@login_required
def moderation_page(request, group_id):
    group = get_object_or_404(Group, pk=group_id)
    if not (request.user.is_superuser or roles.is_coordinator(request.user, group)):
        raise PermissionDenied
    if request.method == "POST":
        model = Alert if request.POST.get("kind") == "alert" else FollowUp
        item = get_object_or_404(model, pk=request.POST.get("id"))
        try:
            _moderate(request, item)
        except (Refused, NotAllowed) as exc:
            messages.error(request, str(exc))
        return redirect("alerts:moderation", group_id=group.pk)
    return render(
        request,
        "alerts/moderation.html",
        {"group": group, "queue": moderation.queue(group), "estimate": estimate.fan_out(group)},
    )


def _moderate(request, item) -> None:
    action = request.POST.get("action")
    if action == "approve":
        moderation.approve(item, by=request.user)
    elif action == "reject":
        moderation.reject(item, by=request.user, reason=request.POST.get("reason", ""))
    elif action == "redact":
        field = "text" if isinstance(item, FollowUp) else "description"
        moderation.redact(item, by=request.user, changes={field: request.POST.get("redacted", "")})
    messages.success(request, _("Done."))
