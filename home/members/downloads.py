"""Serving member-only document files and logging every download."""

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import get_object_or_404, render

from home.members.documents import private_file_response
from home.members.models import DocumentDownload, DocumentVersion
from home.members.roles import is_editorial


def forbidden(request):
    """The 403 page for a signed-in user who may not have a file."""
    return render(request, "home/accounts/forbidden.html", status=403)


def serve_document(request, document, version=None, page=None):
    """Log the download and send the file; the caller has already checked access."""
    DocumentDownload.record(request, document, version=version, page=page)
    if version is not None:
        return private_file_response(version.file, version.filename)
    return private_file_response(document.file, document.filename)


def document_version(request, version_id):
    """An earlier file of a document: editors and moderators only."""
    version = get_object_or_404(DocumentVersion.objects.select_related("document"), pk=version_id)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not is_editorial(request.user):
        return forbidden(request)
    return serve_document(request, version.document, version=version)
