from django.urls import path

from gonghui.members import change_views, import_views, join_target_views, notice_views, views

app_name = "members"

urlpatterns = [
    path("members/", views.member_list, name="list"),
    path("members/pending/", views.pending, name="pending"),
    path("members/pending/decide/", views.decide, name="decide"),
    path("members/export/", views.export, name="export"),
    path("members/transfers/<int:pk>/decide/", views.transfer_decide, name="transfer_decide"),
    path("members/<int:pk>/", views.member_detail, name="detail"),
    path("members/<int:pk>/edit/", views.member_edit, name="edit"),
    path("members/<int:pk>/reveal/<slug:field>/", views.member_reveal, name="reveal"),
    path("members/<int:pk>/end/", views.member_end, name="end"),
    path("members/changes/", change_views.change_list, name="changes"),
    path("members/changes/<int:pk>/decide/", change_views.change_decide, name="change_decide"),
    path("members/card-scanner/", change_views.card_scanner, name="card_scanner"),
    path("members/notices/", notice_views.notices, name="notices"),
    path("members/notices/<int:pk>/withdraw/", notice_views.notice_withdraw_view, name="notice_withdraw"),
    path("members/import/", import_views.import_start, name="import"),
    path("members/import/<uuid:pk>/commit/", import_views.import_commit, name="import_commit"),
    path("members/targets/", join_target_views.join_target_list, name="join_targets"),
    path("members/targets/new/", join_target_views.join_target_new, name="join_target_new"),
    path("members/targets/<int:pk>/", join_target_views.join_target_detail, name="join_target"),
    path("members/targets/<int:pk>/export/", join_target_views.join_target_export, name="join_target_export"),
    path("members/targets/<int:pk>/poster/", join_target_views.join_target_poster, name="join_target_poster"),
    path("members/targets/<int:pk>/qr.<str:fmt>", join_target_views.join_target_qr, name="join_target_qr"),
    path("orgs/<slug:code>/join/poster/", views.join_poster, name="join_poster"),
    path("orgs/<slug:code>/join/qr.<str:fmt>", views.join_qr, name="join_qr"),
    path("orgs/<slug:code>/join/policy/", views.join_policy, name="join_policy"),
]
