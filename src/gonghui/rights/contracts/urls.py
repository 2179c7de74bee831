from django.urls import path

from gonghui.rights.contracts import views

app_name = "contracts"

urlpatterns = [
    path("contracts/", views.contract_list, name="list"),
    path("contracts/new/", views.contract_new, name="new"),
    path("contracts/expiring/", views.expiring, name="expiring"),
    path("contracts/<int:pk>/", views.contract_detail, name="detail"),
    path("contracts/<int:pk>/<slug:action>/", views.contract_act, name="act"),
    path("contracts/documents/<int:pk>/", views.document, name="document"),
]
