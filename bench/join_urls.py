"""The app's URLs plus the peer for the join bench: a view that does one INSERT and nothing else."""

import json
import secrets

from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt


@csrf_exempt
def bare_join(request: HttpRequest) -> JsonResponse:
    body = json.loads(request.body)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO bench_bare_join (name, id_number, mobile, token) VALUES (%s, %s, %s, %s)",
            [body["name"], body["id_number"], body["mobile"], secrets.token_hex(4)],
        )
    return JsonResponse({"outcome": "applied"})


urlpatterns = [path("bench/bare-join", bare_join), path("", include("gonghui.urls"))]
