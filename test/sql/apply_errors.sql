-- zfdw.apply_changes: what it refuses, and that a refusal changes nothing.
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS zfdw;
RESET client_min_messages;
-- the per-batch progress notices (rates differ run to run) are tested in
-- apply_batched's last part
SET zfdw.apply_progress = off;
CREATE SCHEMA apply_errors;
SET search_path = apply_errors, public;

CREATE TABLE cache (id integer PRIMARY KEY, val text CHECK (val <> 'bad'),
					replicated_ts timestamptz);
CREATE TABLE feed (op text, position bigint, txid text, id integer, val text,
				   before_id integer);
INSERT INTO feed VALUES ('I', 1, 'a', 1, 'one', NULL), ('I', 2, 'b', 2, 'two', NULL);
SELECT inserted, high_water FROM zfdw.apply_changes('feed', 'cache');

-- records the engine cannot apply: the whole call stops before applying
-- anything, and the mark stays
INSERT INTO feed VALUES ('I', 3, 'c', 3, 'three', NULL), ('X', 4, 'd', 4, 'four', NULL);
SELECT * FROM zfdw.apply_changes('feed', 'cache');
SELECT inserted, skipped, high_water FROM zfdw.apply_changes('feed', 'cache', op_map => '{"X": null}');
SELECT id, val FROM cache ORDER BY id;
INSERT INTO feed VALUES (NULL, 5, 'e', 5, 'five', NULL);
SELECT * FROM zfdw.apply_changes('feed', 'cache');
DELETE FROM feed WHERE position = 5;
INSERT INTO feed VALUES ('I', 6, 'f', NULL, 'no key', NULL);
SELECT * FROM zfdw.apply_changes('feed', 'cache');
DELETE FROM feed WHERE position = 6;
INSERT INTO feed VALUES ('D', 7, 'g', NULL, NULL, NULL);
SELECT * FROM zfdw.apply_changes('feed', 'cache');
DELETE FROM feed WHERE position = 7;
INSERT INTO feed VALUES ('B', 8, 'h', 2, 'two', NULL), ('I', 9, 'h', 9, 'nine', NULL);
SELECT * FROM zfdw.apply_changes('feed', 'cache');
DELETE FROM feed WHERE position IN (8, 9);
INSERT INTO feed VALUES ('I', 10, 'i', 10, 'ten', NULL), ('D', 10, 'i', 10, 'ten', NULL);
SELECT * FROM zfdw.apply_changes('feed', 'cache');
DELETE FROM feed WHERE position = 10;
INSERT INTO feed VALUES ('I', NULL, 'j', 11, 'eleven', NULL);
SELECT * FROM zfdw.apply_changes('feed', 'cache');
DELETE FROM feed WHERE position IS NULL;
SELECT high_water FROM zfdw.replication_status WHERE target = 'cache'::regclass;

-- a transaction whose records are interleaved with another's: the position
-- does not follow commit order
CREATE TABLE cache2 (LIKE cache INCLUDING ALL);
CREATE TABLE interleaved (op text, position bigint, txid text, id integer, val text);
INSERT INTO interleaved VALUES ('I', 1, 'T1', 1, 'a'), ('I', 2, 'T2', 2, 'b'), ('I', 3, 'T1', 3, 'c');
SELECT * FROM zfdw.apply_changes('interleaved', 'cache2', txid_column => 'txid');
-- without transaction ids, each record is its own transaction
SELECT inserted FROM zfdw.apply_changes('interleaved', 'cache2');

-- a change the target refuses (its CHECK constraint) rolls the whole apply
-- back: the valid change of the same call is not applied, the mark stays
INSERT INTO feed VALUES ('U', 20, 'k', 1, 'uno', NULL), ('U', 21, 'l', 2, 'bad', NULL);
\set VERBOSITY terse
SELECT * FROM zfdw.apply_changes('feed', 'cache', op_map => '{"X": null}');
\set VERBOSITY default
SELECT id, val FROM cache ORDER BY id;
SELECT high_water FROM zfdw.replication_status WHERE target = 'cache'::regclass;
DELETE FROM feed WHERE position = 21;
SELECT inserted, updated, high_water FROM zfdw.apply_changes('feed', 'cache', op_map => '{"X": null}');

