from django.urls import path

from gonghui.skills.training import views

app_name = "training"

urlpatterns = [
    path("training/bases/", views.bases, name="bases"),
    path("training/bases/new/", views.base_new, name="base_new"),
    path("training/courses/", views.courses, name="courses"),
    path("training/courses/new/", views.course_new, name="course_new"),
    path("training/classes/", views.class_list, name="classes"),
    path("training/classes/new/", views.class_new, name="class_new"),
    path("training/classes/<int:pk>/", views.class_detail, name="class_detail"),
    path("training/classes/<int:pk>/<slug:action>/", views.class_act, name="class_act"),
    path("training/stats/", views.stats, name="stats"),
]
