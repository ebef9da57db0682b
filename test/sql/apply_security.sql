-- zfdw.apply_changes runs with the caller's privileges, checks them up
-- front, writes zfdw.apply_state only through the apply, and quotes every
-- name it puts into SQL.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS zfdw;
DROP ROLE IF EXISTS regress_apply_owner;
DROP ROLE IF EXISTS regress_apply_user;
DROP ROLE IF EXISTS regress_apply_other;
RESET client_min_messages;
CREATE ROLE regress_apply_owner;
CREATE ROLE regress_apply_user;
CREATE ROLE regress_apply_other;
CREATE SCHEMA apply_security AUTHORIZATION regress_apply_owner;
GRANT USAGE ON SCHEMA apply_security TO regress_apply_user, regress_apply_other;

SET ROLE regress_apply_owner;
SET search_path = apply_security;
CREATE TABLE feed (op text, position bigint, id integer, val text, secret text);
INSERT INTO feed VALUES ('I', 1, 1, 'one', 'x'), ('I', 2, 2, 'two', 'y'), ('D', 3, 1, NULL, NULL);
CREATE TABLE cache (id integer PRIMARY KEY, val text, replicated_ts timestamptz);
-- the owner applies as an ordinary role
SELECT inserted, deleted, high_water FROM zfdw.apply_changes('feed', 'cache');
RESET ROLE;

-- no SELECT on the source
SET ROLE regress_apply_user;
SET search_path = apply_security;
SELECT * FROM zfdw.apply_changes('feed', 'cache');
RESET ROLE;
-- column privileges on the columns the apply reads are enough
GRANT SELECT (op, position, id, val) ON apply_security.feed TO regress_apply_user;
SET ROLE regress_apply_user;
SET search_path = apply_security;
SELECT * FROM zfdw.apply_changes('feed', 'cache');
RESET ROLE;
GRANT SELECT, INSERT, UPDATE ON apply_security.cache TO regress_apply_user;
SET ROLE regress_apply_user;
SET search_path = apply_security;
SELECT * FROM zfdw.apply_changes('feed', 'cache');
SELECT zfdw.reset_apply_state('cache');
RESET ROLE;
GRANT DELETE ON apply_security.cache TO regress_apply_user;
INSERT INTO apply_security.feed VALUES ('U', 4, 2, 'deux', NULL);

-- An operator planted in the search_path ahead of pg_catalog must not run
-- when the apply writes apply_state as its owner.
GRANT CREATE ON DATABASE contrib_regression TO regress_apply_user;
SET ROLE regress_apply_user;
CREATE SCHEMA regress_apply_trap;
CREATE FUNCTION regress_apply_trap.trap_eq(regclass, regclass) RETURNS boolean
	LANGUAGE plpgsql AS $$ BEGIN RAISE NOTICE 'trap ran as %', current_user; RETURN $1::oid = $2::oid; END $$;
CREATE OPERATOR regress_apply_trap.= (LEFTARG = regclass, RIGHTARG = regclass,
									  FUNCTION = regress_apply_trap.trap_eq);
SET search_path = regress_apply_trap, pg_catalog, apply_security;
-- the trap catches an unqualified comparison of regclass values
SELECT count(*) FROM zfdw.apply_state WHERE target = 'cache'::regclass;
-- but not the apply's
SELECT inserted, updated, deleted, skipped, high_water FROM zfdw.apply_changes('feed', 'cache');
SET search_path = apply_security;
SELECT id, val FROM cache ORDER BY id;

-- everyone reads the marks; nobody writes them but the apply
SELECT target, high_water, inserted, updated, deleted FROM zfdw.replication_status
 WHERE target = 'cache'::regclass;
UPDATE zfdw.apply_state SET high_water = NULL;
DELETE FROM zfdw.apply_state;
INSERT INTO zfdw.apply_state (target, source, position_columns, position_types)
	VALUES ('cache', 'feed', '{x}', '{int4}');
SELECT zfdw.apply_state_forget_dropped();
RESET ROLE;

-- another role may neither apply to nor reset someone else's cache
SET ROLE regress_apply_other;
SET search_path = apply_security;
SELECT * FROM zfdw.apply_changes('feed', 'cache');
SELECT zfdw.reset_apply_state('cache');
RESET ROLE;

-- Hostile names: every identifier and literal of the generated SQL is
-- quoted.  The position column holds a comma, so it is double-quoted in
-- position_column.
CREATE SCHEMA "apply sec""urity; --";
SET search_path = "apply sec""urity; --";
CREATE TABLE "fe'ed; DROP TABLE x; --" (
	"op; DROP" text,
	"Pos,ition" bigint,
	"tx'id" text,
	"key ""quoted""" integer,
	"val'ue" text,
	"b'4_key ""quoted""" integer
);
CREATE TABLE "ca""che" (
	"key ""quoted""" integer PRIMARY KEY,
	"val'ue" text,
	"stamp$; x" timestamptz
);
INSERT INTO "fe'ed; DROP TABLE x; --" VALUES
	('P''T', 1, 'T''1', 1, 'one''s', NULL),
	('P''T', 2, 'T''1', 2, 'two', NULL),
	('U"P', 3, 'T"2', 3, 'three', 2),
	('D;L', 4, 'T;3', NULL, NULL, 1);
SELECT inserted, updated, deleted, skipped, high_water
  FROM zfdw.apply_changes('"fe''ed; DROP TABLE x; --"', '"ca""che"',
						  op_column => 'op; DROP', position_column => '"Pos,ition"',
						  txid_column => 'tx''id', before_prefix => 'b''4_',
						  stamp_column => 'stamp$; x',
						  op_map => '{"P''T": "I", "U\"P": "U", "D;L": "D"}');
SELECT "key ""quoted""", "val'ue", "stamp$; x" IS NOT NULL AS stamped FROM "ca""che";
SELECT target, source, high_water, last_txid FROM zfdw.replication_status
 WHERE target = '"ca""che"'::regclass;
RESET search_path;

SET client_min_messages = warning;
DROP SCHEMA "apply sec""urity; --" CASCADE;
DROP SCHEMA apply_security CASCADE;
DROP SCHEMA regress_apply_trap CASCADE;
REVOKE CREATE ON DATABASE contrib_regression FROM regress_apply_user;
DROP ROLE regress_apply_owner;
DROP ROLE regress_apply_user;
DROP ROLE regress_apply_other;
RESET client_min_messages;
SELECT count(*) FROM zfdw.apply_state;
