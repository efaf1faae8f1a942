"""Counters of the public forms' rate limits (home.ratelimit)."""

from django.db import models


class RateLimitCounter(models.Model):
    """Attempts under one key (scope and hashed client address or e-mail) in a window."""

    key = models.CharField(max_length=120, unique=True)
    count = models.PositiveIntegerField(default=0)
    window_ends = models.DateTimeField(db_index=True)

    class Meta:
        app_label = "home"

    def __str__(self):
        return self.key
