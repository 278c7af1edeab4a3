from django.urls import path

from letters import admin_views

app_name = "letters_admin"
urlpatterns = [
    path("", admin_views.inbox, name="inbox"),
    path("<int:pk>/", admin_views.detail, name="detail"),
    path("<int:pk>/assign/", admin_views.assign, name="assign"),
    path("<int:pk>/decline/", admin_views.decline, name="decline"),
    path("<int:pk>/start-answer/", admin_views.begin_answer, name="start_answer"),
]
