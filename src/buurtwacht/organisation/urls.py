"""Pages about a group's protocol: the charter (read, accept, PDF) and who still has to accept."""

from django.urls import path

from . import charter_views

app_name = "organisation"
urlpatterns = [
    path("groups/<int:group_id>/charter/", charter_views.charter_page, name="charter"),
    path("groups/<int:group_id>/charter.pdf", charter_views.charter_pdf, name="charter_pdf"),
    path(
        "groups/<int:group_id>/acceptance/",
        charter_views.acceptance_page,
        name="acceptance",
    ),
]
