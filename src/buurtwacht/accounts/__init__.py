"""Signing in: residents by a one-time code or magic link, staff by password plus TOTP."""
