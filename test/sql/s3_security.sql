-- Security of S3 objects: an s3:// name is a server file name (file_fdw's
-- rule: superuser or pg_read_server_files), and so is the s3_endpoint of
-- a server, which decides where the database server sends requests.
-- Secrets (user mapping options) never appear in EXPLAIN, in messages,
-- or in what other roles can read of the catalogs (pg_user_mappings
-- shows a mapping's options only to its user and the server's owner);
-- scripts/regress.sh also checks that the server log never holds them.
\getenv abs_srcdir PG_ABS_SRCDIR
\getenv s3fault ZF_S3FAULT_ENDPOINT
\i :abs_srcdir/helpers.psql
SET client_min_messages = warning;
DROP ROLE IF EXISTS regress_zfdw_s3_plain;
DROP ROLE IF EXISTS regress_zfdw_s3_reader;
RESET client_min_messages;
CREATE ROLE regress_zfdw_s3_plain;
CREATE ROLE regress_zfdw_s3_reader IN ROLE pg_read_server_files;
CREATE SCHEMA test_s3_security;
GRANT ALL ON SCHEMA test_s3_security TO regress_zfdw_s3_plain, regress_zfdw_s3_reader;
GRANT USAGE ON FOREIGN DATA WRAPPER zfdw TO regress_zfdw_s3_plain, regress_zfdw_s3_reader;
SET search_path = test_s3_security, public;
SELECT set_config('zt.s3fault', :'s3fault', false) IS NOT NULL AS set;

-- 1. an ordinary role may not name an endpoint, on a new server or an old
--    one, nor name an object; a store's other options are for everyone
SET ROLE regress_zfdw_s3_plain;
SELECT zt_error(format('CREATE SERVER plain_s3 FOREIGN DATA WRAPPER zfdw OPTIONS (s3_endpoint %L)',
                       current_setting('zt.s3fault')));
CREATE SERVER plain_aws FOREIGN DATA WRAPPER zfdw OPTIONS (aws_region 'eu-west-1', s3_url_style 'virtual');
SELECT zt_error(format('ALTER SERVER plain_aws OPTIONS (ADD s3_endpoint %L)',
                       current_setting('zt.s3fault')));
SELECT zt_error($$ALTER SERVER plain_aws OPTIONS (SET s3_url_style 'sideways')$$);
-- the region becomes part of AWS's host name: nothing else than a region
SELECT zt_error($$ALTER SERVER plain_aws OPTIONS (SET aws_region 'evil.example:80/x')$$);
SELECT zt_error($$CREATE FOREIGN TABLE plain_obj (a bytea OPTIONS (meta 'raw_record'))
    SERVER plain_aws OPTIONS (filename 's3://zfdw-fault/cobol/ksds_acct_cp037.dat', lrecl '120')$$);
SELECT zt_error($$CREATE FOREIGN TABLE plain_cpy (a text) SERVER plain_aws
    OPTIONS (copybook 's3://zfdw-fault/cobol/FIXREC.cpy')$$);
SELECT zt_error($$SELECT * FROM zfdw.inspect_file('s3://zfdw-fault/cobol/ksds_acct_cp037.dat')$$);
-- a user mapping of one's own, with a secret
CREATE USER MAPPING FOR CURRENT_USER SERVER plain_aws
    OPTIONS (aws_access_key_id 'AKIAPLAINUSER', aws_secret_access_key 'plain-Secret-4711');
SELECT zt_error($$CREATE USER MAPPING FOR regress_zfdw_s3_reader SERVER plain_aws
    OPTIONS (aws_access_key_id 'x', aws_secret_access_key '')$$);
SELECT zt_error($$ALTER USER MAPPING FOR CURRENT_USER SERVER plain_aws
    OPTIONS (ADD aws_token 'x')$$);
RESET ROLE;

-- 2. a member of pg_read_server_files may
SET ROLE regress_zfdw_s3_reader;
SELECT zt_error(format('CREATE SERVER reader_s3 FOREIGN DATA WRAPPER zfdw OPTIONS (s3_endpoint %L)',
                       current_setting('zt.s3fault')));
CREATE USER MAPPING FOR CURRENT_USER SERVER reader_s3
    OPTIONS (aws_access_key_id 'zfdwtestkey', aws_secret_access_key 'zfdw/test+secret/KEY');
CREATE FOREIGN TABLE reader_obj (acct_number bigint OPTIONS (position '1', pic '9(10)'))
    SERVER reader_s3 OPTIONS (filename 's3://zfdw-fault/cobol/ksds_acct_cp037.dat', lrecl '120');
SELECT count(*), min(acct_number) FROM reader_obj;
-- nothing in EXPLAIN holds a secret
CREATE FUNCTION plan_text(q text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE line text; all_lines text := '';
BEGIN
    FOR line IN EXECUTE 'EXPLAIN (ANALYZE, VERBOSE, COSTS OFF, TIMING OFF, SUMMARY OFF) ' || q LOOP
        all_lines := all_lines || line || E'\n';
    END LOOP;
    RETURN all_lines;
END $$;
SELECT position('zfdw/test+secret/KEY' IN plan_text('SELECT * FROM reader_obj')) AS secret_in_plan,
       position('zfdwtestkey' IN plan_text('SELECT * FROM reader_obj')) AS key_in_plan;
RESET ROLE;

-- 3. the mappings: each role sees its own options, not the others'
SET ROLE regress_zfdw_s3_reader;
SELECT srvname, usename, umoptions FROM pg_user_mappings
 WHERE srvname IN ('plain_aws', 'reader_s3') ORDER BY 1, 2;
SET ROLE regress_zfdw_s3_plain;
SELECT srvname, usename, umoptions FROM pg_user_mappings
 WHERE srvname IN ('plain_aws', 'reader_s3') ORDER BY 1, 2;
SELECT zt_error($$SELECT umoptions FROM pg_user_mapping$$);
RESET ROLE;

-- 4. errors do not quote secrets: a refused signature, a half mapping
CREATE SERVER sec_s3 FOREIGN DATA WRAPPER zfdw OPTIONS (s3_endpoint :'s3fault');
CREATE USER MAPPING FOR CURRENT_USER SERVER sec_s3
    OPTIONS (aws_access_key_id 'zfdwbadsecret', aws_secret_access_key 'not-The-Secret-42');
CREATE FOREIGN TABLE sec_obj (acct_number bigint OPTIONS (position '1', pic '9(10)'))
    SERVER sec_s3 OPTIONS (filename 's3://zfdw-fault/cobol/ksds_acct_cp037.dat', lrecl '120');
SELECT e, position('not-The-Secret-42' IN e) AS secret_at
  FROM zt_error($$SELECT count(*) FROM sec_obj$$) e;
ALTER USER MAPPING FOR CURRENT_USER SERVER sec_s3 OPTIONS (DROP aws_access_key_id);
SELECT e, position('not-The-Secret-42' IN e) AS secret_at
  FROM zt_error($$SELECT count(*) FROM sec_obj$$) e;

DROP SCHEMA test_s3_security CASCADE;
DROP SERVER sec_s3 CASCADE;
DROP SERVER plain_aws CASCADE;
DROP SERVER reader_s3 CASCADE;
DROP OWNED BY regress_zfdw_s3_plain, regress_zfdw_s3_reader;
DROP ROLE regress_zfdw_s3_plain;
DROP ROLE regress_zfdw_s3_reader;
