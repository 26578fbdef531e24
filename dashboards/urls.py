from django.urls import path

from . import views

app_name = "dashboards"

urlpatterns = [
    path("team/<int:team_id>/", views.team, name="team"),
    path("team/<int:team_id>/tabel/<slug:table>.csv", views.team_table, name="team_table"),
    path("programma/", views.programme, name="programme"),
    path("programma/tabel/<slug:table>.csv", views.programme_table, name="programme_table"),
    path("resultaten/", views.report, name="report"),
    path("resultaten/resultaten.xlsx", views.report_xlsx, name="report_xlsx"),
    path("resultaten/resultaten.pdf", views.report_pdf, name="report_pdf"),
]
