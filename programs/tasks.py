"""Programme work run by the task worker; the scheduler enqueues it."""

from django_tasks import task

from programs.registrations.services import delete_expired


@task()
def delete_expired_registrations():
    return delete_expired()
