"""Views of the support programme: access helper → form → service → redirect or page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from common.form_layout import RenderKey, kept_or_bound
from common.forms import add_service_errors, as_context
from common.preserve import submitted_data
from common.submissions import once_per_form
from organisations.caching import NAMESPACE as ORGANISATION
from organisations.roles import Role, has_role

from . import selectors, services
from .access import (
    get_ambassador_for_manager,
    get_blockable,
    get_certificate_for_lead,
    get_coach_for_manager,
    get_coaching_session,
    get_colleague,
    get_own_ambassador,
    get_own_certificate,
    get_pair_scope,
    get_request_for_coach,
    get_request_for_lead,
    get_session_for_organiser,
    get_session_for_person,
    get_session_invitation,
    get_session_organiser_scope,
    manageable_municipalities,
    may_organise,
    require_digicoach,
    require_programme_lead,
)
from .caching import NAMESPACE as SUPPORT
from .caching import SUPPORT_SECONDS
from .certificates import CertificateUnavailable, certificate_pdf, verification_url
from .forms import (
    AmbassadorAppointForm,
    AmbassadorVolunteerForm,
    AttendanceForm,
    BuddyRequestForm,
    CardForm,
    CardPreferenceForm,
    CertificateRevokeForm,
    CoachProfileForm,
    CoachRegisterForm,
    PairForm,
    SessionForm,
    SessionLogForm,
    VerifyForm,
    search_query,
)
from .invitations import ics_filename, kept_session_ics
from .models import Ambassador, SignUp
from .tasks import send_card_email, send_session_notice

PER_PAGE = 50
# The card form shows only code (its texts): kept once per language and release.
CARD_FORM_SECONDS = 60 * 60


def _notify(signups, notice):
    for signup in signups:
        if signup is not None:
            send_session_notice.delay_on_commit(signup.pk, notice)


@login_required
def home(request):
    """The support programme at a glance: buddy, sessions, cards, ambassadors, certificate."""
    support = selectors.employee_support(employee=request.user)
    return render(request, "coaching/home.html", as_context(support))


# ---------------------------------------------------------------------------------------------
# Buddy (employee)


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def buddy(request):
    overview = selectors.buddy_overview(employee=request.user)
    form = BuddyRequestForm(submitted_data(request))
    if request.method == "POST" and overview.pair is None and form.is_valid():
        try:
            services.buddy_request(employee=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("Je aanvraag is verstuurd. Een digicoach van je gemeente neemt contact met je op.")
            )
            return redirect("coaching:buddy")
    elif request.method == "POST" and overview.pair is not None:
        return redirect("coaching:buddy")
    return render(request, "coaching/buddy.html", {**as_context(overview), "form": form})


@login_required
@require_POST
@once_per_form
def buddy_stop(request):
    pair = selectors.open_pair_of(employee=request.user)
    if pair is not None:
        was_paired = pair.is_paired
        services.buddy_stop(pair=pair)
        messages.success(
            request,
            _("Je buddy-koppeling is afgerond. Je kunt altijd opnieuw een buddy vragen.")
            if was_paired
            else _("Je aanvraag is ingetrokken."),
        )
    return redirect("coaching:buddy")


# ---------------------------------------------------------------------------------------------
# Digicoach


@login_required
def coach(request):
    require_digicoach(request.user)
    overview = selectors.coach_overview(coach=request.user)
    return render(request, "coaching/coach.html", {**as_context(overview), "has_room": overview.has_room})


def _coach_profile_form(request, coach):
    """A digicoach's capacity and topics (their own profile, or the campaign team's edit): the typed
    values if any, else the empty form from the cache (its markup depends on the values only)."""
    initial = {"capacity": coach.capacity, "topics": coach.topics}
    return kept_or_bound(
        CoachProfileForm,
        submitted_data(request),
        lambda data: CoachProfileForm(data, initial=initial),
        RenderKey(namespaces=(), parts=(coach.capacity, tuple(coach.topics)), seconds=SUPPORT_SECONDS),
    )


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def coach_profile(request):
    require_digicoach(request.user)
    try:
        # A page that only shows the profile reads the kept row; a save reads (or creates) it.
        kept = selectors.own_coach_profile(user=request.user) if request.method == "GET" else None
        profile = kept or services.coach_profile_for(user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("coaching:coach")
    form = _coach_profile_form(request, profile)
    if request.method == "POST" and form.is_valid():
        try:
            services.coach_update(coach=profile, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Je gegevens als digicoach zijn opgeslagen."))
            return redirect("coaching:coach")
    return render(request, "coaching/coach_profile.html", {"form": form, "profile": profile})


@login_required
@require_POST
@once_per_form
def request_take(request, request_id):
    pair = get_request_for_coach(request.user, request_id)
    try:
        services.buddy_pair(pair=pair, coach=request.user, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("coaching:coach")
    messages.success(
        request,
        _("%(name)s is nu je buddy. Neem contact op en spreek een eerste moment af.")
        % {"name": pair.employee.get_full_name()},
    )
    return redirect("coaching:pair", pair_id=pair.pk)


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def pair(request, pair_id):
    scope = get_pair_scope(request.user, pair_id, kept=request.method == "GET")
    today = timezone.localdate()
    form = None
    if scope.can_log:
        form = kept_or_bound(
            SessionLogForm,
            submitted_data(request),
            lambda data: SessionLogForm(data, initial={"date": today, "minutes": 30}, last_day=today),
            RenderKey(namespaces=(), parts=(today,), seconds=SUPPORT_SECONDS),
        )
    if request.method == "POST":
        if form is None:
            raise Http404
        if form.is_valid():
            try:
                services.coaching_session_log(pair=scope.pair, coach=request.user, **form.cleaned_data, today=today)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("De sessie staat op de strippenkaart."))
                return redirect("coaching:pair", pair_id=scope.pair.pk)
    detail = selectors.pair_detail(pair=scope.pair)
    return render(request, "coaching/pair.html", {**as_context(detail), "scope": scope, "form": form})


@login_required
@require_POST
@once_per_form
def pair_renew(request, pair_id):
    scope = get_pair_scope(request.user, pair_id)
    if not scope.can_manage:
        raise Http404
    try:
        services.card_renew(pair=scope.pair, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Er is een nieuwe strippenkaart."))
    return redirect("coaching:pair", pair_id=scope.pair.pk)


@login_required
@require_POST
@once_per_form
def pair_end(request, pair_id):
    scope = get_pair_scope(request.user, pair_id)
    if not scope.can_manage:
        raise Http404
    services.pair_end(pair=scope.pair)
    messages.success(request, _("De koppeling is afgerond."))
    if has_role(request.user, Role.DIGICOACH) and scope.pair.coach_id == request.user.pk:
        return redirect("coaching:coach")
    return redirect("coaching:requests")


@login_required
@require_POST
@once_per_form
def session_delete(request, coaching_session_id):
    session = get_coaching_session(request.user, coaching_session_id)
    pair_id = session.card.pair_id
    services.coaching_session_delete(session=session)
    messages.success(request, _("De sessie is van de strippenkaart gehaald."))
    return redirect("coaching:pair", pair_id=pair_id)


# ---------------------------------------------------------------------------------------------
# Ambassadors


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def ambassador(request):
    today = timezone.localdate()
    # Shown from the cache; a post decides on the row itself.
    reader = selectors.ambassador_of if request.method == "POST" else selectors.cached_ambassador_of
    current = reader(person=request.user)
    form = AmbassadorVolunteerForm(submitted_data(request))
    if request.method == "POST":
        if current is not None and current.status in (Ambassador.Status.VOLUNTEERED, Ambassador.Status.CONFIRMED):
            return redirect("coaching:ambassador")
        if form.is_valid():
            try:
                services.ambassador_volunteer(person=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("Bedankt! De communicatieadviseur van je gemeente bevestigt je aanmelding.")
                )
                return redirect("coaching:ambassador")
    page = selectors.ambassador_page(ambassador=current, today=today) if current and current.is_confirmed else None
    return render(request, "coaching/ambassador.html", {"ambassador": current, "page": page, "form": form})


@login_required
@require_POST
@once_per_form
def ambassador_stop(request):
    services.ambassador_withdraw(ambassador=get_own_ambassador(request.user))
    messages.success(request, _("Je bent afgemeld als ambassadeur. Bedankt voor je inzet!"))
    return redirect("coaching:ambassador")


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def ambassadors(request):
    municipalities = manageable_municipalities(request.user)
    form = AmbassadorAppointForm(submitted_data(request), municipalities=municipalities)
    if request.method == "POST" and form.is_valid():
        try:
            person = form.cleaned_data["person"]
            services.ambassador_appoint(person=person, function=form.cleaned_data["function"], by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(name)s staat in het register als ambassadeur.") % {"name": person})
            return redirect("coaching:ambassadors")
    register = selectors.ambassador_register(municipalities=municipalities)
    return render(request, "coaching/ambassadors.html", {"register": register, "form": form})


@login_required
@require_POST
@once_per_form
def ambassador_decide(request, ambassador_id):
    row = get_ambassador_for_manager(request.user, ambassador_id)
    decision = request.POST.get("besluit", "")
    try:
        services.ambassador_decide(ambassador=row, decision=decision, by=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        done = {
            services.Decision.CONFIRM: _("%(name)s is bevestigd als ambassadeur."),
            services.Decision.DECLINE: _("De aanmelding van %(name)s is niet bevestigd."),
            services.Decision.STOP: _("%(name)s is geen ambassadeur meer."),
        }
        messages.success(request, done[decision] % {"name": row.person})
    return redirect("coaching:ambassadors")


# ---------------------------------------------------------------------------------------------
# Inspiration sessions (participants)


@login_required
def sessions(request):
    upcoming = selectors.sessions_for_person(person=request.user)
    return render(request, "coaching/sessions.html", {"sessions": upcoming})


@login_required
def session(request, session_id):
    found = get_session_for_person(request.user, session_id, kept=True)
    view = selectors.session_for_person(session=found, person=request.user)
    organiser = may_organise(request.user, found)
    # Only organisers see the linked item: nothing is read for anyone else.
    content_item = selectors.session_content_item(session=found) if organiser else None
    context = {**as_context(view), "may_organise": organiser, "content_item": content_item}
    return render(request, "coaching/session.html", context)


@login_required
@require_POST
@once_per_form
def session_sign_up(request, session_id):
    found = get_session_for_person(request.user, session_id)
    try:
        signup = services.session_sign_up(session=found, person=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if signup.status == SignUp.Status.SIGNED_UP:
            messages.success(request, _("Je bent aangemeld. Zet de sessie meteen in je agenda."))
        else:
            messages.info(
                request, _("De sessie is vol: je staat op de wachtlijst. Komt er een plek vrij, dan mailen we je.")
            )
    return redirect("coaching:session", session_id=found.pk)


@login_required
@require_POST
@once_per_form
def session_cancel(request, session_id):
    found = get_session_for_person(request.user, session_id)
    try:
        change = services.session_cancel_sign_up(session=found, person=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        _notify([change.promoted], "promoted")
        messages.success(request, _("Je bent afgemeld. Haal de afspraak ook uit je agenda."))
    return redirect("coaching:session", session_id=found.pk)


@login_required
def session_ics(request, session_id):
    """The invitation (.ics) for Outlook: for someone with a place, and for the session's organisers."""
    found = get_session_invitation(request.user, session_id)
    response = HttpResponse(kept_session_ics(found), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{ics_filename(found)}"'
    return response


# ---------------------------------------------------------------------------------------------
# Inspiration sessions (organisers)


@login_required
def sessions_manage(request):
    municipalities = manageable_municipalities(request.user)
    grouped = selectors.sessions_for_organisers(municipalities=municipalities)
    return render(request, "coaching/sessions_manage.html", grouped)


def _session_form(request, scope, instance=None):
    def build(data):
        return SessionForm(
            data,
            instance=instance,
            municipalities=scope.municipalities.order_by("name"),
            content_items=selectors.session_content_choices(municipalities=scope.municipalities),
            allow_all=True,
        )

    # The empty form from the cache, not even built (common.form_layout.KeptForm): the session (a
    # support write), the municipalities' names (people and teams) and the items to link (plan versions).
    key = RenderKey(
        namespaces=(SUPPORT, ORGANISATION),
        parts=(instance.pk if instance else "new", *scope.municipality_ids, scope.content_versions),
        seconds=SUPPORT_SECONDS,
    )
    return kept_or_bound(SessionForm, submitted_data(request), build, key)


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def session_create(request):
    scope = get_session_organiser_scope(request.user)
    form = _session_form(request, scope)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.inspiration_session_create(
                organiser=request.user,
                municipalities=set(scope.municipality_ids),
                **form.session_fields(),
            )
        except ValidationError as error:
            add_service_errors(form, _day_errors(error))
        else:
            messages.success(request, _("De inspiratiesessie staat klaar voor aanmeldingen."))
            return redirect("coaching:session_edit", session_id=created.pk)
    return render(request, "coaching/session_form.html", {"form": form, "session": None})


def _day_errors(error: ValidationError) -> ValidationError:
    """The service speaks of starts_at; the form has a date and a time field."""
    if hasattr(error, "error_dict") and "starts_at" in error.error_dict:
        errors = dict(error.message_dict)
        errors["day"] = errors.pop("starts_at")
        return ValidationError(errors)
    return error


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def session_edit(request, session_id):
    found = get_session_for_organiser(request.user, session_id, kept=request.method == "GET")
    scope = get_session_organiser_scope(request.user)
    form = _session_form(request, scope, instance=found)
    if request.method == "POST" and form.is_valid():
        try:
            change = services.inspiration_session_update(
                session=found,
                municipalities=set(scope.municipality_ids),
                **form.session_fields(),
            )
        except ValidationError as error:
            add_service_errors(form, _day_errors(error))
        else:
            _notify(change.promoted, "promoted")
            messages.success(request, _("De sessie is gewijzigd."))
            return redirect("coaching:session_edit", session_id=found.pk)
    return render(
        request,
        "coaching/session_form.html",
        {
            "form": form,
            "session": found,
            "content_item": selectors.session_content_item(session=found),
            "participants_markup": selectors.session_participants_markup(session=found),
            "started": found.starts_at <= timezone.now(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def session_attendance(request, session_id):
    found = get_session_for_organiser(request.user, session_id, kept=request.method == "GET")
    participants = selectors.session_participants(session=found)
    form = AttendanceForm(submitted_data(request), signups=participants["signed_up"])
    started = found.starts_at <= timezone.now()
    if request.method == "POST" and form.is_valid():
        try:
            count = services.session_attendance_register(
                session=found, attended_ids=form.cleaned_data["attended"], by=request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("Aanwezigheid opgeslagen: %(count)s aanwezig. Dit telt als leeractiviteit.") % {"count": count},
            )
            return redirect("coaching:session_attendance", session_id=found.pk)
    return render(
        request,
        "coaching/session_attendance.html",
        {"session": found, "participants": participants, "form": form, "started": started},
    )


@login_required
@require_POST
@once_per_form
def session_call_off(request, session_id):
    found = get_session_for_organiser(request.user, session_id)
    told = services.inspiration_session_cancel(session=found)
    _notify(told, "cancelled")
    messages.success(request, _("De sessie is geannuleerd; wie zich had aangemeld krijgt bericht."))
    return redirect("coaching:sessions_manage")


# ---------------------------------------------------------------------------------------------
# Compliment cards


@login_required
def cards(request):
    cards = selectors.cards_page(person=request.user, page_number=request.GET.get("pagina"), per_page=PER_PAGE)
    context = {
        "received": cards.received,
        "sent": cards.sent,
        "blocks": cards.blocks,
        # Bound only to what this person chose before their page expired (common.preserve).
        "preference_form": CardPreferenceForm(submitted_data(request), initial={"email_on_card": cards.email_wanted}),
    }
    return render(request, "coaching/cards.html", context)


@login_required
def card_new(request):
    query = search_query(request.GET)
    found = selectors.colleague_search(person=request.user, query=query)
    return render(request, "coaching/card_new.html", {"query": query, "colleagues": found})


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def card_compose(request, recipient_id):
    recipient = get_colleague(request.user, recipient_id, kept=request.method == "GET")
    form = kept_or_bound(
        CardForm, submitted_data(request), CardForm, RenderKey(namespaces=(), parts=(), seconds=CARD_FORM_SECONDS)
    )
    if request.method == "POST" and form.is_valid():
        try:
            card = services.card_send(sender=request.user, recipient=recipient, **form.cleaned_data)
        except ValidationError as error:
            refused = error.message_dict.get("recipient") or error.message_dict.get("__all__")
            if refused:
                # Nothing to correct on the form: this card cannot go (a block, or today's limit).
                messages.error(request, " ".join(refused))
                return redirect("coaching:card_new")
            add_service_errors(form, error)
        else:
            send_card_email.delay_on_commit(card.pk)
            messages.success(
                request, _("Je kaart is verstuurd aan %(name)s. Leuk!") % {"name": recipient.get_full_name()}
            )
            return redirect("coaching:cards")
    return render(request, "coaching/card_compose.html", {"form": form, "recipient": recipient})


@login_required
@require_POST
@once_per_form
def card_preference(request):
    form = CardPreferenceForm(request.POST)
    if form.is_valid():
        services.card_preference_set(person=request.user, **form.cleaned_data)
        messages.success(request, _("Je voorkeur is opgeslagen."))
    return redirect("coaching:cards")


@login_required
@require_POST
@once_per_form
def card_block(request, person_id):
    person = get_blockable(request.user, person_id)
    services.card_block(person=request.user, blocked=person)
    messages.success(
        request, _("Je krijgt geen kaarten meer van %(name)s. Dit ziet alleen jij.") % {"name": person.get_full_name()}
    )
    return redirect("coaching:cards")


@login_required
@require_POST
@once_per_form
def card_unblock(request, person_id):
    person = get_blockable(request.user, person_id)
    services.card_unblock(person=request.user, blocked=person)
    messages.success(request, _("Je kunt weer kaarten krijgen van %(name)s.") % {"name": person.get_full_name()})
    return redirect("coaching:cards")


# ---------------------------------------------------------------------------------------------
# Certificate


@login_required
def certificate(request):
    entries = selectors.certificate_entries(employee=request.user)
    # No congratulations when every certificate there is was revoked.
    congratulate = any(entry.certificate is None or not entry.certificate.is_revoked for entry in entries)
    return render(request, "coaching/certificate.html", {"entries": entries, "congratulate": congratulate})


@login_required
@require_POST
@once_per_form
def certificate_issue(request, campaign_id):
    entry = next(
        (
            entry
            for entry in selectors.certificate_entries(employee=request.user)
            if str(entry.campaign.pk) == str(campaign_id)
        ),
        None,
    )
    if entry is None:
        raise Http404
    try:
        issued = services.certificate_issue(employee=request.user, campaign=entry.campaign)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("coaching:certificate")
    return redirect("coaching:certificate_pdf", certificate_id=issued.pk)


@login_required
def certificate_download(request, certificate_id):
    own = get_own_certificate(request.user, certificate_id)
    if own.is_revoked:
        messages.error(request, _("Dit certificaat is ingetrokken. Neem contact op met de projectleider."))
        return redirect("coaching:certificate")
    try:
        pdf = certificate_pdf(own)
    except CertificateUnavailable:
        return render(request, "coaching/certificate_unavailable.html", status=503)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="certificaat-digivaardig-{own.campaign.kick_off_date.year}.pdf"'
    )
    return response


def verify(request):
    """Public: check a certificate's code (name and date only)."""
    form = VerifyForm(request.GET or None)
    result = selectors.certificate_verify(code=form.cleaned_data["code"]) if form.is_valid() else None
    return render(request, "coaching/verify.html", {"form": form, "result": result})


def verify_code(request, code):
    """Public: the address printed on the certificate."""
    result = selectors.certificate_verify(code=code[:40])
    return render(request, "coaching/verify.html", {"form": VerifyForm(initial={"code": code[:40]}), "result": result})


@login_required
def certificates_manage(request):
    require_programme_lead(request.user)
    query = search_query(request.GET)
    page = Paginator(selectors.certificates_for_lead(query=query), PER_PAGE).get_page(request.GET.get("pagina"))
    return render(request, "coaching/certificates_manage.html", {"page": page, "query": query})


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def certificate_revoke(request, certificate_id):
    found = get_certificate_for_lead(request.user, certificate_id, kept=request.method == "GET")
    form = CertificateRevokeForm(submitted_data(request))
    if request.method == "POST" and form.is_valid():
        try:
            services.certificate_revoke(certificate=found, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Het certificaat is ingetrokken; de controlepagina zegt dat nu."))
            return redirect("coaching:certificates_manage")
    return render(
        request,
        "coaching/certificate_revoke.html",
        {"certificate": found, "form": form, "verification_url": verification_url(found)},
    )


# ---------------------------------------------------------------------------------------------
# Digicoaches and buddy requests (campaign team, programme lead)


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def coaches(request):
    municipalities = manageable_municipalities(request.user)
    form = CoachRegisterForm(submitted_data(request), municipalities=municipalities)
    if request.method == "POST" and form.is_valid():
        person = form.cleaned_data["person"]
        try:
            services.coach_register(
                person=person,
                capacity=form.cleaned_data["capacity"],
                topics=form.cleaned_data["topics"],
                registered_by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(name)s is digicoach.") % {"name": person.get_full_name()})
            return redirect("coaching:coaches")
    return render(
        request,
        "coaching/coaches.html",
        {"coaches": selectors.coaches_for(municipalities=municipalities), "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def coach_edit(request, coach_id):
    found = get_coach_for_manager(request.user, coach_id, kept=request.method == "GET")
    form = _coach_profile_form(request, found)
    if request.method == "POST":
        if request.POST.get("actie") == "stoppen":
            returned = services.coach_deactivate(coach=found)
            messages.success(
                request,
                _("%(name)s is geen digicoach meer; %(count)s buddy('s) staan weer bij de aanvragen.")
                % {"name": found.user.get_full_name(), "count": returned},
            )
            return redirect("coaching:coaches")
        if request.POST.get("actie") == "activeren":
            services.coach_register(
                person=found.user, capacity=found.capacity, topics=found.topics, registered_by=request.user
            )
            messages.success(request, _("%(name)s is weer digicoach.") % {"name": found.user.get_full_name()})
            return redirect("coaching:coaches")
        if form.is_valid():
            try:
                services.coach_update(coach=found, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("De gegevens van de digicoach zijn opgeslagen."))
                return redirect("coaching:coaches")
    return render(request, "coaching/coach_edit.html", {"coach": found, "form": form})


@login_required
def requests(request):
    require_programme_lead(request.user)
    municipalities = manageable_municipalities(request.user)
    return render(
        request,
        "coaching/requests.html",
        {
            "open_requests": selectors.open_requests(municipalities=municipalities),
            "pairs": selectors.paired_overview(municipalities=municipalities),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def request_pair(request, request_id):
    found = get_request_for_lead(request.user, request_id, kept=request.method == "GET")
    choices = selectors.coach_choices(pair=found)
    form = kept_or_bound(
        PairForm,
        submitted_data(request),
        lambda data: PairForm(data, coaches=choices),
        # The coaches to choose from (coach_choices: kept under the same versions) and the request.
        RenderKey(namespaces=(SUPPORT, ORGANISATION), parts=(found.pk,), seconds=SUPPORT_SECONDS),
    )
    if request.method == "POST" and form.is_valid():
        chosen = form.coaches[form.cleaned_data["coach"]].user
        try:
            services.buddy_pair(pair=found, coach=chosen, by=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("%(buddy)s is gekoppeld aan %(coach)s.")
                % {"buddy": found.employee.get_full_name(), "coach": chosen.get_full_name()},
            )
            return redirect("coaching:requests")
    return render(request, "coaching/request_pair.html", {"request_row": found, "form": form, "coaches": choices})
