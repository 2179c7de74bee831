from django.urls import path

from gonghui.benefits import desk_views, h5_views

app_name = "benefits_h5"

urlpatterns = [
    path("me/cards/", h5_views.cards, name="cards"),
    path("me/cards/apply/<int:pk>/", h5_views.apply, name="apply"),
    path("me/cards/<int:pk>/lost/", h5_views.report_lost, name="lost"),
    path("me/vouchers/", h5_views.vouchers, name="vouchers"),
    path("me/vouchers/<int:pk>/take/", h5_views.voucher_take, name="voucher_take"),
    path("me/discounts/", h5_views.discounts, name="discounts"),
    path("merchant/enter/", desk_views.enter, name="desk_enter"),
    path("merchant/", desk_views.desk, name="desk"),
    path("merchant/check/", desk_views.check, name="desk_check"),
    path("merchant/redeem/", desk_views.redeem, name="desk_redeem"),
    path("merchant/receipts/<int:pk>/", desk_views.receipt, name="desk_receipt"),
    path("merchant/history/", desk_views.history, name="desk_history"),
    path("merchant/tills/", desk_views.tills, name="desk_tills"),
]
