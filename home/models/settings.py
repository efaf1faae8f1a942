"""The site's settings: contacts, names and marks shown on every page."""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from home.caching import cached


class AgeRating(models.TextChoices):
    """Age marks required on Russian information products (Federal Law 436-FZ)."""

    ZERO = "0+", "0+"
    SIX = "6+", "6+"
    TWELVE = "12+", "12+"
    SIXTEEN = "16+", "16+"
    EIGHTEEN = "18+", "18+"


@register_setting(icon="site")
class AssociationSettings(BaseSiteSetting):
    """Contacts and marks shown in the header and footer of every page.

    Settings belong to the site, which serves both languages, so the few texts readers see
    have an English counterpart (`<field>_en`) instead of a translated copy of the settings.
    """

    name = models.CharField(_("full name"), max_length=255, blank=True)
    short_name = models.CharField(_("short name"), max_length=60, blank=True)
    address = models.CharField(_("postal address"), max_length=255, blank=True)
    name_en = models.CharField(_("full name in English"), max_length=255, blank=True)
    short_name_en = models.CharField(_("short name in English"), max_length=60, blank=True)
    address_en = models.CharField(_("postal address in English"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=60, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    vk_url = models.URLField(_("VK page"), blank=True)
    telegram_url = models.URLField(_("Telegram channel"), blank=True)
    ok_url = models.URLField(_("Odnoklassniki page"), blank=True)
    rutube_url = models.URLField(_("Rutube channel"), blank=True)
    default_age_rating = models.CharField(
        _("default age rating"),
        max_length=3,
        choices=AgeRating.choices,
        default=AgeRating.SIXTEEN,
        help_text=_("Shown in the footer and used for materials without their own mark."),
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("privacy policy page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the consent boxes of the question and subscription forms."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("name"), FieldPanel("short_name")], heading=_("Name")),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Contacts"),
        ),
        MultiFieldPanel(
            [FieldPanel("name_en"), FieldPanel("short_name_en"), FieldPanel("address_en")],
            heading=_("In English"),
            help_text=_("Shown on the English pages; where empty, the Russian text is shown."),
        ),
        MultiFieldPanel(
            [
                FieldPanel("vk_url"),
                FieldPanel("telegram_url"),
                FieldPanel("ok_url"),
                FieldPanel("rutube_url"),
            ],
            heading=_("Social networks"),
        ),
        FieldPanel("default_age_rating"),
        FieldPanel("privacy_page"),
    ]

    class Meta:
        verbose_name = _("association settings")

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        # Wagtail names the site from its Site record in places of the admin (the dashboard's
        # summary); it follows the name set here, in the default language.
        with translation.override(settings.LANGUAGE_CODE):
            name = self.full_name
        Site.objects.filter(pk=self.site_id).exclude(site_name=name).update(site_name=name)

    @property
    def site_name(self):
        """The short name, else the full name, for the header, titles and calendars."""
        return self._in_active_language("short_name", "name") or gettext("Library association")

    @property
    def full_name(self):
        """The full name, else the short name, for the footer, feeds and publisher marks."""
        return self._in_active_language("name", "short_name") or gettext("Library association")

    @property
    def postal_address(self):
        return self._in_active_language("address")

    def _in_active_language(self, *fields):
        """The first of `fields` that is filled; on pages in any language but Russian their
        English counterparts come first, so an English name beats the Russian short name."""
        if get_language() != settings.LANGUAGE_CODE:
            fields = (*(f"{field}_en" for field in fields), *fields)
        for field in fields:
            if value := getattr(self, field):
                return value
        return ""

    @classmethod
    def for_site(cls, site):
        # Every page reads the settings (header, footer, meta tags); they change rarely, and
        # any save replaces the content version the cache key carries.
        if site is None:
            return super().for_site(site)
        return cached(
            None, f"settings:{site.pk}", lambda: super(AssociationSettings, cls).for_site(site)
        )


def association_name():
    """The association's full name in the active language: the one name the admin, the site
    and the letters use, set in «Настройки ассоциации» of the default site."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return gettext("Library association")
    return AssociationSettings.for_site(site).full_name
