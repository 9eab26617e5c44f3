"""Pages about a group's protocol, its members and invitations, sanctions, and the staff's
neighbourhoods and go-live checklists."""

from django.urls import path

from . import charter_views, invitation_views, member_views, sanction_views, staff_views

app_name = "organisation"
urlpatterns = [
    path("groups/<int:group_id>/charter/", charter_views.charter_page, name="charter"),
    path("groups/<int:group_id>/charter.pdf", charter_views.charter_pdf, name="charter_pdf"),
    path(
        "groups/<int:group_id>/acceptance/",
        charter_views.acceptance_page,
        name="acceptance",
    ),
    path("me/sanctions/", sanction_views.mine, name="my_sanctions"),
    path("groups/<int:group_id>/sanctions/", sanction_views.group, name="group_sanctions"),
    path("zones/<int:zone_id>/appeals/", sanction_views.appeals, name="appeals"),
    path("groups/<int:group_id>/members/", member_views.member_list, name="members"),
    path("groups/<int:group_id>/settings/", member_views.group_settings, name="group_settings"),
    path(
        "groups/<int:group_id>/invitations/",
        invitation_views.invitation_list,
        name="invitations",
    ),
    path("join/<str:token>/", invitation_views.join, name="join"),
    path("staff/", staff_views.staff_home, name="staff"),
    path("staff/groups/<int:group_id>/", staff_views.go_live_checklist, name="staff_group"),
]
