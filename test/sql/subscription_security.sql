-- A subscription applies with its owner's rights: only a role that may
-- read the source and write the target creates one; its worker connects
-- as that role, so triggers see it, row-level security and revoked
-- privileges stop it; a superuser session that creates one for a role
-- (SET ROLE) gets a worker with that role's rights, not its own; only the
-- owner changes it; nobody writes the catalog directly.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
SET client_min_messages = warning;
DROP ROLE IF EXISTS regress_sub_owner;
DROP ROLE IF EXISTS regress_sub_other;
RESET client_min_messages;
-- before PostgreSQL 17 a worker connects only as a role that may log in
CREATE ROLE regress_sub_owner LOGIN;
CREATE ROLE regress_sub_other LOGIN;
CREATE SCHEMA subscription_security;
GRANT USAGE ON SCHEMA subscription_security TO regress_sub_owner, regress_sub_other;
SET search_path = subscription_security, public;

-- the landing folder: the results folder of pg_regress, files named
-- zfdw_sub_security_*.csv; a file lands under the marker rule: written, then
-- its name plus .done
\getenv abs_builddir PG_ABS_BUILDDIR
\set land :abs_builddir '/results/zfdw_sub_security_'
\set pattern :land '*.csv'
SELECT set_config('zfdw_test.land', :'land', false) IS NOT NULL AS land_set;
CREATE FUNCTION land(name text, body text) RETURNS void LANGUAGE plpgsql AS $$
DECLARE path text := current_setting('zfdw_test.land') || name;
BEGIN
    EXECUTE format('COPY (SELECT unnest(string_to_array(%L, E''\n''))) TO %L', body, path);
    EXECUTE format('COPY (SELECT WHERE false) TO %L', path || '.done');
END $$;

CREATE FUNCTION wait_for(sub text, want text) RETURNS TABLE (reached boolean, state text, last_file text)
LANGUAGE plpgsql AS $$
DECLARE r record; done boolean := false;
BEGIN
    FOR i IN 1 .. 600 LOOP
        SELECT * INTO r FROM zfdw.replication_status s WHERE s.subscription = sub;
        done := CASE WHEN want = 'error' THEN r.state = 'error'
                     WHEN want = 'stopped' THEN NOT EXISTS (SELECT FROM pg_stat_activity a
                                                             WHERE a.backend_type = 'zfdw subscription')
                     ELSE r.last_file LIKE '%/zfdw_sub_security_' || want AND r.state IN ('idle', 'running') END;
        EXIT WHEN done;
        PERFORM pg_sleep(0.05);
    END LOOP;
    RETURN QUERY SELECT done, CASE WHEN r.state = 'running' THEN 'idle' ELSE r.state END,
                        regexp_replace(r.last_file, '^.*/zfdw_sub_security_', '');
END $$;

-- the feed: a foreign table only the superuser could create (filename)
CREATE SERVER sub_sec FOREIGN DATA WRAPPER zfdw OPTIONS (codepage 'utf8');
CREATE FOREIGN TABLE feed (op text, position bigint, id integer, balance numeric(11,2))
    SERVER sub_sec OPTIONS (filename :'pattern', format 'delimited');
-- the cache belongs to the superuser too; the owner gets rights on it
CREATE TABLE cache (id integer PRIMARY KEY, balance numeric(11,2), replicated_ts timestamptz);
-- a trigger records who writes it
CREATE TABLE writers (who text, session text);
GRANT INSERT ON writers TO regress_sub_owner;
CREATE FUNCTION record_writer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO subscription_security.writers VALUES (current_user, session_user);
    RETURN NULL;
END $$;
CREATE TRIGGER record_writer AFTER INSERT OR UPDATE ON cache
    FOR EACH STATEMENT EXECUTE FUNCTION record_writer();

