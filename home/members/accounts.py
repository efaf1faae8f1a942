"""The members' password reset, throttled; its letter goes through the task queue, so an
existing account answers as fast as an unknown address (home.jobs.mail)."""

import hashlib

from django.contrib.auth import views as auth_views
from django.utils.translation import gettext_lazy as _

from home.ratelimit import is_limited, is_limited_for

RESET_ADDRESS_LIMIT = (3, 60 * 60)  # letters per e-mail address per hour
RESET_CLIENT_LIMIT = (10, 60 * 60)  # requests per client address per hour


class PasswordResetView(auth_views.PasswordResetView):
    def form_valid(self, form):
        if is_limited(self.request, "password-reset", *RESET_CLIENT_LIMIT):
            form.add_error(None, _("Too many attempts from your address; please try again later."))
            return self.render_to_response(self.get_context_data(form=form), status=429)
        email = form.cleaned_data["email"].strip().lower()
        address = hashlib.sha256(email.encode()).hexdigest()[:32]
        if is_limited_for("password-reset-address", address, *RESET_ADDRESS_LIMIT):
            # The same answer as a letter sent: nothing tells whether the address is known.
            return super(auth_views.PasswordResetView, self).form_valid(form)
        return super().form_valid(form)
