"""Sign-in throttling, cookie flags, the Content-Security-Policy, Permissions-Policy and
security.txt; base.py imports each name it uses."""

import os
from datetime import timedelta

from csp.constants import NONCE, NONE, SELF, UNSAFE_EVAL, UNSAFE_INLINE

from association.settings.env import env_list

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# Login throttling for the member sign-in and the admin sign-in (django-axes): after
# AXES_FAILURE_LIMIT failures for one user name from one address, or
# LOGIN_ADDRESS_FAILURE_LIMIT from one address, further attempts are refused for the cool-off.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("DJANGO_LOGIN_COOLOFF_MINUTES", "15")))
# A larger limit per address whatever the user names tried (association.throttling); a
# library's staff often share one address.
LOGIN_ADDRESS_FAILURE_LIMIT = int(os.environ.get("DJANGO_LOGIN_ADDRESS_FAILURE_LIMIT", "30"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]
AXES_HANDLER = "association.throttling.AddressLimitHandler"
AXES_USERNAME_CALLABLE = "association.throttling.login_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "association.middleware.lockout_response"
AXES_CLIENT_IP_CALLABLE = "home.ratelimit.client_ip"
AXES_ENABLE_ADMIN = False
# Number of reverse proxies (load balancer, ingress) that append to X-Forwarded-For.
TRUSTED_PROXY_COUNT = int(os.environ.get("DJANGO_TRUSTED_PROXY_COUNT", "0"))

PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

# /.well-known/security.txt (RFC 9116): served when a contact is configured.
SECURITY_TXT_CONTACT = os.environ.get("DJANGO_SECURITY_CONTACT", "")
SECURITY_TXT_EXPIRES = os.environ.get("DJANGO_SECURITY_TXT_EXPIRES", "")

# Video hosts whose players editors may embed in pages.
DEFAULT_FRAME_SRC = (
    "https://rutube.ru,https://vk.com,https://vkvideo.ru,https://www.youtube-nocookie.com,"
    "https://www.youtube.com"
)


def content_security_policy(media_origins):
    """django-csp's policy for the public site, with nonces ({{ request.csp_nonce }}); images
    may come from the media bucket."""
    return {
        "DIRECTIVES": {
            "default-src": [SELF],
            "script-src": [SELF, NONCE],
            "style-src": [SELF, NONCE],
            "img-src": [SELF, "data:", *media_origins],
            "font-src": [SELF],
            "connect-src": [SELF],
            "frame-src": [SELF, *env_list("DJANGO_CSP_FRAME_SRC", DEFAULT_FRAME_SRC)],
            "object-src": [NONE],
            "base-uri": [SELF],
            "form-action": [SELF],
            "frame-ancestors": [NONE],
        }
    }


def admin_content_security_policy(media_origins):
    """The Wagtail admin's policy (association.middleware): its pages use inline scripts."""
    return {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE, UNSAFE_EVAL],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", "https:", *media_origins],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "frame-src": [SELF, "https:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF],
    }
