from django.urls import path

from discussion import views

app_name = "discussion"
urlpatterns = [
    path("edit/<str:token>/", views.edit, name="edit"),
    path("<int:pk>/report/", views.report, name="report"),
    path(
        "subscriptions/<int:pk>/<str:token>/<slug:action>/",
        views.subscription,
        name="subscription",
    ),
]
