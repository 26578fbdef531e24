from django.urls import path

import common.converters  # noqa: F401  (registers <printable:…>)

from . import views

app_name = "coaching"

urlpatterns = [
    path("", views.home, name="home"),
    # Buddy (employee) and digicoach
    path("buddy/", views.buddy, name="buddy"),
    path("buddy/stoppen/", views.buddy_stop, name="buddy_stop"),
    path("digicoach/", views.coach, name="coach"),
    path("digicoach/profiel/", views.coach_profile, name="coach_profile"),
    path("digicoach/aanvraag/<int:request_id>/koppelen/", views.request_take, name="request_take"),
    path("digicoach/buddy/<int:pair_id>/", views.pair, name="pair"),
    path("digicoach/buddy/<int:pair_id>/nieuwe-kaart/", views.pair_renew, name="pair_renew"),
    path("digicoach/buddy/<int:pair_id>/afronden/", views.pair_end, name="pair_end"),
    path("digicoach/sessie/<int:coaching_session_id>/verwijderen/", views.session_delete, name="session_delete"),
    # Ambassadors
    path("ambassadeur/", views.ambassador, name="ambassador"),
    path("ambassadeur/stoppen/", views.ambassador_stop, name="ambassador_stop"),
    # Inspiration sessions
    path("inspiratiesessies/", views.sessions, name="sessions"),
    path("inspiratiesessies/<int:session_id>/", views.session, name="session"),
    path("inspiratiesessies/<int:session_id>/aanmelden/", views.session_sign_up, name="session_sign_up"),
    path("inspiratiesessies/<int:session_id>/afmelden/", views.session_cancel, name="session_cancel"),
    path("inspiratiesessies/<int:session_id>/uitnodiging.ics", views.session_ics, name="session_ics"),
    # Compliment cards
    path("complimentkaarten/", views.cards, name="cards"),
    path("complimentkaarten/nieuw/", views.card_new, name="card_new"),
    path("complimentkaarten/nieuw/<int:recipient_id>/", views.card_compose, name="card_compose"),
    path("complimentkaarten/voorkeur/", views.card_preference, name="card_preference"),
    path("complimentkaarten/blokkeren/<int:person_id>/", views.card_block, name="card_block"),
    path("complimentkaarten/deblokkeren/<int:person_id>/", views.card_unblock, name="card_unblock"),
    # Certificate and its public verification
    path("certificaat/", views.certificate, name="certificate"),
    path("certificaat/<int:campaign_id>/downloaden/", views.certificate_issue, name="certificate_issue"),
    path("certificaat/<int:certificate_id>/certificaat.pdf", views.certificate_download, name="certificate_pdf"),
    path("certificaat/controleren/", views.verify, name="verify"),
    path("certificaat/controleren/<printable:code>/", views.verify_code, name="verify_code"),
    # Management: campaign team and programme lead
    path("beheer/digicoaches/", views.coaches, name="coaches"),
    path("beheer/digicoaches/<int:coach_id>/", views.coach_edit, name="coach_edit"),
    path("beheer/buddyaanvragen/", views.requests, name="requests"),
    path("beheer/buddyaanvragen/<int:request_id>/", views.request_pair, name="request_pair"),
    path("beheer/ambassadeurs/", views.ambassadors, name="ambassadors"),
    path("beheer/ambassadeurs/<int:ambassador_id>/", views.ambassador_decide, name="ambassador_decide"),
    path("beheer/inspiratiesessies/", views.sessions_manage, name="sessions_manage"),
    path("beheer/inspiratiesessies/nieuw/", views.session_create, name="session_create"),
    path("beheer/inspiratiesessies/<int:session_id>/", views.session_edit, name="session_edit"),
    path(
        "beheer/inspiratiesessies/<int:session_id>/aanwezigheid/", views.session_attendance, name="session_attendance"
    ),
    path("beheer/inspiratiesessies/<int:session_id>/annuleren/", views.session_call_off, name="session_call_off"),
    path("beheer/certificaten/", views.certificates_manage, name="certificates_manage"),
    path("beheer/certificaten/<int:certificate_id>/intrekken/", views.certificate_revoke, name="certificate_revoke"),
]
