from django.urls import path

from gonghui.rights.democracy import views

app_name = "democracy"

urlpatterns = [
    path("democracy/", views.enterprises, name="enterprises"),
    path("democracy/enterprises/<int:pk>/", views.enterprise, name="enterprise"),
    path("democracy/enterprises/<int:pk>/<slug:action>/", views.enterprise_act, name="enterprise_act"),
    path("democracy/representatives/<int:pk>/<slug:action>/", views.representative_act, name="representative_act"),
    path("democracy/sessions/", views.sessions, name="sessions"),
    path("democracy/sessions/<int:pk>/", views.session, name="session"),
    path("democracy/sessions/<int:pk>/<slug:action>/", views.session_act, name="session_act"),
    path("democracy/follow-up/<slug:kind>/<int:pk>/", views.follow_up, name="follow_up"),
    path("democracy/proposals/", views.proposals, name="proposals"),
    path("democracy/disclosures/", views.disclosures, name="disclosures"),
]
