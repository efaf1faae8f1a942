"""Sessions kept in PostgreSQL with a copy in Redis, where a sign-out always holds.

Django's cached_db engine reads the Redis copy first. A sign-out while Redis hangs deletes the
row but cannot delete the copy, which would sign the member in again once Redis answers, for
the rest of the session's life. Here a copy that names a user counts only while its row
exists: one indexed query for signed-in requests, which are never served from the page cache
and load their user from the database anyway. A password change or a deactivation needs no
more: Django checks the session's password hash and the user's state on every request.
"""

from django.contrib.auth import SESSION_KEY
from django.contrib.sessions.backends import cached_db
from django.utils import timezone


class SessionStore(cached_db.SessionStore):
    def load(self):
        try:
            data = self._cache.get(self.cache_key)
        except Exception:
            data = None
        if data is not None and SESSION_KEY in data:
            alive = self.model.objects.filter(
                session_key=self.session_key, expire_date__gt=timezone.now()
            ).exists()
            if alive:
                return data
            self._cache.delete(self.cache_key)
            self._session_key = None
            return {}
        if data is None:
            row = self._get_session_from_db()
            if row is None:
                return {}
            data = self.decode(row.session_data)
            self._cache.set(self.cache_key, data, self.get_expiry_age(expiry=row.expire_date))
        return data
