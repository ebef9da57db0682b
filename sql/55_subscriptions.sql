-- zfdw 1.0: subscriptions, change feeds applied continuously by background
-- workers (src/fdw/subscription/).
--
-- Background worker entry points, exported by scripts/exports.sh:
-- BGWORKER zfdw_subscription_worker_main
-- BGWORKER zfdw_subscription_launcher_main
-- BGWORKER zfdw_subscription_starter_main

CREATE SEQUENCE subscription_id_seq AS integer;

-- One row per subscription: what to apply to what, and how.
CREATE TABLE subscription (
	id				integer PRIMARY KEY DEFAULT nextval('subscription_id_seq'),
	name			text NOT NULL UNIQUE,
	owner			regrole NOT NULL,		-- the worker applies with its rights
	source			regclass NOT NULL,		-- a zfdw foreign table over a glob
	target			regclass NOT NULL UNIQUE,	-- one feed per target
	key_columns		text[],					-- the arguments of apply_changes
	op_column		text NOT NULL,
	position_column text NOT NULL,
	txid_column		text,
	commit_ts_column text,
	op_map			jsonb,
	before_prefix	text,
	stamp_column	text,
	options			jsonb NOT NULL DEFAULT '{}',	-- landing rule, intervals
	enabled			boolean NOT NULL DEFAULT true,
	created_at		timestamptz NOT NULL DEFAULT now()
);

ALTER SEQUENCE subscription_id_seq OWNED BY subscription.id;

COMMENT ON TABLE subscription IS
'subscriptions: a change source applied to a target continuously by a background worker; written by zfdw.create_subscription, alter_subscription and drop_subscription';

-- What the worker has done and is doing.  last_file is written in the
-- transaction of the changes it covers, like the high-water mark.
CREATE TABLE subscription_state (
	subscription	integer PRIMARY KEY REFERENCES subscription ON DELETE CASCADE,
	state			text NOT NULL DEFAULT 'starting',
	worker_pid		integer,
	last_file		text,					-- last file applied (name order)
	last_file_bytes bigint,
	last_file_landed_at timestamptz,		-- when it was complete on disk
	last_file_applied_at timestamptz,		-- when its changes were committed
	files_applied	bigint NOT NULL DEFAULT 0,
	changes_applied bigint NOT NULL DEFAULT 0,
	backlog_files	integer NOT NULL DEFAULT 0,	-- files after last_file
	backlog_bytes	bigint NOT NULL DEFAULT 0,
	polled_at		timestamptz,
	errors			bigint NOT NULL DEFAULT 0,
	last_error		text,
	last_error_at	timestamptz
);

COMMENT ON TABLE subscription_state IS
'per subscription: the last file applied (committed with its changes), the backlog, the worker''s state and last error';

-- Lag of each apply transaction of the last minutes, for percentiles.
CREATE TABLE subscription_lag (
	subscription	integer NOT NULL REFERENCES subscription ON DELETE CASCADE,
	at				timestamptz NOT NULL,	-- when the apply committed
	lag				interval NOT NULL,		-- at minus the newest commit applied
	changes			bigint NOT NULL
);
CREATE INDEX ON subscription_lag (subscription, at);

COMMENT ON TABLE subscription_lag IS
'one row per apply transaction of a subscription, kept for 15 minutes: the lag at commit and the changes applied';

