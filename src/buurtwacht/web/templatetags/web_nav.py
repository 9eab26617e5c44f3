"""`{% group_nav group %}`: the tabs of a group page, only those the reader may open."""

from django import template

from buurtwacht.organisation import roles

register = template.Library()


@register.inclusion_tag("web/group_nav.html", takes_context=True)
def group_nav(context, group):
    request = context.get("request")
    user = getattr(request, "user", None)
    level = roles.reader_level(user, group) if user is not None else roles.Reader.NONE
    signed_in = bool(user is not None and user.is_authenticated)
    coordinator = signed_in and (user.is_superuser or roles.is_coordinator(user, group))
    return {
        "group": group,
        "member": level >= roles.Reader.MEMBER,
        "coordinator": coordinator,
        "here": getattr(getattr(request, "resolver_match", None), "view_name", ""),
    }
