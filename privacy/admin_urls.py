from django.urls import path

from privacy import admin_views

app_name = "privacy_admin"
urlpatterns = [
    path("", admin_views.index, name="index"),
    path("download/", admin_views.download, name="download"),
    path("erase/", admin_views.erase, name="erase"),
]
