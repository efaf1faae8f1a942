"""Excerpts of the site search are readable sentences (search.text.tidy_excerpt)."""

from search.text import MARK_START, MARK_STOP, tidy_excerpt


def marked(word):
    return f"{MARK_START}{word}{MARK_STOP}"


def test_runs_of_block_joins_become_one_sentence_break():
    raw = f"Семинар «Модельная {marked('библиотека')}», , , , Разбираем зонирование."
    tidy = f"Семинар «Модельная {marked('библиотека')}». Разбираем зонирование."
    assert tidy_excerpt(raw) == tidy


def test_a_join_after_a_full_stop_is_a_space():
    raw = f"На общих условиях., Теперь в ассоциации сорок {marked('библиотек')}."
    tidy = f"На общих условиях. Теперь в ассоциации сорок {marked('библиотек')}."
    assert tidy_excerpt(raw) == tidy


def test_the_texts_own_commas_stay():
    raw = f"Фонд, каталог и {marked('читатели')}, все вместе."
    assert tidy_excerpt(raw) == raw


def test_tag_words_after_the_last_sentence_are_dropped():
    raw = f"Принято тридцать шесть {marked('библиотек')}. членство ассоциация"
    assert tidy_excerpt(raw) == f"Принято тридцать шесть {marked('библиотек')}."


def test_an_excerpt_cut_mid_sentence_ends_with_an_ellipsis():
    assert tidy_excerpt(f"Публичная {marked('библиотека')} как третье место и") == (
        f"Публичная {marked('библиотека')} как третье место и …"
    )


def test_tag_words_that_matched_stay():
    raw = f"Принято тридцать шесть библиотек. {marked('членство')} ассоциация"
    assert marked("членство") in tidy_excerpt(raw)
