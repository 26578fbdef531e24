from csp.decorators import csp_replace, csp_update
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from common.submissions import once_per_form
from organisations.access import require_campaign_team, visible_municipalities
from organisations.models import User

from . import selectors, services
from .compose import EXAMPLE_OPT_OUT_TOKEN, OPT_OUT_FIELDS, read_opt_out_token
from .forms import PreviewForm
from .models import Kind
from .previews import preview_email, send_test


@login_required
def reminder_status(request):
    require_campaign_team(request.user)
    municipalities = visible_municipalities(request.user)
    context = {
        "periods": selectors.reminder_status(municipalities=municipalities),
        "opt_outs": selectors.opt_outs(municipalities=municipalities),
    }
    return render(request, "reminders/status.html", context)


@login_required
@require_POST
@once_per_form
def resend_failed(request):
    require_campaign_team(request.user)
    kind, period = request.POST.get("soort", ""), request.POST.get("periode", "")[:40]
    if kind not in Kind.values:
        raise Http404
    batch = services.reminders_resend_failed(kind=kind, period=period)
    if batch:
        from .tasks import send_reminder_batch

        send_reminder_batch.delay_on_commit(batch.token)
        messages.success(request, _("%(count)s herinnering(en) worden opnieuw verstuurd.") % {"count": batch.size})
    else:
        messages.info(request, _("Er waren geen mislukte herinneringen om opnieuw te versturen."))
    return redirect("reminders:status")


@login_required
def preview(request):
    require_campaign_team(request.user)
    form = PreviewForm(request.GET or None)
    values = form.values()
    email = preview_email(
        **values, first_name=request.user.first_name, municipality=selectors.preview_municipality(user=request.user)
    )
    context = {
        "form": form,
        "email": email,
        "query": request.GET.urlencode(),
        "values": values,
        "persona_choices": form.fields["persona"].choices,
    }
    return render(request, "reminders/preview.html", context)


@login_required
@xframe_options_sameorigin
@csp_update({"style-src": ["'unsafe-inline'"]})  # the e-mail's own <style> block, as mail programs get it
@csp_replace({"frame-ancestors": ["'self'"], "script-src": ["'none'"]})
def preview_html(request):
    """The previewed e-mail's HTML on its own, for the frame on the preview page (no scripts)."""
    require_campaign_team(request.user)
    email = preview_email(
        **PreviewForm(request.GET or None).values(),
        first_name=request.user.first_name,
        municipality=selectors.preview_municipality(user=request.user),
    )
    return HttpResponse(email["html"])


@login_required
@require_POST
@once_per_form
def send_test_email(request):
    require_campaign_team(request.user)
    values = PreviewForm(request.POST).values()
    send_test(**values, to=request.user, municipality=selectors.preview_municipality(user=request.user))
    messages.success(request, _("Een testbericht is verstuurd naar %(email)s.") % {"email": request.user.email})
    return redirect(f"{reverse('reminders:preview')}?{request.POST.get('query', '')}")


@csrf_exempt  # RFC 8058: mail programs post without cookies; the signed token is the authority
@require_http_methods(["GET", "POST"])
@never_cache  # Back after the one click asks the server again, which knows it is done
def opt_out(request, token):
    """The opt-out link of a monthly reminder: no login. GET asks, POST (also the mail program's own
    one-click button, List-Unsubscribe-Post) switches the reminder off. A GET never changes anything:
    link checkers of mail servers open every link."""
    if token == EXAMPLE_OPT_OUT_TOKEN:
        # The link in a preview or test e-mail: it explains, and changes nothing for anyone.
        return render(request, "reminders/opt_out_example.html")
    found = read_opt_out_token(token)
    if found is None:
        raise Http404
    user_id, kind = found
    person = User.objects.filter(pk=user_id, is_active=True).first()
    if person is None:
        raise Http404
    done = False
    # Already off (the page again after the one click, or the Back button): say so, ask nothing.
    already = not getattr(person, OPT_OUT_FIELDS[kind])
    if request.method == "POST":
        try:
            services.reminder_opt_out(user=person, kind=kind)
        except ValidationError:
            raise Http404 from None
        done = True
    context = {"kind": Kind(kind), "done": done, "already": already and not done, "first_name": person.first_name}
    # The signed link says whose it is: answer in that person's language, like the mail it came from.
    translation.activate(person.language or settings.LANGUAGE_CODE)
    response = render(request, "reminders/opt_out.html", context)
    response.headers["Content-Language"] = translation.get_language()
    return response
