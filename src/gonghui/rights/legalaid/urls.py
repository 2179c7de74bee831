from django.urls import URLPattern, path

from gonghui.rights.legalaid import case_views, consultation_views

app_name = "legalaid"

urlpatterns: list[URLPattern] = [
    path("legalaid/cases/", case_views.case_list, name="cases"),
    path("legalaid/cases/new/", case_views.case_new, name="case_new"),
    path("legalaid/cases/export/", case_views.case_export, name="cases_export"),
    path("legalaid/cases/<int:pk>/", case_views.case_detail, name="case"),
    path("legalaid/cases/<int:pk>/<slug:action>/", case_views.case_act, name="case_act"),
    path("legalaid/consultations/", consultation_views.consultation_list, name="consultations"),
    path("legalaid/consultations/new/", consultation_views.consultation_new, name="consultation_new"),
    path("legalaid/consultations/<int:pk>/", consultation_views.consultation_detail, name="consultation"),
    path(
        "legalaid/consultations/<int:pk>/<slug:action>/",
        consultation_views.consultation_act,
        name="consultation_act",
    ),
]
