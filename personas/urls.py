from django.urls import path

from . import views

app_name = "personas"

urlpatterns = [
    path("", views.persona_overview, name="overview"),
    path("boodschappen/", views.message_library, name="messages"),
    path("boodschappen/<slug:slug>/bewerken/", views.audience_edit, name="audience_edit"),
    path("<slug:slug>/", views.persona_detail, name="detail"),
    path("<slug:slug>/bewerken/", views.persona_edit, name="edit"),
]
