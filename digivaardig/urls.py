from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path

from core import views as core_views
from organisations import views as organisation_views
from organisations.forms import LoginForm, PasswordResetRequestForm

handler403 = "core.views.permission_denied"
handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"

auth_patterns = [
    path("inloggen/", auth_views.LoginView.as_view(authentication_form=LoginForm), name="login"),
    path("uitloggen/", core_views.PortalLogoutView.as_view(), name="logout"),
    path(
        "wachtwoord-vergeten/",
        auth_views.PasswordResetView.as_view(form_class=PasswordResetRequestForm),
        name="password_reset",
    ),
    path("wachtwoord-vergeten/verstuurd/", auth_views.PasswordResetDoneView.as_view(), name="password_reset_done"),
    path(
        "wachtwoord-herstellen/<uidb64>/<token>/",
        organisation_views.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-herstellen/klaar/",
        auth_views.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path("wachtwoord-wijzigen/", auth_views.PasswordChangeView.as_view(), name="password_change"),
    path("wachtwoord-wijzigen/klaar/", auth_views.PasswordChangeDoneView.as_view(), name="password_change_done"),
]

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("favicon.ico", core_views.favicon, name="favicon"),
    path("account/", include(auth_patterns)),
    path("beheer/", admin.site.urls),
    path("organisatie/", include("organisations.urls")),
    path("personas/", include("personas.urls")),
    path("zelfscan/", include("selfscan.urls")),
    path("campagne/", include("campaigns.urls")),
    path("leren/", include("learning.urls")),
    path("werkoverleg/", include("agendas.urls")),
    path("ondersteuning/", include("coaching.urls")),
    path("api/xapi/", include("learning.api_urls")),
    path("herinneringen/", include("reminders.urls")),
    path("dashboard/", include("dashboards.urls")),
    path("", include("core.urls")),
]
