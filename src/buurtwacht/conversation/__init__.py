"""The SAAR alert as a conversation, for chat channels (WhatsApp, SMS): see docs/conversation.md.

Channel-agnostic: a transport turns what a member sent into an `engine.Event` and sends the
`engine.Reply` objects back; everything in between (state, questions, the alert flow) is here.
"""
