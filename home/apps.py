from django.apps import AppConfig
from django.db.models.signals import post_migrate

from wagtail.admin.apps import WagtailAdminAppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class HomeConfig(AppConfig):
    # The default for "home" in INSTALLED_APPS; UsersConfig below replaces wagtail.users.
    default = True
    name = "home"
    verbose_name = "Основа сайта"

    def ready(self):
        from home.exports import neutralise_csv_exports
        from home.members.roles import grant_snippet_permissions
        from home.sites import apply_site_url

        neutralise_csv_exports()
        post_migrate.connect(grant_snippet_permissions, dispatch_uid="home_snippet_permissions")
        post_migrate.connect(apply_site_url, dispatch_uid="home_site_url")


class UsersConfig(WagtailUsersAppConfig):
    """Wagtail's users app with the member organisation on the user forms."""

    user_viewset = "home.members.viewsets.UserViewSet"


class AdminConfig(WagtailAdminAppConfig):
    """Wagtail's admin, minus its letter «submitted to the workflow»: it goes to the
    administrators only, who get the first task's letter «submitted for review» as well, so
    each submission reached them twice."""

    def ready(self):
        super().ready()
        from wagtail.models import WorkflowState
        from wagtail.signals import workflow_submitted

        workflow_submitted.disconnect(
            sender=WorkflowState, dispatch_uid="workflow_state_submitted_email_notification"
        )
