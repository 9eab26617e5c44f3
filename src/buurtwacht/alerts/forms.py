"""The SAAR alert form: the call question comes first, the structured alert after it."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Category, Outcome


class AlertForm(forms.Form):
    emergency = forms.TypedChoiceField(
        label=_("Is someone in danger, or is it happening right now?"),
        choices=[("no", _("No")), ("yes", _("Yes"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
        initial="no",
    )
    called_number = forms.ChoiceField(
        label=_("Which number did you call?"),
        choices=[("", _("I have not called yet")), ("112", "112"), ("101", "101")],
        required=False,
    )
    called_at = forms.TimeField(
        label=_("At what time did you call?"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}),
    )
    category = forms.ChoiceField(label=_("What kind of incident?"), choices=Category.choices)
    what = forms.CharField(label=_("What did you see?"), widget=forms.Textarea(attrs={"rows": 3}))
    where = forms.CharField(label=_("Where? (street, corner, landmark)"), max_length=200)
    when = forms.TimeField(
        label=_("When?"), required=False, widget=forms.TimeInput(attrs={"type": "time"})
    )
    description = forms.CharField(
        label=_("Description of persons or vehicles (height, clothing, age, hair, build)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    direction = forms.CharField(label=_("Direction of flight"), required=False, max_length=200)
    force_new = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def draft_kwargs(self, zone_number: str | None = None) -> dict:
        """Times of day typed in the form become today's local datetimes."""
        data = dict(self.cleaned_data)
        today = timezone.localdate()
        for name in ("called_at", "when"):
            value = data.get(name)
            data[name] = (
                timezone.make_aware(timezone.datetime.combine(today, value)) if value else None
            )
        if data["emergency"] and data["called_number"] == "112" and not data["called_at"]:
            data["called_at"] = timezone.now()
        return data


class FollowUpForm(forms.Form):
    text = forms.CharField(
        label=_("What else did you observe?"), widget=forms.Textarea(attrs={"rows": 2})
    )


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=Outcome.choices)
