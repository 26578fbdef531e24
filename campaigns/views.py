import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.forms import add_service_errors
from organisations.access import require_role
from organisations.roles import Role
from selfscan.services import rounds_create_for_campaign

from . import exports, selectors, services
from .access import get_campaign_for_lead, get_campaign_for_user, get_item_for_user, planner_municipalities
from .balance import balance_warnings
from .forms import (
    CampaignSettingsForm,
    ContentItemForm,
    CopyForm,
    ItemFilterForm,
    NewCampaignForm,
    PhaseFormSet,
    RescheduleForm,
    month_from,
)
from .models import CalendarFeed, ContentItem


def _planner(request, campaign):
    """What every planner view shares: the user's municipalities, the filter and the filtered items."""
    municipalities = planner_municipalities(request.user).filter(campaigns=campaign)
    form = ItemFilterForm(request.GET or None, campaign=campaign, municipalities=municipalities)
    filters = form.values()
    items = selectors.content_items(campaign=campaign, municipalities=municipalities, filters=filters)
    querystring = request.GET.copy()
    querystring.pop("maand", None)
    return {
        "campaign": campaign,
        "municipalities": municipalities,
        "filter_form": form,
        "filters": filters,
        "items": items,
        "querystring": querystring.urlencode(),
    }


@login_required
def planner_home(request):
    municipalities = planner_municipalities(request.user)
    campaign = selectors.campaign_list_for_municipalities(municipalities=municipalities).first()
    if campaign is None:
        return render(request, "campaigns/no_campaign.html")
    return redirect("campaigns:list", campaign_id=campaign.pk)


@login_required
def item_list(request, campaign_id):
    campaign = get_campaign_for_user(request.user, campaign_id)
    context = _planner(request, campaign)
    context["items"] = list(context["items"])
    # The balance checks look at the whole plan; without filters that is the list already loaded.
    all_items = (
        list(selectors.content_items(campaign=campaign, municipalities=context["municipalities"]))
        if context["filters"]
        else context["items"]
    )
    budget = selectors.budget_summary(campaign=campaign, municipalities=context["municipalities"])
    context["warnings"] = balance_warnings(
        campaign=campaign, items=all_items, today=timezone.localdate(), budget_summary=budget
    )
    context["budget"] = budget
    planned = {item.municipality_id for item in all_items}
    context["empty_municipalities"] = [m for m in context["municipalities"] if m.pk not in planned]
    context["tab"] = "list"
    return render(request, "campaigns/item_list.html", context)


@login_required
def item_calendar(request, campaign_id):
    campaign = get_campaign_for_user(request.user, campaign_id)
    context = _planner(request, campaign)
    month = month_from(request.GET.get("maand"), default=timezone.localdate())
    month_items = context["items"].filter(publish_on__year=month.year, publish_on__month=month.month)
    previous_month = (month - datetime.timedelta(days=1)).replace(day=1)
    next_month = (month + datetime.timedelta(days=32)).replace(day=1)
    context.update(
        {
            "month": month,
            "weeks": selectors.calendar_weeks(items=month_items, month=month),
            "month_items": month_items,
            "previous_month": previous_month,
            "next_month": next_month,
            "tab": "calendar",
        }
    )
    return render(request, "campaigns/item_calendar.html", context)


@login_required
def phase_timeline(request, campaign_id):
    campaign = get_campaign_for_user(request.user, campaign_id)
    context = _planner(request, campaign)
    months = selectors.campaign_months(campaign=campaign)
    context.update(
        {
            "months": months,
            "timeline": selectors.phase_timeline(campaign=campaign, months=months, items=context["items"]),
            "tab": "timeline",
        }
    )
    return render(request, "campaigns/phase_timeline.html", context)


@login_required
def channel_matrix(request, campaign_id):
    campaign = get_campaign_for_user(request.user, campaign_id)
    context = _planner(request, campaign)
    chosen = context["filter_form"].values().get("gemeente")
    municipality = context["municipalities"].filter(pk=chosen).first() if chosen else context["municipalities"].first()
    months = selectors.campaign_months(campaign=campaign)
    rows = []
    if municipality is not None:
        channels = selectors.channels_for(municipalities=[municipality])
        items = [item for item in context["items"] if item.municipality_id == municipality.pk]
        rows = selectors.channel_matrix(items=items, channels=channels, months=months)
    context.update({"months": months, "rows": rows, "matrix_municipality": municipality, "tab": "channels"})
    return render(request, "campaigns/channel_matrix.html", context)


