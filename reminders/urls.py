from django.urls import path

import common.converters  # noqa: F401  (registers <printable:…>)

from . import views

app_name = "reminders"

urlpatterns = [
    path("", views.reminder_status, name="status"),
    path("opnieuw-versturen/", views.resend_failed, name="resend"),
    path("voorbeeld/", views.preview, name="preview"),
    path("voorbeeld/bericht/", views.preview_html, name="preview_html"),
    path("voorbeeld/test/", views.send_test_email, name="send_test"),
    path("afmelden/<printable:token>/", views.opt_out, name="opt_out"),
]
