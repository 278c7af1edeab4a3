from django.urls import path

from letters import views

app_name = "letters"
urlpatterns = [
    path("", views.ask, name="ask"),
    path("status/<str:token>/", views.status, name="status"),
    path("status/<str:token>/withdraw/", views.withdraw, name="withdraw"),
]
