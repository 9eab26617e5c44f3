"""WhatsApp Business Cloud API: the hub as the group's number (hub-and-spoke, 1:1 per member).

`channel` (the outbox channel), `client` (Graph API requests, validated against the documented
limits before they leave), `webhook` (verification, signature, dedupe), `inbound` (what the
worker does with stored webhooks), `standin` (a local Graph API for tests and the simulator).
"""
