from programs.models.clubs import (
    ClubMeetingPage,
    ClubMeetingPageTag,
    ClubMeetingRelatedNews,
    ClubPage,
)
from programs.models.events import EventPage, Format, Status
from programs.models.programmes import (
    ProgramIndexPage,
    TrainingProgramHost,
    TrainingProgramLecturer,
    TrainingProgramPage,
    TrainingProgramPageTag,
    TrainingProgramRelatedNews,
)

__all__ = [
    "ClubMeetingPage",
    "ClubMeetingPageTag",
    "ClubMeetingRelatedNews",
    "ClubPage",
    "EventPage",
    "Format",
    "ProgramIndexPage",
    "Status",
    "TrainingProgramHost",
    "TrainingProgramLecturer",
    "TrainingProgramPage",
    "TrainingProgramPageTag",
    "TrainingProgramRelatedNews",
]
