"""The models of the home app: pages, shared snippets and site settings, plus re-exports."""

# Models that live with their purpose (members, feedback, tag names) are imported here so that
# Django registers them while loading the app, and `from home.models import X` keeps working.
from home.backups.models import BackupRun
from home.feedback.models import Question, TypoReport
from home.i18n.tags import TagEnglishName
from home.jobs.models import Letter
from home.members.models import (
    AssociationDocument,
    DocumentDownload,
    DocumentVersion,
    MemberProfile,
)
from home.models.counters import RateLimitCounter
from home.models.pages import HomePage, StandardPage
from home.models.settings import AgeRating, AssociationSettings
from home.models.snippets import Organisation, Person, Region

__all__ = [
    "AgeRating",
    "AssociationDocument",
    "AssociationSettings",
    "BackupRun",
    "DocumentDownload",
    "DocumentVersion",
    "HomePage",
    "Letter",
    "MemberProfile",
    "Organisation",
    "Person",
    "Question",
    "RateLimitCounter",
    "Region",
    "StandardPage",
    "TagEnglishName",
    "TypoReport",
]
