"""Sign-in forms. Errors are rendered next to their field and linked by aria-describedby
(templates/accounts/field.html), so a screen reader reads the error with the field."""

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from .codes import parse_identifier
from .models import SignInCode


class AccessibleMixin:
    """Each widget points at its help text and error, and says when it is invalid."""

    def accessible(self):
        for name, field in self.fields.items():
            ids = []
            if field.help_text:
                ids.append(f"{name}-help")
            if self.is_bound and self.errors.get(name):
                ids.append(f"{name}-error")
                field.widget.attrs["aria-invalid"] = "true"
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)
        return self


class CodeRequestForm(AccessibleMixin, forms.Form):
    identifier = forms.CharField(
        label=_("E-mail address or mobile number"),
        max_length=254,
        help_text=_("We send a sign-in code to the address or number of your account."),
        widget=forms.TextInput(attrs={"autocomplete": "username", "autofocus": True}),
    )
    channel = forms.ChoiceField(
        label=_("For a mobile number, send the code by"),
        choices=[(SignInCode.Channel.WHATSAPP, _("WhatsApp")), (SignInCode.Channel.SMS, _("SMS"))],
        initial=SignInCode.Channel.WHATSAPP,
        widget=forms.RadioSelect,
        required=False,
    )

    def clean(self):
        data = super().clean()
        if "identifier" in data:
            try:
                data["parsed"] = parse_identifier(
                    data["identifier"], phone_channel=data.get("channel") or "whatsapp"
                )
            except forms.ValidationError as exc:
                self.add_error("identifier", exc)
        return data


class CodeForm(AccessibleMixin, forms.Form):
    code = forms.CharField(
        label=_("Sign-in code"),
        max_length=12,
        help_text=_("The 6 digits from the message we sent you."),
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "autofocus": True}
        ),
    )


class PasswordForm(AccessibleMixin, AuthenticationForm):
    """Django's form (it authenticates through axes) with our accessibility attributes: its
    one error ("did not match") is not a field's, so both fields point at it."""

    def accessible(self):
        if self.is_bound and self.non_field_errors():
            for field in self.fields.values():
                field.widget.attrs["aria-describedby"] = "login-error"
                field.widget.attrs["aria-invalid"] = "true"
        return self


class TokenForm(AccessibleMixin, forms.Form):
    token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=20,
        help_text=_("6 digits, or one of your recovery codes."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )
