from wagtail.users.views.users import UserViewSet as WagtailUserViewSet

from home.members.forms import MemberUserCreationForm, MemberUserEditForm


class UserViewSet(WagtailUserViewSet):
    def get_form_class(self, for_update=False):
        return MemberUserEditForm if for_update else MemberUserCreationForm
