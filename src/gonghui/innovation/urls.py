from django.urls import path

from gonghui.innovation.projects import review_views, views
from gonghui.innovation.proposals import views as proposal_views
from gonghui.innovation.selections import views as selection_views
from gonghui.innovation.studios import views as studio_views

app_name = "innovation"

urlpatterns = [
    path("innovation/calls/", views.call_list, name="calls"),
    path("innovation/calls/new/", views.call_new, name="call_new"),
    path("innovation/calls/<int:pk>/", views.call_detail, name="call"),
    path("innovation/calls/<int:pk>/close/<int:org_id>/", review_views.close_level, name="close_level"),
    path("innovation/calls/<int:pk>/announce/", review_views.announce, name="announce"),
    path("innovation/calls/<int:pk>/quota/", review_views.set_quota, name="set_quota"),
    path("innovation/calls/<int:pk>/awards/", review_views.confirm_awards, name="confirm_awards"),
    path("innovation/calls/<int:pk>/panels/", review_views.panel_seat_add, name="panel_seat_add"),
    path("innovation/panel-seats/<int:pk>/remove/", review_views.panel_seat_remove, name="panel_seat_remove"),
    path("innovation/projects/", views.project_list, name="projects"),
    path("innovation/projects/new/", views.project_new, name="project_new"),
    path("innovation/projects/<int:pk>/", views.project_detail, name="project"),
    path("innovation/attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("innovation/review/", review_views.queue, name="queue"),
    path("innovation/stages/<int:pk>/decide/", review_views.stage_decide, name="stage_decide"),
    path("innovation/stages/<int:pk>/score/", review_views.scorecard, name="scorecard"),
    path("innovation/objections/<int:pk>/resolve/", review_views.resolve_objection, name="resolve_objection"),
    path("innovation/proposals/", proposal_views.proposal_list, name="proposals"),
    path("innovation/proposals/new/", proposal_views.proposal_new, name="proposal_new"),
    path("innovation/proposals/<int:pk>/", proposal_views.proposal_detail, name="proposal"),
    path("innovation/proposals/<int:pk>/act/", proposal_views.proposal_act, name="proposal_act"),
    path("innovation/studios/", studio_views.studio_list, name="studios"),
    path("innovation/studios/new/", studio_views.studio_new, name="studio_new"),
    path("innovation/studios/rule/", studio_views.star_rule, name="star_rule"),
    path("innovation/studios/<int:pk>/", studio_views.studio_detail, name="studio"),
    path("innovation/studios/<int:pk>/<slug:action>/", studio_views.studio_act, name="studio_act"),
    path("innovation/rounds/", selection_views.round_list, name="rounds"),
    path("innovation/rounds/new/", selection_views.round_new, name="round_new"),
    path("innovation/rounds/<int:pk>/", selection_views.round_detail, name="round"),
    path("innovation/rounds/<int:pk>/<slug:action>/", selection_views.round_act, name="round_act"),
    path("innovation/honors/", selection_views.honor_list, name="honors"),
]
