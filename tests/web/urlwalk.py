"""Every route the project serves: Django URL patterns (walked recursively) and the Ninja API's
operations (from its OpenAPI schema). The authorisation matrix and the CSRF test both start
here, so a new route cannot slip past either of them."""

import re
from dataclasses import dataclass

from django.urls import URLPattern, URLResolver, get_resolver

#: The namespace whose patterns are Ninja's; its operations are enumerated from the schema.
API_NAMESPACE = "api"


@dataclass(frozen=True)
class Route:
    key: str  # "namespace:name" for Django patterns, "METHOD /api/path" for API operations
    path: str  # the pattern with parameters in braces: /groups/{group_id}/
    methods: tuple[str, ...] = ("GET",)

    @property
    def params(self) -> list[str]:
        return re.findall(r"{(\w+)}", self.path)


def _braces(route: str) -> str:
    """Django's <int:group_id>, Ninja's <group_id> and a regex's (?P<group_id>...) all
    become {group_id}."""
    route = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"{\1}", route).replace("^", "").replace("$", "")
    return re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route)


def _walk(patterns, prefix: str, namespace: str | None):
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = namespace
            if p.namespace:
                ns = f"{namespace}:{p.namespace}" if namespace else p.namespace
            yield from _walk(p.url_patterns, prefix + str(p.pattern), ns)
        else:
            assert isinstance(p, URLPattern)
            name = p.name or f"<unnamed {prefix + str(p.pattern)}>"
            yield (f"{namespace}:{name}" if namespace else name), "/" + prefix + str(p.pattern)


def django_routes() -> list[Route]:
    """Every Django URL pattern, keyed by its namespaced name (the API's operations are not
    listed here: `api_routes` has them one per method)."""
    schema_paths = set(api_schema()["paths"])  # already with the /api/ mount point
    found: dict[str, Route] = {}
    for key, route in _walk(get_resolver().url_patterns, "", None):
        path = _braces(route)
        if key.startswith(API_NAMESPACE + ":") and path in schema_paths:
            continue  # an API operation
        found.setdefault(key, Route(key=key, path=path))
    return sorted(found.values(), key=lambda r: r.key)


def api_schema() -> dict:
    from buurtwacht.api import api

    return api.get_openapi_schema()


def api_routes() -> list[Route]:
    routes = []
    for path, operations in api_schema()["paths"].items():
        for method in operations:
            key = f"{method.upper()} {path}"
            routes.append(Route(key=key, path=path, methods=(method.upper(),)))
    return sorted(routes, key=lambda r: r.key)


def all_routes() -> list[Route]:
    return django_routes() + api_routes()
