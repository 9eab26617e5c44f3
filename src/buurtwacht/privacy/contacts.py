"""Normalising contact data before it is encrypted and indexed.

Normalising first means the same phone number typed as "0470 12 34 56" or "+32470123456" has
one blind index, so duplicates are found without ever storing the number in clear.
"""

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

REGIONS = ("BE", "NL", "FR", "DE", "LU")


def normalise_phone(raw: str, default_region: str = "BE") -> str:
    """Return the number in E.164, or raise ValidationError with a translated message."""
    try:
        number = phonenumbers.parse(raw, default_region)
    except phonenumbers.NumberParseException as exc:
        raise ValidationError(_("This is not a phone number: %(raw)s") % {"raw": raw}) from exc
    if not phonenumbers.is_valid_number(number):
        raise ValidationError(_("This is not a valid phone number: %(raw)s") % {"raw": raw})
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def normalise_email(raw: str) -> str:
    """Lower-case and validate an e-mail address."""
    value = raw.strip().lower()
    try:
        validate_email(value)
    except ValidationError as exc:
        raise ValidationError(_("This is not an e-mail address: %(raw)s") % {"raw": raw}) from exc
    return value