@login_required
def budget_overview(request, campaign_id):
    campaign = get_campaign_for_user(request.user, campaign_id)
    municipalities = planner_municipalities(request.user).filter(campaigns=campaign)
    budget = selectors.budget_summary(campaign=campaign, municipalities=municipalities)
    return render(request, "campaigns/budget.html", {"campaign": campaign, "budget": budget, "tab": "budget"})


def _download(content, content_type, filename):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def export_csv(request, campaign_id):
    campaign = get_campaign_for_user(request.user, campaign_id)
    items = _planner(request, campaign)["items"]
    return _download(exports.items_csv(items), "text/csv; charset=utf-8", f"contentplanning-{campaign.pk}.csv")


@login_required
def export_xlsx(request, campaign_id):
    campaign = get_campaign_for_user(request.user, campaign_id)
    items = _planner(request, campaign)["items"]
    return _download(
        exports.items_xlsx(items),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        f"contentplanning-{campaign.pk}.xlsx",
    )


def calendar_feed(request, token):
    """Public by design (Outlook cannot log in): the unguessable token is the key; renewing it revokes."""
    try:
        feed = CalendarFeed.objects.select_related("municipality").get(token=token)
    except CalendarFeed.DoesNotExist:
        raise Http404 from None
    items = (
        ContentItem.objects.filter(municipality=feed.municipality)
        .select_related("municipality")
        .prefetch_related("channels")
        .order_by("publish_on")
    )
    body = exports.items_ical(items, name=f"Digivaardig {feed.municipality}", domain=request.get_host())
    return HttpResponse(body, content_type="text/calendar; charset=utf-8")


@login_required
@require_http_methods(["GET", "POST"])
def calendar_feeds(request, campaign_id):
    campaign = get_campaign_for_user(request.user, campaign_id)
    municipalities = planner_municipalities(request.user).filter(campaigns=campaign)
    if request.method == "POST":
        municipality = municipalities.filter(pk=request.POST.get("gemeente")).first()
        if municipality is None:
            raise Http404
        services.calendar_feed_renew(municipality=municipality)
        messages.success(request, _("Er is een nieuw adres gemaakt; het oude werkt niet meer."))
        return redirect("campaigns:feeds", campaign_id=campaign.pk)
    feeds = []
    for municipality in municipalities:
        token = services.calendar_feed_for(municipality=municipality).token
        feeds.append((municipality, request.build_absolute_uri(reverse("campaigns:feed", args=[token]))))
    return render(request, "campaigns/feeds.html", {"campaign": campaign, "feeds": feeds, "tab": "feeds"})


@login_required
@require_http_methods(["GET", "POST"])
def item_create(request, campaign_id):
    campaign = get_campaign_for_user(request.user, campaign_id)
    municipalities = planner_municipalities(request.user).filter(campaigns=campaign)
    own = municipalities.filter(pk=request.user.municipality_id).first() or municipalities.first()
    initial = {"owner": request.user.pk, "publish_on": request.GET.get("datum"), "municipality": own}
    form = ContentItemForm(request.POST or None, initial=initial, campaign=campaign, municipalities=municipalities)
    if request.method == "POST" and form.is_valid():
        personas, channels, fields = form.service_fields()
        try:
            item = services.content_item_create(campaign=campaign, personas=personas, channels=channels, **fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("'%(title)s' staat in de planning.") % {"title": item.title})
            return redirect("campaigns:list", campaign_id=campaign.pk)
    return render(request, "campaigns/item_form.html", {"campaign": campaign, "form": form, "item": None})


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request, item_id):
    item = get_item_for_user(request.user, item_id)
    municipalities = planner_municipalities(request.user).filter(campaigns=item.campaign)
    form = ContentItemForm(request.POST or None, instance=item, campaign=item.campaign, municipalities=municipalities)
    if request.method == "POST" and form.is_valid():
        personas, channels, fields = form.service_fields()
        try:
            services.content_item_update(item=item, personas=personas, channels=channels, **fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("'%(title)s' is opgeslagen.") % {"title": item.title})
            return redirect("campaigns:list", campaign_id=item.campaign_id)
    return render(request, "campaigns/item_form.html", {"campaign": item.campaign, "form": form, "item": item})


