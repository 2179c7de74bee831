from django.urls import URLPattern, path

from gonghui.reports.returns import views

app_name = "returns"

ONE = "reports/returns/<slug:code>/<slug:form>/<str:period>/"

urlpatterns: list[URLPattern] = [
    path("reports/returns/", views.index, name="index"),
    path(ONE, views.sheet, name="sheet"),
    path(f"{ONE}export/", views.sheet_export, name="sheet_export"),
    path(f"{ONE}submit/", views.submit, name="submit"),
    path(f"{ONE}save/", views.save, name="save"),
    path(f"{ONE}send-back/", views.send_back, name="send_back"),
    path(f"{ONE}children/", views.children, name="children"),
    path(f"{ONE}children/export/", views.children_export, name="children_export"),
]
