-- Objects of a faulty S3 server (test/s3/s3_fault_server.py, on the
-- loopback address): it checks every request's signature with botocore
-- and injects faults asked for in the key (f/<fault>/<key>).  Every fault
-- gives either the same rows as the local file after retries, or a clean
-- error; a stalled transfer is interrupted by a statement timeout.
\getenv abs_srcdir PG_ABS_SRCDIR
\getenv s3fault ZF_S3FAULT_ENDPOINT
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_s3_faults;
SET search_path = test_s3_faults, public;
-- the plausibility check reads the start of an object with requests of its
-- own; the faults here are meant for the scan's requests
SET zfdw.plausibility_checks = off;
\set ksds :abs_srcdir '/data/cobol/ksds_acct_cp037.dat'
\set acctcpy :abs_srcdir '/../demo/data/ACCTMAST.cpy'
SELECT set_config('zt.acctcpy', :'acctcpy', false) IS NOT NULL AS set;

-- (compression 'none': recognising a compressed object by its first bytes
-- would take requests of its own, at planning and at the scan's start)
CREATE SERVER faulty FOREIGN DATA WRAPPER zfdw OPTIONS (s3_endpoint :'s3fault', compression 'none');
CREATE USER MAPPING FOR CURRENT_USER SERVER faulty
    OPTIONS (aws_access_key_id 'zfdwtestkey', aws_secret_access_key 'zfdw/test+secret/KEY');
CREATE FOREIGN TABLE acct_local (acct_number bigint, acct_holder_name text,
                                 acct_current_bal numeric(15,2))
    SERVER faulty OPTIONS (filename :'ksds', copybook :'acctcpy');
SET zfdw.s3_max_retries = 3;

-- Read the account file through a fault: are the rows the local file's,
-- and how many retries did EXPLAIN ANALYZE count (a second table with the
-- same fault from its start).
CREATE FUNCTION fault_scan(fault text, OUT same boolean, OUT retries int, OUT requests int)
LANGUAGE plpgsql AS $$
DECLARE
    plan json;
    cols text := 'acct_number bigint, acct_holder_name text, acct_current_bal numeric(15,2)';
BEGIN
    EXECUTE format('CREATE FOREIGN TABLE f_rows (%s) SERVER faulty OPTIONS (filename %L, copybook %L)',
                   cols, 's3://zfdw-fault/f/' || fault || '.rows/cobol/ksds_acct_cp037.dat',
                   current_setting('zt.acctcpy'));
    EXECUTE format('CREATE FOREIGN TABLE f_plan (%s) SERVER faulty OPTIONS (filename %L, copybook %L)',
                   cols, 's3://zfdw-fault/f/' || fault || '.plan/cobol/ksds_acct_cp037.dat',
                   current_setting('zt.acctcpy'));
    EXECUTE 'SELECT (SELECT string_agg(t::text, '','' ORDER BY acct_number) FROM f_rows t) =
                    (SELECT string_agg(t::text, '','' ORDER BY acct_number) FROM acct_local t)'
       INTO same;
    EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, FORMAT JSON) SELECT * FROM f_plan' INTO plan;
    retries := (plan -> 0 -> 'Plan' ->> 'S3 Retries')::int;
    requests := (plan -> 0 -> 'Plan' ->> 'S3 Requests')::int;
    DROP FOREIGN TABLE f_rows, f_plan;
END $$;

-- no fault: one HEAD and one GET for the whole object
SELECT * FROM fault_scan('none');
-- retried to success: 5xx, throttling, a connection reset or a body cut
-- short half way (resumed from the first byte missing), a range other
-- than the one asked for
SELECT * FROM fault_scan('503x2');
SELECT * FROM fault_scan('500x1');
SELECT * FROM fault_scan('throttlex2');
SELECT * FROM fault_scan('resetx2');
SELECT * FROM fault_scan('truncx2');
SELECT * FROM fault_scan('badrangex1');
SELECT * FROM fault_scan('head503x1');
-- a shorter range than asked for is not an error: the rest is asked for
SELECT same, retries, requests > 2 AS more_requests FROM fault_scan('shortx3');
-- slow bodies arrive whole
SELECT * FROM fault_scan('slow');

-- errors: retries exhausted, not found, denied, a malformed listing
CREATE FOREIGN TABLE always503 (acct_number bigint) SERVER faulty
    OPTIONS (filename 's3://zfdw-fault/f/always503/cobol/ksds_acct_cp037.dat', copybook :'acctcpy');
SET zfdw.s3_max_retries = 2;
SELECT * FROM zt_error($$SELECT count(*) FROM always503$$);
CREATE FOREIGN TABLE badrange (acct_number bigint) SERVER faulty
    OPTIONS (filename 's3://zfdw-fault/f/badrangex9/cobol/ksds_acct_cp037.dat', copybook :'acctcpy');
