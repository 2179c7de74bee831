from django.urls import path

from gonghui.benefits import views

app_name = "benefits"

urlpatterns = [
    path("benefits/cards/", views.products, name="products"),
    path("benefits/cards/new/", views.product_new, name="product_new"),
    path("benefits/cards/<int:pk>/", views.product_detail, name="product"),
    path("benefits/cards/<int:pk>/issue/", views.product_issue, name="product_issue"),
    path("benefits/member-cards/<int:pk>/<slug:action>/", views.card_act, name="card_act"),
]
