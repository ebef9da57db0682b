-- zfdw 1.0: applying change feeds to local tables (design §3.7).

-- One row per target: how far its change feed has been applied.
CREATE TABLE apply_state (
	target			regclass PRIMARY KEY,	-- the table changes are applied to
	source			text NOT NULL,			-- the relation they last came from
	position_columns text[] NOT NULL,		-- the source's position columns
	position_types	regtype[] NOT NULL,		-- and their types
	high_water		bytea[],				-- last position applied, one value per
											-- column in its type's binary form
	high_water_text text,					-- the same for people
	last_txid		text,					-- source transaction of that position
	last_commit_ts	timestamptz,			-- latest source commit time applied
	applied_at		timestamptz,			-- when changes were last applied
	checked_at		timestamptz,			-- when the feed was last read
	inserted		bigint NOT NULL DEFAULT 0,	-- change records applied, by kind
	updated			bigint NOT NULL DEFAULT 0,
	deleted			bigint NOT NULL DEFAULT 0,
	skipped			bigint NOT NULL DEFAULT 0
);

COMMENT ON TABLE apply_state IS
'high-water mark of each target of zfdw.apply_changes; written only by the apply, in the transaction of the rows it covers';

-- pg_dump keeps the marks, so that a restored cache resumes where it was
SELECT pg_catalog.pg_extension_config_dump('apply_state', '');

-- everyone may read the marks; only the apply (as the table's owner, after
-- checking the caller's rights on the target) writes them
REVOKE ALL ON apply_state FROM PUBLIC;
GRANT SELECT ON apply_state TO PUBLIC;

CREATE VIEW replication_status AS
SELECT target,
	   source,
	   high_water_text AS high_water,
	   last_txid,
	   last_commit_ts,
	   applied_at,
	   applied_at - last_commit_ts AS lag,
	   checked_at,
	   inserted,
	   updated,
	   deleted,
	   skipped
  FROM apply_state;

COMMENT ON VIEW replication_status IS
'per target: its change source, high-water mark, last commit time applied, when, and the lag between the two';

GRANT SELECT ON replication_status TO PUBLIC;

CREATE FUNCTION apply_changes(
	source				regclass,
	target				regclass,
	key_columns			text[] DEFAULT NULL,
	op_column			text DEFAULT 'op',
	position_column		text DEFAULT 'position',
	txid_column			text DEFAULT NULL,
	commit_ts_column	text DEFAULT NULL,
	op_map				jsonb DEFAULT NULL,
	before_prefix		text DEFAULT 'before_',
	stamp_column		text DEFAULT 'replicated_ts')
RETURNS TABLE (inserted bigint, updated bigint, deleted bigint, skipped bigint,
			   high_water text, lag interval)
AS 'MODULE_PATHNAME', 'zfdw_apply_changes'
LANGUAGE C VOLATILE;

COMMENT ON FUNCTION apply_changes(regclass, regclass, text[], text, text, text, text, jsonb, text, text) IS
'apply the change records of source to target exactly once, in position order, in the current transaction';

CREATE PROCEDURE apply_changes_batched(
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
	batch_size			integer DEFAULT 10000)
AS 'MODULE_PATHNAME', 'zfdw_apply_changes_batched'
LANGUAGE C;

COMMENT ON PROCEDURE apply_changes_batched(regclass, regclass, text[], text, text, text, text, jsonb, text, text, integer) IS
'apply_changes committing after every batch_size source transactions';

CREATE FUNCTION reset_apply_state(target regclass)
RETURNS boolean
AS 'MODULE_PATHNAME', 'zfdw_reset_apply_state'
LANGUAGE C STRICT VOLATILE;

COMMENT ON FUNCTION reset_apply_state(regclass) IS
'forget the high-water mark of target: the next apply starts from the first change';

-- A dropped target takes its mark with it, so that a new table that happens
-- to get the same OID does not inherit it.
CREATE FUNCTION apply_state_forget_dropped()
RETURNS event_trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
	DELETE FROM @extschema@.apply_state
	 WHERE target::oid IN (SELECT objid FROM pg_event_trigger_dropped_objects()
							WHERE classid = 'pg_class'::regclass AND objsubid = 0);
END
$$;

REVOKE ALL ON FUNCTION apply_state_forget_dropped() FROM PUBLIC;

CREATE EVENT TRIGGER zfdw_apply_state_forget_dropped ON sql_drop
	WHEN TAG IN ('DROP TABLE', 'DROP SCHEMA', 'DROP OWNED')
	EXECUTE FUNCTION apply_state_forget_dropped();
