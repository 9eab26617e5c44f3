"""For test suites only: empty the append-only audit log between transactional tests.

Django's TransactionTestCase (pytest-django's `transactional_db`) empties every table after
each test. On PostgreSQL it uses TRUNCATE, which row triggers do not see; on SQLite it uses
DELETE, which the append-only trigger refuses as soon as a test wrote an audit row. A test
that writes audit rows on `transactional_db` uses the `audit_log_emptied` fixture (see
tests/privacy/conftest.py), which calls this before the flush. It needs the schema rights
that dropping a trigger needs: exactly what an application role should not have in production.
"""

from . import triggers


def empty_audit_log(connection) -> None:
    table = connection.ops.quote_name(triggers.TABLE)
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"DROP TRIGGER IF EXISTS {triggers.TABLE}_no_delete")
            cursor.execute(f"DELETE FROM {table}")
            triggers.install(connection)
        elif connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {table}")
