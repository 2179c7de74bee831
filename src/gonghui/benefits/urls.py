from django.urls import path

from gonghui.benefits import merchant_views, views

app_name = "benefits"

urlpatterns = [
    path("benefits/cards/", views.products, name="products"),
    path("benefits/cards/new/", views.product_new, name="product_new"),
    path("benefits/cards/<int:pk>/", views.product_detail, name="product"),
    path("benefits/cards/<int:pk>/issue/", views.product_issue, name="product_issue"),
    path("benefits/member-cards/<int:pk>/<slug:action>/", views.card_act, name="card_act"),
    path("benefits/merchants/", merchant_views.merchant_list, name="merchants"),
    path("benefits/merchants/new/", merchant_views.merchant_new, name="merchant_new"),
    path("benefits/merchants/<int:pk>/", merchant_views.merchant_detail, name="merchant"),
    path("benefits/merchants/<int:pk>/<slug:action>/", merchant_views.merchant_act, name="merchant_act"),
]