-- arguments
SELECT * FROM zfdw.apply_changes(NULL, 'cache');
SELECT * FROM zfdw.apply_changes('feed', 'feed');
SELECT * FROM zfdw.apply_changes('feed', 'cache', op_column => 'operation');
SELECT * FROM zfdw.apply_changes('feed', 'cache', position_column => 'position, recno');
SELECT * FROM zfdw.apply_changes('feed', 'cache', position_column => 'position, position');
SELECT * FROM zfdw.apply_changes('feed', 'cache', position_column => ' , position');
SELECT * FROM zfdw.apply_changes('feed', 'cache', position_column => '"position');
SELECT * FROM zfdw.apply_changes('feed', 'cache', txid_column => 'urid');
SELECT * FROM zfdw.apply_changes('feed', 'cache', commit_ts_column => 'ts');
SELECT * FROM zfdw.apply_changes('feed', 'cache', op_map => '["I"]');
SELECT * FROM zfdw.apply_changes('feed', 'cache', op_map => '{"PT": "insert"}');
SELECT * FROM zfdw.apply_changes('feed', 'cache', key_columns => ARRAY[]::text[]);
SELECT * FROM zfdw.apply_changes('feed', 'cache', key_columns => ARRAY['nope']);
SELECT * FROM zfdw.apply_changes('feed', 'cache', key_columns => ARRAY['id', 'id']);
SELECT * FROM zfdw.apply_changes('feed', 'cache', key_columns => ARRAY['val']);
SELECT * FROM zfdw.apply_changes('feed', 'cache', stamp_column => 'id');
SELECT * FROM zfdw.apply_changes('feed', 'cache', position_column => 'txid');

-- targets and sources of the wrong kind or shape
CREATE TABLE nokey (id integer, val text);
SELECT * FROM zfdw.apply_changes('feed', 'nokey');
CREATE TABLE deferred (id integer PRIMARY KEY DEFERRABLE, val text);
SELECT * FROM zfdw.apply_changes('feed', 'deferred');
CREATE VIEW cache_view AS SELECT * FROM cache;
SELECT * FROM zfdw.apply_changes('feed', 'cache_view');
CREATE SEQUENCE seq;
SELECT * FROM zfdw.apply_changes('seq', 'cache');
CREATE TABLE other_key (code text PRIMARY KEY, val text);
SELECT * FROM zfdw.apply_changes('feed', 'other_key');
CREATE TABLE composite (id integer, region text, val text, PRIMARY KEY (id, region));
CREATE TABLE half_before (op text, position bigint, id integer, region text, val text, before_id integer);
SELECT * FROM zfdw.apply_changes('half_before', 'composite');
CREATE TABLE json_position (op text, position json, id integer, val text);
SELECT * FROM zfdw.apply_changes('json_position', 'cache');
CREATE TABLE typed (id integer PRIMARY KEY, val integer);
CREATE TABLE typed_feed (op text, position bigint, id integer, val text);
INSERT INTO typed_feed VALUES ('I', 1, 1, '42');
SELECT * FROM zfdw.apply_changes('typed_feed', 'typed');

-- the procedure commits, so it cannot run inside a transaction block
BEGIN;
CALL zfdw.apply_changes_batched('feed', 'cache');
ROLLBACK;
CALL zfdw.apply_changes_batched('feed', 'cache', batch_size => 0);

-- an apply started by a trigger on the target of a running apply is
-- refused (it would need the same scratch tables); the outer apply rolls
-- back, and once the error is caught, applies work again
CREATE TABLE nest_cache (id integer PRIMARY KEY, val text, replicated_ts timestamptz);
CREATE TABLE nest_audit (id integer PRIMARY KEY, val text, replicated_ts timestamptz);
CREATE TABLE nest_feed (op text, position bigint, id integer, val text);
CREATE TABLE nest_feed2 (op text, position bigint, id integer, val text);
INSERT INTO nest_feed VALUES ('I', 1, 1, 'one'), ('I', 2, 2, 'two');
INSERT INTO nest_feed2 VALUES ('I', 1, 7, 'seven');
CREATE FUNCTION apply_audit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM * FROM zfdw.apply_changes('apply_errors.nest_feed2', 'apply_errors.nest_audit');
    RETURN NULL;
END $$;
CREATE TRIGGER apply_audit AFTER INSERT ON nest_cache
    FOR EACH STATEMENT EXECUTE FUNCTION apply_audit();
\set VERBOSITY terse
SELECT * FROM zfdw.apply_changes('nest_feed', 'nest_cache');
\set VERBOSITY default
DO $$
BEGIN
    PERFORM * FROM zfdw.apply_changes('apply_errors.nest_feed', 'apply_errors.nest_cache');
EXCEPTION WHEN object_not_in_prerequisite_state THEN
    RAISE NOTICE 'caught: %', SQLERRM;
END $$;
SELECT count(*) AS cache_rows FROM nest_cache;
DROP TRIGGER apply_audit ON nest_cache;
SELECT inserted FROM zfdw.apply_changes('nest_feed', 'nest_cache');
SELECT inserted FROM zfdw.apply_changes('nest_feed2', 'nest_audit');

SET client_min_messages = warning;
DROP SCHEMA apply_errors CASCADE;
RESET client_min_messages;
