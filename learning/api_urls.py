from django.urls import path

from . import api

app_name = "xapi"

urlpatterns = [
    path("statements", api.statements, name="statements"),
]
