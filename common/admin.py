"""What every admin page that edits cached data needs: admin edits bypass the services, so they
invalidate what the services would (common/cache.py)."""


class ChangedOnWriteMixin:
    """A ModelAdmin mixin: after every save (with its inlines and many-to-many fields) and every
    delete, one or many, `changed()` is called. The admin calls save_related after save_model on
    every save, so that one hook covers both."""

    def changed(self) -> None:
        raise NotImplementedError("name the version this admin's writes change")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self.changed()

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        self.changed()

    def delete_queryset(self, request, queryset):
        super().delete_queryset(request, queryset)
        self.changed()
