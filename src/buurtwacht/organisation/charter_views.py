"""The charter as a page to read, sign (accept) and download, and the coordinator's list of
members who have not accepted the current version yet.

The charter is shown in the reader's language, so what they accept is what they could read;
the language shown is recorded with the acceptance.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from buurtwacht.protocols import Protocol, load_protocol, render_charter_html, render_charter_pdf

from . import acceptance, roles
from .models import Group, Membership, StaffRole

# Staff whose work touches the group's agreements; each role is checked in the group's scope.
CHARTER_STAFF = (
    StaffRole.Kind.POLICE_CONTACT,
    StaffRole.Kind.ZONE_ADMIN,
    StaffRole.Kind.PREVENTION_OFFICER,
)


def _membership(user, group: Group) -> Membership | None:
    """The reader's membership, unless they were removed (then they are no longer a member)."""
    return (
        Membership.objects.filter(group=group, user=user)
        .exclude(status=Membership.Status.REMOVED)
        .select_related("group")
        .first()
    )


def may_read_charter(user, group: Group) -> bool:
    """Members, the group's staff (scoped roles), national admins and superusers."""
    if user.is_superuser or _membership(user, group) is not None:
        return True
    municipality = group.neighbourhood.municipality
    if any(roles.has_role(user, kind, municipality=municipality) for kind in CHARTER_STAFF):
        return True
    return roles.has_role(user, StaffRole.Kind.NATIONAL_ADMIN)


def _readable_group(request, group_id) -> Group:
    group = get_object_or_404(
        Group.objects.select_related("neighbourhood__municipality__zone"), pk=group_id
    )
    if not may_read_charter(request.user, group):
        raise PermissionDenied
    return group


def charter_language(request) -> str:
    """The `lang` query parameter, else the user's profile language, else the request's."""
    for candidate in (
        request.GET.get("lang"),
        getattr(request.user, "language", None),
        getattr(request, "LANGUAGE_CODE", None),
    ):
        if candidate in acceptance.LANGUAGE_CODES:
            return candidate
    return acceptance.LANGUAGE_CODES[0]


def _charter_args(group: Group) -> dict[str, str]:
    """The parties the charter binds, filled into its header."""
    municipality = group.neighbourhood.municipality
    return {"group_name": group.name, "municipality": municipality.name, "zone": group.zone.name}


@login_required
@require_http_methods(["GET", "POST"])
def charter_page(request, group_id):
    """Read the charter; a member who has not accepted the current version can accept it."""
    group = _readable_group(request, group_id)
    membership = _membership(request.user, group)
    if request.method == "POST":
        return _accept(request, group, membership)
    lang = charter_language(request)
    return _render_charter(request, group, membership, lang)


def _render_charter(request, group, membership, lang, *, error=None, status=200):
    protocol = load_protocol(group.protocol_id)
    with translation.override(lang):
        context = _charter_context(group, membership, protocol, lang)
        context["error"] = error
        response = render(request, "organisation/charter.html", context, status=status)
    response["Content-Language"] = lang
    return response


def _charter_context(group, membership, protocol: Protocol, lang: str) -> dict:
    html = render_charter_html(protocol, lang, **_charter_args(group))
    text_is_current = str(protocol.version) == group.protocol_version
    needs = membership is not None and acceptance.needs_acceptance(membership)
    return {
        "group": group,
        "lang": lang,
        "languages": _language_links(),
        "charter_html": mark_safe(html),  # the library escapes every value it renders
        "protocol": protocol,
        "membership": membership,
        "needs_acceptance": needs,
        "offer_accept": needs and text_is_current,
        "text_is_current": text_is_current,
        "accepted": None
        if needs or membership is None
        else acceptance.latest_acceptance(membership),
    }


def _language_links() -> list[tuple[str, str]]:
    """Every charter language, each named in itself, so a reader finds their own."""
    return list(settings.LANGUAGES)


def _accept(request, group: Group, membership: Membership | None):
    """Record the acceptance of the version and language the member was shown."""
    lang = request.POST.get("lang", "")
    shown_lang = lang if lang in acceptance.LANGUAGE_CODES else charter_language(request)
    if membership is None:
        raise PermissionDenied
    try:
        with translation.override(shown_lang):
            acceptance.accept(
                membership,
                version=request.POST.get("version", ""),
                lang=lang,
                protocol_id=request.POST.get("protocol_id") or None,
            )
            messages.success(
                request,
                _("Thank you. You accepted version %(version)s and can post in %(group)s.")
                % {"version": group.protocol_version, "group": group.name},
            )
    except acceptance.AcceptanceRefused as refused:
        group.refresh_from_db()
        return _render_charter(
            request, group, membership, shown_lang, error=str(refused), status=409
        )
    return redirect(f"{acceptance.charter_url(group)}?lang={shown_lang}")


@login_required
@require_GET
def charter_pdf(request, group_id):
    """The charter as a PDF to print and sign, in the same language choice as the page."""
    group = _readable_group(request, group_id)
    lang = charter_language(request)
    protocol = load_protocol(group.protocol_id)
    pdf = render_charter_pdf(protocol, lang, **_charter_args(group))
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"charter-{group.pk}-{protocol.id}-{protocol.version}-{lang}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Language"] = lang
    return response


@login_required
@require_GET
def acceptance_page(request, group_id):
    """For the group's coordinators: who has not accepted yet (names only, no contact data)."""
    group = get_object_or_404(Group, pk=group_id)
    if not roles.is_coordinator(request.user, group):
        raise PermissionDenied
    pending = [
        {
            "name": m.user.get_full_name() or m.user.username,
            "accepted_version": m.accepted_protocol_version,
        }
        for m in acceptance.not_yet_accepted(group)
    ]
    active = group.memberships.filter(status=Membership.Status.ACTIVE).count()
    return render(
        request,
        "organisation/acceptance.html",
        {"group": group, "pending": pending, "active_count": active},
    )
