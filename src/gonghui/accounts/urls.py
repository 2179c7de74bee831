from django.urls import path

from gonghui.accounts import password_change, second_factor_views, views

app_name = "accounts"

urlpatterns = [
    path("login/", views.LoginView.as_view(), name="login"),
    path("logout/", views.LogoutView.as_view(), name="logout"),
    path("2fa/", second_factor_views.second_factor, name="second_factor"),
    path("password/", password_change.password_change, name="password_change"),
]
