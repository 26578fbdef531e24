from django.urls import path

from . import views

app_name = "learning"

urlpatterns = [
    path("", views.my_learning, name="mine"),
    path("<int:activity_id>/", views.activity_edit, name="edit"),
    path("<int:activity_id>/verwijderen/", views.activity_delete, name="delete"),
    path("importeren/", views.platform_import, name="import"),
]
