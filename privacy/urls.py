from django.urls import path

from privacy import views

app_name = "privacy"
urlpatterns = [
    path("", views.ask_for_link, name="ask"),
    path("sent/", views.link_sent, name="link_sent"),
    path("<str:token>/", views.my_data, name="my_data"),
    path("<str:token>/download/", views.download, name="download"),
    path("<str:token>/erase/", views.erase, name="erase"),
]
