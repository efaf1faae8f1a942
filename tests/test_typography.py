"""Russian typography on output: the lines a reader sees never break where they must not."""

from django.template import Context, Template
from django.utils.safestring import mark_safe

import pytest

from home.typography import NBSP, typograph


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # Initials stay with each other and with the surname, before or after it.
        ("библиотека им. А. М. Горького", f"им.{NBSP}А.{NBSP}М.{NBSP}Горького"),
        ("доклад Иванова И. И. о фондах", f"Иванова{NBSP}И.{NBSP}И."),
        # «г.», «им.», «№» keep the words on both sides.
        ("ЦБС г. Вышний Волочёк", f"ЦБС{NBSP}г.{NBSP}Вышний"),
        ("в 2026 г. прошло", f"2026{NBSP}г."),
        ("библиотека им. Пушкина", f"библиотека{NBSP}им.{NBSP}Пушкина"),
        ("приказ № 15", f"приказ{NBSP}№{NBSP}15"),
        # Short prepositions and conjunctions stay with the next word.
        ("встреча в Твери и Кимрах", f"в{NBSP}Твери и{NBSP}Кимрах"),
        ("семинар для методистов", f"для{NBSP}методистов"),
        ("В Твери", f"В{NBSP}Твери"),
        # A number and its unit or month; a date range is tight and keeps its month.
        ("собрали 40 библиотек", f"40{NBSP}библиотек"),
        ("скидка 30 %", f"30{NBSP}%"),
        ("12 - 14 марта", f"12–14{NBSP}марта"),
        ("с 12 по 14 марта", f"с{NBSP}12 по{NBSP}14{NBSP}марта"),
        ("1 200 участников", f"1{NBSP}200{NBSP}участников"),
        # A spaced hyphen between words becomes a dash that never starts a line.
        ("Тверь - город", f"Тверь{NBSP}— город"),
    ],
)
def test_rules_keep_words_together(text, kept):
    assert kept in typograph(text)


def test_words_that_only_contain_a_short_word_are_left_alone():
    assert typograph("Кимры вновь") == "Кимры вновь"
    assert typograph("интернет-сайт") == "интернет-сайт"


def test_tags_attributes_and_code_are_left_alone():
    html = '<p class="a b"><a href="/ru/в и/">в Твери</a> <code>в и</code></p>'
    result = typograph(html)
    assert '<a href="/ru/в и/">' in result
    assert f"в{NBSP}Твери" in result
    assert "<code>в и</code>" in result


def test_filter_escapes_plain_text_and_keeps_rich_text():
    template = Template("{% load typography_tags %}{{ plain|typograph }}|{{ html|typograph }}")
    output = template.render(
        Context({"plain": "<b>в Твери</b>", "html": mark_safe("<b>в Твери</b>")})
    )
    assert output == f"&lt;b&gt;в{NBSP}Твери&lt;/b&gt;|<b>в{NBSP}Твери</b>"


def test_a_long_lead_is_shortened_at_a_sentence_or_phrase_end():
    from home.typography import shorten

    sentence = "Слушатели разобрали бюджет модельной библиотеки. "
    assert shorten(sentence * 8, words=20).endswith("библиотеки.")
    phrase = "фонды, читатели, " * 10
    assert shorten(phrase, words=7) == "фонды, читатели, фонды, читатели, фонды, читатели, фонды …"
    assert shorten("Коротко и ясно.", words=20) == "Коротко и ясно."
