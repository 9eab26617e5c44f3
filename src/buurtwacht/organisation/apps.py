from django.apps import AppConfig


class OrganisationConfig(AppConfig):
    name = "buurtwacht.organisation"
    label = "organisation"
    verbose_name = "Organisation"
