"""Background work of the dashboards: recounting a campaign's figures (services.figures_refresh)."""

from celery import shared_task

from . import services


@shared_task(name="dashboards.refresh_figures", acks_late=True, reject_on_worker_lost=True)
def refresh_figures(campaign_id: int) -> None:
    """Recount and store one campaign's dashboard figures; a second delivery only counts again."""
    services.figures_refresh(campaign_id=campaign_id)


@shared_task(name="dashboards.refresh_changed_figures", acks_late=True)
def refresh_changed_figures() -> None:
    """Every 30 seconds (beat): queue a recount of each running campaign whose figures changed."""
    services.figures_refresh_changed()