-- no SELECT on the source: refused, with apply_changes' message
SET ROLE regress_sub_owner;
SELECT * FROM zt_error($$SELECT zfdw.create_subscription('sec', 'subscription_security.feed', 'subscription_security.cache')$$);
RESET ROLE;
GRANT SELECT ON feed TO regress_sub_owner;
-- no UPDATE on a column of the target it writes: refused
GRANT SELECT, INSERT, DELETE ON cache TO regress_sub_owner;
GRANT UPDATE (id, replicated_ts) ON cache TO regress_sub_owner;
SET ROLE regress_sub_owner;
SELECT * FROM zt_error($$SELECT zfdw.create_subscription('sec', 'subscription_security.feed', 'subscription_security.cache')$$);
RESET ROLE;
GRANT UPDATE ON cache TO regress_sub_owner;

-- nobody writes the catalog but zfdw's functions
SET ROLE regress_sub_owner;
SELECT * FROM zt_error($$INSERT INTO zfdw.subscription (name, owner, source, target, op_column, position_column) VALUES ('x', 'postgres', 'subscription_security.feed', 'subscription_security.cache', 'op', 'position')$$);
SELECT * FROM zt_error($$UPDATE zfdw.subscription_state SET last_file = 'x'$$);
RESET ROLE;

-- a superuser session creating it as the role: the role owns it
SET ROLE regress_sub_owner;
SELECT zfdw.create_subscription('sec', 'subscription_security.feed', 'subscription_security.cache',
        options => '{"landing": "marker", "poll_interval": 50, "max_backoff_ms": 200}') > 0 AS created;
RESET ROLE;
SELECT name, owner FROM zfdw.subscription;
SELECT land('f1.csv', 'I,1,1,10.00' || E'\n' || 'I,2,2,20.00');
SELECT * FROM wait_for('sec', 'f1.csv');
SELECT id, balance FROM cache ORDER BY id;
-- the worker wrote as the owner, in a session of the owner
SELECT DISTINCT who, session FROM writers;

-- row-level security binds the worker: a row outside the policy stops it
ALTER TABLE cache ENABLE ROW LEVEL SECURITY;
CREATE POLICY small_ids ON cache TO regress_sub_owner USING (id < 100) WITH CHECK (id < 100);
SELECT land('f2.csv', 'I,3,150,1.00');
SELECT * FROM wait_for('sec', 'error');
SELECT last_error FROM zfdw.replication_status WHERE subscription = 'sec';
SELECT id FROM cache ORDER BY id;
-- a file rewritten inside the policy while paused is applied when resumed
SELECT zfdw.alter_subscription('sec', enabled => false);
SELECT reached FROM wait_for('sec', 'stopped');
SELECT land('f2.csv', 'I,3,50,1.00');
SELECT zfdw.alter_subscription('sec', enabled => true);
SELECT * FROM wait_for('sec', 'f2.csv');
SELECT id FROM cache ORDER BY id;

-- privileges revoked later stop it too
REVOKE DELETE ON cache FROM regress_sub_owner;
SELECT land('f3.csv', 'D,4,50,1.00');
SELECT * FROM wait_for('sec', 'error');
SELECT last_error FROM zfdw.replication_status WHERE subscription = 'sec';
GRANT DELETE ON cache TO regress_sub_owner;
SELECT * FROM wait_for('sec', 'f3.csv');
SELECT id FROM cache ORDER BY id;

-- another role may not pause, start or drop it
SET ROLE regress_sub_other;
SELECT * FROM zt_error($$SELECT zfdw.alter_subscription('sec', enabled => false)$$);
SELECT * FROM zt_error($$SELECT zfdw.start_subscription('sec')$$);
SELECT * FROM zt_error($$SELECT zfdw.drop_subscription('sec')$$);
-- nor create one over a source it may not read
SELECT * FROM zt_error($$SELECT zfdw.create_subscription('mine', 'subscription_security.feed', 'subscription_security.cache')$$);
RESET ROLE;
-- the owner may
SET ROLE regress_sub_owner;
SELECT zfdw.drop_subscription('sec');
RESET ROLE;

DROP SCHEMA subscription_security CASCADE;
DROP ROLE regress_sub_owner;
DROP ROLE regress_sub_other;
