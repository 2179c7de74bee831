from django.urls import path

from gonghui.orgs import staff_views, views

app_name = "orgs"

urlpatterns = [
    path("orgs/", views.tree, name="tree"),
    path("orgs/pick/", views.pick, name="pick"),
    path("orgs/<slug:code>/", views.detail, name="detail"),
    path("orgs/<slug:code>/children/", views.children, name="children"),
    path("orgs/<slug:code>/add/", views.create_child, name="create_child"),
    path("orgs/<slug:code>/edit/", views.edit, name="edit"),
    path("orgs/<slug:code>/move/", views.move, name="move"),
    path("orgs/<slug:code>/export/", views.export, name="export"),
    path("orgs/<slug:code>/terms/add/", views.term_create, name="term_create"),
    path("orgs/<slug:code>/roles/", views.roles, name="roles"),
    path("orgs/<slug:code>/roles/<int:pk>/revoke/", views.role_revoke, name="role_revoke"),
    path("orgs/<slug:code>/enterprises/add/", views.enterprise_add, name="enterprise_add"),
    path("enterprises/", views.enterprises, name="enterprises"),
    path("enterprises/<int:pk>/", views.enterprise_detail, name="enterprise_detail"),
    path("enterprises/<int:pk>/edit/", views.enterprise_edit, name="enterprise_edit"),
    path("enterprises/<int:pk>/reveal-phone/", views.enterprise_reveal_phone, name="enterprise_reveal_phone"),
    path("staff/", staff_views.staff_list, name="staff_list"),
    path("staff/add/", staff_views.staff_add, name="staff_add"),
    path("staff/<int:pk>/", staff_views.staff_detail, name="staff_detail"),
    path("staff/<int:pk>/roles/<int:role_pk>/revoke/", staff_views.staff_role_remove, name="staff_role_remove"),
    path("staff/<int:pk>/reset-password/", staff_views.staff_reset, name="staff_reset"),
    path("staff/<int:pk>/active/", staff_views.staff_set_active, name="staff_set_active"),
    path("regions/options/", views.region_options, name="region_options"),
]
