from django.urls import path

from gonghui.ledger import views

app_name = "ledger"

urlpatterns = [
    path("assistance/payouts/", views.payout_list, name="payouts"),
    path("assistance/payouts/<int:pk>/decide/", views.payout_decide, name="payout_decide"),
    path("assistance/files/<int:file_pk>/pay/", views.payout_new, name="payout_new"),
    path("campaigns/<int:pk>/", views.campaign_page, name="campaign"),
    path("campaigns/<int:pk>/approve-all/", views.campaign_approve_all, name="approve_all"),
]
