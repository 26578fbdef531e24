from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from common.cache import versions_of
from common.dates import month_start, parse_month
from common.form_layout import RenderKey, kept_or_bound
from common.forms import add_service_errors
from common.preserve import submitted_data
from common.submissions import once_per_form
from organisations.caching import NAMESPACE as ORGANISATION
from personas.caching import NAMESPACE as PERSONAS

from . import exports, selectors, services
from .access import get_campaign_for_lead, get_item_scope, get_planner_scope, planner_municipalities
from .balance import balance_warnings, item_notices, outside_campaign
from .budget import budget_summary
from .caching import PLANNER_CACHE_SECONDS, cached, planner_key
from .forms import (
    BudgetSplitForm,
    CampaignSettingsForm,
    ContentItemForm,
    CopyForm,
    ItemFilterForm,
    PhaseFormSet,
    RescheduleForm,
)
from .models import CalendarFeed

# Where the planner's start page may send a person, by the `naar` parameter (default: the list).
PLANNER_TABS = {"personas": "campaigns:personas"}
# The query string parameters a planner view reads; only these take part in a cache key.
PLANNER_PARAMS = (*ItemFilterForm.base_fields, "maand")


def _planner(request, scope):
    """What every planner view shares: the scope, the filter and the filtered items."""
    form = ItemFilterForm(request.GET or None, campaign=scope.campaign, municipalities=scope.municipality_queryset())
    filters = form.values()
    items = selectors.content_items(campaign=scope.campaign, municipalities=scope.municipality_ids, filters=filters)
    return {
        "campaign": scope.campaign,
        "municipalities": scope.municipalities,
        "filter_form": form,
        "filters": filters,
        "items": items,
        "querystring": _querystring(request),
    }


def _querystring(request):
    querystring = request.GET.copy()
    querystring.pop("maand", None)
    return querystring.urlencode()


def _page(request, scope, view, template, build, *, day=None):
    """The rendered body of a planner view, from the cache while the plan is unchanged (caching.py)."""
    params = [(name, value[:40]) for name in PLANNER_PARAMS for value in request.GET.getlist(name)]
    key = planner_key(view, campaign=scope.campaign, municipality_ids=scope.municipality_ids, params=params, day=day)
    return cached(key, lambda: render_to_string(template, build(), request=request))


def _shell(scope, tab, request, **extra):
    """The context around a cached body: what the tabs and the page title need."""
    return {"campaign": scope.campaign, "tab": tab, "querystring": _querystring(request), **extra}


@login_required
def planner_home(request):
    municipalities = planner_municipalities(request.user)
    campaign = selectors.planner_campaign(municipalities=municipalities, today=timezone.localdate())
    if campaign is None:
        return render(request, "campaigns/no_campaign.html")
    return redirect(PLANNER_TABS.get(request.GET.get("naar"), "campaigns:list"), campaign_id=campaign.pk)


@login_required
def item_list(request, campaign_id):
    scope = get_planner_scope(request.user, campaign_id, kept=request.method == "GET")
    today = timezone.localdate()

    def build():
        context = _planner(request, scope)
        context["items"] = list(context["items"])
        # The balance checks look at the whole plan; without filters that is the list already loaded.
        all_items = (
            list(selectors.content_items(campaign=scope.campaign, municipalities=scope.municipality_ids))
            if context["filters"]
            else context["items"]
        )
        budget = budget_summary(campaign=scope.campaign, municipalities=scope.municipality_ids)
        context["warnings"] = balance_warnings(
            campaign=scope.campaign, items=all_items, today=today, budget_summary=budget
        )
        context["budget"] = budget
        context["outside"] = outside_campaign(campaign=scope.campaign, items=all_items)
        return context

    body = _page(request, scope, "list", "campaigns/_list_body.html", build, day=today)
    planned = selectors.planned_municipality_ids(campaign=scope.campaign, municipality_ids=scope.municipality_ids)
    empty = [municipality for municipality in scope.municipalities if municipality.pk not in planned]
    return render(
        request, "campaigns/item_list.html", _shell(scope, "list", request, body=body, empty_municipalities=empty)
    )


@login_required
def item_calendar(request, campaign_id):
    scope = get_planner_scope(request.user, campaign_id, kept=request.method == "GET")
    month = parse_month(request.GET.get("maand"), default=timezone.localdate())

    def build():
        context = _planner(request, scope)
        month_items = context["items"].filter(publish_on__year=month.year, publish_on__month=month.month)
        context.update(
            {
                "month": month,
                "weeks": selectors.calendar_weeks(items=month_items, month=month),
                "month_items": month_items,
                "available": selectors.available_in_month(items=context["items"], month=month, campaign=scope.campaign),
                "previous_month": month_start(month, -1),
                "next_month": month_start(month, 1),
            }
        )
        return context

    body = _page(request, scope, f"calendar-{month:%Y-%m}", "campaigns/_calendar_body.html", build)
    return render(request, "campaigns/item_calendar.html", _shell(scope, "calendar", request, body=body, month=month))


