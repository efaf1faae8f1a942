from django.urls import path

from home.feedback import views

urlpatterns = [
    path("mistake/", views.typo_report, name="typo_report"),
    path("question/", views.ask_question, name="ask_question"),
    path("question/sent/", views.question_sent, name="question_sent"),
]
