from __future__ import annotations

from django.contrib.auth import views as auth_views

from gonghui.common.access import ACCESS_ATTR, PUBLIC


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    pass


# Login and logout hold no union data; django-axes guards login against guessing.
setattr(LoginView, ACCESS_ATTR, PUBLIC)
setattr(LogoutView, ACCESS_ATTR, PUBLIC)
