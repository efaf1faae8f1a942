from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Search and tags")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_migrate

        from search import dictionary, signals

        signals.connect()
        # Django sends post_migrate only for apps with a models module, which this app has
        # not: the signal of Wagtail's search app (always installed) runs it instead.
        post_migrate.connect(
            dictionary.install_after_migrate,
            sender=apps.get_app_config("wagtailsearch"),
            dispatch_uid="search-dictionary",
        )
