"""Excerpts of the site search: the sentences with the query's words, in any of their forms,
marked without the punctuation around them (search.text.excerpt)."""

from search.text import MARK_START, MARK_STOP, excerpt, marked_html
from search.words import lemma, query_readings


def marked(word):
    return f"{MARK_START}{word}{MARK_STOP}"


def excerpt_for(text, query):
    return excerpt(text, query_readings(query.split()), lemma)


def test_the_sentence_with_the_word_is_shown_with_every_form_marked():
    text = (
        "Ассоциация объединяет сорок участников.\n"
        "В библиотеках области открылись фотоархивы. Работа в библиотеке идёт и летом."
    )
    assert excerpt_for(text, "библиотека") == (
        f"В {marked('библиотеках')} области открылись фотоархивы."
    )


def test_punctuation_is_left_outside_the_marks():
    shown = excerpt_for("Где искать: библиотека, архив, музей.", "библиотека")
    assert f"{marked('библиотека')}," in shown
    assert str(marked_html(shown)).count("<mark>библиотека</mark>,") == 1


def test_the_sentence_with_most_query_words_wins_and_a_second_adds_the_rest():
    text = (
        "Краеведческий музей открыт.\n"
        "Фотоархив пополнился.\n"
        "В зале краеведческого уголка теперь и фотоархивы района."
    )
    assert excerpt_for(text, "краеведческий уголок") == (
        f"В зале {marked('краеведческого')} {marked('уголка')} теперь и фотоархивы района."
    )
    both = excerpt_for("Уголок открыт.\nДругое.\nФотоархив пополнился.", "уголок фотоархив")
    assert both == f"{marked('Уголок')} открыт. … {marked('Фотоархив')} пополнился."


def test_block_joins_of_older_index_entries_are_sentence_breaks():
    text = f"Семинар «Модельная библиотека», , , , Разбираем зонирование{'.'}"
    assert excerpt_for(text, "зонирование") == f"Разбираем {marked('зонирование')}."


def test_tag_names_after_the_text_are_shown_only_when_nothing_else_matches():
    text = "Принято тридцать шесть решений о членстве.\n\nчленство ассоциация"
    shown = excerpt_for(text, "членство")
    assert shown == f"Принято тридцать шесть решений о {marked('членстве')}."
    only_tags = "Принято тридцать шесть решений.\n\nчленство ассоциация"
    assert excerpt_for(only_tags, "членство") == f"{marked('членство')} ассоциация"


def test_a_long_sentence_is_cut_around_the_match():
    words = " ".join(f"слово{number}" for number in range(80))
    shown = excerpt_for(f"{words} библиотека {words}.", "библиотека")
    assert marked("библиотека") in shown
    assert shown.startswith("… ") and shown.endswith(" …")
    assert len(shown.split()) < 50


def test_no_match_gives_no_excerpt():
    assert excerpt_for("Ничего общего.", "библиотека") == ""
