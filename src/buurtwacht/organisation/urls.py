"""Pages about a group's protocol: the charter (read, accept, PDF) and who still has to accept."""

from django.urls import path

from . import charter_views, sanction_views

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
]
