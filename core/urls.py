from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("", views.home, name="home"),
    path("start/medewerker/", views.start_employee, name="start_employee"),
    path("start/teamleider/", views.start_team_leader, name="start_team_leader"),
    path("start/adviseur/", views.start_advisor, name="start_advisor"),
    path("start/digicoach/", views.start_digicoach, name="start_digicoach"),
    path("start/projectleider/", views.start_programme_lead, name="start_programme_lead"),
    path("toegankelijkheid/", views.accessibility_statement, name="accessibility"),
    path("privacy/", views.privacy_statement, name="privacy"),
    path("campagne/nieuw/", views.campaign_new, name="campaign_new"),
]
