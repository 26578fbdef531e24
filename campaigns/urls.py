from django.urls import path

import common.converters  # noqa: F401  (registers <printable:…>)

from . import views

app_name = "campaigns"

urlpatterns = [
    path("", views.planner_home, name="home"),
    path("<int:campaign_id>/voorbeeldplanning/", views.plan_template, name="plan_template"),
    path("<int:campaign_id>/", views.item_list, name="list"),
    path("<int:campaign_id>/kalender/", views.item_calendar, name="calendar"),
    path("<int:campaign_id>/tijdlijn/", views.phase_timeline, name="timeline"),
    path("<int:campaign_id>/kanalen/", views.channel_matrix, name="channels"),
    path("<int:campaign_id>/budget/", views.budget_overview, name="budget"),
    path("<int:campaign_id>/personas/", views.persona_reach, name="personas"),
    path("<int:campaign_id>/export.csv", views.export_csv, name="export_csv"),
    path("<int:campaign_id>/export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("<int:campaign_id>/agenda-koppelen/", views.calendar_feeds, name="feeds"),
    path("<int:campaign_id>/nieuw/", views.item_create, name="create"),
    path("<int:campaign_id>/instellingen/", views.campaign_settings, name="settings"),
    path("item/<int:item_id>/", views.item_edit, name="edit"),
    path("item/<int:item_id>/verplaatsen/", views.item_reschedule, name="reschedule"),
    path("item/<int:item_id>/dupliceren/", views.item_duplicate, name="duplicate"),
    path("item/<int:item_id>/annuleren/", views.item_cancel, name="cancel"),
    path("item/<int:item_id>/kopieren/", views.item_copy, name="copy"),
    path("agenda/<printable:token>.ics", views.calendar_feed, name="feed"),
]