@login_required
def phase_timeline(request, campaign_id):
    scope = get_planner_scope(request.user, campaign_id, kept=request.method == "GET")

    def build():
        context = _planner(request, scope)
        months = selectors.campaign_months(campaign=scope.campaign)
        context["months"] = months
        context["timeline"] = selectors.phase_timeline(campaign=scope.campaign, months=months, items=context["items"])
        context["hygiene"] = selectors.hygiene_bars(items=context["items"], months=months, campaign=scope.campaign)
        return context

    body = _page(request, scope, "timeline", "campaigns/_timeline_body.html", build)
    return render(request, "campaigns/phase_timeline.html", _shell(scope, "timeline", request, body=body))


@login_required
def channel_matrix(request, campaign_id):
    scope = get_planner_scope(request.user, campaign_id, kept=request.method == "GET")

    def build():
        context = _planner(request, scope)
        municipality = scope.municipality(context["filters"].get("gemeente")) or scope.municipalities[0]
        months = selectors.campaign_months(campaign=scope.campaign)
        channels = selectors.channels_for(municipalities=[municipality])
        items = [item for item in context["items"] if item.municipality_id == municipality.pk]
        context.update(
            {
                "months": months,
                "rows": selectors.channel_matrix(
                    items=items, channels=channels, months=months, campaign=scope.campaign
                ),
                "matrix_municipality": municipality,
                "this_month": month_start(timezone.localdate()),
            }
        )
        return context

    body = _page(request, scope, "channels", "campaigns/_channels_body.html", build, day=timezone.localdate())
    return render(request, "campaigns/channel_matrix.html", _shell(scope, "channels", request, body=body))


@login_required
def persona_reach(request, campaign_id):
    scope = get_planner_scope(request.user, campaign_id, kept=request.method == "GET")

    def build():
        reach = selectors.persona_reach(campaign=scope.campaign, municipalities=scope.municipalities)
        return {"municipalities": scope.municipalities, "reach": reach}

    body = _page(request, scope, "personas", "campaigns/_personas_body.html", build)
    return render(request, "campaigns/persona_reach.html", _shell(scope, "personas", request, body=body))


@login_required
def budget_overview(request, campaign_id):
    scope = get_planner_scope(request.user, campaign_id, kept=request.method == "GET")

    def build():
        return {"budget": budget_summary(campaign=scope.campaign, municipalities=scope.municipality_ids)}

    body = _page(request, scope, "budget", "campaigns/_budget_body.html", build)
    return render(request, "campaigns/budget.html", _shell(scope, "budget", request, body=body))


def _notify(request, item):
    """Warnings about the date just saved (a weekend, a holiday, outside the campaign): never a refusal."""
    for notice in item_notices(item=item, campaign=item.campaign):
        messages.warning(request, notice)


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _export(request, scope, view, build):
    params = [(name, value[:40]) for name in PLANNER_PARAMS for value in request.GET.getlist(name)]
    key = planner_key(view, campaign=scope.campaign, municipality_ids=scope.municipality_ids, params=params)
    return cached(key, lambda: build(_planner(request, scope)["items"]))


@login_required
def export_csv(request, campaign_id):
    scope = get_planner_scope(request.user, campaign_id, kept=request.method == "GET")
    body = _export(request, scope, "csv", exports.items_csv)
    return _download(body, "text/csv; charset=utf-8", f"contentplanning-{scope.campaign.pk}.csv")


@login_required
def export_xlsx(request, campaign_id):
    scope = get_planner_scope(request.user, campaign_id, kept=request.method == "GET")
    body = _export(request, scope, "xlsx", exports.items_xlsx)
    return _download(
        body,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        f"contentplanning-{scope.campaign.pk}.xlsx",
    )