SELECT * FROM zt_error($$SELECT count(*) FROM badrange$$);
RESET zfdw.s3_max_retries;
CREATE FOREIGN TABLE missing (acct_number bigint) SERVER faulty
    OPTIONS (filename 's3://zfdw-fault/f/missing/cobol/ksds_acct_cp037.dat', copybook :'acctcpy');
SELECT * FROM zt_error($$SELECT count(*) FROM missing$$);
CREATE FOREIGN TABLE denied (acct_number bigint) SERVER faulty
    OPTIONS (filename 's3://zfdw-fault/f/denied/cobol/ksds_acct_cp037.dat', copybook :'acctcpy');
SELECT * FROM zt_error($$SELECT count(*) FROM denied$$);
CREATE FOREIGN TABLE badxml (acct_number bigint) SERVER faulty
    OPTIONS (filename 's3://zfdw-fault/f/badxml/cobol/*.dat', copybook :'acctcpy');
SELECT * FROM zt_error($$SELECT count(*) FROM badxml$$);

-- a listing of many pages (the server answers three keys a page), in
-- name order, as the local glob
\set g :abs_srcdir '/data/punch/*.dat'
CREATE FOREIGN TABLE pages_local (f text OPTIONS (meta 'file_name'), raw bytea OPTIONS (meta 'raw_record'))
    SERVER faulty OPTIONS (filename :'g', recfm 'text', codepage 'latin1');
CREATE FOREIGN TABLE pages_s3 (f text OPTIONS (meta 'file_name'), raw bytea OPTIONS (meta 'raw_record'))
    SERVER faulty OPTIONS (filename 's3://zfdw-fault/punch/*.dat', recfm 'text', codepage 'latin1');
SELECT (SELECT array_agg(DISTINCT regexp_replace(f, '^.*/', '')) FROM pages_s3) =
       (SELECT array_agg(DISTINCT regexp_replace(f, '^.*/', '')) FROM pages_local) AS same_objects,
       (SELECT count(DISTINCT f) FROM pages_s3) AS objects,
       (SELECT string_agg(md5(raw), ',') FROM pages_s3) =
       (SELECT string_agg(md5(raw), ',') FROM pages_local) AS same_records_in_order;

-- a transfer that stalls: a statement timeout ends it within a second
CREATE FOREIGN TABLE stalled (acct_number bigint) SERVER faulty
    OPTIONS (filename 's3://zfdw-fault/f/stall/cobol/ksds_acct_cp037.dat', copybook :'acctcpy');
SELECT clock_timestamp() AS t0 \gset
SET statement_timeout = '1s';
SELECT sum(acct_number) FROM stalled;
RESET statement_timeout;
SELECT clock_timestamp() - :'t0'::timestamptz < interval '2.5 s' AS interrupted_promptly;
-- ... and the read timeout gives up on it, after retries, cleanly
SET zfdw.s3_read_timeout = 300;
SET zfdw.s3_max_retries = 1;
SELECT * FROM zt_error($$SELECT sum(acct_number) FROM stalled$$);
RESET zfdw.s3_read_timeout;
RESET zfdw.s3_max_retries;

-- credentials: a key the store does not know is refused, with neither key
-- in the message; without a user mapping, the server's credentials file
-- (AWS_SHARED_CREDENTIALS_FILE, profile AWS_PROFILE) signs
CREATE SERVER faulty_wrong FOREIGN DATA WRAPPER zfdw OPTIONS (s3_endpoint :'s3fault');
CREATE USER MAPPING FOR CURRENT_USER SERVER faulty_wrong
    OPTIONS (aws_access_key_id 'unknownkey', aws_secret_access_key 'wrong-secret-9');
CREATE FOREIGN TABLE wrong_key (acct_number bigint) SERVER faulty_wrong
    OPTIONS (filename 's3://zfdw-fault/cobol/ksds_acct_cp037.dat', copybook :'acctcpy');
SELECT * FROM zt_error($$SELECT count(*) FROM wrong_key$$);
CREATE SERVER faulty_file FOREIGN DATA WRAPPER zfdw OPTIONS (s3_endpoint :'s3fault');
CREATE FOREIGN TABLE from_file (acct_number bigint) SERVER faulty_file
    OPTIONS (filename 's3://zfdw-fault/cobol/ksds_acct_cp037.dat', copybook :'acctcpy');
SELECT count(*) FROM from_file;

-- the SQL functions take the environment's endpoint (AWS_ENDPOINT_URL)
SELECT topic, finding FROM zfdw.inspect_file('s3://zfdw-fault/cobol/ksds_acct_cp037.dat', lrecl => 120)
 WHERE topic IN ('file', 'fixed length') ORDER BY 1;

DROP SCHEMA test_s3_faults CASCADE;
DROP SERVER faulty CASCADE;
DROP SERVER faulty_wrong CASCADE;
DROP SERVER faulty_file CASCADE;
