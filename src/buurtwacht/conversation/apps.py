from django.apps import AppConfig


class ConversationConfig(AppConfig):
    name = "buurtwacht.conversation"
    label = "conversation"
