"""Who may fetch a document file that belongs to a final document (resolution)."""

from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType

from wagtail.models import Revision

from home.downloads import forbidden, serve_document
from home.pages import public_pages
from home.roles import is_editorial, is_member
from programs.models import ResolutionPage
from programs.models.resolutions import FINAL_STATUSES


def is_resolution_file(document):
    """Attached to a final document now or in any revision, drafts included.

    A file chosen in an unpublished draft of a resolution is as secret as the draft.
    """
    if ResolutionPage.objects.filter(document=document).exists():
        return True
    content_type = ContentType.objects.get_for_model(ResolutionPage)
    return Revision.objects.filter(
        content_type=content_type, content__document=document.pk
    ).exists()


def serve_resolution_file(document, request):
    """Wagtail's `before_serve_document` hook; None leaves other documents to Wagtail."""
    if not is_resolution_file(document):
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    resolutions = ResolutionPage.objects.filter(document=document)
    if is_editorial(request.user):
        return serve_document(request, document, page=resolutions.first(), streaming=False)
    final = public_pages(resolutions.live()).filter(status__in=FINAL_STATUSES).first()
    if is_member(request.user) and final:
        return serve_document(request, document, page=final, streaming=False)
    return forbidden(request)
