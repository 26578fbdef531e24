from .models import Campaign


def campaign_list_for_municipalities(*, municipalities):
    return Campaign.objects.filter(municipalities__in=municipalities).distinct().prefetch_related("municipalities")
