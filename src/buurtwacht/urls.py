from django.contrib import admin
from django.urls import include, path

from buurtwacht.api import api
from buurtwacht.web import health

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("live/", include("buurtwacht.delivery.live.urls")),
    path("webhooks/", include("buurtwacht.delivery.whatsapp.urls")),
    path("webhooks/sms/", include("buurtwacht.delivery.sms.urls")),
    path("", include("buurtwacht.accounts.urls")),
    path("", include("buurtwacht.delivery.urls")),
    path("", include("buurtwacht.alerts.urls")),
    path("", include("buurtwacht.police.urls")),
    path("", include("buurtwacht.organisation.urls")),
    path("", include("buurtwacht.privacy.urls")),
    path("", include("buurtwacht.reports.urls")),
    path("", include("buurtwacht.web.urls")),
]
