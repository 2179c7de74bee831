from django.urls import path

from gonghui.rights.arrears import h5_views

app_name = "arrears_h5"

urlpatterns = [
    path("me/arrears/", h5_views.mine, name="mine"),
    path("me/arrears/report/", h5_views.report, name="report"),
    path("me/arrears/<int:pk>/", h5_views.detail, name="detail"),
]
