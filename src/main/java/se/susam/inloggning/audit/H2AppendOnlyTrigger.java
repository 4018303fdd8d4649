package se.susam.inloggning.audit;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/** H2's half of the append-only rule on {@code audit_event} (PostgreSQL uses a PL/pgSQL trigger). */
public class H2AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_event is append-only", "42000");
    }
}
