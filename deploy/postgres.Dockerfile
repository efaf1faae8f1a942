# syntax=docker/dockerfile:1
# PostgreSQL with the Russian dictionary for site search (search/dictionary.py): Debian's
# hunspell-ru, converted by postgresql-common's pg_updatedicts into ru_ru.affix/ru_ru.dict in
# the tsearch_data directory. Without it search falls back to the Snowball stemmer alone.
FROM postgres:15-bookworm

RUN apt-get update \
    && apt-get install -y --no-install-recommends hunspell-ru \
    && pg_updatedicts \
    && rm -rf /var/lib/apt/lists/*
