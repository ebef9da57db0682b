-- zfdw 1.0, as released: the extension script of version 1.0, kept so that
-- an installed 1.0 can be recreated and upgraded (ALTER EXTENSION zfdw
-- UPDATE).  Made by concatenating sql/*.sql of commit 4521f9f; never edited.

-- zfdw 1.0: the foreign-data wrapper itself.

\echo Use "CREATE EXTENSION zfdw" to load this file. \quit

CREATE FUNCTION zfdw_handler()
RETURNS fdw_handler
AS 'MODULE_PATHNAME'
LANGUAGE C STRICT;

CREATE FUNCTION zfdw_validator(text[], oid)
RETURNS void
AS 'MODULE_PATHNAME'
LANGUAGE C STRICT;

-- Everyone may use the functions of the extension's schema (the decoders,
-- DDL conversion, apply_changes runs with the caller's own rights); what
-- reads server files checks pg_read_server_files itself.
GRANT USAGE ON SCHEMA @extschema@ TO PUBLIC;

CREATE FOREIGN DATA WRAPPER zfdw
  HANDLER zfdw_handler
  VALIDATOR zfdw_validator;
-- zfdw 1.0: layouts as rows, and the decoders one value at a time.

CREATE FUNCTION copybook_layout(copybook text, record text DEFAULT NULL,
    allow_larger_redefines boolean DEFAULT false, OUT record text, OUT path text, OUT level int, OUT name text,
    OUT "offset" int, OUT length int, OUT usage text, OUT picture text,
    OUT digits int, OUT scale int, OUT signed boolean, OUT occurs int,
    OUT occurs_min int, OUT depending_on text, OUT redefines text,
    OUT pg_type text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'zfdw_copybook_layout'
LANGUAGE C STABLE CALLED ON NULL INPUT;

COMMENT ON FUNCTION copybook_layout(text, text, boolean) IS
'the resolved layout of a COBOL copybook: one row per item, offsets as IBM Enterprise COBOL lays them out (allow_larger_redefines: let a REDEFINES below level 01 be larger than the item it redefines, as Cobrix and cb2xml do)';

CREATE FUNCTION unpack_decimal(bytes bytea, scale int DEFAULT 0)
RETURNS numeric
AS 'MODULE_PATHNAME', 'zfdw_unpack_decimal'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION unzone(bytes bytea, scale int DEFAULT 0, codepage text DEFAULT 'cp037')
RETURNS numeric
AS 'MODULE_PATHNAME', 'zfdw_unzone'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION from_binary(bytes bytea, scale int DEFAULT 0, signed boolean DEFAULT true)
RETURNS numeric
AS 'MODULE_PATHNAME', 'zfdw_from_binary'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION from_hfp(bytes bytea)
RETURNS double precision
AS 'MODULE_PATHNAME', 'zfdw_from_hfp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION from_ebcdic(bytes bytea, codepage text DEFAULT 'cp037')
RETURNS text
AS 'MODULE_PATHNAME', 'zfdw_from_ebcdic'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION to_ebcdic(value text, codepage text DEFAULT 'cp037')
RETURNS bytea
AS 'MODULE_PATHNAME', 'zfdw_to_ebcdic'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION pack_decimal(value numeric, digits int, scale int DEFAULT 0)
RETURNS bytea
AS 'MODULE_PATHNAME', 'zfdw_pack_decimal'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION tod_to_timestamptz(bytes bytea)
RETURNS timestamptz
AS 'MODULE_PATHNAME', 'zfdw_tod_to_timestamptz'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION lrsn_to_timestamptz(bytes bytea)
RETURNS timestamptz
AS 'MODULE_PATHNAME', 'zfdw_lrsn_to_timestamptz'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION inspect_file(filename text, codepage text DEFAULT NULL,
    lrecl int DEFAULT NULL, OUT topic text, OUT finding text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'zfdw_inspect_file'
LANGUAGE C VOLATILE CALLED ON NULL INPUT;

REVOKE ALL ON FUNCTION inspect_file(text, text, int) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION inspect_file(text, text, int) TO pg_read_server_files;

COMMENT ON FUNCTION inspect_file(text, text, int) IS
'what a file looks like: descriptor chains, fixed lengths, EBCDIC or ASCII, transfer damage, and the table options to use';
-- DB2 for z/OS UNLOAD files: the layout a SYSPUNCH describes.

CREATE FUNCTION punch_layout(punch text, ddl text DEFAULT NULL,
    OUT record text, OUT path text, OUT level int, OUT name text,
    OUT "offset" int, OUT length int, OUT usage text, OUT picture text,
    OUT digits int, OUT scale int, OUT signed boolean, OUT occurs int,
    OUT occurs_min int, OUT depending_on text, OUT redefines text,
    OUT pg_type text, OUT null_indicator int)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'zfdw_punch_layout'
LANGUAGE C STABLE CALLED ON NULL INPUT;

COMMENT ON FUNCTION punch_layout(text, text) IS
'the layout of a DB2 SYSPUNCH (the LOAD statement UNLOAD writes), with DECIMAL precision and scale from the DDL when given: one row per field of every INTO TABLE, offsets 0-based, null_indicator the offset of its null indicator byte';
-- zfdw 1.0: DB2 for z/OS DDL to PostgreSQL DDL (src/fdw/ddl_functions.c).

CREATE FUNCTION db2_ddl_to_pg(ddl text, options jsonb DEFAULT '{}')
RETURNS text
AS 'MODULE_PATHNAME', 'zfdw_db2_ddl_to_pg'
LANGUAGE C STABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION db2_ddl_to_pg(text, jsonb) IS
'DB2 for z/OS DDL converted to runnable PostgreSQL DDL, with a comment for every clause changed or dropped';

CREATE FUNCTION db2_ddl_convert(ddl text, options jsonb DEFAULT '{}')
RETURNS TABLE (statement_no integer, line integer, kind text,
               object_name text, sql text, notes text[])
AS 'MODULE_PATHNAME', 'zfdw_db2_ddl_convert'
LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 100;

COMMENT ON FUNCTION db2_ddl_convert(text, jsonb) IS
'DB2 for z/OS DDL converted statement by statement: source line, kind, object, PostgreSQL SQL (NULL when dropped) and notes';
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
