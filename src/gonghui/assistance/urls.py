from django.urls import path

from gonghui.assistance import views

app_name = "assistance"

urlpatterns = [
    path("assistance/files/", views.file_list, name="files"),
    path("assistance/files/new/", views.file_new, name="file_new"),
    path("assistance/files/export/", views.file_export, name="export"),
    path("assistance/files/<int:pk>/", views.file_detail, name="file"),
    path("assistance/files/<int:pk>/step/", views.file_step, name="file_step"),
    path("assistance/files/<int:pk>/category/", views.file_override, name="file_override"),
    path("assistance/files/<int:pk>/recheck/", views.file_recheck, name="file_recheck"),
    path("assistance/files/<int:pk>/annex/<slug:kind>/", views.file_annex, name="file_annex"),
    path("assistance/visits/<int:pk>/photo/", views.visit_photo, name="visit_photo"),
]
