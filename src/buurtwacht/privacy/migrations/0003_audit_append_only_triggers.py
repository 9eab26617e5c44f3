"""The audit log refuses UPDATE and DELETE in the database itself (SQLite and PostgreSQL)."""

from django.db import migrations


def install(apps, schema_editor):
    from buurtwacht.privacy import triggers

    triggers.install(schema_editor.connection)


def uninstall(apps, schema_editor):
    connection = schema_editor.connection
    table = "privacy_auditentry"
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
            cursor.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
        elif connection.vendor == "postgresql":
            cursor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
            cursor.execute(f"DROP FUNCTION IF EXISTS {table}_append_only()")


class Migration(migrations.Migration):
    dependencies = [("privacy", "0002_audit_zone_reason_lifecycle")]

    operations = [migrations.RunPython(install, uninstall)]
