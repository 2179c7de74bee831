from django.urls import path

from gonghui.innovation import h5_views

app_name = "innovation_h5"

urlpatterns = [
    path("innovation/<slug:code>/", h5_views.submit, name="submit"),
    path("innovation/notice/<int:pk>/", h5_views.notice, name="notice"),
    path("innovation/certificate/<slug:number>/", h5_views.certificate, name="certificate"),
    path("innovation/selections/<int:pk>/", h5_views.selection_notice, name="selection"),
]
