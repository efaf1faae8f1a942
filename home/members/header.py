"""The header's sign-in link or signed-in state: a live part of the page (home.fragments), so a
member's name is rendered for each request and never stored in a page or fragment others get."""

from django.template.loader import render_to_string


def account_links(context):
    request = context.get("request")
    user = getattr(request, "user", None)
    signed_in = user is not None and user.is_authenticated
    return render_to_string(
        "home/accounts/header_account.html",
        {
            "signed_in": signed_in,
            "name": (user.get_full_name() or user.get_username()) if signed_in else "",
            "next": request.get_full_path() if request is not None else "",
        },
        request=request,
    )
