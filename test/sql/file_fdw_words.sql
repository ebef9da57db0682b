-- PostgreSQL 17's file_fdw words for bad data, accepted on every version:
-- on_error 'ignore' is zfdw's 'skip' (the bad record is left out),
-- reject_limit ends a scan that leaves out too many records, and
-- log_verbosity 'verbose' | 'silent' says how much is reported.  The
-- results are compared with the same table read with zfdw's own words.
\getenv abs_srcdir PG_ABS_SRCDIR
\i :abs_srcdir/helpers.psql
CREATE SCHEMA test_file_fdw_words;
SET search_path = test_file_fdw_words, public;
\set bad :abs_srcdir '/data/hostile/bad_values.dat'
\set cb '       01  HOSTILE-REC.\n           05  NAME  PIC X(4).\n           05  AMT   PIC S9(5) COMP-3.\n           05  QTY   PIC S9(3).'
SELECT E:'cb' AS cb \gset

CREATE SERVER words FOREIGN DATA WRAPPER zfdw;
CREATE FOREIGN TABLE by_skip (name text, amt numeric, qty integer)
    SERVER words OPTIONS (filename :'bad', copybook_text :'cb', on_error 'skip');
CREATE FOREIGN TABLE by_ignore (name text, amt numeric, qty integer)
    SERVER words OPTIONS (filename :'bad', copybook_text :'cb', on_error 'ignore');

-- the same records, and only the good ones
SELECT * FROM by_ignore;
SELECT count(*) AS differences FROM
    ((TABLE by_skip EXCEPT ALL TABLE by_ignore)
     UNION ALL (TABLE by_ignore EXCEPT ALL TABLE by_skip)) d;

-- the summary NOTICE names the records left out; silent says nothing,
-- verbose names each one
ALTER FOREIGN TABLE by_ignore OPTIONS (ADD log_verbosity 'silent');
SELECT count(*), sum(amt) FROM by_ignore;
ALTER FOREIGN TABLE by_ignore OPTIONS (SET log_verbosity 'verbose');
SELECT count(*), sum(amt) FROM by_ignore;

-- reject_limit with ignore, as with skip
ALTER FOREIGN TABLE by_ignore OPTIONS (DROP log_verbosity, ADD reject_limit '3');
SELECT zt_error($$SELECT * FROM by_ignore$$);

-- a server-level default, overridden per table
ALTER SERVER words OPTIONS (ADD on_error 'ignore');
CREATE FOREIGN TABLE by_server (name text, amt numeric, qty integer)
    SERVER words OPTIONS (filename :'bad', copybook_text :'cb');
SELECT count(*), sum(amt) FROM by_server;
ALTER FOREIGN TABLE by_server OPTIONS (ADD on_error 'stop');
SELECT zt_error($$SELECT count(*), sum(amt) FROM by_server$$);

-- words outside the list are refused, naming the ones there are
SELECT zt_error($$ALTER FOREIGN TABLE by_server OPTIONS (SET on_error 'continue')$$);

DROP SCHEMA test_file_fdw_words CASCADE;
DROP SERVER words CASCADE;
