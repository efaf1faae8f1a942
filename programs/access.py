"""Who may fetch a document file that belongs to a final document (resolution)."""

from django.contrib.auth.views import redirect_to_login
from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect

from wagtail.documents import get_document_model
from wagtail.models import Revision

from home.members.downloads import forbidden, serve_document
from home.members.roles import is_editorial, is_member
from home.pages import public_pages
from programs.models import ResolutionPage


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
    """Wagtail's `before_serve_document` hook: a resolution's file goes to `resolution_file`.

    Wagtail takes only a plain HttpResponse from the hook, so a file served here would be
    read into memory whole; the view streams it. Other documents are left to Wagtail.
    """
    if not is_resolution_file(document):
        return None
    return redirect("resolution_file", document_id=document.pk)


def resolution_file(request, document_id):
    """The file of a final document at its library address: the page's download rules."""
    document = get_object_or_404(get_document_model(), pk=document_id)
    if not is_resolution_file(document):
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    resolutions = ResolutionPage.objects.filter(document=document)
    if is_editorial(request.user):
        return serve_document(request, document, page=resolutions.first())
    final = next(
        (page for page in public_pages(resolutions.live()) if page.is_final_for_members), None
    )
    if is_member(request.user) and final:
        return serve_document(request, document, page=final)
    return forbidden(request)
