"""Readers subscribed to the news digest (double opt-in, consent recorded)."""

import secrets

from django.db import models
from django.utils.translation import gettext_lazy as _


def new_token():
    return secrets.token_urlsafe(24)


class Subscriber(models.Model):
    """An address is stored only with consent, and deleted when it is not confirmed in time."""

    email = models.EmailField(_("e-mail"), unique=True)
    language = models.CharField(_("language"), max_length=10)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    consent_at = models.DateTimeField(_("consent to personal data processing given"))
    created_at = models.DateTimeField(_("subscribed"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    last_digest_at = models.DateTimeField(_("last digest sent"), null=True, blank=True)

    class Meta:
        verbose_name = _("news subscriber")
        verbose_name_plural = _("news subscribers")

    def __str__(self):
        return self.email
