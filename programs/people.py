"""Speakers and lecturers as printed: name, position and organisation in the reader's language.

`Person.credentials` localises the organisation with one query per person; these helpers do
the same for a whole agenda with at most one query, so long agendas cost no more than short.
"""

from django.utils import translation

from home.models import Organisation, Person


def fetch(ids):
    """People by primary key, each with their organisation in the reader's language."""
    people = Person.objects.select_related("locale", "organisation__locale").in_bulk(ids)
    localized = localize_organisations(localize_people(people.values()))
    return dict(zip(people, localized, strict=True))


def localize_people(people):
    """Each person replaced by their translation into the active language, where one exists.

    Pages keep references to the Russian snippets (synchronised across translations); the
    English name and position come from the person's English translation.
    """
    language = translation.get_language()
    people = list(people)
    foreign = {
        person.translation_key
        for person in people
        if person and person.locale.language_code != language
    }
    if not foreign:
        return people
    translations = {
        person.translation_key: person
        for person in Person.objects.filter(
            translation_key__in=foreign, locale__language_code=language
        ).select_related("locale", "organisation__locale")
    }
    return [
        translations.get(person.translation_key, person) if person else person for person in people
    ]


def localize_organisations(people):
    """Replace each person's organisation by its translation into the active language."""
    language = translation.get_language()
    foreign = [
        person
        for person in people
        if person and person.organisation and person.organisation.locale.language_code != language
    ]
    if foreign:
        translations = {
            organisation.translation_key: organisation
            for organisation in Organisation.objects.filter(
                translation_key__in={person.organisation.translation_key for person in foreign},
                locale__language_code=language,
            )
        }
        for person in foreign:
            key = person.organisation.translation_key
            person.organisation = translations.get(key, person.organisation)
    return people


def localized(objects):
    """Snippets (organisations, people) in the active language where translated; one query.

    Each object needs its `locale` selected already.
    """
    language = translation.get_language()
    objects = list(objects)
    foreign = {
        obj.translation_key for obj in objects if obj and obj.locale.language_code != language
    }
    if not foreign:
        return objects
    model = type(next(obj for obj in objects if obj))
    translations = {
        obj.translation_key: obj
        for obj in model.objects.filter(translation_key__in=foreign, locale__language_code=language)
    }
    return [translations.get(obj.translation_key, obj) if obj else obj for obj in objects]


def localize_hosts(meetings):
    """Set `host` of each meeting (its host library in the reader's language) in one query."""
    meetings = list(meetings)
    hosts = localized([meeting.host_organisation for meeting in meetings])
    for meeting, host in zip(meetings, hosts, strict=True):
        meeting.host = host
    return meetings


def credentials(person):
    return ", ".join(part for part in (person.position, str(person.organisation or "")) if part)
