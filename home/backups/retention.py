"""Which backups to keep: the newest of each of the last days, weeks and months."""


def to_keep(names, moment_of, *, daily=14, weekly=8, monthly=12):
    """The names among `names` to keep; the rest may be deleted.

    The newest backup of each of the `daily` most recent days that have one is kept, and
    likewise of the `weekly` most recent ISO weeks and the `monthly` most recent months, so
    14/8/12 reaches back about a year with 34 backups at most.
    """
    kept = set()
    newest_first = sorted(names, key=moment_of, reverse=True)
    for count, period in (
        (daily, lambda moment: moment.date()),
        (weekly, lambda moment: moment.isocalendar()[:2]),
        (monthly, lambda moment: (moment.year, moment.month)),
    ):
        seen = set()
        for name in newest_first:
            key = period(moment_of(name))
            if key in seen:
                continue
            if len(seen) == count:
                break
            seen.add(key)
            kept.add(name)
    return kept
