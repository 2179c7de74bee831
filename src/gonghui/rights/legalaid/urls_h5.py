from django.urls import URLPattern, path

from gonghui.rights.legalaid import h5_views, lawyer_views

app_name = "legalaid_h5"

urlpatterns: list[URLPattern] = [
    path("me/legal/", h5_views.mine, name="mine"),
    path("me/legal/ask/", h5_views.ask, name="ask"),
    path("legalaid/lawyer/enter/", lawyer_views.lawyer_enter, name="lawyer_enter"),
    path("legalaid/lawyer/", lawyer_views.lawyer_list, name="lawyer_list"),
    path("legalaid/lawyer/<int:pk>/", lawyer_views.lawyer_case, name="lawyer_case"),
    path("legalaid/lawyer/<int:pk>/<slug:action>/", lawyer_views.lawyer_act, name="lawyer_act"),
]
