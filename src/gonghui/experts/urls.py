from django.urls import path

from gonghui.experts import views

app_name = "experts"

urlpatterns = [
    path("experts/", views.pool, name="pool"),
    path("experts/new/", views.expert_new, name="expert_new"),
    path("experts/invitations/<int:pk>/withdraw/", views.invitation_withdraw, name="invitation_withdraw"),
    path("experts/needs/", views.need_list, name="needs"),
    path("experts/needs/new/", views.need_new, name="need_new"),
    path("experts/needs/<int:pk>/", views.need_detail, name="need"),
    path("experts/needs/<int:pk>/<slug:action>/", views.need_act, name="need_act"),
    path("experts/dispatches/<int:pk>/<slug:action>/", views.dispatch_act, name="dispatch_act"),
]
