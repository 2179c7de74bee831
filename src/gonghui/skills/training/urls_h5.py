from django.urls import path

from gonghui.skills.training import h5_views

app_name = "training_h5"

urlpatterns = [
    path("training/", h5_views.class_list, name="list"),
    path("training/<int:pk>/", h5_views.class_detail, name="detail"),
    path("training/<int:pk>/enrol/", h5_views.enrol, name="enrol"),
    path("me/training/", h5_views.mine, name="mine"),
    path("me/training/<int:pk>/withdraw/", h5_views.withdraw, name="withdraw"),
]
