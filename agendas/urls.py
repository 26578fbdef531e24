from django.urls import path

from . import views

app_name = "agendas"

urlpatterns = [
    path("team/<int:team_id>/", views.team_log, name="team_log"),
    path("team/<int:team_id>/agendasuggestie/", views.suggestion, name="suggestion"),
    path("overleg/<int:meeting_id>/", views.meeting_edit, name="meeting_edit"),
]