def calendar_feed(request, token):
    """Public by design (Outlook cannot log in): the unguessable token is the key; renewing it revokes."""
    try:
        feed = CalendarFeed.objects.select_related("municipality").get(token=token)
    except CalendarFeed.DoesNotExist:
        raise Http404 from None
    key = f"feed:{feed.pk}:{selectors.plan_versions(municipality=feed.municipality)}"

    def build():
        items = selectors.feed_items(municipality=feed.municipality)
        return exports.items_ical(items, name=f"Digivaardig {feed.municipality}")

    return HttpResponse(cached(key, build), content_type="text/calendar; charset=utf-8")


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def calendar_feeds(request, campaign_id):
    scope = get_planner_scope(request.user, campaign_id, kept=request.method == "GET")
    if request.method == "POST":
        municipality = scope.municipality(request.POST.get("gemeente"))
        if municipality is None:
            raise Http404
        services.calendar_feed_renew(municipality=municipality)
        messages.success(request, _("Er is een nieuw adres gemaakt; het oude werkt niet meer."))
        return redirect("campaigns:feeds", campaign_id=scope.campaign.pk)
    tokens = {pk: feed.token for pk, feed in services.calendar_feeds_for(municipalities=scope.municipalities).items()}
    feeds = [
        (municipality, request.build_absolute_uri(reverse("campaigns:feed", args=[tokens[municipality.pk]])))
        for municipality in scope.municipalities
    ]
    return render(request, "campaigns/feeds.html", {"campaign": scope.campaign, "feeds": feeds, "tab": "feeds"})


def _item_form_key(scope, *parts) -> RenderKey:
    """What the empty item form shows: the campaign's plan (its version: items, phases, settings),
    the scope's municipalities and their channels, the personas' names and the campaign team (their
    versions), and the item or the initial values (`parts`)."""
    return RenderKey(
        namespaces=(PERSONAS, ORGANISATION),
        parts=(scope.campaign.pk, scope.campaign.plan_version, *sorted(scope.municipality_ids), "|", *parts),
        seconds=PLANNER_CACHE_SECONDS,
    )


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def item_create(request, campaign_id):
    scope = get_planner_scope(request.user, campaign_id, kept=request.method == "GET")
    own = scope.municipality(request.user.municipality_id) or scope.municipalities[0]
    initial = {"owner": request.user.pk, "publish_on": request.GET.get("datum"), "municipality": own}
    form = kept_or_bound(
        ContentItemForm,
        submitted_data(request),
        lambda data: ContentItemForm(
            data, initial=initial, campaign=scope.campaign, municipalities=scope.municipality_queryset()
        ),
        _item_form_key(scope, "new", request.user.pk, own.pk, initial["publish_on"]),
    )
    if request.method == "POST" and form.is_valid():
        personas, channels, fields = form.service_fields()
        try:
            item = services.content_item_create(campaign=scope.campaign, personas=personas, channels=channels, **fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("'%(title)s' staat in de planning.") % {"title": item.title})
            _notify(request, item)
            return redirect("campaigns:list", campaign_id=scope.campaign.pk)
    return render(request, "campaigns/item_form.html", {"campaign": scope.campaign, "form": form, "item": None})


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def item_edit(request, item_id):
    scope = get_item_scope(request.user, item_id, kept=request.method == "GET")
    item = scope.item
    form = kept_or_bound(
        ContentItemForm,
        submitted_data(request),
        lambda data: ContentItemForm(
            data, instance=item, campaign=item.campaign, municipalities=scope.municipality_queryset()
        ),
        _item_form_key(scope, item.pk),
    )
    if request.method == "POST" and form.is_valid():
        personas, channels, fields = form.service_fields()
        try:
            services.content_item_update(item=item, personas=personas, channels=channels, **fields)
        except ValidationError as error:
            item.refresh_from_db()  # the title above the form is the saved one, not the refused one
            add_service_errors(form, error)
        else:
            messages.success(request, _("'%(title)s' is opgeslagen.") % {"title": item.title})
            _notify(request, item)
            return redirect("campaigns:list", campaign_id=item.campaign_id)
    return render(
        request,
        "campaigns/item_form.html",
        {"campaign": item.campaign, "form": form, "item": item, "can_copy": bool(scope.copy_targets)},
    )


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def item_reschedule(request, item_id):
    item = get_item_scope(request.user, item_id, kept=request.method == "GET").item
    form = RescheduleForm(submitted_data(request), item=item)
    if request.method == "POST" and form.is_valid():
        try:
            services.content_item_reschedule(item=item, **form.service_fields())
        except ValidationError as error:
            # A production deadline after the new date, or a period that ends before it starts.
            item.refresh_from_db()  # the page says where the item is, not where it was refused to go
            for field, messages_ in error.message_dict.items():
                form.add_error(field if field in form.fields else "publish_on", messages_)
        else:
            messages.success(
                request,
                _("'%(title)s' is verplaatst naar %(date)s.")
                % {"title": item.title, "date": date_format(item.publish_on, "j F Y")},
            )
            _notify(request, item)
            return redirect(f"{reverse('campaigns:calendar', args=[item.campaign_id])}?maand={item.publish_on:%Y-%m}")
    return render(request, "campaigns/item_reschedule.html", {"item": item, "form": form})


