"""The JSON API (Django Ninja); OpenAPI docs at /api/docs. Routers live with their domain."""

from ninja import NinjaAPI

from buurtwacht import api_errors
from buurtwacht.alerts.api import router as alerts_router
from buurtwacht.delivery.api import router as channels_router
from buurtwacht.police.api import router as police_router

api = NinjaAPI(title="Buurtwacht API", version="1", urls_namespace="api")
api_errors.install(api)  # every error in the declared Problem shape, translated
api.add_router("/", alerts_router)
api.add_router("/", channels_router)
api.add_router("/", police_router)


@api.get("/ping", tags=["meta"])
def ping(request):
    """A cheap liveness probe for clients."""
    return {"ok": True}
