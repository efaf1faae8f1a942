from django.apps import AppConfig


class AssociationConfig(AppConfig):
    name = "association"
    verbose_name = "Association site wiring"

    def ready(self):
        # Page cache invalidation must also follow publishing done by management commands
        # (the scheduler's publish_scheduled), where no middleware is loaded.
        from association import cache  # noqa: F401
