from axes.backends import AxesStandaloneBackend


class AxesTestBackend(AxesStandaloneBackend):
    """Axes for tests: Client.login() authenticates without a request, so nothing to throttle."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
