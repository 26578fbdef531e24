from django.urls import path

from . import views

app_name = "selfscan"

urlpatterns = [
    path("", views.scan_home, name="home"),
    path("mijn-antwoorden.json", views.scan_export, name="export"),
    path("ronde/<int:round_id>/starten/", views.scan_start, name="start"),
    path("ronde/<int:round_id>/stap/<int:step>/", views.scan_step, name="step"),
    path("ronde/<int:round_id>/controleren/", views.scan_review, name="review"),
    path("ronde/<int:round_id>/uitslag/", views.scan_result, name="result"),
    path("indeling/", views.classification, name="classification"),
    path("beheer/rondes/", views.rounds_manage, name="rounds_manage"),
    path("beheer/rondes/<int:round_id>/", views.round_edit, name="round_edit"),
    path("beheer/vragen/", views.questions_manage, name="questions_manage"),
    path("beheer/vragen/<int:question_id>/", views.question_edit, name="question_edit"),
]
