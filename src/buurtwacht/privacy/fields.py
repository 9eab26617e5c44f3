"""A model field that stores text encrypted at rest and gives it back in clear in Python."""

from django.db import models

from . import crypto


class EncryptedTextField(models.TextField):
    """Encrypts on the way into the database, decrypts on the way out.

    The ciphertext is not searchable; pair the field with a blind index column for look-ups.
    """

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return crypto.decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return crypto.encrypt(value)
