"""Sign-in throttling with django-axes: per user name and address, and per address alone."""

from django.conf import settings
from django.db.models import Sum

from axes.handlers.database import AxesDatabaseHandler


def login_username(request, credentials=None):
    """The user name django-axes records, cut to its 255-character column.

    Every sign-in form is covered, the admin's too; the members' form also refuses names
    longer than a user name can be (home.members.forms.SignInForm).
    """
    source = credentials if credentials else getattr(request, "data", request.POST)
    username = source.get("username")
    return username[:255] if isinstance(username, str) else username


class AddressLimitHandler(AxesDatabaseHandler):
    """Axes' database handler with a second, larger limit per address across user names.

    AXES_LOCKOUT_PARAMETERS lists [username, ip_address] then ip_address; axes compares the
    larger of their failure counts with one AXES_FAILURE_LIMIT, so the address's count is
    shifted to reach that limit only at LOGIN_ADDRESS_FAILURE_LIMIT.
    """

    def get_failures(self, request, credentials=None):
        pair, address = (
            attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            for attempts in self.get_user_attempts(request, credentials)
        )
        shift = settings.LOGIN_ADDRESS_FAILURE_LIMIT - settings.AXES_FAILURE_LIMIT
        return max(pair, address - shift)
