from programs.choices import DatePrecision, Format, Status
from programs.models.clubs import (
    ClubMeetingPage,
    ClubMeetingPageTag,
    ClubMeetingRelatedNews,
    ClubPage,
)
from programs.models.events import EventPage
from programs.models.programmes import (
    ProgramIndexPage,
    TrainingProgramHost,
    TrainingProgramLecturer,
    TrainingProgramPage,
    TrainingProgramPageTag,
    TrainingProgramRelatedNews,
)
from programs.models.registrations import (
    Registration,
    RegistrationSettings,
    RegistrationState,
)
from programs.models.resolutions import (
    ResolutionIndexPage,
    ResolutionPage,
    ResolutionPageTag,
    ResolutionStatus,
)

__all__ = [
    "ClubMeetingPage",
    "ClubMeetingPageTag",
    "ClubMeetingRelatedNews",
    "ClubPage",
    "DatePrecision",
    "EventPage",
    "Format",
    "ProgramIndexPage",
    "Registration",
    "RegistrationSettings",
    "RegistrationState",
    "ResolutionIndexPage",
    "ResolutionPage",
    "ResolutionPageTag",
    "ResolutionStatus",
    "Status",
    "TrainingProgramHost",
    "TrainingProgramLecturer",
    "TrainingProgramPage",
    "TrainingProgramPageTag",
    "TrainingProgramRelatedNews",
]
