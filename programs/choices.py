"""Choices shared by programmes, club meetings, registrations, filters and event markup."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Format(models.TextChoices):
    IN_PERSON = "in_person", _("in person")
    ONLINE = "online", _("online")
    MIXED = "mixed", _("mixed")


class DatePrecision(models.TextChoices):
    DAY = "day", _("exact dates")
    MONTH = "month", _("month only (planned)")


class Status(models.TextChoices):
    REGISTRATION_OPEN = "registration_open", _("registration open")
    REGISTRATION_CLOSED = "registration_closed", _("registration closed")
    UPCOMING = "upcoming", _("upcoming")
    IN_PROGRESS = "in_progress", _("in progress")
    FINISHED = "finished", _("finished")
    CANCELLED = "cancelled", _("cancelled")


class ProgramKind(models.TextChoices):
    COURSES = "courses", _("professional development courses")
    SCHOOL = "school", _("school")
    SEMINAR = "seminar", _("seminar")
    TRAINING = "training", _("seminar-training")
    INTERNSHIP = "internship", _("internship")
    WEBINAR = "webinar", _("webinar")
    CONFERENCE = "conference", _("conference")
    OTHER = "other", _("other")
