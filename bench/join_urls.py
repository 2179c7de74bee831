"""The app's URLs plus the benches' peers: views that do one INSERT and nothing else (join, check-in scan,
redemption), and one that reads the signed-in user's own person and answers one line of HTML (我的)."""

import json
import secrets

from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import include, path
from django.utils.html import format_html
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


@csrf_exempt
def bare_scan(request: HttpRequest) -> JsonResponse:
    """The check-in bench's peer: parse the scanner's JSON, one INSERT, answer."""
    scan = json.loads(request.body)["scans"][0]
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO bench_bare_scan (nonce, token) VALUES (%s, %s)", [scan["nonce"], scan["token"]])
    return JsonResponse([{"nonce": scan["nonce"], "outcome": "checked_in"}], safe=False)


@csrf_exempt
def bare_redeem(request: HttpRequest) -> JsonResponse:
    """The redemption bench's peer: parse the till's JSON, one INSERT, answer."""
    sale = json.loads(request.body)
    with connection.cursor() as cursor:
        cursor.execute(
            "INSERT INTO bench_bare_redeem (key, token, amount) VALUES (%s, %s, %s)",
            [sale["key"], sale["token"], sale["amount"]],
        )
    return JsonResponse({"key": sale["key"], "discount": "0.00"})


@login_required
def bare_me(request: HttpRequest) -> HttpResponse:
    from gonghui.members.models import WorkerAccount

    person = WorkerAccount.objects.select_related("person").get(user=request.user).person
    return HttpResponse(format_html("<p>{}</p>", person.name))


urlpatterns = [
    path("bench/bare-join", bare_join),
    path("bench/bare-me", bare_me),
    path("bench/bare-scan", bare_scan),
    path("bench/bare-redeem", bare_redeem),
    path("", include("gonghui.urls")),
]
