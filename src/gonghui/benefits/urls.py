from django.urls import path

from gonghui.benefits import merchant_views, views, voucher_views

app_name = "benefits"

urlpatterns = [
    path("benefits/cards/", views.products, name="products"),
    path("benefits/cards/new/", views.product_new, name="product_new"),
    path("benefits/cards/<int:pk>/", views.product_detail, name="product"),
    path("benefits/cards/<int:pk>/issue/", views.product_issue, name="product_issue"),
    path("benefits/cards/<int:pk>/import/", views.product_import, name="product_import"),
    path("benefits/member-cards/<int:pk>/<slug:action>/", views.card_act, name="card_act"),
    path("benefits/merchants/", merchant_views.merchant_list, name="merchants"),
    path("benefits/merchants/new/", merchant_views.merchant_new, name="merchant_new"),
    path("benefits/merchants/<int:pk>/", merchant_views.merchant_detail, name="merchant"),
    path("benefits/merchants/<int:pk>/staff/", voucher_views.staff_add, name="staff_add"),
    path("benefits/merchants/<int:pk>/<slug:action>/", merchant_views.merchant_act, name="merchant_act"),
    path("benefits/merchant-staff/<int:pk>/toggle/", voucher_views.staff_toggle, name="staff_toggle"),
    path("benefits/redemptions/", voucher_views.redemption_list, name="redemptions"),
    path("benefits/anomalies/", voucher_views.anomaly_list, name="anomalies"),
    path("benefits/vouchers/", voucher_views.voucher_list, name="vouchers"),
    path("benefits/vouchers/new/", voucher_views.voucher_new, name="voucher_new"),
    path("benefits/vouchers/<int:pk>/", voucher_views.voucher_detail, name="voucher"),
    path("benefits/vouchers/<int:pk>/<slug:action>/", voucher_views.voucher_act, name="voucher_act"),
]
