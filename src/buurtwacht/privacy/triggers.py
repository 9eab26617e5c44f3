"""Database triggers that make the audit log append-only below the application.

The model and queryset already refuse updates and deletes; the trigger is what also stops raw
SQL from the application's database role (a shell, a bug, a hand-written migration). On
SQLite a table rebuild (which some ALTERs do) drops its triggers, so `install` runs after
every `migrate` as well (post_migrate, see apps.py); it is idempotent.

TRUNCATE on PostgreSQL does not fire row triggers; a deployment that wants that closed too
revokes TRUNCATE (and UPDATE, DELETE) on the table from the application role
(docs/privacy.md). The test suite's flush uses TRUNCATE, which is why no TRUNCATE trigger is
installed here.
"""

TABLE = "privacy_auditentry"
MESSAGE = "the audit log is append-only"

SQLITE = [
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_no_update BEFORE UPDATE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}: UPDATE refused'); END",
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_no_delete BEFORE DELETE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}: DELETE refused'); END",
]

POSTGRESQL = [
    f"""CREATE OR REPLACE FUNCTION {TABLE}_append_only() RETURNS trigger
        LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '{MESSAGE}: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
        END
        $$""",
    f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}",
    f"CREATE TRIGGER {TABLE}_append_only BEFORE UPDATE OR DELETE ON {TABLE} "
    f"FOR EACH ROW EXECUTE FUNCTION {TABLE}_append_only()",
]


def install(connection) -> bool:
    """Create the triggers for this connection's vendor; False for a vendor we do not know."""
    statements = {"sqlite": SQLITE, "postgresql": POSTGRESQL}.get(connection.vendor)
    if statements is None:
        return False
    if TABLE not in connection.introspection.table_names():
        return False
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)
    return True


def installed(connection) -> bool:
    """True when the database has the triggers (used by tests and `buurtwacht privacy check`)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = %s",
                [TABLE],
            )
            return cursor.fetchone()[0] == 2
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT count(*) FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal",
                [TABLE],
            )
            return cursor.fetchone()[0] >= 1
    return False
