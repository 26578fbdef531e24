from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from common.preserve import submitted_data
from common.submissions import once_per_form
from organisations.access import require_campaign_team

from . import selectors
from .access import get_audience_for_campaign_team, get_persona_for_campaign_team
from .caching import cached_page
from .forms import (
    AudienceFilterForm,
    PersonaTextsForm,
    StatementFormSet,
    TextLineFormSet,
    statement_initial,
    text_initial,
)
from .models import Audience, Persona
from .services import audience_texts_update, persona_update


@login_required
def persona_overview(request):
    require_campaign_team(request.user)
    body = cached_page(
        request, "overview", [], "personas/_overview_body.html", lambda: {"personas": selectors.persona_overview()}
    )
    return render(request, "personas/overview.html", {"body": body})


@login_required
def persona_detail(request, slug):
    require_campaign_team(request.user)

    def build():
        persona = get_persona_for_campaign_team(request.user, slug)
        return {
            "persona": persona,
            "columns": selectors.com_b_columns(persona=persona),
            "edits": selectors.recent_edits(persona=persona),
        }

    # An unknown slug is never cached: building its page raises 404 first.
    title, body = cached_page(
        request, "detail", [slug], "personas/_detail_body.html", build, title=lambda context: context["persona"].name
    )
    return render(request, "personas/detail.html", {"body": body, "title": title})


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def persona_edit(request, slug):
    persona = get_persona_for_campaign_team(request.user, slug, with_texts=False, kept=request.method == "GET")
    data = submitted_data(request)
    if data is None:
        # The empty form shows the saved texts: kept until a persona or audience is saved.
        def build():
            formset = StatementFormSet(initial=statement_initial(persona), prefix="uitspraak")
            return {"persona": persona, "form": PersonaTextsForm(instance=persona), "formset": formset}

        fields = cached_page(request, "edit-fields", [slug], "personas/_edit_fields.html", build)
        return render(request, "personas/edit.html", {"persona": persona, "fields": fields})
    form = PersonaTextsForm(data, instance=persona)
    # A posted row is taken as typed, even if it equals the old text.
    formset = StatementFormSet(data, prefix="uitspraak")
    if request.method == "POST" and all([form.is_valid(), formset.is_valid()]):
        persona_update(
            persona=persona,
            changed_by=request.user,
            texts={name: form.cleaned_data[name] for name in Persona.TEXT_FIELDS},
            statements=formset.ordered_values("kind", "text"),
        )
        messages.success(request, _("De persona is opgeslagen."))
        return redirect("personas:detail", slug=persona.slug)
    return render(request, "personas/edit.html", {"persona": persona, "form": form, "formset": formset})


@login_required
def message_library(request):
    require_campaign_team(request.user)
    wanted = request.GET.get("doelgroep", "")[:60]

    def build():
        form = AudienceFilterForm(request.GET or None, audiences=Audience.objects.all())
        slug = form.cleaned_data["doelgroep"] if form.is_valid() else None
        return {"form": form, "audiences": selectors.audience_list_with_texts(slug=slug or None)}

    body = cached_page(request, "messages", [wanted], "personas/_messages_body.html", build)
    return render(request, "personas/messages.html", {"body": body})


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def audience_edit(request, slug):
    audience = get_audience_for_campaign_team(request.user, slug, kept=request.method == "GET")
    data = submitted_data(request)
    if data is None:
        # The empty form shows the saved lines and the latest edits: kept until a text is saved.
        def build():
            return {
                "points": TextLineFormSet(initial=text_initial(audience.attention_points), prefix="aandachtspunt"),
                "texts": TextLineFormSet(initial=text_initial(audience.messages), prefix="boodschap"),
            }

        fields = cached_page(request, "audience-fields", [slug], "personas/_audience_fields.html", build)
        edits = cached_page(
            request,
            "audience-edits",
            [slug],
            "personas/_audience_edits.html",
            lambda: {"edits": selectors.recent_edits(audience=audience)},
        )
        return render(
            request, "personas/audience_edit.html", {"audience": audience, "fields": fields, "edits_html": edits}
        )
    points = TextLineFormSet(data, prefix="aandachtspunt")
    texts = TextLineFormSet(data, prefix="boodschap")
    if request.method == "POST" and points.is_valid() and texts.is_valid():
        audience_texts_update(
            audience=audience,
            changed_by=request.user,
            attention_points=points.ordered_values("text"),
            messages=texts.ordered_values("text"),
        )
        messages.success(request, _("De teksten voor %(audience)s zijn opgeslagen.") % {"audience": audience.name})
        return redirect(f"{reverse('personas:messages')}?doelgroep={audience.slug}")
    context = {
        "audience": audience,
        "points": points,
        "texts": texts,
        "edits": selectors.recent_edits(audience=audience),
    }
    return render(request, "personas/audience_edit.html", context)