SELECT pg_catalog.pg_extension_config_dump('subscription', '');
SELECT pg_catalog.pg_extension_config_dump('subscription_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('subscription_state', '');

-- everyone may read them; only zfdw's functions and workers write them
REVOKE ALL ON subscription, subscription_state, subscription_lag FROM PUBLIC;
GRANT SELECT ON subscription, subscription_state, subscription_lag TO PUBLIC;

CREATE FUNCTION create_subscription(
	name				text,
	source				regclass,
	target				regclass,
	key_columns			text[] DEFAULT NULL,
	op_column			text DEFAULT 'op',
	position_column		text DEFAULT 'position',
	txid_column			text DEFAULT NULL,
	commit_ts_column	text DEFAULT NULL,
	op_map				jsonb DEFAULT NULL,
	before_prefix		text DEFAULT 'before_',
	stamp_column		text DEFAULT 'replicated_ts',
	options				jsonb DEFAULT '{}')
RETURNS integer
AS 'MODULE_PATHNAME', 'zfdw_create_subscription'
LANGUAGE C VOLATILE;

COMMENT ON FUNCTION create_subscription(text, regclass, regclass, text[], text, text, text, text, jsonb, text, text, jsonb) IS
'apply the change files of source to target continuously, with the caller''s rights, in a background worker started at commit';

CREATE FUNCTION alter_subscription(
	name				text,
	enabled				boolean DEFAULT NULL,
	options				jsonb DEFAULT NULL,
	resume_after		text DEFAULT NULL)
RETURNS boolean
AS 'MODULE_PATHNAME', 'zfdw_alter_subscription'
LANGUAGE C VOLATILE;

COMMENT ON FUNCTION alter_subscription(text, boolean, jsonb, text) IS
'pause (enabled => false) or resume (enabled => true) a subscription, change its options (merged into the current ones), or make it read the files after resume_after again ('''' for all)';

CREATE FUNCTION drop_subscription(name text, if_exists boolean DEFAULT false)
RETURNS boolean
AS 'MODULE_PATHNAME', 'zfdw_drop_subscription'
LANGUAGE C VOLATILE;

COMMENT ON FUNCTION drop_subscription(text, boolean) IS
'remove a subscription (its worker stops; the target keeps its rows and its high-water mark)';

CREATE FUNCTION start_subscription(name text)
RETURNS boolean
AS 'MODULE_PATHNAME', 'zfdw_start_subscription'
LANGUAGE C STRICT VOLATILE;

COMMENT ON FUNCTION start_subscription(text) IS
'start the worker of an enabled subscription at commit, unless one runs (after a server restart without zfdw in shared_preload_libraries)';

-- A dropped source or target takes its subscription with it (its worker
-- stops at its next poll), as a dropped target takes its mark.
CREATE FUNCTION subscription_forget_dropped()
RETURNS event_trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	DELETE FROM @extschema@.subscription
	 WHERE source::oid IN (SELECT objid FROM pg_event_trigger_dropped_objects()
							WHERE classid = 'pg_class'::regclass AND objsubid = 0)
		OR target::oid IN (SELECT objid FROM pg_event_trigger_dropped_objects()
							WHERE classid = 'pg_class'::regclass AND objsubid = 0);
END
$$;

REVOKE ALL ON FUNCTION subscription_forget_dropped() FROM PUBLIC;

CREATE EVENT TRIGGER zfdw_subscription_forget_dropped ON sql_drop
	WHEN TAG IN ('DROP TABLE', 'DROP FOREIGN TABLE', 'DROP SCHEMA', 'DROP OWNED')
	EXECUTE FUNCTION subscription_forget_dropped();

-- The status of every change target: the marks of apply_state, and for a
-- subscription its worker, lag percentiles, backlog and last error.
CREATE OR REPLACE VIEW replication_status AS
SELECT COALESCE(a.target, s.target) AS target,
	   COALESCE(a.source, s.source::text) AS source,
	   a.high_water_text AS high_water,
	   a.last_txid,
	   a.last_commit_ts,
	   a.applied_at,
	   a.applied_at - a.last_commit_ts AS lag,
	   a.checked_at,
	   a.inserted,
	   a.updated,
	   a.deleted,
	   a.skipped,
	   s.name AS subscription,
	   CASE WHEN s.id IS NULL THEN NULL
			WHEN NOT s.enabled THEN 'paused'
			ELSE st.state END AS state,
	   pg_catalog.clock_timestamp() - a.last_commit_ts AS lag_now,
	   st.last_file,
	   st.last_file_applied_at - st.last_file_landed_at AS landing_to_applied,
	   l.lag_p50,
	   l.lag_p95,
	   l.lag_max,
	   l.changes_per_second,
	   st.backlog_files,
	   st.backlog_bytes,
	   st.errors,
	   st.last_error,
	   st.last_error_at
  FROM apply_state a
  FULL JOIN subscription s ON s.target OPERATOR(pg_catalog.=) a.target
  LEFT JOIN subscription_state st ON st.subscription OPERATOR(pg_catalog.=) s.id
  LEFT JOIN LATERAL (
	SELECT pg_catalog.percentile_cont(0.5) WITHIN GROUP (ORDER BY x.lag) AS lag_p50,
		   pg_catalog.percentile_cont(0.95) WITHIN GROUP (ORDER BY x.lag) AS lag_p95,
		   pg_catalog.max(x.lag) AS lag_max,
		   round(pg_catalog.sum(x.changes) FILTER (
				WHERE x.at OPERATOR(pg_catalog.>) (pg_catalog.now() OPERATOR(pg_catalog.-) interval '1 minute'))
				 / 60.0, 1) AS changes_per_second
	  FROM subscription_lag x
	 WHERE x.subscription OPERATOR(pg_catalog.=) s.id
	   AND x.at OPERATOR(pg_catalog.>) (pg_catalog.now() OPERATOR(pg_catalog.-) interval '5 minutes')) l ON true;

COMMENT ON VIEW replication_status IS
'per target: its change source, high-water mark, last commit time applied, lag; for a subscription also its state, lag now and its percentiles over 5 minutes, changes per second over the last minute, backlog and last error';

GRANT SELECT ON replication_status TO PUBLIC;

COMMENT ON SEQUENCE subscription_id_seq IS
'ids of zfdw.subscription';
COMMENT ON FUNCTION subscription_forget_dropped() IS
'event trigger function: dropping a subscription''s source or target drops the subscription';
COMMENT ON EVENT TRIGGER zfdw_subscription_forget_dropped IS
'drops the subscriptions whose source or target was dropped';