@login_required
@require_http_methods(["GET", "POST"])
def item_reschedule(request, item_id):
    item = get_item_for_user(request.user, item_id)
    form = RescheduleForm(request.POST or None, initial={"publish_on": item.publish_on})
    if request.method == "POST" and form.is_valid():
        try:
            services.content_item_reschedule(item=item, publish_on=form.cleaned_data["publish_on"])
        except ValidationError as error:
            form.add_error("publish_on", error.messages)
        else:
            messages.success(
                request,
                _("'%(title)s' is verplaatst naar %(date)s.")
                % {"title": item.title, "date": item.publish_on.strftime("%d-%m-%Y")},
            )
            return redirect(f"{reverse('campaigns:calendar', args=[item.campaign_id])}?maand={item.publish_on:%Y-%m}")
    return render(request, "campaigns/item_reschedule.html", {"item": item, "form": form})


@login_required
@require_POST
def item_duplicate(request, item_id):
    item = get_item_for_user(request.user, item_id)
    copy = services.content_item_duplicate(item=item)
    messages.success(request, _("Kopie gemaakt: pas '%(title)s' aan.") % {"title": copy.title})
    return redirect("campaigns:edit", item_id=copy.pk)


@login_required
@require_POST
def item_cancel(request, item_id):
    item = get_item_for_user(request.user, item_id)
    services.content_item_cancel(item=item)
    messages.success(request, _("'%(title)s' is geannuleerd.") % {"title": item.title})
    return redirect("campaigns:list", campaign_id=item.campaign_id)


@login_required
@require_http_methods(["GET", "POST"])
def item_copy(request, item_id):
    item = get_item_for_user(request.user, item_id)
    municipalities = planner_municipalities(request.user)
    form = CopyForm(request.POST or None, item=item, municipalities=municipalities)
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
def campaign_settings(request, campaign_id):
    campaign = get_campaign_for_lead(request.user, campaign_id)
    form = CampaignSettingsForm(request.POST or None, instance=campaign)
    phases = PhaseFormSet(request.POST or None, queryset=campaign.phases.order_by("position"), prefix="fase")
    if request.method == "POST" and all([form.is_valid(), phases.is_valid()]):
        services.campaign_update(campaign=campaign, **form.cleaned_data)
        phases.save()
        messages.success(request, _("De campagne is opgeslagen."))
        return redirect("campaigns:timeline", campaign_id=campaign.pk)
    return render(request, "campaigns/settings.html", {"campaign": campaign, "form": form, "phases": phases})


@login_required
@require_http_methods(["GET", "POST"])
def campaign_new(request):
    require_role(request.user, Role.PROGRAMME_LEAD)
    form = NewCampaignForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        campaign = services.campaign_start(**form.cleaned_data, owner=request.user)
        rounds_create_for_campaign(campaign=campaign)
        messages.success(
            request, _("Campagne %(name)s is aangemaakt, met fases en zelfscanrondes.") % {"name": campaign.name}
        )
        return redirect("campaigns:list", campaign_id=campaign.pk)
    return render(request, "campaigns/campaign_new.html", {"form": form})


@login_required
@require_POST
def plan_template(request, campaign_id):
    campaign = get_campaign_for_user(request.user, campaign_id)
    municipality = (
        planner_municipalities(request.user).filter(campaigns=campaign, pk=request.POST.get("gemeente")).first()
    )
    if municipality is None:
        raise Http404
    added = services.plan_template_apply(campaign=campaign, municipality=municipality, owner=request.user)
    if added:
        messages.success(
            request, _("%(count)s voorbeelditems toegevoegd voor %(name)s.") % {"count": added, "name": municipality}
        )
    else:
        messages.info(request, _("%(name)s heeft al een planning; er is niets toegevoegd.") % {"name": municipality})
    return redirect("campaigns:list", campaign_id=campaign.pk)
