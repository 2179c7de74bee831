from django.urls import path

from gonghui.campaigns import import_views, views

app_name = "campaigns"

urlpatterns = [
    path("campaigns/", views.campaign_list, name="list"),
    path("campaigns/new/", views.campaign_new, name="new"),
    path("campaigns/<int:pk>/rule/", views.campaign_rule, name="rule"),
    path("campaigns/<int:pk>/beneficiaries/", views.beneficiary_list, name="beneficiaries"),
    path("campaigns/<int:pk>/beneficiaries/import/", import_views.beneficiary_import, name="import"),
    path("campaigns/<int:pk>/beneficiaries/pick/", views.beneficiary_pick, name="pick"),
    path("campaigns/<int:pk>/job-fairs/", views.campaign_job_fair, name="job_fair"),
]
