"""Admin for the questionnaire and rounds only. Responses, answers and results are personal and
deliberately not registered: not even the programme lead sees an individual's scan."""

from django.contrib import admin

from campaigns.caching import plans_changed
from common.admin import ChangedOnWriteMixin
from organisations.caching import participation_changed
from organisations.models import Municipality

from .caching import questionnaire_changed
from .models import Area, Question, Questionnaire, Round
from .selectors import questionnaire_is_frozen


class QuestionnaireChangedMixin(ChangedOnWriteMixin):
    """Admin edits bypass the services; they still invalidate what is kept of the questionnaires
    (the questions page, the classification's statements)."""

    def changed(self):
        questionnaire_changed()


class FrozenAfterUseMixin:
    def has_change_permission(self, request, obj=None):
        questionnaire = getattr(obj, "questionnaire", None) or getattr(
            getattr(obj, "area", None), "questionnaire", None
        )
        if isinstance(obj, Questionnaire):
            questionnaire = obj
        if questionnaire is not None and questionnaire_is_frozen(questionnaire_id=questionnaire.pk):
            return False
        return super().has_change_permission(request, obj)

    has_delete_permission = has_change_permission


class QuestionInline(admin.TabularInline):
    model = Question
    extra = 0


@admin.register(Questionnaire)
class QuestionnaireAdmin(QuestionnaireChangedMixin, FrozenAfterUseMixin, admin.ModelAdmin):
    list_display = ["version", "created_at"]


@admin.register(Area)
class AreaAdmin(QuestionnaireChangedMixin, FrozenAfterUseMixin, admin.ModelAdmin):
    list_display = ["name", "questionnaire", "kind", "position"]
    list_filter = ["questionnaire"]
    inlines = [QuestionInline]


@admin.register(Question)
class QuestionAdmin(QuestionnaireChangedMixin, FrozenAfterUseMixin, admin.ModelAdmin):
    list_display = ["text", "area", "kind", "position"]
    list_filter = ["area__questionnaire", "kind"]


@admin.register(Round)
class RoundAdmin(ChangedOnWriteMixin, admin.ModelAdmin):
    """A round's dates count on the dashboards and show on the scan pages, as through the service
    (services.round_update_dates): an edit or a delete here invalidates them too."""

    def changed(self):
        participation_changed(municipality_ids=list(Municipality.objects.values_list("pk", flat=True)))
        # The kept round labels (caching.round_labels: its campaign, number, questionnaire) and the
        # kept rounds of the management pages (caching.kept_round).
        plans_changed()

    def save_model(self, request, obj, form, change):
        # At once, not only after the related objects (ChangedOnWriteMixin.save_related): the row
        # is what the kept pages show.
        super().save_model(request, obj, form, change)
        self.changed()

    list_display = ["campaign", "number", "questionnaire", "opens_on", "due_on", "closes_on"]
