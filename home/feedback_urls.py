from django.urls import path

from home import feedback_views

urlpatterns = [
    path("mistake/", feedback_views.typo_report, name="typo_report"),
    path("question/", feedback_views.ask_question, name="ask_question"),
    path("question/sent/", feedback_views.question_sent, name="question_sent"),
]