@login_required
@require_POST
@once_per_form
def item_duplicate(request, item_id):
    item = get_item_scope(request.user, item_id).item
    copy = services.content_item_duplicate(item=item)
    messages.success(request, _("Kopie gemaakt: pas '%(title)s' aan.") % {"title": copy.title})
    return redirect("campaigns:edit", item_id=copy.pk)


@login_required
@require_POST
@once_per_form
def item_cancel(request, item_id):
    item = get_item_scope(request.user, item_id).item
    services.content_item_cancel(item=item)
    messages.success(request, _("'%(title)s' is geannuleerd.") % {"title": item.title})
    return redirect("campaigns:list", campaign_id=item.campaign_id)


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def item_copy(request, item_id):
    scope = get_item_scope(request.user, item_id, kept=request.method == "GET")
    item = scope.item
    if not scope.copy_targets:
        # An advisor of one municipality: nowhere to copy to; the page says so instead of a form
        # with a required choice and no options.
        return render(request, "campaigns/item_copy.html", {"item": item, "form": None})
    form = kept_or_bound(
        CopyForm,
        submitted_data(request),
        lambda data: CopyForm(data, item=item, municipalities=scope.municipality_queryset()),
        # The choices: the scope's municipalities of the item's campaign (its plan version) and
        # their names (the organisation's version).
        RenderKey(
            namespaces=(ORGANISATION,),
            parts=(item.pk, item.municipality_id, item.campaign.plan_version, *sorted(scope.municipality_ids)),
            seconds=PLANNER_CACHE_SECONDS,
        ),
    )
    if request.method == "POST" and form.is_valid():
        copies = services.content_item_copy_to_municipalities(
            item=item, municipalities=form.cleaned_data["municipalities"]
        )
        messages.success(
            request,
            _("'%(title)s' is gekopieerd naar %(names)s.")
            % {"title": item.title, "names": ", ".join(copy.municipality.name for copy in copies)},
        )
        return redirect("campaigns:list", campaign_id=item.campaign_id)
    return render(request, "campaigns/item_copy.html", {"item": item, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
@once_per_form
def campaign_settings(request, campaign_id):
    data = submitted_data(request)
    # A page that only shows the settings (no typed values) reads the kept campaign.
    campaign = get_campaign_for_lead(request.user, campaign_id, kept=data is None)

    def forms():
        return {
            "form": CampaignSettingsForm(data, instance=campaign),
            "phases": PhaseFormSet(data, queryset=campaign.phases.order_by("position"), prefix="fase"),
            "split": BudgetSplitForm(data, campaign=campaign, prefix="budget"),
        }

    if data is None:
        # The empty forms are built and laid out once per plan version (settings, phases, shares)
        # and organisation version (the municipalities' names): {% memo_fragment %} in the template.
        fields_key = (campaign.pk, campaign.plan_version, versions_of([ORGANISATION]))
        return render(
            request, "campaigns/settings.html", {"campaign": campaign, "forms": forms, "fields_key": fields_key}
        )
    built = forms()
    form, phases, split = built["form"], built["phases"], built["split"]
    if request.method == "POST" and all([form.is_valid(), phases.is_valid(), split.is_valid()]):
        try:
            services.campaign_settings_update(
                campaign=campaign, fields=form.cleaned_data, phases=phases.changes(), split=split.cleaned_data["split"]
            )
        except ValidationError as error:
            campaign.refresh_from_db()  # nothing was saved: the page names the campaign as it is
            add_service_errors(split if "verdeling" in error.message_dict else form, error)
        else:
            messages.success(request, _("De campagne is opgeslagen."))
            return redirect("campaigns:timeline", campaign_id=campaign.pk)
    return render(request, "campaigns/settings.html", {"campaign": campaign, **built})


@login_required
@require_POST
@once_per_form
def plan_template(request, campaign_id):
    scope = get_planner_scope(request.user, campaign_id, kept=request.method == "GET")
    municipality = scope.municipality(request.POST.get("gemeente"))
    if municipality is None:
        raise Http404
    added = services.plan_template_apply(campaign=scope.campaign, municipality=municipality, owner=request.user)
    if added:
        messages.success(
            request, _("%(count)s voorbeelditems toegevoegd voor %(name)s.") % {"count": added, "name": municipality}
        )
    else:
        messages.info(request, _("%(name)s heeft al een planning; er is niets toegevoegd.") % {"name": municipality})
    return redirect("campaigns:list", campaign_id=scope.campaign.pk)
