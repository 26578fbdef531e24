from django.db import models


class FigureSnapshot(models.Model):
    """The counts of one campaign as the dashboards read them (snapshot.py), stored so that no
    request ever waits for them: a derived copy, recounted from the source data whenever it changed
    (services.figures_refresh), never edited and safe to delete (it is counted again).

    versions: what the counts were taken at (snapshot.current_versions). data: the counts (JSON).
    refresh_claimed_at: set by whoever queued a recount, so one recount runs at a time.
    """

    campaign = models.OneToOneField("campaigns.Campaign", on_delete=models.CASCADE, related_name="+")
    versions = models.CharField(max_length=1000)
    data = models.JSONField()
    built_at = models.DateTimeField()
    refresh_claimed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"{self.campaign_id} @ {self.built_at:%Y-%m-%d %H:%M}"
