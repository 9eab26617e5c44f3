"""Forms of the join flow: who you are (for a new account), your age and where you live."""

from django import forms
from django.utils.translation import gettext_lazy as _

from buurtwacht.privacy.contacts import normalise_email


class JoinForm(forms.Form):
    """Name and e-mail are asked only of a person without an account (`new_account`)."""

    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    email = forms.CharField(
        label=_("E-mail address (to sign in and, if you want, to receive alerts)"),
        max_length=254,
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    birth_date = forms.DateField(
        label=_("Date of birth"), widget=forms.DateInput(attrs={"type": "date"})
    )
    address = forms.CharField(
        label=_("Your address (street and number)"),
        max_length=200,
        required=False,
        help_text=_("Only to help you find your location; the address is not stored."),
    )
    lat = forms.FloatField(label=_("Latitude"), min_value=-90, max_value=90)
    lon = forms.FloatField(label=_("Longitude"), min_value=-180, max_value=180)

    def __init__(self, *args, new_account: bool, needs_birth_date: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.new_account = new_account
        if not new_account:
            for name in ("first_name", "last_name", "email"):
                del self.fields[name]
        else:
            self.fields["first_name"].required = True
        if not needs_birth_date:
            del self.fields["birth_date"]
        self.fields["lat"].widget.attrs.update({"step": "any", "inputmode": "decimal"})
        self.fields["lon"].widget.attrs.update({"step": "any", "inputmode": "decimal"})

    def clean_email(self):
        raw = self.cleaned_data.get("email", "").strip()
        return normalise_email(raw) if raw else ""


class InvitationForm(forms.Form):
    note = forms.CharField(
        label=_("Note for yourself (e.g. the street)"), max_length=80, required=False
    )
