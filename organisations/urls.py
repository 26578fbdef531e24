from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("gemeenten/", views.municipality_list, name="municipality_list"),
    path("gemeenten/<int:municipality_id>/", views.municipality_detail, name="municipality_detail"),
    path("teams/<int:team_id>/", views.team_detail, name="team_detail"),
    path("medewerkers/", views.employee_list, name="employee_list"),
    path("medewerkers/importeren/", views.employee_import, name="employee_import"),
    path("mijn-gegevens/", views.my_profile, name="my_profile"),
]
