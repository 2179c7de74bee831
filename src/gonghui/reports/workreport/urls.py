from django.urls import URLPattern, path

from gonghui.reports.workreport import views

app_name = "workreport"

urlpatterns: list[URLPattern] = [
    path("reports/work/", views.draft_list, name="list"),
    path("reports/work/generate/", views.generate, name="generate"),
    path("reports/work/<int:pk>/", views.draft_detail, name="draft"),
    path("reports/work/<int:pk>/regenerate/", views.regenerate, name="regenerate"),
    path("reports/work/<int:pk>/paragraphs/<slug:pid>/", views.paragraph_edit, name="edit"),
    path("reports/work/<int:pk>/report.<slug:fmt>", views.download, name="download"),
]
