from django.urls import path

from programs.registrations import views

urlpatterns = [
    path("<int:page_id>/", views.register, name="registration_form"),
    path("r/<str:token>/", views.detail, name="registration_detail"),
    path("r/<str:token>/certificate/", views.certificate, name="registration_certificate"),
]
