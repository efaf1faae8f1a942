"""The public sign-in, sign-out and password reset pages of members (not the admin's)."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from home.members.accounts import PasswordResetView
from home.members.forms import SignInForm

TEMPLATES = "home/accounts/"

urlpatterns = [
    path(
        "login/",
        auth_views.LoginView.as_view(
            template_name=f"{TEMPLATES}login.html", authentication_form=SignInForm
        ),
        name="account_login",
    ),
    path("logout/", auth_views.LogoutView.as_view(), name="account_logout"),
    path(
        "password-reset/",
        PasswordResetView.as_view(
            template_name=f"{TEMPLATES}password_reset_form.html",
            email_template_name=f"{TEMPLATES}password_reset_email.txt",
            subject_template_name=f"{TEMPLATES}password_reset_subject.txt",
            success_url=reverse_lazy("account_password_reset_done"),
        ),
        name="account_password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(
            template_name=f"{TEMPLATES}password_reset_done.html"
        ),
        name="account_password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name=f"{TEMPLATES}password_reset_confirm.html",
            success_url=reverse_lazy("account_password_reset_complete"),
        ),
        name="account_password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name=f"{TEMPLATES}password_reset_complete.html"
        ),
        name="account_password_reset_complete",
    ),
]
