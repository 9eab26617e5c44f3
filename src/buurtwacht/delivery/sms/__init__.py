"""SMS: segment counting (pure), providers (HTTP JSON, log), the signed delivery-report view.
The channel itself is delivery/channels/sms.py."""
